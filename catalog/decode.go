package catalog

import (
	"reflect"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/shopspring/decimal"
	"go.yaml.in/yaml/v3"

	"github.com/jizhun/jizhun/penalty"
)

// decoder turns a yaml.Node tree into the catalog model strictly: unknown
// keys, duplicate keys, wrong types, missing required fields, anchors and
// aliases are all diagnostics, and decoding goes on after each one so that a
// single run reports every problem.
type decoder struct {
	file  string
	lines []string // source lines, to locate block-scalar content
	diags Diagnostics
	// fields records where the value of each decoded struct field stands,
	// keyed by the field's address, so that the validator can point at the
	// offending value rather than at its enclosing mapping. Load fills it
	// only when the validator has something to report (decodeCatalog).
	fields map[any]Pos
	// validatorFound is set when the validator found a problem.
	validatorFound bool
	// unsound holds the structs (by address) decoding found a problem in;
	// the validator leaves them out rather than report what follows from
	// the problem.
	unsound map[any]bool
	// factIndex is filled once the items are decoded (see decodeCatalog)
	// and shared with every condition.
	factIndex *factIndex
}

// nodeDecoder is implemented by model types whose YAML form is not a plain
// struct mapping.
type nodeDecoder interface {
	decodeNode(d *decoder, n *yaml.Node)
}

var (
	decimalType = reflect.TypeOf(decimal.Decimal{})
	tierType    = reflect.TypeOf(penalty.Tier(0))
	posType     = reflect.TypeOf(Pos{})
)

func (d *decoder) pos(n *yaml.Node) Pos { return Pos{File: d.file, Line: n.Line, Col: n.Column} }

func (d *decoder) errorf(n *yaml.Node, code, format string, args ...any) *Diagnostic {
	return d.diags.Addf(d.pos(n), code, format, args...)
}

// typeError reports a value of the wrong kind. A value typed with a
// Chinese keyboard is often a list, mapping or number in full-width
// characters, which YAML reads as text: the hint gives the half-width form.
func (d *decoder) typeError(n *yaml.Node, format string, args ...any) *Diagnostic {
	diag := d.errorf(n, CodeType, format, args...)
	if n.Kind != yaml.ScalarNode {
		return diag
	}
	if fixed := asciiKey(n.Value); fixed != strings.TrimSpace(n.Value) {
		diag.SetHint("the value holds full-width characters; write %s", fixed)
	}
	return diag
}

// KindName names a node's kind the way an author thinks of it (a
// mapping, a list, the number 3, the text "x"), in either language.
func KindName(n *yaml.Node) *Phrase {
	switch n.Kind {
	case yaml.MappingNode:
		return P("a mapping")
	case yaml.SequenceNode:
		return P("a list")
	case yaml.ScalarNode:
		switch n.Tag {
		case "!!null":
			return P("an empty value")
		case "!!int", "!!float":
			return P("the number %s", n.Value)
		case "!!bool":
			return P("the truth value %s", n.Value)
		}
		return P("the text %q", n.Value)
	}
	return P("an alias")
}

