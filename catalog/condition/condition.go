// Package condition is the expression language of catalog conditions
// (grade "when", exemptions, factors, preconditions): expr-lang/expr syntax,
// restricted to what a discretion standard needs and what can be rendered as
// Chinese text and reasoned about with intervals.
//
// A condition is parsed and type-checked by expr against the fact schema,
// then lowered to a small typed tree ([Node]) and to Go closures. The tree is
// what tables render and consistency checks analyse; the closures are what
// the engine runs, with exact decimal arithmetic (money never becomes a
// float) and no allocation.
//
// The language: fact names; literals (numbers, "strings", true, false);
// date("2024-01-01"); comparisons == != < <= > >=; x in [a, b], x in 1..5,
// x not in [...]; && and, || or, ! not; + - * / on numbers; parentheses.
// Enum facts compare with ==, != and in against their declared values.
//
// [Render] says a condition in the plain Chinese of a published table
// (占用面积不足10平方米且占用时间不超过3日), from the facts' labels and
// units; the tables (package standards) and the reasons of a decision
// (package discretion) both use it, so that they say a condition in the same
// words. [Explain] states the facts of a case that decide a condition.
package condition

import (
	"fmt"

	"github.com/expr-lang/expr/conf"

	"github.com/shopspring/decimal"

	"github.com/jizhun/jizhun/catalog"
)

// Var is a variable a condition can read: a declared fact or one the engine
// provides.
type Var struct {
	Name string
	Slot int // index into the value slice the engine evaluates against
	Type catalog.FactType
	Fact *catalog.Fact // nil for engine-provided variables
}

// Label is the Chinese label of the variable for tables.
func (v *Var) Label() string {
	if v.Fact != nil {
		return v.Fact.Label
	}
	return v.Name
}

// Scope is the set of variables visible to a condition.
//
// A Scope is not safe for concurrent use: Compile builds and caches the
// type-checking configuration on first use.
type Scope struct {
	vars  map[string]*Var
	names []string
	cfg   *conf.Config // built by config, reset by Add
	// Unavailable explains names that exist elsewhere but not here (e.g.
	// fine_max outside procedure conditions).
	Unavailable map[string]string
}

// NewScope returns an empty scope.
func NewScope() *Scope { return &Scope{vars: map[string]*Var{}} }

// Add declares a variable at a slot. Later declarations of a name replace
// earlier ones.
func (s *Scope) Add(name string, slot int, typ catalog.FactType, fact *catalog.Fact) *Var {
	v := &Var{Name: name, Slot: slot, Type: typ, Fact: fact}
	s.cfg = nil
	if _, ok := s.vars[name]; !ok {
		s.names = append(s.names, name)
	}
	s.vars[name] = v
	return v
}

// Lookup returns the variable with the given name, or nil.
func (s *Scope) Lookup(name string) *Var { return s.vars[name] }

// Names lists the variables in declaration order.
func (s *Scope) Names() []string { return append([]string(nil), s.names...) }

// Clone returns a copy that can be extended without changing s.
func (s *Scope) Clone() *Scope {
	c := &Scope{vars: make(map[string]*Var, len(s.vars)), names: append([]string(nil), s.names...), Unavailable: s.Unavailable}
	for k, v := range s.vars {
		c.vars[k] = v
	}
	return c
}

// Expr is a compiled condition.
type Expr struct {
	Src  string
	Cond *catalog.Cond
	Root Node
	// Refs are the variables the condition reads, in order of first use.
	Refs []*Var
	// Divisions are the condition's divisions, in source order.
	Divisions []*Division
	eval      boolFn
	strict    boolFn // nil without division
}

// Eval evaluates the condition. Every variable in Refs must have a value in
// vals; the engine checks that before calling Eval. A quotient whose
// divisor is zero reads as 0, so that the consistency checks may sample any
// values; deciding a case uses EvalStrict.
func (e *Expr) Eval(vals []catalog.Value) bool { return e.eval(vals) }

// EvalStrict evaluates the condition like Eval, but a division by zero is
// an error, a *DivisionByZero, and never a value: a condition such as
// area_m2 / days < 10 says nothing about a case with days 0. A division
// that && or || does not reach (days > 0 && area_m2 / days < 10) is not
// evaluated and is no error. A condition without division costs what Eval
// costs; one with division adds a deferred recover and no allocation.
func (e *Expr) EvalStrict(vals []catalog.Value) (result bool, err error) {
	if e.strict == nil {
		return e.eval(vals), nil
	}
	defer func() {
		if r := recover(); r != nil {
			div, ok := r.(*Division)
			if !ok {
				panic(r)
			}
			result, err = false, &DivisionByZero{Expr: e, Division: div}
		}
	}()
	return e.strict(vals), nil
}

