package condition

import (
	"errors"
	"reflect"
	"regexp"
	"strings"
	"time"

	"github.com/expr-lang/expr/ast"
	"github.com/expr-lang/expr/builtin"
	"github.com/expr-lang/expr/checker"
	"github.com/expr-lang/expr/conf"
	"github.com/expr-lang/expr/file"
	"github.com/expr-lang/expr/parser"
	"github.com/shopspring/decimal"

	"github.com/jizhun/jizhun/catalog"
)

// maxNodes bounds the size of one condition. Real conditions have a few
// dozen nodes; the bound keeps hostile input from costing compile time.
const maxNodes = 2000

// maxSrc bounds the length of one condition's source.
const maxSrc = 8 << 10

// Compile parses, type-checks and lowers a condition. Problems are returned
// as diagnostics positioned in the catalog file.
func Compile(c *catalog.Cond, scope *Scope) (*Expr, catalog.Diagnostics) {
	var diags catalog.Diagnostics
	if len(c.Src) > maxSrc {
		diags.Addf(c.PosAt(0), catalog.CodeTooLarge, "condition is %d bytes long; the limit is %d", len(c.Src), maxSrc)
		return nil, diags
	}
	if strings.TrimSpace(c.Src) == "" {
		diags.Addf(c.PosAt(0), catalog.CodeExprSyntax, "condition is empty").
			SetHint("write what must hold, such as area_m2 < 10")
		return nil, diags
	}
	if kd, fixed := keyboard(c); len(kd) > 0 {
		// Check the rest of the condition, as it reads once corrected.
		if fixed != nil {
			_, more := Compile(fixed, scope)
			kd = append(kd, more...)
		}
		kd.Sort()
		return nil, kd
	}
	cfg := scope.config()
	tree, err := parser.ParseWithConfig(c.Src, cfg)
	if err != nil {
		diags.Add(exprDiagnostic(c, err, catalog.CodeExprSyntax, scope))
		return nil, diags
	}
	if diags = constructs(c, tree.Node, scope); len(diags) > 0 {
		diags.Sort()
		return nil, diags
	}
	// Type-check only: conditions run as closures, so expr's optimizer and
	// bytecode compiler, which cost most of expr.Compile, are skipped.
	if _, err := checker.Check(tree, cfg); err != nil {
		diags.Add(exprDiagnostic(c, err, catalog.CodeExprType, scope))
		return nil, diags
	}
	l := &lowerer{cond: c, scope: scope, seen: map[*Var]bool{}}
	root := l.bool(tree.Node)
	if len(l.diags) > 0 {
		return nil, l.diags
	}
	e := &Expr{Src: c.Src, Cond: c, Root: root, Refs: l.refs, Divisions: l.divisions}
	e.eval = compileBool(root, false)
	if len(l.divisions) > 0 {
		e.strict = compileBool(root, true)
	}
	return e, nil
}

// config returns the expr configuration conditions of this scope are
// checked against, built once per scope: building it reflects over the
// whole environment, which would otherwise be repeated for every condition.
func (s *Scope) config() *conf.Config {
	if s.cfg != nil {
		return s.cfg
	}
	// Built field by field rather than with conf.CreateNew and
	// expr.DisableAllBuiltins: those copy and then disable all of expr's
	// builtins, which cost more than checking an item's conditions.
	cfg := &conf.Config{
		Expect:       reflect.Bool, // expr.AsBool
		ExpectAny:    true,
		ShortCircuit: true,
		MaxNodes:     maxNodes,
		ConstFns:     map[string]reflect.Value{},
		Functions:    conf.FunctionsTable{},
		Builtins:     conf.FunctionsTable{},
		Disabled:     map[string]bool{},
	}
	for _, f := range builtin.Builtins {
		if f.Name == "date" || f.Name == "len" {
			cfg.Builtins[f.Name] = f
		}
	}
	cfg.WithEnv(s.checkEnv())
	s.cfg = cfg
	return cfg
}

// checkEnv is the environment expr type-checks against: every variable with
// a zero value of the Go type expr should see. Numbers are float64 for the
// checker only; evaluation never uses floats.
func (s *Scope) checkEnv() map[string]any {
	env := make(map[string]any, len(s.vars))
	for name, v := range s.vars {
		switch v.Type {
		case catalog.FactBool:
			env[name] = false
		case catalog.FactEnum:
			env[name] = ""
		case catalog.FactEnumList:
			env[name] = []string{}
		case catalog.FactDate:
			env[name] = time.Time{}
		default:
			env[name] = float64(0)
		}
	}
	return env
}