// decode fills v (addressable) from n.
func (d *decoder) decode(n *yaml.Node, v reflect.Value, what string) {
	if n.Kind == yaml.AliasNode || n.Anchor != "" {
		d.errorf(n, CodeSyntax, "anchors and aliases are not allowed in catalogs; write %s out", what)
		return
	}
	if v.Kind() == reflect.Pointer {
		if n.Kind == yaml.ScalarNode && n.Tag == "!!null" {
			return
		}
		if v.IsNil() {
			v.Set(reflect.New(v.Type().Elem()))
		}
		before := len(d.diags)
		d.decode(n, v.Elem(), what)
		if et := v.Type().Elem(); len(d.diags) > before &&
			(n.Kind == yaml.ScalarNode || et == decimalType || isNodeDecoder(et) || et.Kind() != reflect.Struct && et.Kind() != reflect.Slice) {
			// A value that could not be read is left out, not read as
			// zero: the validator then sees the field as not given.
			v.SetZero()
		}
		return
	}
	if isNodeDecoder(v.Type()) {
		v.Addr().Interface().(nodeDecoder).decodeNode(d, n)
		return
	}
	switch v.Type() {
	case decimalType:
		if x, ok := d.decimal(n, what); ok {
			v.Set(reflect.ValueOf(x))
		}
		return
	case tierType:
		if s, ok := d.scalar(n, what); ok {
			t, ok := penalty.ParseTier(s)
			if !ok {
				d.errorf(n, CodeValue, "%s: %q is not a tier; want lighter, general or heavier", what, s)
			}
			v.Set(reflect.ValueOf(t))
		}
		return
	}
	switch v.Kind() {
	case reflect.Struct:
		d.structure(n, v, what)
	case reflect.Slice:
		d.list(n, v, what)
	case reflect.String:
		if s, ok := d.scalar(n, what); ok {
			v.SetString(s)
		}
	case reflect.Bool:
		if n.Kind != yaml.ScalarNode || n.Tag != "!!bool" {
			d.typeError(n, "%s must be true or false, not %s", what, KindName(n))
			return
		}
		v.SetBool(n.Value == "true" || n.Value == "True" || n.Value == "TRUE")
	case reflect.Int:
		if n.Kind != yaml.ScalarNode || n.Tag != "!!int" {
			d.typeError(n, "%s must be a whole number, not %s", what, KindName(n))
			return
		}
		i, err := strconv.Atoi(n.Value)
		if err != nil || i < 0 || i > 1_000_000 {
			d.errorf(n, CodeValue, "%s must be a whole number from 0 to 1000000, not %s", what, n.Value)
			return
		}
		v.SetInt(int64(i))
	default:
		d.errorf(n, CodeType, "internal: cannot decode %s into %s", what, v.Type())
	}
}

// scalar returns the text of a scalar node, or reports that n is not one.
// Quoted and plain scalars are both accepted for strings.
func (d *decoder) scalar(n *yaml.Node, what string) (string, bool) {
	if LocalTag(n) {
		d.diags.Add(TagDiagnostic(d.pos(n), CodeSyntax, n))
		return "", false
	}
	if n.Kind != yaml.ScalarNode || n.Tag == "!!null" {
		d.errorf(n, CodeType, "%s must be a single value, not %s", what, KindName(n))
		return "", false
	}
	return n.Value, true
}

func (d *decoder) decimal(n *yaml.Node, what string) (decimal.Decimal, bool) {
	if n.Kind != yaml.ScalarNode || (n.Tag != "!!int" && n.Tag != "!!float" && n.Tag != "!!str") {
		d.typeError(n, "%s must be a number, not %s", what, KindName(n))
		return decimal.Decimal{}, false
	}
	x, err := penalty.ParseYuan(n.Value)
	if err != nil {
		diag := d.errorf(n, CodeValue, "%s: %q is not an amount", what, n.Value)
		if fix, ok := amountFix(n.Value); ok {
			diag.SetHint("write %s", fix)
		} else {
			diag.SetHint("write the amount in yuan with Arabic digits, such as 2000")
		}
		return decimal.Decimal{}, false
	}
	if x.IsNegative() {
		d.errorf(n, CodeValue, "%s must not be negative, got %s", what, n.Value)
		return decimal.Decimal{}, false
	}
	return x, true
}

// fields maps a struct type's YAML keys to field indexes.
type fieldInfo struct {
	index    int
	required bool
}

// structInfo is what decoding needs to know about a struct type: its
// YAML keys in declaration order, their fields, and the index of its Pos
// field (-1 if none).
type structInfo struct {
	fields   map[string]fieldInfo
	names    []string
	order    map[string]int // key → index in names
	posIndex int
	// posOf maps a key to the index of a Pos field tagged posof:"key",
	// which receives the position of that key's value.
	posOf map[string]int
}

// structInfos caches structInfo per type: reflecting over a struct's tags
// for every node was a tenth of the time of loading a large catalog.
var structInfos sync.Map // reflect.Type → *structInfo