// Division is one "/" of a condition: its divisor, where the divisor
// stands in the catalog, and the variables the divisor reads.
type Division struct {
	Pos     catalog.Pos
	Divisor Node
	Vars    []*Var
}

// DivisionByZero is the error of a condition whose divisor is zero for the
// values it was evaluated with.
type DivisionByZero struct {
	Expr     *Expr
	Division *Division
}

func (e *DivisionByZero) Error() string {
	return fmt.Sprintf("condition %s divides by %s, which is 0", e.Expr.Src, String(e.Division.Divisor))
}

// Node is a node of the typed condition tree.
type Node interface{ node() }

type (
	// And is l && r.
	And struct{ L, R Node }
	// Or is l || r.
	Or struct{ L, R Node }
	// Not is !x.
	Not struct{ X Node }
	// Compare is l op r for op in == != < <= > >=.
	Compare struct {
		Op   string
		L, R Node
	}
	// In is x in [list…] or x in lo..hi; Negated for "not in".
	In struct {
		X       Node
		List    []Node
		Lo, Hi  Node // for a range; List is nil then
		Negated bool
	}
	// Ident reads a variable.
	Ident struct{ Var *Var }
	// Lit is a constant.
	Lit struct{ Value catalog.Value }
	// Arith is l op r for op in + - * /. Div describes a division.
	Arith struct {
		Op   string
		L, R Node
		Div  *Division
	}
	// Neg is -x.
	Neg struct{ X Node }
	// Len is len(x) of an enum_list fact: how many values the case lists.
	Len struct{ X Ident }
	// Has is "v" in x of an enum_list fact: whether the case lists v,
	// the fact's Index-th declared value.
	Has struct {
		X     Ident
		Value string
		Index int
	}
)

func (And) node()     {}
func (Or) node()      {}
func (Not) node()     {}
func (Compare) node() {}
func (In) node()      {}
func (Ident) node()   {}
func (Lit) node()     {}
func (Arith) node()   {}
func (Neg) node()     {}
func (Len) node()     {}
func (Has) node()     {}

// TypeOf returns the value type a node produces.
func TypeOf(n Node) catalog.FactType {
	switch x := n.(type) {
	case Ident:
		return x.Var.Type
	case Lit:
		return x.Value.Type
	case Arith, Neg:
		return catalog.FactNumber
	case Len:
		return catalog.FactInt
	}
	return catalog.FactBool
}

// String renders the tree back as expression source, fully parenthesised
// where precedence could be doubted.
func String(n Node) string {
	switch x := n.(type) {
	case And:
		return fmt.Sprintf("(%s && %s)", String(x.L), String(x.R))
	case Or:
		return fmt.Sprintf("(%s || %s)", String(x.L), String(x.R))
	case Not:
		switch x.X.(type) {
		case Ident, Lit, Not, And, Or: // atoms, or already parenthesised
			return "!" + String(x.X)
		}
		return "!(" + String(x.X) + ")"
	case Compare:
		return fmt.Sprintf("%s %s %s", String(x.L), x.Op, String(x.R))
	case In:
		op := " in "
		if x.Negated {
			op = " not in "
		}
		if x.List == nil {
			return String(x.X) + op + String(x.Lo) + ".." + String(x.Hi)
		}
		s := String(x.X) + op + "["
		for i, el := range x.List {
			if i > 0 {
				s += ", "
			}
			s += String(el)
		}
		return s + "]"
	case Ident:
		return x.Var.Name
	case Lit:
		switch x.Value.Type {
		case catalog.FactEnum:
			return fmt.Sprintf("%q", x.Value.Enum)
		case catalog.FactDate:
			return fmt.Sprintf("date(%q)", x.Value.Date.String())
		case catalog.FactInt, catalog.FactNumber, catalog.FactMoney:
			// expr reads a whole number beyond int64 as an error, not as a
			// float: keep such a literal a decimal one.
			if n := x.Value.Num; n.IsInteger() && !n.BigInt().IsInt64() {
				return n.String() + ".0"
			}
		}
		return x.Value.String()
	case Arith:
		return fmt.Sprintf("(%s %s %s)", String(x.L), x.Op, String(x.R))
	case Neg:
		return "-" + String(x.X)
	case Len:
		return "len(" + x.X.Var.Name + ")"
	case Has:
		return fmt.Sprintf("%q in %s", x.Value, x.X.Var.Name)
	}
	return "?"
}

// NumLit makes a numeric literal.
func NumLit(d decimal.Decimal) Lit {
	return Lit{Value: catalog.Value{Type: catalog.FactNumber, Num: d}}
}
