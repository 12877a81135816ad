package standards

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strings"
)

// WriteText writes the report for people: one block per finding, headed
// "file:line:col: severity: code: message", then the hint, the other rules
// involved and the witness case as Case JSON; then how each benchmark was
// analysed and a count. The words around the findings are in the
// language of Localize, Chinese by default; the findings are as they
// are (Chinese unless localized).
func (r *Report) WriteText(w io.Writer) error {
	say := func(format string, args ...any) string { return messagesZh.P(format, args...).Render(r.lang) }
	var b strings.Builder
	for _, f := range r.Findings {
		fmt.Fprintf(&b, "%s: %s: %s: %s [%s]\n", f.Pos, f.Severity.Word(r.lang), f.Code, f.Message, f.Method.Word(r.lang))
		if f.Hint != "" {
			fmt.Fprintf(&b, "    %s\n", say("hint: %s", f.Hint))
		}
		for _, rel := range f.Related {
			fmt.Fprintf(&b, "    %s: %s\n", rel.Pos, rel.What)
		}
		if f.Witness != nil {
			js, err := f.Witness.JSON()
			if err != nil {
				return err
			}
			b.WriteString("    " + say("witness case (jizhun decide --case):") + "\n")
			for _, line := range strings.Split(strings.TrimRight(string(js), "\n"), "\n") {
				b.WriteString("      " + line + "\n")
			}
			if f.Contrast != nil {
				js, err := f.Contrast.JSON()
				if err != nil {
					return err
				}
				b.WriteString("    " + say("compared with (jizhun decide --case):") + "\n")
				for _, line := range strings.Split(strings.TrimRight(string(js), "\n"), "\n") {
					b.WriteString("      " + line + "\n")
				}
			}
		}
	}
	interval, generated := 0, 0
	for _, c := range r.Coverage {
		if c.Method == MethodGenerated {
			generated++
			b.WriteString(say("%s: item %s version %s: checked with %d generated cases (a defect found is certain, an absence is not proven): %s",
				r.File, c.Item, c.Version, c.Cases, c.Note) + "\n")
		} else {
			interval++
		}
	}
	b.WriteString(say("%s: %d errors, %d warnings; %d benchmarks checked by interval reasoning, %d with generated cases",
		r.File, r.Errors(), r.Warnings(), interval, generated) + "\n")
	_, err := io.WriteString(w, b.String())
	return err
}

// Word is the severity as the text report prints it in lang: 错误 or 警告,
// error or warning in English. JSON keeps the codes error and warning.
func (s Severity) Word(lang string) string { return messagesZh.P(string(s)).Render(lang) }

// Word is the method as the text report prints it in lang.
func (m Method) Word(lang string) string { return messagesZh.P(string(m)).Render(lang) }

// JSON renders the report as indented JSON with a final newline.
func (r *Report) JSON() ([]byte, error) {
	out := *r
	if out.Findings == nil {
		out.Findings = []Finding{}
	}
	if out.Coverage == nil {
		out.Coverage = []Coverage{}
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(out); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