// constructs reports, before type checking, every construct of expr that
// conditions do not allow, so that len(x) is reported as a function call and
// not as an unknown fact, and a ternary as itself and not as a type error.
func constructs(c *catalog.Cond, root ast.Node, scope *Scope) catalog.Diagnostics {
	v := &constructVisitor{cond: c, scope: scope}
	ast.Walk(&root, v)
	return v.diags
}

type constructVisitor struct {
	cond  *catalog.Cond
	scope *Scope
	diags catalog.Diagnostics
}

func (v *constructVisitor) Visit(node *ast.Node) {
	offset := (*node).Location().From
	switch n := (*node).(type) {
	case *ast.BuiltinNode:
		if n.Name == "date" || v.listLength(n) {
			return // the lowerer checks its argument
		}
	case *ast.CallNode:
		offset = n.Callee.Location().From
	case *ast.ConditionalNode:
		// expr places the node after its last operand; point at the "?".
		src := []rune(v.cond.Src)
		for i := max(n.Cond.Location().To, 0); i < len(src); i++ {
			if src[i] == '?' {
				offset = i
				break
			}
		}
	case *ast.BinaryNode:
		if n.Operator == "in" && v.listMember(n) {
			return
		}
		if allowedOperators[n.Operator] {
			return
		}
	case *ast.UnaryNode:
		if allowedOperators[n.Operator] {
			return
		}
	case *ast.MemberNode, *ast.SliceNode, *ast.VariableDeclaratorNode, *ast.MapNode,
		*ast.SequenceNode, *ast.NilNode, *ast.BytesNode, *ast.PointerNode:
	default:
		return
	}
	v.diags.Addf(v.cond.PosAt(offset), catalog.CodeExprFeature, "condition: %s", catalog.P("%s is not allowed in conditions", describeNode(*node))).
		SetHint("%s", allowed)
}

// listLength reports whether n is len(x) of an enum_list fact x, the one
// call conditions allow besides date.
func (v *constructVisitor) listLength(n *ast.BuiltinNode) bool {
	if n.Name != "len" || len(n.Arguments) != 1 {
		return false
	}
	id, ok := n.Arguments[0].(*ast.IdentifierNode)
	if !ok {
		return false
	}
	x := v.scope.Lookup(id.Value)
	return x != nil && x.Type == catalog.FactEnumList
}

// listMember reports, for x in y where y is a list fact, a left operand
// other than a quoted value, which expr's checker would report in its own
// words; it returns true when it reported.
func (v *constructVisitor) listMember(n *ast.BinaryNode) bool {
	id, ok := n.Right.(*ast.IdentifierNode)
	if !ok {
		return false
	}
	x := v.scope.Lookup(id.Value)
	if x == nil || x.Type != catalog.FactEnumList {
		return false
	}
	if _, quoted := n.Left.(*ast.StringNode); quoted {
		return false
	}
	v.diags.Addf(v.cond.PosAt(n.Left.Location().From), catalog.CodeExprFeature, "condition: %s",
		catalog.P("only a quoted value can be tested as a member of %s", x.Name))
	return true
}

// allowedOperators are the operators of expr that conditions keep.
var allowedOperators = map[string]bool{
	"==": true, "!=": true, "<": true, "<=": true, ">": true, ">=": true,
	"&&": true, "||": true, "and": true, "or": true, "!": true, "not": true,
	"in": true, "..": true, "+": true, "-": true, "*": true, "/": true,
}

// allowed is the hint of the message about a construct conditions do not
// allow.
var allowed = catalog.P(`a condition is made of facts, values, comparisons (== != < <= > >=), in, && (and), || (or), ! (not), + - * / and date("YYYY-MM-DD")`)

// typeNames renders the Go types of expr's checker as the catalog's types.
var typeNames = strings.NewReplacer("[]string", "enum_list", "float64", "number", "time.Time", "date", "interface {}", "any")

// exprDiagnostic positions an expr error in the catalog file and says it
// in the catalog's words: an unknown name as an undeclared fact (with the
// item that declares it, or the nearest declared name), the parser's and
// checker's complaints as what the author wrote wrong.
func exprDiagnostic(c *catalog.Cond, err error, code string, scope *Scope) *catalog.Diagnostic {
	msg, offset := err.Error(), 0
	var fe *file.Error
	if errors.As(err, &fe) {
		msg, offset = fe.Message, fe.From
	}
	if name, ok := strings.CutPrefix(msg, "unknown name "); ok {
		return unknownFact(c, c.PosAt(offset), name, scope)
	}
	return catalog.NewDiagnostic(c.PosAt(offset), code, "condition: %s", exprProblem(msg))
}