func structFields(t reflect.Type) *structInfo {
	if si, ok := structInfos.Load(t); ok {
		return si.(*structInfo)
	}
	si := &structInfo{fields: map[string]fieldInfo{}, order: map[string]int{}, posIndex: -1}
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		if f.Type == posType && f.Name == "Pos" {
			si.posIndex = i
		}
		if key := f.Tag.Get("posof"); key != "" && f.Type == posType {
			if si.posOf == nil {
				si.posOf = map[string]int{}
			}
			si.posOf[key] = i
		}
		tag := f.Tag.Get("yaml")
		if tag == "" || tag == "-" {
			continue
		}
		si.fields[tag] = fieldInfo{index: i, required: f.Tag.Get("required") == "true"}
		si.order[tag] = len(si.names)
		si.names = append(si.names, tag)
	}
	structInfos.Store(t, si)
	return si
}

// nodeDecoders caches whether a type's pointer implements nodeDecoder.
var nodeDecoders sync.Map // reflect.Type → bool

var nodeDecoderType = reflect.TypeOf((*nodeDecoder)(nil)).Elem()

func isNodeDecoder(t reflect.Type) bool {
	if b, ok := nodeDecoders.Load(t); ok {
		return b.(bool)
	}
	b := reflect.PointerTo(t).Implements(nodeDecoderType)
	nodeDecoders.Store(t, b)
	return b
}

// mapping walks a mapping node's pairs, rejecting duplicate and non-string
// keys; visit returns false for a key it does not know.
func (d *decoder) mapping(n *yaml.Node, what string, known []string, visit func(key string, k, v *yaml.Node) bool) bool {
	if n.Kind != yaml.MappingNode {
		d.typeError(n, "%s must be a mapping of keys to values, not %s", what, KindName(n))
		return false
	}
	// Duplicates are looked for among the keys before; a map pays off only
	// for long mappings.
	var seen map[string]*yaml.Node
	if len(n.Content) > 32 {
		seen = make(map[string]*yaml.Node, len(n.Content)/2)
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if k.Kind != yaml.ScalarNode {
			d.errorf(k, CodeType, "keys in %s must be plain names", what)
			continue
		}
		var first *yaml.Node
		if seen != nil {
			first = seen[k.Value]
		} else {
			for j := 0; j < i; j += 2 {
				if p := n.Content[j]; p.Kind == yaml.ScalarNode && p.Value == k.Value {
					first = p
					break
				}
			}
		}
		if first != nil {
			d.errorf(k, CodeDuplicateKey, "%s: key %q is given twice (first at line %d)", what, k.Value, first.Line)
			continue
		}
		if seen != nil {
			seen[k.Value] = k
		}
		if !visit(k.Value, k, v) {
			diag := d.errorf(k, CodeUnknownField, "%s: unknown key %q", what, k.Value)
			clean := asciiKey(k.Value)
			switch s := didYouMean(clean, known); {
			case clean != k.Value && (s != "" || clean == strings.TrimSpace(clean)):
				if s == "" {
					s = clean
				}
				diag.SetHint("the key holds full-width characters; write %q", s)
			case s != "":
				diag.SetHint("did you mean %q?", s)
			case len(known) > 0:
				sorted := append([]string(nil), known...)
				sort.Strings(sorted)
				diag.SetHint("known keys: %s", strings.Join(sorted, ", "))
			}
		}
	}
	return true
}

