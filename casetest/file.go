package casetest

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"
	"go.yaml.in/yaml/v3"

	"github.com/jizhun/jizhun/catalog"
	"github.com/jizhun/jizhun/discretion"
	"github.com/jizhun/jizhun/penalty"
)

// Stable diagnostic codes of test files. Match them with errors.Is and a
// template: errors.Is(err, &catalog.Diagnostic{Code: casetest.CodeUnknownField}).
const (
	CodeSyntax       = "test_syntax"        // malformed YAML, or a file that cannot be read
	CodeUnknownField = "test_unknown_field" // a key the format does not define
	CodeDuplicateKey = "test_duplicate_key" // a key given twice in one mapping
	CodeType         = "test_type"          // a value of the wrong YAML type
	CodeMissing      = "test_missing"       // a required key is absent
	CodeValue        = "test_value"         // a value the field does not allow
	CodeCase         = "test_case"          // the case cannot be read or decided as stated
	CodeCatalog      = "test_catalog"       // the catalog the file names cannot be read
)

// Suffix ends the name of every test file that a directory search finds.
const Suffix = "_test.yaml"

// MaxFileSize bounds a test file; a few hundred tests fit in well under a
// megabyte.
const MaxFileSize = 8 << 20

// File is one test file: the catalog it tests and its tests, in file order.
type File struct {
	Path string
	// Catalog is the path of the catalog file, resolved against the test
	// file's directory ("catalog.yaml" beside it unless the file says
	// otherwise).
	Catalog    string
	CatalogPos catalog.Pos
	Tests      []*Test
}

// Test is one case with the decision it must produce.
type Test struct {
	Name string
	Pos  catalog.Pos // the test's key in the file
	// CaseFile is the case's JSON file, or "" for a case written inline.
	CaseFile string
	CasePos  catalog.Pos
	Case     *discretion.Case
	// caseNode is the inline case, to place problems the engine finds.
	caseNode *yaml.Node
	file     string
	Expect   Expect
	Why      string // the reasoning behind the expectation, shown on failure
}

// Expect is what a test states about the decision. A nil or empty field
// states nothing and is not compared.
type Expect struct {
	Item          string
	Outcome       discretion.Outcome
	Reason        discretion.Reason
	Discretionary *bool
	Grade         string
	Fine          *FineExpect
	Sanctions     []penalty.SanctionType // nil: not stated; compared in order
	Procedure     map[string]bool        // keys of procedureKeys
	Flags         []string               // nil: not stated; compared as a set
	Pos           map[string]catalog.Pos // where each stated key stands
}

// FineExpect is an expected fine: None for no fine, else the range in yuan.
type FineExpect struct {
	None     bool
	Min, Max decimal.Decimal
}

func (f *FineExpect) String() string {
	if f == nil || f.None {
		return "无罚款"
	}
	return fineText(f.Min, f.Max)
}

func fineText(min, max decimal.Decimal) string {
	if min.Equal(max) {
		return min.String() + "元"
	}
	return min.String() + "至" + max.String() + "元"
}

// procedureKeys are the procedure flags a test may state, with their
// Chinese names.
var procedureKeys = []struct{ key, label string }{
	{"simple", "当场处罚（简易程序）"},
	{"on_the_spot", "当场收缴"},
	{"hearing", "告知听证"},
	{"legal_review", "法制审核"},
	{"collective_discussion", "集体讨论"},
}

var (
	fileKeys = []string{"catalog", "tests"}
	testKeys = []string{"case", "item", "outcome", "reason", "discretionary", "grade", "fine",
		"sanctions", "procedure", "flags", "why"}
	outcomes = []discretion.Outcome{discretion.NoPenalty, discretion.Mitigated, discretion.Lighter,
		discretion.General, discretion.Heavier, discretion.OrderOnly, discretion.NoFinePossible}
	reasons = []discretion.Reason{discretion.ReasonLimitation, discretion.ReasonUnderAge,
		discretion.ReasonIncapacity, discretion.ReasonLightViolation, discretion.ReasonNoFault,
		discretion.ReasonFirstOffense, discretion.ReasonPreconditionUnmet, discretion.ReasonCommitment,
		discretion.ReasonNotIllegal}
)