// unknownFact reports a name that is not in scope: a name reserved for
// other conditions, a fact another item declares, or a likely typo.
func unknownFact(c *catalog.Cond, pos catalog.Pos, name string, scope *Scope) *catalog.Diagnostic {
	if why := scope.Unavailable[name]; why != "" {
		return catalog.NewDiagnostic(pos, catalog.CodeExprUnknown, "condition: %q %s", name, catalog.P(why))
	}
	if items := c.DeclaredBy(name); len(items) > 0 {
		return catalog.NewDiagnostic(pos, catalog.CodeExprUnknown,
			"condition: %q is a fact of item %s, not of this item or of the catalog", name, strings.Join(items, ", ")).
			SetHint("declare it under this item's facts too, or move it to the catalog's facts to share it")
	}
	d := catalog.NewDiagnostic(pos, catalog.CodeExprUnknown, "condition: %s", catalog.P("%q is not a declared fact", name))
	candidates := append(scope.Names(), c.ItemFacts()...)
	switch s := catalog.DidYouMean(name, candidates); {
	case s == "":
		d.SetHint("declare it under facts, or check its spelling")
	case scope.Lookup(s) != nil:
		d.SetHint("did you mean %q?", s)
	default:
		d.SetHint("did you mean %q? It is a fact of item %s: declare it under this item's facts too, or move it to the catalog's facts", s, strings.Join(c.DeclaredBy(s), ", "))
	}
	return d
}

var mismatchRE = regexp.MustCompile(`^invalid operation: (\S+) \(mismatched types (\S+) and (\S+)\)`)

// exprType names a type of expr's checker (after typeNames) for an author.
func exprType(t string) *catalog.Phrase {
	switch t {
	case "number":
		return typeName(catalog.FactNumber)
	case "int":
		return typeName(catalog.FactInt)
	case "bool":
		return typeName(catalog.FactBool)
	case "date":
		return typeName(catalog.FactDate)
	case "enum_list":
		return typeName(catalog.FactEnumList)
	case "string":
		return catalog.P("a quoted value")
	}
	return catalog.P("%s", t)
}

// exprProblem words a message of expr's parser or checker for an author.
func exprProblem(msg string) *catalog.Phrase {
	msg = typeNames.Replace(msg)
	switch {
	case strings.HasPrefix(msg, "unexpected token EOF"):
		return catalog.P("the condition ends before it is complete")
	case strings.HasPrefix(msg, "unexpected token "):
		tok := strings.TrimPrefix(msg, "unexpected token ")
		if i, j := strings.IndexByte(tok, '('), strings.LastIndexByte(tok, ')'); i >= 0 && j > i {
			tok = strings.Trim(tok[i+1:j], `"`)
		}
		return catalog.P("%q cannot stand here", tok)
	case strings.HasPrefix(msg, "unrecognized character"):
		return catalog.P("a character that conditions do not use: %s", strings.TrimPrefix(msg, "unrecognized character: "))
	case strings.HasPrefix(msg, "literal not terminated"):
		return catalog.P("a quoted value is not closed")
	case strings.HasPrefix(msg, "expected bool, but got "):
		return catalog.P("a condition must be true or false, but this is %s", exprType(strings.TrimPrefix(msg, "expected bool, but got ")))
	case strings.HasPrefix(msg, "invalid operation"):
		if m := mismatchRE.FindStringSubmatch(msg); m != nil {
			return catalog.P("%q cannot join %s and %s", m[1], exprType(m[2]), exprType(m[3]))
		}
		return catalog.P("the two sides cannot be compared or combined (%s)", strings.TrimPrefix(msg, "invalid operation: "))
	}
	return catalog.P("%s", msg)
}

// lowerer turns expr's checked AST into the typed tree, rejecting what the
// condition language does not allow.
type lowerer struct {
	cond  *catalog.Cond
	scope *Scope
	refs  []*Var
	seen  map[*Var]bool
	diags catalog.Diagnostics
	// divisions are the condition's "/" in source order.
	divisions []*Division
}