func (d *decoder) structure(n *yaml.Node, v reflect.Value, what string) {
	before := len(d.diags)
	defer func() {
		if len(d.diags) > before {
			if d.unsound == nil {
				d.unsound = map[any]bool{}
			}
			d.unsound[v.Addr().Interface()] = true
		}
	}()
	si := structFields(v.Type())
	fields, names := si.fields, si.names
	if si.posIndex >= 0 {
		*v.Field(si.posIndex).Addr().Interface().(*Pos) = d.pos(n)
	}
	var room [64]bool
	present := room[:0]
	if len(names) <= len(room) {
		present = room[:len(names)]
	} else {
		present = make([]bool, len(names))
	}
	ok := d.mapping(n, what, names, func(key string, k, val *yaml.Node) bool {
		fi, found := fields[key]
		if !found {
			return false
		}
		present[si.order[key]] = true
		if fi.required && val.Kind == yaml.ScalarNode && val.Tag == "!!null" {
			// An empty value would leave an optional-looking nil behind.
			d.errorf(val, CodeMissing, "%s: required key %q has no value", what, key)
			return true
		}
		if d.fields != nil {
			d.fields[v.Field(fi.index).Addr().Interface()] = d.pos(val)
		}
		if i, ok := si.posOf[key]; ok {
			*v.Field(i).Addr().Interface().(*Pos) = d.pos(val)
		}
		field := v.Field(fi.index)
		d.decode(val, field, key)
		if fi.required && field.Kind() == reflect.String && strings.TrimSpace(field.String()) == "" && val.Kind == yaml.ScalarNode {
			// A blank code or id names nothing: a case could not name the
			// item, a trace could not name the grade.
			d.errorf(val, CodeMissing, "%s: required key %q is blank; give it a value", what, key)
		}
		return true
	})
	if !ok {
		return
	}
	for i, name := range names {
		if fields[name].required && !present[i] {
			d.errorf(n, CodeMissing, "%s: missing required key %q", what, name)
		}
	}
}

func (d *decoder) list(n *yaml.Node, v reflect.Value, what string) {
	if n.Kind != yaml.SequenceNode {
		d.typeError(n, "%s must be a list, not %s", what, KindName(n))
		return
	}
	out := reflect.MakeSlice(v.Type(), len(n.Content), len(n.Content))
	if workers := min(runtime.GOMAXPROCS(0), len(n.Content)/parallelListMin); workers > 1 && d.fields == nil {
		d.listParallel(n, out, what, workers)
	} else {
		d.elements(n, out, what, 0, len(n.Content))
	}
	v.Set(out)
}

// elements decodes the elements lo to hi of a list.
func (d *decoder) elements(n *yaml.Node, out reflect.Value, what string, lo, hi int) {
	for i := lo; i < hi; i++ {
		el := n.Content[i]
		elem := what + "[" + strconv.Itoa(i) + "]"
		if el.Kind == yaml.ScalarNode && el.Tag == "!!null" && out.Type().Elem().Kind() == reflect.Pointer {
			// A bare "-" would leave a nil entry behind.
			d.errorf(el, CodeMissing, "%s is empty", elem)
			continue
		}
		d.decode(el, out.Index(i), elem)
	}
}

// parallelListMin is the least number of list elements per goroutine
// (a province's items).
const parallelListMin = 128

// listParallel decodes a long list's elements on several goroutines, each
// with a decoder of its own, and then records their diagnostics in list
// order, as decoding them in turn would have. Elements are independent:
// decoding reads the shared type caches only. It is not used when field
// positions are recorded (d.fields), which a single map holds.
func (d *decoder) listParallel(n *yaml.Node, out reflect.Value, what string, workers int) {
	parts := make([]*decoder, workers)
	var wg sync.WaitGroup
	for w := range parts {
		lo, hi := len(n.Content)*w/workers, len(n.Content)*(w+1)/workers
		sub := &decoder{file: d.file, lines: d.lines, factIndex: d.factIndex}
		parts[w] = sub
		wg.Add(1)
		go func() {
			defer wg.Done()
			sub.elements(n, out, what, lo, hi)
		}()
	}
	wg.Wait()
	for _, sub := range parts {
		for _, diag := range sub.diags {
			d.diags.Add(diag)
		}
		for x := range sub.unsound {
			if d.unsound == nil {
				d.unsound = map[any]bool{}
			}
			d.unsound[x] = true
		}
	}
}

// decodeNode reads a date scalar.
func (dt *Date) decodeNode(d *decoder, n *yaml.Node) {
	s, ok := d.scalar(n, "<date>")
	if !ok {
		return
	}
	x, err := ParseDate(s)
	if err != nil {
		d.errorf(n, CodeDate, "%v", err)
		return
	}
	*dt = x
}