// LoadFile reads and checks a test file and the case files it names. The
// error, if any, is a catalog.Diagnostics listing every problem found, each
// at file:line:col.
func LoadFile(path string) (*File, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, catalog.Diagnostics{{Pos: catalog.Pos{File: path}, Code: CodeSyntax, Message: "无法读取测试文件：" + err.Error()}}
	}
	if st.Size() > MaxFileSize {
		return nil, catalog.Diagnostics{{Pos: catalog.Pos{File: path}, Code: CodeSyntax,
			Message: fmt.Sprintf("测试文件有%d字节，超过上限%d字节", st.Size(), MaxFileSize)}}
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, catalog.Diagnostics{{Pos: catalog.Pos{File: path}, Code: CodeSyntax, Message: "无法读取测试文件：" + err.Error()}}
	}
	return Load(path, data)
}

// Load checks a test file held in memory; path names it in positions and
// is the directory that relative case and catalog paths start from.
func Load(path string, data []byte) (*File, error) {
	l := &loader{file: path, dir: filepath.Dir(path)}
	f := l.load(data)
	l.diags.Sort()
	if err := l.diags.Err(); err != nil {
		return nil, err
	}
	return f, nil
}

type loader struct {
	file, dir string
	diags     catalog.Diagnostics
}

func (l *loader) pos(n *yaml.Node) catalog.Pos {
	return catalog.Pos{File: l.file, Line: n.Line, Col: n.Column}
}

func (l *loader) errorf(n *yaml.Node, code, format string, args ...any) *catalog.Diagnostic {
	return l.diags.Addf(l.pos(n), code, format, args...)
}

func (l *loader) load(data []byte) *File {
	if d := catalog.CheckEncoding(l.file, data, CodeSyntax); d != nil {
		l.diags.Add(d)
		return nil
	}
	var doc yaml.Node
	dec := yaml.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			l.diags.Addf(catalog.Pos{File: l.file, Line: 1, Col: 1}, CodeSyntax, "测试文件是空的；至少写出 tests:")
			return nil
		}
		// The position of the cause (a quote left open, a tab or a
		// full-width character), as the catalog loader finds it.
		l.diags.Add(catalog.SyntaxDiagnostic(l.file, data, err, CodeSyntax))
		return nil
	}
	if len(doc.Content) != 1 {
		l.diags.Addf(catalog.Pos{File: l.file, Line: 1, Col: 1}, CodeSyntax, "测试文件中没有内容")
		return nil
	}
	var extra yaml.Node
	if err := dec.Decode(&extra); err == nil {
		l.diags.Addf(catalog.Pos{File: l.file, Line: extra.Line, Col: extra.Column}, CodeSyntax,
			"一个测试文件只有一个 YAML 文档；这里开始了第二个").Hint = "删除“---”，把测试都写在同一个 tests: 下"
		return nil
	}
	f := &File{Path: l.file, Catalog: filepath.Join(l.dir, "catalog.yaml")}
	root := doc.Content[0]
	var tests *yaml.Node
	l.mapping(root, "测试文件", fileKeys, func(key string, k, v *yaml.Node) {
		switch key {
		case "catalog":
			if s, ok := l.str(v, "catalog"); ok {
				f.Catalog, f.CatalogPos = l.resolve(s), l.pos(v)
			}
		case "tests":
			tests = v
		}
	})
	if root.Kind == yaml.MappingNode && tests == nil {
		l.errorf(root, CodeMissing, "测试文件缺少 tests:（测试用例的列表）")
	}
	if tests == nil {
		return f
	}
	if !f.CatalogPos.IsValid() {
		f.CatalogPos = catalog.Pos{File: l.file, Line: 1, Col: 1}
	}
	l.mapping(tests, "tests", nil, func(name string, k, v *yaml.Node) {
		if t := l.test(name, k, v); t != nil {
			f.Tests = append(f.Tests, t)
		}
	})
	if tests.Kind == yaml.MappingNode && len(tests.Content) == 0 {
		l.errorf(tests, CodeMissing, "tests 中没有测试")
	}
	return f
}