func (l *lowerer) errorf(n ast.Node, code, format string, args ...any) {
	l.diags.Addf(l.cond.PosAt(n.Location().From), code, "condition: %s", catalog.P(format, args...))
}

func (l *lowerer) unsupported(n ast.Node) Node {
	l.errorf(n, catalog.CodeExprFeature, "%s is not allowed in conditions", describeNode(n))
	l.diags[len(l.diags)-1].SetHint("%s", allowed)
	return Lit{Value: catalog.Value{Type: catalog.FactBool}}
}

func describeNode(n ast.Node) *catalog.Phrase {
	switch x := n.(type) {
	case *ast.CallNode:
		if id, ok := x.Callee.(*ast.IdentifierNode); ok {
			return catalog.P("a function call (%s)", id.Value)
		}
		return catalog.P("a function call")
	case *ast.BuiltinNode:
		return catalog.P("a function call (%s)", x.Name)
	case *ast.MemberNode:
		return catalog.P("member access (. or [])")
	case *ast.SliceNode:
		return catalog.P("slicing ([a:b])")
	case *ast.MapNode:
		return catalog.P("a map literal")
	case *ast.SequenceNode:
		return catalog.P("a sequence (;)")
	case *ast.PointerNode:
		return catalog.P("#")
	case *ast.ConditionalNode:
		return catalog.P("a conditional (?:)")
	case *ast.VariableDeclaratorNode:
		return catalog.P("let")
	case *ast.BinaryNode:
		return catalog.P("operator %q", x.Operator)
	case *ast.UnaryNode:
		return catalog.P("operator %q", x.Operator)
	case *ast.NilNode:
		return catalog.P("nil")
	}
	return catalog.P("%s", strings.TrimPrefix(reflect.TypeOf(n).String(), "*ast."))
}

// typeName names a fact type for an author.
func typeName(t catalog.FactType) *catalog.Phrase {
	switch t {
	case catalog.FactBool:
		return catalog.P("a yes/no fact")
	case catalog.FactInt:
		return catalog.P("a whole number")
	case catalog.FactNumber:
		return catalog.P("a number")
	case catalog.FactMoney:
		return catalog.P("an amount of money")
	case catalog.FactEnum:
		return catalog.P("a choice among values")
	case catalog.FactDate:
		return catalog.P("a date")
	case catalog.FactEnumList:
		return catalog.P("a list of values")
	}
	return catalog.P("%s", string(t))
}

func (l *lowerer) bool(n ast.Node) Node {
	switch x := n.(type) {
	case *ast.BoolNode:
		return Lit{Value: catalog.Value{Type: catalog.FactBool, Bool: x.Value}}
	case *ast.IdentifierNode:
		id := l.ident(x)
		if id.Var != nil && id.Var.Type != catalog.FactBool {
			l.errorf(n, catalog.CodeExprType, "%s is %s, not a boolean", id.Var.Name, typeName(id.Var.Type))
		}
		return id
	case *ast.UnaryNode:
		if x.Operator == "!" || x.Operator == "not" {
			inner := l.bool(x.Node)
			if in, ok := inner.(In); ok && x.Operator == "not" && isIn(x.Node) {
				in.Negated = !in.Negated
				return in
			}
			return Not{X: inner}
		}
	case *ast.BinaryNode:
		switch x.Operator {
		case "&&", "and":
			return And{L: l.bool(x.Left), R: l.bool(x.Right)}
		case "||", "or":
			return Or{L: l.bool(x.Left), R: l.bool(x.Right)}
		case "==", "!=", "<", "<=", ">", ">=":
			return l.compare(x)
		case "in":
			return l.in(x)
		}
	}
	return l.unsupported(n)
}

func isIn(n ast.Node) bool {
	b, ok := n.(*ast.BinaryNode)
	return ok && b.Operator == "in"
}

func (l *lowerer) ident(x *ast.IdentifierNode) Ident {
	v := l.scope.Lookup(x.Value)
	if v == nil {
		l.diags.Add(unknownFact(l.cond, l.cond.PosAt(x.Location().From), x.Value, l.scope))
		return Ident{Var: &Var{Name: x.Value, Type: catalog.FactBool}}
	}
	if !l.seen[v] {
		l.seen[v] = true
		l.refs = append(l.refs, v)
	}
	return Ident{Var: v}
}