func (w *Window) decodeNode(d *decoder, n *yaml.Node) {
	s, ok := d.scalar(n, "<window>")
	if !ok {
		return
	}
	x, err := ParseWindow(s)
	if err != nil {
		d.errorf(n, CodeValue, "%v", err)
		return
	}
	x.Pos = d.pos(n)
	*w = x
}

// asciiKey replaces in a key the full-width characters a Chinese keyboard
// types (full-width letters, digits, spaces, punctuation) by their ASCII
// forms and trims the spaces this leaves.
func asciiKey(s string) string {
	var b strings.Builder
	for _, r := range s {
		if a, ok := FullWidth(r); ok {
			b.WriteString(a)
		} else if r >= 0xFF21 && r <= 0xFF5A {
			b.WriteRune(r - 0xFEE0)
		} else {
			b.WriteRune(r)
		}
	}
	return strings.TrimSpace(strings.TrimRight(b.String(), ":"))
}

// amountFix returns the plain number an amount written with a unit or in
// full-width digits stands for: "20元" is 20, "2万" is 20000, "２０" is 20.
func amountFix(s string) (string, bool) {
	t := strings.TrimSpace(asciiKey(s))
	t = strings.TrimSuffix(strings.TrimSuffix(t, "元"), "人民币")
	t = strings.TrimPrefix(t, "人民币")
	t = strings.ReplaceAll(t, ",", "")
	scale := decimal.NewFromInt(1)
	for _, u := range []struct {
		suffix string
		n      int64
	}{{"万", 10000}, {"千", 1000}, {"百", 100}} {
		if x, ok := strings.CutSuffix(t, u.suffix); ok {
			t, scale = x, decimal.NewFromInt(u.n)
			break
		}
	}
	x, err := decimal.NewFromString(strings.TrimSpace(t))
	if err != nil || t == s {
		return "", false
	}
	return x.Mul(scale).String(), true
}

// decodeNode reads a condition and records where each of its runes stands
// in the file, so that expression errors map back to file:line:col whatever
// the scalar's style: plain, quoted (with escapes), literal or folded, on one
// line or several.
func (c *Cond) decodeNode(d *decoder, n *yaml.Node) {
	if LocalTag(n) {
		// when: !overdue is the empty value tagged !overdue.
		d.diags.Add(TagDiagnostic(d.pos(n), CodeExprSyntax, n))
		return
	}
	if n.Kind != yaml.ScalarNode {
		d.errorf(n, CodeType, "a condition must be one expression, not %s", KindName(n)).
			SetHint("quote a condition that starts with [ or {: when: \"…\"")
		return
	}
	c.factsByItem = d.factIndex
	s, ok := d.scalar(n, "<condition>")
	if !ok {
		return
	}
	c.Src = s
	c.Pos = d.pos(n)
	if c.at = d.runePositions(n, s); len(c.at) > 0 {
		c.Pos = c.at[0]
		return
	}
	// The text could not be aligned with the file: point at its start.
	switch n.Style {
	case yaml.LiteralStyle, yaml.FoldedStyle:
		if n.Line < len(d.lines) {
			text := d.lines[n.Line]
			indent := len([]rune(text)) - len([]rune(strings.TrimLeft(text, " ")))
			c.Pos = Pos{File: d.file, Line: n.Line + 1, Col: indent + 1}
		}
	case yaml.DoubleQuotedStyle, yaml.SingleQuotedStyle:
		c.Pos.Col++
	}
}