func (l *loader) resolve(p string) string {
	if filepath.IsAbs(p) {
		return p
	}
	return filepath.Join(l.dir, filepath.FromSlash(p))
}

// mapping walks a mapping's pairs in order, reporting a non-mapping,
// duplicate keys and, when known is not nil, keys outside it.
func (l *loader) mapping(n *yaml.Node, what string, known []string, visit func(key string, k, v *yaml.Node)) bool {
	if n.Kind == yaml.AliasNode || n.Anchor != "" {
		l.errorf(n, CodeSyntax, "%s：测试文件中不能使用锚点和别名（&、*），请完整写出", what)
		return false
	}
	if n.Kind != yaml.MappingNode {
		l.errorf(n, CodeType, "%s 应当是“键: 值”的映射，而不是%s", what, kindName(n))
		return false
	}
	seen := map[string]int{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if k.Kind != yaml.ScalarNode {
			l.errorf(k, CodeType, "%s 的键应当是名称", what)
			continue
		}
		if first, dup := seen[k.Value]; dup {
			l.errorf(k, CodeDuplicateKey, "%s：键 %q 重复（第一次在第%d行）", what, k.Value, first)
			continue
		}
		seen[k.Value] = k.Line
		if known != nil && !contains(known, k.Value) {
			d := l.errorf(k, CodeUnknownField, "%s：不认识的键 %q", what, k.Value)
			if s := catalog.DidYouMean(k.Value, known); s != "" {
				d.Hint = "是否应为 " + strconv.Quote(s) + "？"
			} else {
				sorted := append([]string(nil), known...)
				sort.Strings(sorted)
				d.Hint = "可用的键：" + strings.Join(sorted, "、")
			}
			continue
		}
		visit(k.Value, k, v)
	}
	return true
}

func contains[T comparable](list []T, x T) bool {
	for _, y := range list {
		if y == x {
			return true
		}
	}
	return false
}

// kindName names a node's kind in Chinese, as the catalog loader does.
func kindName(n *yaml.Node) string { return catalog.KindName(n).String() }

func (l *loader) str(n *yaml.Node, what string) (string, bool) {
	if catalog.LocalTag(n) {
		l.diags.Add(catalog.TagDiagnostic(l.pos(n), CodeType, n))
		return "", false
	}
	if n.Kind != yaml.ScalarNode || n.Tag == "!!null" || n.Value == "" {
		l.errorf(n, CodeType, "%s 应当是一个值，而不是%s", what, kindName(n))
		return "", false
	}
	return n.Value, true
}

func (l *loader) boolean(n *yaml.Node, what string) (bool, bool) {
	if n.Kind != yaml.ScalarNode || n.Tag != "!!bool" {
		l.errorf(n, CodeType, "%s 应当是 true 或 false，而不是%s", what, kindName(n))
		return false, false
	}
	return n.Value == "true" || n.Value == "True" || n.Value == "TRUE", true
}

func (l *loader) strList(n *yaml.Node, what string) ([]string, bool) {
	if n.Kind != yaml.SequenceNode {
		l.errorf(n, CodeType, "%s 应当是列表，例如 [fine]，而不是%s", what, kindName(n))
		return nil, false
	}
	out := []string{}
	ok := true
	for _, el := range n.Content {
		s, good := l.str(el, what+" 的每一项")
		ok = ok && good
		out = append(out, s)
	}
	return out, ok
}