// operand lowers a value-producing node (not a boolean connective).
func (l *lowerer) operand(n ast.Node) Node {
	switch x := n.(type) {
	case *ast.IdentifierNode:
		return l.ident(x)
	case *ast.IntegerNode:
		return NumLit(decimal.NewFromInt(int64(x.Value)))
	case *ast.FloatNode:
		return NumLit(l.literal(x))
	case *ast.StringNode:
		return Lit{Value: catalog.Value{Type: catalog.FactEnum, Enum: x.Value}}
	case *ast.BoolNode:
		return Lit{Value: catalog.Value{Type: catalog.FactBool, Bool: x.Value}}
	case *ast.BuiltinNode:
		if x.Name == "len" {
			return l.length(x)
		}
		if x.Name == "date" && len(x.Arguments) == 1 {
			if s, ok := x.Arguments[0].(*ast.StringNode); ok {
				d, err := catalog.ParseDate(s.Value)
				if err != nil {
					l.errorf(n, catalog.CodeExprType, "%v", err)
				}
				return Lit{Value: catalog.Value{Type: catalog.FactDate, Date: d}}
			}
			l.errorf(n, catalog.CodeExprFeature, "date() takes one literal \"YYYY-MM-DD\"")
			return Lit{Value: catalog.Value{Type: catalog.FactDate}}
		}
	case *ast.UnaryNode:
		switch x.Operator {
		case "-":
			return Neg{X: l.number(x.Node)}
		case "+":
			return l.number(x.Node)
		}
	case *ast.BinaryNode:
		switch x.Operator {
		case "+", "-", "*":
			return Arith{Op: x.Operator, L: l.number(x.Left), R: l.number(x.Right)}
		case "/":
			a := Arith{Op: x.Operator, L: l.number(x.Left), R: l.number(x.Right)}
			a.Div = &Division{Pos: l.cond.PosAt(x.Right.Location().From), Divisor: a.R, Vars: readsOf(a.R, nil)}
			l.divisions = append(l.divisions, a.Div)
			return a
		}
	}
	return l.unsupported(n)
}

// literal reads a number literal from its source text, so that a literal
// with more digits than a float64 holds keeps them all; expr's own value is
// the fallback.
func (l *lowerer) literal(x *ast.FloatNode) decimal.Decimal {
	src, loc := []rune(l.cond.Src), x.Location()
	if loc.From >= 0 && loc.From < loc.To && loc.To <= len(src) {
		if d, err := decimal.NewFromString(string(src[loc.From:loc.To])); err == nil {
			return d
		}
	}
	return decimal.NewFromFloat(x.Value)
}

func (l *lowerer) number(n ast.Node) Node {
	out := l.operand(n)
	if t := TypeOf(out); !t.Numeric() {
		l.errorf(n, catalog.CodeExprType, "arithmetic needs numbers, not %s", typeName(t))
	}
	return out
}

func (l *lowerer) compare(x *ast.BinaryNode) Node {
	left, right := l.operand(x.Left), l.operand(x.Right)
	lt, rt := TypeOf(left), TypeOf(right)
	switch {
	case lt.Numeric() && rt.Numeric():
	case lt == catalog.FactDate && rt == catalog.FactDate:
	case lt == catalog.FactBool && rt == catalog.FactBool:
		if x.Operator != "==" && x.Operator != "!=" {
			l.errorf(x, catalog.CodeExprType, "booleans compare with == and != only")
		}
	case lt == catalog.FactEnum && rt == catalog.FactEnum:
		if x.Operator != "==" && x.Operator != "!=" {
			l.errorf(x, catalog.CodeExprType, "enum values compare with ==, != and in only; their order is not numeric")
		}
		l.checkEnum(left, right, x.Right)
		l.checkEnum(right, left, x.Left)
	default:
		l.errorf(x, catalog.CodeExprType, "cannot compare %s with %s", typeName(lt), typeName(rt))
	}
	return Compare{Op: x.Operator, L: left, R: right}
}

// checkEnum verifies that a string literal compared with an enum fact is one
// of the fact's declared values.
func (l *lowerer) checkEnum(id, lit Node, at ast.Node) {
	i, ok1 := id.(Ident)
	c, ok2 := lit.(Lit)
	if !ok1 || !ok2 || i.Var.Fact == nil || len(i.Var.Fact.Values) == 0 {
		return
	}
	if i.Var.Fact.Values.Index(c.Value.Enum) >= 0 {
		return
	}
	var names []string
	for _, v := range i.Var.Fact.Values {
		names = append(names, v.Name)
	}
	l.errorf(at, catalog.CodeExprType, "%q is not a value of %s (%s)", c.Value.Enum, i.Var.Name, strings.Join(names, ", "))
	if s := catalog.DidYouMean(c.Value.Enum, names); s != "" {
		l.diags[len(l.diags)-1].SetHint("did you mean %q?", s)
	}
}