// runePositions aligns the decoded text of a scalar with the source lines it
// came from and returns the file position of every rune of s, followed by
// the position just after it. Line folding, block indentation, quote
// escapes (backslash escapes, doubled single quotes) and trailing comments
// are accounted for. It returns nil when the text cannot be aligned, and
// the caller falls back to the node's position.
func (d *decoder) runePositions(n *yaml.Node, s string) []Pos {
	src := []rune(s)
	if allSpace(src) {
		return nil
	}
	at := make([]Pos, 0, len(src)+1)
	var quote rune
	line, first := n.Line, true
	switch n.Style {
	case yaml.LiteralStyle, yaml.FoldedStyle:
		line, first = n.Line+1, false // content starts on the next line
	case yaml.DoubleQuotedStyle:
		quote = '"'
	case yaml.SingleQuotedStyle:
		quote = '\''
	}
	p := 0
	for ; ; line++ {
		if allSpace(src[p:]) {
			break
		}
		if line < 1 || line > len(d.lines) {
			return nil
		}
		raw := []rune(d.lines[line-1])
		col := 0 // index into raw where this line's content starts
		if first {
			col = n.Column - 1
			if quote != 0 {
				col++
			}
			first = false
		} else {
			for col < len(raw) && (raw[col] == ' ' || raw[col] == '\t') {
				col++
			}
		}
		if col >= len(raw) {
			continue // a blank line: folding made it a separator in src
		}
		// Separators that folding or indentation put into src before this
		// line's content.
		for p < len(src) && isSpace(src[p]) && src[p] != raw[col] {
			at = append(at, Pos{File: d.file, Line: line, Col: col + 1})
			p++
		}
		var ok bool
		if p, col, ok = d.alignLine(raw, col, src, p, quote, line, &at); !ok {
			return nil
		}
		if p == len(src) {
			at = append(at, Pos{File: d.file, Line: line, Col: col + 1})
			return at
		}
	}
	end := Pos{File: d.file, Line: line, Col: 1}
	if len(at) > 0 {
		end = at[len(at)-1]
		end.Col++
	}
	for range src[p:] {
		at = append(at, end)
	}
	return append(at, end)
}

// alignLine matches one source line, from raw[col], against src from p,
// appending the position of each matched rune. It stops at the end of the
// line, at a closing quote, at a trailing comment, or when src is used up.
func (d *decoder) alignLine(raw []rune, col int, src []rune, p int, quote rune, line int, at *[]Pos) (int, int, bool) {
	for col < len(raw) && p < len(src) {
		r := raw[col]
		pos := Pos{File: d.file, Line: line, Col: col + 1}
		switch {
		case quote == '"' && r == '\\':
			if col+1 == len(raw) {
				return p, col, true // an escaped line break
			}
			*at = append(*at, pos)
			p++
			col += escapeLen(raw[col+1])
			continue
		case quote == '"' && r == '"':
			return p, col, p == len(src)
		case quote == '\'' && r == '\'':
			if col+1 < len(raw) && raw[col+1] == '\'' {
				*at = append(*at, pos)
				p, col = p+1, col+2
				continue
			}
			return p, col, p == len(src)
		}
		if r != src[p] {
			// Only whitespace or a comment may end a line early; folding
			// turns the line break into a separator in src.
			rest := strings.TrimSpace(string(raw[col:]))
			return p, col, rest == "" || (quote == 0 && strings.HasPrefix(rest, "#") && isSpace(raw[col]))
		}
		*at = append(*at, pos)
		p, col = p+1, col+1
	}
	return p, col, true
}

// escapeLen is the length in the source of a double-quoted escape whose
// letter is c: \xXX, \uXXXX, \UXXXXXXXX, or a two-character escape.
func escapeLen(c rune) int {
	switch c {
	case 'x':
		return 4
	case 'u':
		return 6
	case 'U':
		return 10
	}
	return 2
}

func isSpace(r rune) bool { return r == ' ' || r == '\t' || r == '\n' }

func allSpace(rs []rune) bool {
	for _, r := range rs {
		if !isSpace(r) {
			return false
		}
	}
	return true
}

// decodeNode reads the fact schema: a mapping from fact name to declaration,
// in file order.
func (fs *Facts) decodeNode(d *decoder, n *yaml.Node) {
	d.mapping(n, "facts", nil, func(key string, k, v *yaml.Node) bool {
		f := &Fact{}
		d.decode(v, reflect.ValueOf(f).Elem(), "facts."+key)
		f.Name = key
		f.Pos = d.pos(k)
		*fs = append(*fs, f)
		return true
	})
}

func (vs *EnumValues) decodeNode(d *decoder, n *yaml.Node) {
	d.mapping(n, "values", nil, func(key string, k, v *yaml.Node) bool {
		label, _ := d.scalar(v, "values."+key)
		*vs = append(*vs, EnumValue{Pos: d.pos(k), Name: key, Label: label})
		return true
	})
}