func (l *loader) test(name string, k, n *yaml.Node) *Test {
	t := &Test{Name: name, Pos: l.pos(k), file: l.file, Expect: Expect{Pos: map[string]catalog.Pos{}}}
	what := "测试 " + name
	var caseNode *yaml.Node
	ok := l.mapping(n, what, testKeys, func(key string, kn, v *yaml.Node) {
		e := &t.Expect
		e.Pos[key] = l.pos(v)
		switch key {
		case "case":
			caseNode = v
		case "item":
			e.Item, _ = l.str(v, "item")
		case "outcome":
			if s, ok := l.str(v, "outcome"); ok {
				if !contains(outcomes, discretion.Outcome(s)) {
					l.errorf(v, CodeValue, "outcome：%q 不是处理结果；应为 %s", s, outcomeList()).Hint = "例如 outcome: lighter（从轻处罚）"
					return
				}
				e.Outcome = discretion.Outcome(s)
			}
		case "reason":
			if s, ok := l.str(v, "reason"); ok {
				if !contains(reasons, discretion.Reason(s)) {
					l.errorf(v, CodeValue, "reason：%q 不是不予处罚的理由；应为 %s", s, reasonList())
					return
				}
				e.Reason = discretion.Reason(s)
			}
		case "discretionary":
			if b, ok := l.boolean(v, "discretionary"); ok {
				e.Discretionary = &b
			}
		case "grade":
			e.Grade, _ = l.str(v, "grade")
		case "fine":
			e.Fine = l.fine(v)
		case "sanctions":
			if list, ok := l.strList(v, "sanctions"); ok {
				e.Sanctions = []penalty.SanctionType{}
				for i, s := range list {
					if !penalty.SanctionType(s).Known() {
						l.errorf(v.Content[i], CodeValue, "sanctions：%q 不是处罚种类（如 warning、fine、confiscate_gains）", s)
					}
					e.Sanctions = append(e.Sanctions, penalty.SanctionType(s))
				}
			}
		case "procedure":
			e.Procedure = map[string]bool{}
			var known []string
			for _, pk := range procedureKeys {
				known = append(known, pk.key)
			}
			l.mapping(v, "procedure", known, func(pk string, _, pv *yaml.Node) {
				if b, ok := l.boolean(pv, "procedure."+pk); ok {
					e.Procedure[pk] = b
				}
			})
		case "flags":
			if list, ok := l.strList(v, "flags"); ok {
				e.Flags = list
			}
		case "why":
			t.Why, _ = l.str(v, "why")
		}
	})
	if !ok {
		return nil
	}
	if caseNode == nil {
		l.errorf(k, CodeMissing, "%s 缺少 case:（案件 JSON 文件的路径，或直接写出的案件）", what)
	}
	if t.Expect.Outcome == "" {
		if _, stated := t.Expect.Pos["outcome"]; !stated {
			l.errorf(k, CodeMissing, "%s 缺少 outcome:（预期的处理结果，如 general）", what)
		}
	}
	if t.Expect.Reason != "" && t.Expect.Outcome != "" && t.Expect.Outcome != discretion.NoPenalty {
		l.diags.Addf(t.Expect.Pos["reason"], CodeValue, "%s：只有 outcome: no_penalty（不予处罚）才有 reason", what)
	}
	if caseNode != nil {
		l.readCase(t, caseNode)
	}
	return t
}

func outcomeList() string {
	var s []string
	for _, o := range outcomes {
		s = append(s, string(o)+"（"+o.Label()+"）")
	}
	return strings.Join(s, "、")
}

func reasonList() string {
	var s []string
	for _, r := range reasons {
		s = append(s, string(r))
	}
	return strings.Join(s, "、")
}