func (l *lowerer) in(x *ast.BinaryNode) Node {
	if id, ok := x.Right.(*ast.IdentifierNode); ok {
		return l.member(x, id)
	}
	subject := l.operand(x.Left)
	st := TypeOf(subject)
	if st == catalog.FactEnumList {
		l.errorf(x.Left, catalog.CodeExprFeature, "a list fact is tested with \"value\" in %s or len(%s)", String(subject), String(subject))
	}
	switch r := x.Right.(type) {
	case *ast.ArrayNode:
		out := In{X: subject, List: []Node{}}
		for _, el := range r.Nodes {
			v := l.operand(el)
			if _, ok := v.(Lit); !ok {
				l.errorf(el, catalog.CodeExprFeature, "the list after in holds literal values only")
			}
			if vt := TypeOf(v); vt != st && !(vt.Numeric() && st.Numeric()) {
				l.errorf(el, catalog.CodeExprType, "cannot test %s against %s", typeName(st), typeName(vt))
			}
			l.checkEnum(subject, v, el)
			out.List = append(out.List, v)
		}
		return out
	case *ast.BinaryNode:
		if r.Operator == ".." && st.Numeric() {
			return In{X: subject, Lo: l.number(r.Left), Hi: l.number(r.Right)}
		}
	}
	l.errorf(x, catalog.CodeExprFeature, "in takes a list [a, b, …] or a range lo..hi")
	return In{X: subject, List: []Node{}}
}

// CheckItems compiles the conditions of items that catalog.Load left out
// of the catalog because it found other problems in them
// (Catalog.LeftOut), each against the scope its item would have, and
// returns the problems the conditions have of their own. A caller that
// compiles the rest of the catalog calls it so that one run reports every
// problem: scope is, for the engine's layout, discretion.ItemScope over
// discretion.BaseScope.
func CheckItems(items []*catalog.Item, scope func(*catalog.Item) *Scope) catalog.Diagnostics {
	var diags catalog.Diagnostics
	for _, it := range items {
		s := scope(it)
		for _, c := range it.Conditions() {
			_, ds := Compile(c, s)
			for _, d := range ds {
				diags.Add(d)
			}
		}
	}
	diags.Sort()
	return diags
}

// length lowers len(x) for an enum_list fact x: the number of its values
// the case states, an int from 0 to the number declared.
func (l *lowerer) length(x *ast.BuiltinNode) Node {
	if len(x.Arguments) == 1 {
		if a, ok := x.Arguments[0].(*ast.IdentifierNode); ok {
			id := l.ident(a)
			if id.Var.Type == catalog.FactEnumList {
				return Len{X: id}
			}
		}
	}
	l.errorf(x, catalog.CodeExprFeature, "len takes one list fact")
	return Len{X: Ident{Var: &Var{Name: "len", Type: catalog.FactEnumList}}}
}

// member lowers "v" in x for an enum_list fact x: whether the case lists v.
func (l *lowerer) member(x *ast.BinaryNode, right *ast.IdentifierNode) Node {
	id := l.ident(right)
	if id.Var.Type != catalog.FactEnumList {
		l.errorf(x.Right, catalog.CodeExprFeature, "in takes a list [a, b, …] or a range lo..hi")
		return Has{X: id}
	}
	lit, ok := x.Left.(*ast.StringNode)
	if !ok {
		l.errorf(x.Left, catalog.CodeExprFeature, "only a quoted value can be tested as a member of %s", id.Var.Name)
		return Has{X: id}
	}
	h := Has{X: id, Value: lit.Value}
	if f := id.Var.Fact; f != nil {
		i := f.Values.Index(lit.Value)
		if i < 0 {
			names := make([]string, len(f.Values))
			for j, v := range f.Values {
				names[j] = v.Name
			}
			l.errorf(x.Left, catalog.CodeExprType, "%q is not a value of %s (%s)", lit.Value, id.Var.Name, strings.Join(names, ", "))
			if s := catalog.DidYouMean(lit.Value, names); s != "" {
				l.diags[len(l.diags)-1].SetHint("did you mean %q?", s)
			}
			return h
		}
		h.Index = i
	}
	return h
}
