package discretion

import (
	"fmt"
	"math/rand"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/jizhun/jizhun/catalog"
	"github.com/jizhun/jizhun/catalog/condition"
)

// satisfiable agrees with trying every case, for random conditions over an
// int, a number, an enum and a truth value with small declared domains.
func TestSatisfiableAgreesWithEveryCase(t *testing.T) {
	zero, six := decimal.Zero, decimal.NewFromInt(6)
	half, quarter := decimal.RequireFromString("0.5"), decimal.RequireFromString("0.25")
	facts := []*catalog.Fact{
		{Name: "a", Type: catalog.FactInt, Label: "甲", Min: &zero, Max: &six},
		{Name: "n", Type: catalog.FactNumber, Label: "乙", Min: &zero, Max: &six},
		{Name: "e", Type: catalog.FactEnum, Label: "丙", Values: catalog.EnumValues{{Name: "x"}, {Name: "y"}, {Name: "z"}}},
		{Name: "b", Type: catalog.FactBool, Label: "丁"},
	}
	scope := condition.NewScope()
	for i, f := range facts {
		scope.Add(f.Name, NumBuiltinSlots+i, f.Type, f) // the engine's layout

	}
	rng := rand.New(rand.NewSource(1))
	ops := []string{"<", "<=", ">", ">=", "==", "!="}
	var atom func() string
	atom = func() string {
		switch rng.Intn(5) {
		case 0:
			return fmt.Sprintf("a %s %d", ops[rng.Intn(len(ops))], rng.Intn(9)-1)
		case 1:
			return fmt.Sprintf("n %s %s", ops[rng.Intn(len(ops))], decimal.NewFromInt(int64(rng.Intn(15)-1)).Mul(half))
		case 2:
			return fmt.Sprintf("e %s %q", []string{"==", "!="}[rng.Intn(2)], []string{"x", "y", "z"}[rng.Intn(3)])
		case 3:
			return fmt.Sprintf("a in %d..%d", rng.Intn(8)-1, rng.Intn(8)-1)
		}
		return []string{"b", "!b"}[rng.Intn(2)]
	}
	var expr func(depth int) string
	expr = func(depth int) string {
		if depth == 0 || rng.Intn(3) == 0 {
			return atom()
		}
		op := []string{"&&", "||"}[rng.Intn(2)]
		s := "(" + expr(depth-1) + " " + op + " " + expr(depth-1) + ")"
		if rng.Intn(4) == 0 {
			s = "!" + s
		}
		return s
	}
	nslots := NumBuiltinSlots + len(facts)
	vals := make([]catalog.Value, nslots)
	at := func(i int) *catalog.Value { return &vals[NumBuiltinSlots+i] }
	unsat := 0
	for k := 0; k < 3000; k++ {
		// One condition, or two that must hold together.
		var xs []*condition.Expr
		var src string
		for j := 0; j <= k%2; j++ {
			s := expr(3)
			x, diags := condition.Compile(catalog.NewCond(s), scope)
			if len(diags) > 0 {
				t.Fatalf("%s: %v", s, diags)
			}
			xs = append(xs, x)
			src += s + "; "
		}
		holds := func() bool {
			for _, x := range xs {
				if !x.Eval(vals) {
					return false
				}
			}
			return true
		}
		want := false
	every:
		for a := int64(0); a <= 6; a++ {
			for n := int64(0); n <= 24; n++ { // n in steps of 0.25
				for _, e := range []string{"x", "y", "z"} {
					for _, b := range []bool{false, true} {
						*at(0) = catalog.Value{Type: catalog.FactInt, Num: decimal.NewFromInt(a)}
						*at(1) = catalog.Value{Type: catalog.FactNumber, Num: decimal.NewFromInt(n).Mul(quarter)}
						*at(2) = catalog.Value{Type: catalog.FactEnum, Enum: e}
						*at(3) = catalog.Value{Type: catalog.FactBool, Bool: b}
						if holds() {
							want = true
							break every
						}
					}
				}
			}
		}
		got, decided := satisfiable(xs, nslots)
		if !decided {
			t.Fatalf("%s: not decided", src)
		}
		// n's constants are multiples of 0.5, so a satisfying n exists on
		// the grid of 0.25 whenever one exists at all.
		if got != want {
			t.Fatalf("%s: satisfiable %v, every case says %v", src, got, want)
		}
		if !want {
			unsat++
		}
	}
	if unsat == 0 {
		t.Error("no unsatisfiable condition generated; the test shows nothing")
	}
	t.Logf("%d of 3000 condition sets unsatisfiable", unsat)
}
