package condition

import (
	"strings"

	"github.com/jizhun/jizhun/catalog"
)

// connectives are the Chinese words and mathematical signs an author types
// where a condition wants an operator, longest first.
var connectives = []struct{ text, op string }{
	{"并且", "&&"}, {"而且", "&&"}, {"或者", "||"}, {"且", "&&"}, {"或", "||"},
	{"≥", ">="}, {"≤", "<="}, {"≠", "!="}, {"×", "*"}, {"÷", "/"},
}

// trailingOps are the operators that cannot end a condition.
var trailingOps = []string{"&&", "||", "==", "!=", "<=", ">=", "<", ">", "!", "+", "-", "*", "/", "=", " and", " or", " not", " in"}

// keyboard reports, before parsing, what a Chinese keyboard or a habit of
// ordinary writing put into a condition: full-width punctuation and digits,
// curly quotes, ≥ ≤ ≠, 且 and 或 for && and ||, a single = for ==, and an
// operator with nothing after it. Each is reported where it stands with
// what to write, and the hint shows the condition as it would read.
//
// It also returns the condition with these corrected, for checking the
// rest of it, or nil when the condition has nothing to correct or cannot
// be corrected (an operator with nothing after it).
func keyboard(c *catalog.Cond) (catalog.Diagnostics, *catalog.Cond) {
	var diags catalog.Diagnostics
	src := []rune(c.Src)
	var fixed strings.Builder
	var origin []int // the rune of c.Src each rune of fixed comes from
	emit := func(s string, from int) {
		for _, r := range s {
			fixed.WriteRune(r)
			origin = append(origin, from)
		}
	}
	var quote rune
	var wide *catalog.Diagnostic // one diagnostic for all full-width characters
	curly := false
	wideList := &runeList{}
	for i := 0; i < len(src); i++ {
		r := src[i]
		if quote != 0 {
			if r == quote {
				quote = 0
			} else if r == '\\' && i+1 < len(src) {
				emit(string(r), i)
				i++
				r = src[i]
			}
			emit(string(r), i)
			continue
		}
		if r == '"' || r == '\'' || r == '`' {
			quote = r
			emit(string(r), i)
			continue
		}
		if op, n := connective(src[i:]); n > 0 {
			diags.Addf(c.PosAt(i), catalog.CodeExprSyntax, "condition: write %s for %q", op, string(src[i:i+n]))
			emit(" "+op+" ", i)
			i += n - 1
			continue
		}
		if r == '“' || r == '”' || r == '‘' || r == '’' {
			if !curly {
				diags.Addf(c.PosAt(i), catalog.CodeExprSyntax, "condition: a value is quoted with Chinese quotation marks").
					SetHint("quote values with the half-width \", as in harm == \"minor\"")
				curly = true
			}
			emit("\"", i)
			continue
		}
		if ascii, ok := catalog.FullWidth(r); ok {
			if wide == nil {
				wide = diags.Addf(c.PosAt(i), catalog.CodeExprSyntax, "condition: full-width characters %s must be written half-width", wideList)
			}
			wideList.add(r)
			emit(ascii, i)
			continue
		}
		if r == '=' && !partOfOperator(src, i) && !strings.HasPrefix(strings.TrimSpace(c.Src), "let ") {
			diags.Addf(c.PosAt(i), catalog.CodeExprSyntax, "condition: a single = does not compare; write == for equal")
			emit("==", i)
			continue
		}
		emit(string(r), i)
	}
	if wide != nil {
		// The list grew after the message was made: render it again.
		*wide = *catalog.NewDiagnostic(wide.Pos, wide.Code, "condition: full-width characters %s must be written half-width", wideList.String())
	}
	text := strings.Join(strings.Fields(fixed.String()), " ")
	corrected := len(diags) > 0
	if quote == 0 {
		trimmed := strings.TrimRight(c.Src, " \t\n")
		for _, op := range trailingOps {
			if strings.HasSuffix(trimmed, op) {
				at := len([]rune(trimmed)) - len([]rune(strings.TrimSpace(op)))
				diags.Addf(c.PosAt(at), catalog.CodeExprSyntax, "condition: it ends with %q, which needs something after it", strings.TrimSpace(op)).
					SetHint("complete the comparison after it, or delete it")
				corrected = false
				break
			}
		}
	}
	if len(diags) > 0 && text != strings.Join(strings.Fields(c.Src), " ") {
		for _, d := range diags {
			if d.Hint == "" {
				d.SetHint("the condition would read: %s", text)
			}
		}
	}
	if !corrected {
		return diags, nil
	}
	return diags, c.Rewrite(fixed.String(), origin)
}

// connective returns the operator a Chinese word or sign at the start of
// rs stands for, and its length in runes.
func connective(rs []rune) (string, int) {
	for _, c := range connectives {
		w := []rune(c.text)
		if len(rs) >= len(w) && string(rs[:len(w)]) == c.text {
			return c.op, len(w)
		}
	}
	return "", 0
}

// partOfOperator reports whether the = at src[i] belongs to ==, !=, <=
// or >=.
func partOfOperator(src []rune, i int) bool {
	if i > 0 && strings.ContainsRune("=!<>", src[i-1]) {
		return true
	}
	return i+1 < len(src) && src[i+1] == '='
}

// runeList is the distinct characters found, each in corner quotes.
type runeList struct{ rs []rune }

func (l *runeList) add(r rune) {
	for _, x := range l.rs {
		if x == r {
			return
		}
	}
	l.rs = append(l.rs, r)
}

func (l *runeList) String() string {
	var b strings.Builder
	for i, r := range l.rs {
		if i > 0 {
			b.WriteString(" ")
		}
		b.WriteRune(r)
	}
	return b.String()
}