// fine reads "none" or {min, max}.
func (l *loader) fine(n *yaml.Node) *FineExpect {
	if n.Kind == yaml.ScalarNode && n.Value == "none" {
		return &FineExpect{None: true}
	}
	if n.Kind != yaml.MappingNode {
		l.errorf(n, CodeType, "fine 应当是 none（无罚款）或 {min: 下限, max: 上限}，而不是%s", kindName(n))
		return nil
	}
	f := &FineExpect{}
	present, valid := map[string]bool{}, true
	ok := l.mapping(n, "fine", []string{"min", "max"}, func(key string, _, v *yaml.Node) {
		present[key] = true
		if v.Kind != yaml.ScalarNode || (v.Tag != "!!int" && v.Tag != "!!float" && v.Tag != "!!str") {
			l.errorf(v, CodeType, "fine.%s 应当是金额（元），而不是%s", key, kindName(v))
			valid = false
			return
		}
		x, err := penalty.ParseYuan(v.Value)
		if err != nil || x.IsNegative() {
			l.errorf(v, CodeValue, "fine.%s：%q 不是金额；请写阿拉伯数字表示的元数，如 2000", key, v.Value)
			valid = false
			return
		}
		if key == "min" {
			f.Min = x
		} else {
			f.Max = x
		}
	})
	if !ok {
		return nil
	}
	if !present["min"] || !present["max"] {
		l.errorf(n, CodeMissing, "fine 需要 min 和 max 两项；没有罚款写 fine: none")
		return nil
	}
	if !valid {
		return nil
	}
	if f.Min.GreaterThan(f.Max) {
		l.errorf(n, CodeValue, "fine：下限 %s 大于上限 %s", f.Min, f.Max)
	}
	return f
}

// readCase reads the case from its file or from the inline mapping.
func (l *loader) readCase(t *Test, n *yaml.Node) {
	t.CasePos = l.pos(n)
	switch n.Kind {
	case yaml.ScalarNode:
		s, ok := l.str(n, "case")
		if !ok {
			return
		}
		t.CaseFile = l.resolve(s)
		fh, err := os.Open(t.CaseFile)
		switch {
		case errors.Is(err, fs.ErrNotExist):
			l.errorf(n, CodeCase, "案件文件 %s 不存在", s).Hint = "路径相对于本测试文件所在的目录：" + l.dir
			return
		case err != nil:
			l.errorf(n, CodeCase, "无法读取案件文件 %s：%v", s, err)
			return
		}
		defer fh.Close()
		c, err := discretion.ParseCase(fh)
		if err != nil {
			for _, msg := range caseProblems(err) {
				l.diags.Addf(catalog.Pos{File: t.CaseFile}, CodeCase, "%s", msg).Hint = "测试 " + t.Name + "（" + l.pos(n).String() + "）"
			}
			return
		}
		t.Case = c
	case yaml.MappingNode:
		var buf bytes.Buffer
		if !l.toJSON(n, &buf) {
			return
		}
		c, err := discretion.ParseCase(&buf)
		if err != nil {
			l.caseError(t, n, err)
			return
		}
		t.Case, t.caseNode = c, n
	default:
		l.errorf(n, CodeType, "case 应当是案件 JSON 文件的路径或直接写出的案件映射，而不是%s", kindName(n))
	}
}

// caseError records the problems of an inline case at the fields they name.
func (l *loader) caseError(t *Test, n *yaml.Node, err error) {
	var ce *discretion.CaseError
	if !errors.As(err, &ce) {
		l.errorf(n, CodeCase, "测试 %s 的案件：%v", t.Name, err)
		return
	}
	t.caseNode = n
	for _, p := range ce.Problems {
		msg := p.Message
		if p.Field != "" {
			msg = p.Field + "：" + msg
		}
		l.diags.Addf(t.casePos(p.Field), CodeCase, "测试 %s 的案件：%s", t.Name, msg)
	}
}

