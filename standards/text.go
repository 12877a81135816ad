package standards

import (
	"strings"
	"unicode"
)

// joinCJK removes the spaces and tabs between two Chinese characters or
// Chinese punctuation marks. A YAML folded scalar (`>`) turns each line
// break into a space, which Chinese does not use: "系虚构，\n不是" is read as
// "系虚构， 不是". Spaces next to a Latin letter or a digit stay, so that
// "GB 3095" and "本基准 v2" keep theirs; line breaks stay too.
func joinCJK(s string) string {
	if !strings.ContainsAny(s, " \t") {
		return s
	}
	rs := []rune(s)
	out := make([]rune, 0, len(rs))
	for i := 0; i < len(rs); i++ {
		if rs[i] != ' ' && rs[i] != '\t' {
			out = append(out, rs[i])
			continue
		}
		j := i
		for j < len(rs) && (rs[j] == ' ' || rs[j] == '\t') {
			j++
		}
		if len(out) > 0 && j < len(rs) && isCJK(out[len(out)-1]) && isCJK(rs[j]) {
			i = j - 1 // drop the run
			continue
		}
		out = append(out, rs[i:j]...)
		i = j - 1
	}
	return string(out)
}

// isCJK reports whether r is a Chinese character or a mark of Chinese
// punctuation: the ideographs, the CJK symbols and punctuation block (、。
// 〔〕《》「」), the full-width forms (，；：（）！？) and the quotation marks,
// dashes and ellipsis that Chinese text sets in their general-punctuation
// forms (“”‘’—…).
func isCJK(r rune) bool {
	switch {
	case unicode.Is(unicode.Han, r):
		return true
	case r >= 0x3000 && r <= 0x303F, // CJK symbols and punctuation
		r >= 0xFF00 && r <= 0xFFEF, // half-width and full-width forms
		r >= 0xFE30 && r <= 0xFE4F: // CJK compatibility forms
		return r != 0x3000 // an ideographic space is set on purpose
	}
	switch r {
	case '“', '”', '‘', '’', '—', '…', '·':
		return true
	}
	return false
}

// tidy normalises the published text of a table: every title, header
// value, notice, cell and note goes through joinCJK, so that no writer
// prints the spaces of a folded YAML line.
func (t *Table) tidy() {
	t.Title = joinCJK(t.Title)
	t.Notice = joinCJK(t.Notice)
	for i := range t.Meta {
		t.Meta[i].Value = joinCJK(t.Meta[i].Value)
	}
	for _, s := range t.Sections {
		for _, row := range s.Rows {
			for i := range row {
				row[i].Text = joinCJK(row[i].Text)
			}
		}
		for i := range s.Notes {
			s.Notes[i] = joinCJK(s.Notes[i])
		}
	}
}
