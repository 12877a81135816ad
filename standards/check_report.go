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
// analysed and a count.
func (r *Report) WriteText(w io.Writer) error {
	var b strings.Builder
	for _, f := range r.Findings {
		fmt.Fprintf(&b, "%s: %s: %s: %s [%s]\n", f.Pos, f.Severity, f.Code, f.Message, f.Method)
		if f.Hint != "" {
			fmt.Fprintf(&b, "    hint: %s\n", f.Hint)
		}
		for _, rel := range f.Related {
			fmt.Fprintf(&b, "    %s: %s\n", rel.Pos, rel.What)
		}
		if f.Witness != nil {
			js, err := f.Witness.JSON()
			if err != nil {
				return err
			}
			b.WriteString("    witness case (jizhun decide --case):\n")
			for _, line := range strings.Split(strings.TrimRight(string(js), "\n"), "\n") {
				b.WriteString("      " + line + "\n")
			}
			if f.Contrast != nil {
				js, err := f.Contrast.JSON()
				if err != nil {
					return err
				}
				b.WriteString("    compared with (jizhun decide --case):\n")
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
			fmt.Fprintf(&b, "%s: item %s version %s: checked with %d generated cases (a defect found is certain, an absence is not proven): %s\n",
				r.File, c.Item, c.Version, c.Cases, c.Note)
		} else {
			interval++
		}
	}
	fmt.Fprintf(&b, "%s: %d errors, %d warnings; %d benchmarks checked by interval reasoning, %d with generated cases\n",
		r.File, r.Errors(), r.Warnings(), interval, generated)
	_, err := io.WriteString(w, b.String())
	return err
}

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
