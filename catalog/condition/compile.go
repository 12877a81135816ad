package condition

import (
	"errors"
	"fmt"
	"reflect"
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
		diags.Addf(c.PosAt(0), catalog.CodeExprSyntax, "condition is empty")
		return nil, diags
	}
	cfg := scope.config()
	tree, err := parser.ParseWithConfig(c.Src, cfg)
	if err != nil {
		diags.Add(exprDiagnostic(c, err, catalog.CodeExprSyntax, scope))
		return nil, diags
	}
	if diags = constructs(c, tree.Node); len(diags) > 0 {
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
		if f.Name == "date" {
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
func constructs(c *catalog.Cond, root ast.Node) catalog.Diagnostics {
	v := &constructVisitor{cond: c}
	ast.Walk(&root, v)
	return v.diags
}

type constructVisitor struct {
	cond  *catalog.Cond
	diags catalog.Diagnostics
}

func (v *constructVisitor) Visit(node *ast.Node) {
	offset := (*node).Location().From
	switch n := (*node).(type) {
	case *ast.BuiltinNode:
		if n.Name == "date" {
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
	v.diags.Addf(v.cond.PosAt(offset), catalog.CodeExprFeature, "condition: %s is not allowed in conditions %s", describeNode(*node), allowed)
}

// allowedOperators are the operators of expr that conditions keep.
var allowedOperators = map[string]bool{
	"==": true, "!=": true, "<": true, "<=": true, ">": true, ">=": true,
	"&&": true, "||": true, "and": true, "or": true, "!": true, "not": true,
	"in": true, "..": true, "+": true, "-": true, "*": true, "/": true,
}

// allowed closes the message about a construct conditions do not allow.
const allowed = `(use facts, literals, comparisons, in, &&, ||, !, + - * /, date("YYYY-MM-DD"))`

// typeNames renders the Go types of expr's checker as the catalog's types.
var typeNames = strings.NewReplacer("float64", "number", "time.Time", "date", "interface {}", "any")

// exprDiagnostic positions an expr error in the catalog file and classifies
// unknown names.
func exprDiagnostic(c *catalog.Cond, err error, code string, scope *Scope) *catalog.Diagnostic {
	msg, offset := err.Error(), 0
	var fe *file.Error
	if errors.As(err, &fe) {
		msg, offset = fe.Message, fe.From
	}
	d := &catalog.Diagnostic{Pos: c.PosAt(offset), Code: code, Message: "condition: " + typeNames.Replace(msg)}
	if name, ok := strings.CutPrefix(msg, "unknown name "); ok {
		d.Code = catalog.CodeExprUnknown
		d.Message = fmt.Sprintf("condition: %q is not a declared fact", name)
		if why := scope.Unavailable[name]; why != "" {
			d.Message = fmt.Sprintf("condition: %q %s", name, why)
		} else if s := catalog.DidYouMean(name, scope.names); s != "" {
			d.Hint = fmt.Sprintf("did you mean %q?", s)
		}
	}
	return d
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
	l.diags.Addf(l.cond.PosAt(n.Location().From), code, "condition: "+format, args...)
}

func (l *lowerer) unsupported(n ast.Node) Node {
	l.errorf(n, catalog.CodeExprFeature, "%s is not allowed in conditions %s", describeNode(n), allowed)
	return Lit{Value: catalog.Value{Type: catalog.FactBool}}
}

func describeNode(n ast.Node) string {
	switch x := n.(type) {
	case *ast.CallNode:
		if id, ok := x.Callee.(*ast.IdentifierNode); ok {
			return fmt.Sprintf("a function call (%s)", id.Value)
		}
		return "a function call"
	case *ast.BuiltinNode:
		return fmt.Sprintf("a function call (%s)", x.Name)
	case *ast.MemberNode:
		return "member access (. or [])"
	case *ast.SliceNode:
		return "slicing ([a:b])"
	case *ast.MapNode:
		return "a map literal"
	case *ast.SequenceNode:
		return "a sequence (;)"
	case *ast.PointerNode:
		return "#"
	case *ast.ConditionalNode:
		return "a conditional (?:)"
	case *ast.VariableDeclaratorNode:
		return "let"
	case *ast.BinaryNode:
		return fmt.Sprintf("operator %q", x.Operator)
	case *ast.UnaryNode:
		return fmt.Sprintf("operator %q", x.Operator)
	case *ast.NilNode:
		return "nil"
	}
	return strings.TrimPrefix(reflect.TypeOf(n).String(), "*ast.")
}

func (l *lowerer) bool(n ast.Node) Node {
	switch x := n.(type) {
	case *ast.BoolNode:
		return Lit{Value: catalog.Value{Type: catalog.FactBool, Bool: x.Value}}
	case *ast.IdentifierNode:
		id := l.ident(x)
		if id.Var != nil && id.Var.Type != catalog.FactBool {
			l.errorf(n, catalog.CodeExprType, "%s is %s, not a boolean", id.Var.Name, id.Var.Type)
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
		l.errorf(x, catalog.CodeExprUnknown, "%q is not a declared fact", x.Value)
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
			a.Div = &Division{Pos: l.cond.PosAt(x.Right.Location().From), Divisor: a.R, Vars: varsOf(a.R, nil)}
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
		l.errorf(n, catalog.CodeExprType, "arithmetic needs numbers, not %s", t)
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
		l.errorf(x, catalog.CodeExprType, "cannot compare %s with %s", lt, rt)
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
	msg := fmt.Sprintf("%q is not a value of %s (%s)", c.Value.Enum, i.Var.Name, strings.Join(names, ", "))
	if s := catalog.DidYouMean(c.Value.Enum, names); s != "" {
		msg += fmt.Sprintf("; did you mean %q?", s)
	}
	l.errorf(at, catalog.CodeExprType, "%s", msg)
}

func (l *lowerer) in(x *ast.BinaryNode) Node {
	subject := l.operand(x.Left)
	st := TypeOf(subject)
	switch r := x.Right.(type) {
	case *ast.ArrayNode:
		out := In{X: subject, List: []Node{}}
		for _, el := range r.Nodes {
			v := l.operand(el)
			if _, ok := v.(Lit); !ok {
				l.errorf(el, catalog.CodeExprFeature, "the list after in holds literal values only")
			}
			if vt := TypeOf(v); vt != st && !(vt.Numeric() && st.Numeric()) {
				l.errorf(el, catalog.CodeExprType, "cannot test %s against %s", st, vt)
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

// varsOf appends the variables a numeric node reads, each once, in order.
func varsOf(n Node, out []*Var) []*Var {
	switch x := n.(type) {
	case Ident:
		for _, v := range out {
			if v == x.Var {
				return out
			}
		}
		return append(out, x.Var)
	case Neg:
		return varsOf(x.X, out)
	case Arith:
		return varsOf(x.R, varsOf(x.L, out))
	}
	return out
}