// casePos is where a problem with a case field is best shown: at the field
// of an inline case, else at the test's case key.
func (t *Test) casePos(field string) catalog.Pos {
	if t.caseNode == nil {
		return t.CasePos
	}
	n := fieldNode(t.caseNode, field)
	return catalog.Pos{File: t.file, Line: n.Line, Col: n.Column}
}

// caseProblems lists the problems of a case error, one line each.
func caseProblems(err error) []string {
	var ce *discretion.CaseError
	if !errors.As(err, &ce) {
		return []string{err.Error()}
	}
	var out []string
	for _, p := range ce.Problems {
		if p.Field != "" {
			out = append(out, "案件字段 "+p.Field+"："+p.Message)
		} else {
			out = append(out, "案件："+p.Message)
		}
	}
	return out
}

// fieldNode finds the node of a case field path ("facts.area_m2",
// "history[0].item") in an inline case, or the nearest enclosing one.
func fieldNode(n *yaml.Node, path string) *yaml.Node {
	for _, part := range strings.FieldsFunc(path, func(r rune) bool { return r == '.' || r == '[' }) {
		if strings.HasSuffix(part, "]") {
			i, err := strconv.Atoi(strings.TrimSuffix(part, "]"))
			if err != nil || n.Kind != yaml.SequenceNode || i < 0 || i >= len(n.Content) {
				return n
			}
			n = n.Content[i]
			continue
		}
		if n.Kind != yaml.MappingNode {
			return n
		}
		found := false
		for i := 0; i+1 < len(n.Content); i += 2 {
			if n.Content[i].Value == part {
				n, found = n.Content[i+1], true
				break
			}
		}
		if !found {
			return n
		}
	}
	return n
}

// toJSON writes an inline case as JSON, keeping numbers exactly as written
// and dates (which YAML reads as timestamps) as text.
func (l *loader) toJSON(n *yaml.Node, b *bytes.Buffer) bool {
	if n.Kind == yaml.AliasNode || n.Anchor != "" {
		l.errorf(n, CodeSyntax, "案件中不能使用锚点和别名（&、*），请完整写出")
		return false
	}
	switch n.Kind {
	case yaml.MappingNode:
		b.WriteByte('{')
		for i := 0; i+1 < len(n.Content); i += 2 {
			if i > 0 {
				b.WriteByte(',')
			}
			key, _ := json.Marshal(n.Content[i].Value)
			b.Write(key)
			b.WriteByte(':')
			if !l.toJSON(n.Content[i+1], b) {
				return false
			}
		}
		b.WriteByte('}')
	case yaml.SequenceNode:
		b.WriteByte('[')
		for i, el := range n.Content {
			if i > 0 {
				b.WriteByte(',')
			}
			if !l.toJSON(el, b) {
				return false
			}
		}
		b.WriteByte(']')
	case yaml.ScalarNode:
		switch n.Tag {
		case "!!null":
			b.WriteString("null")
		case "!!bool":
			v, _ := l.boolean(n, "")
			b.WriteString(strconv.FormatBool(v))
		case "!!int", "!!float":
			if _, err := decimal.NewFromString(n.Value); err != nil {
				l.errorf(n, CodeCase, "案件中的 %q 不是十进制数字", n.Value)
				return false
			}
			b.WriteString(n.Value)
		default:
			if catalog.LocalTag(n) {
				l.diags.Add(catalog.TagDiagnostic(l.pos(n), CodeCase, n))
				return false
			}
			s, _ := json.Marshal(n.Value)
			b.Write(s)
		}
	}
	return true
}

// Keys returns the vocabulary of the format: the keys of a test file's top
// level, of a test, and of a test's procedure. schema/test.schema.json
// describes the same keys, and its test holds the two together.
func Keys() (file, test, procedure []string) {
	for _, pk := range procedureKeys {
		procedure = append(procedure, pk.key)
	}
	return append([]string(nil), fileKeys...), append([]string(nil), testKeys...), procedure
}