var partyKeys = []string{string(Individual), string(Organization), string(IndividualBusiness)}

// isPartyMapping reports whether a mapping's keys are party types.
func isPartyMapping(n *yaml.Node) bool {
	if n.Kind != yaml.MappingNode || len(n.Content) == 0 {
		return false
	}
	return PartyType(n.Content[0].Value).Valid()
}

// decodeNode reads an amount: either one rule, or one rule per party type.
func (a *Amount) decodeNode(d *decoder, n *yaml.Node) {
	a.Pos = d.pos(n)
	if !isPartyMapping(n) {
		a.All = &AmountRule{}
		d.decode(n, reflect.ValueOf(a.All).Elem(), "amount")
		return
	}
	d.mapping(n, "amount", partyKeys, func(key string, k, v *yaml.Node) bool {
		if !PartyType(key).Valid() {
			return false
		}
		r := &AmountRule{}
		d.decode(v, reflect.ValueOf(r).Elem(), "amount."+key)
		a.ByParty = append(a.ByParty, PartyAmountRule{Party: PartyType(key), Rule: r})
		return true
	})
}

var gradeFineKeys = []string{"min", "max", "min_exclusive", "max_exclusive", "times", "percent", "share", "tier", "formula"}

// decodeNode reads a grade's fine: "none", {tier: …}, {times|percent|share:
// span}, a yuan span {min, max, …}, or one of these per party type.
func (g *GradeFine) decodeNode(d *decoder, n *yaml.Node) {
	g.Pos = d.pos(n)
	if n.Kind == yaml.ScalarNode {
		if n.Value != "none" {
			d.errorf(n, CodeValue, "fine: %q is not a fine; write none, or a mapping such as {min: 0, max: 2000}", n.Value)
		}
		g.None = true
		return
	}
	if isPartyMapping(n) {
		d.mapping(n, "fine", partyKeys, func(key string, k, v *yaml.Node) bool {
			if !PartyType(key).Valid() {
				return false
			}
			f := &GradeFine{}
			f.decodeNode(d, v)
			if len(f.ByParty) > 0 {
				d.errorf(v, CodeValue, "fine.%s: party types cannot nest", key)
			}
			g.ByParty = append(g.ByParty, PartyGradeFine{Party: PartyType(key), Fine: f})
			return true
		})
		return
	}
	yuan := &Span{Pos: g.Pos}
	forms := 0
	d.mapping(n, "fine", gradeFineKeys, func(key string, k, v *yaml.Node) bool {
		switch key {
		case "min":
			if x, ok := d.decimal(v, "min"); ok {
				yuan.Min = x
			}
		case "max":
			if x, ok := d.decimal(v, "max"); ok {
				yuan.Max = &x
			}
		case "min_exclusive", "max_exclusive":
			var b bool
			d.decode(v, reflect.ValueOf(&b).Elem(), key)
			if key == "min_exclusive" {
				yuan.MinExclusive = b
			} else {
				yuan.MaxExclusive = b
			}
		case "times", "percent", "share":
			forms++
			g.Unit = FineUnit(key)
			g.Span = &Span{}
			d.decode(v, reflect.ValueOf(g.Span).Elem(), key)
		case "tier":
			forms++
			g.Unit = UnitTier
			d.decode(v, reflect.ValueOf(&g.Tier).Elem(), "tier")
		case "formula":
			forms++
			g.Unit = UnitFormula
			g.Formula = &FineFormula{}
			d.decode(v, reflect.ValueOf(g.Formula).Elem(), "formula")
		default:
			return false
		}
		return true
	})
	if g.Unit == "" {
		// A yuan range without max is checked against the statute by the
		// validator: it fits only a clause with no maximum (处…以上罚款).
		g.Unit, g.Span = UnitYuan, yuan
		return
	}
	if forms > 1 || yuan.Max != nil || !yuan.Min.IsZero() {
		d.errorf(n, CodeValue, "fine: give one form only: {min, max} in yuan, times, percent, share, tier or formula")
	}
}
