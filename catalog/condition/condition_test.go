package condition_test

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/jizhun/jizhun/catalog"
	"github.com/jizhun/jizhun/catalog/condition"
)

// Slots of the test scope.
const (
	slotArea = iota
	slotDays
	slotGains
	slotHarm
	slotCorrected
	slotFoundOn
	slotDivisor
	slotRepeat
	numSlots
)

var harmFact = &catalog.Fact{Name: "harm", Type: catalog.FactEnum, Label: "危害后果",
	Values: catalog.EnumValues{{Name: "none", Label: "无"}, {Name: "minor", Label: "轻微"}, {Name: "serious", Label: "严重"}}}

// testScope declares one variable of every fact type.
func testScope() *condition.Scope {
	s := condition.NewScope()
	s.Add("area_m2", slotArea, catalog.FactNumber, &catalog.Fact{Name: "area_m2", Type: catalog.FactNumber, Label: "面积"})
	s.Add("days", slotDays, catalog.FactInt, &catalog.Fact{Name: "days", Type: catalog.FactInt, Label: "天数"})
	s.Add("gains", slotGains, catalog.FactMoney, &catalog.Fact{Name: "gains", Type: catalog.FactMoney, Label: "违法所得"})
	s.Add("harm", slotHarm, catalog.FactEnum, harmFact)
	s.Add("corrected", slotCorrected, catalog.FactBool, &catalog.Fact{Name: "corrected", Type: catalog.FactBool, Label: "及时改正"})
	s.Add("found_on", slotFoundOn, catalog.FactDate, &catalog.Fact{Name: "found_on", Type: catalog.FactDate, Label: "发现日期"})
	s.Add("divisor", slotDivisor, catalog.FactNumber, nil)
	s.Add("repeat", slotRepeat, catalog.FactBool, nil)
	s.Unavailable = map[string]string{"fine_max": "is available only in procedure conditions"}
	return s
}

func num(s string) catalog.Value {
	return catalog.Value{Type: catalog.FactNumber, Num: decimal.RequireFromString(s)}
}

// facts builds a value slice; unset slots hold zero values of their type.
func facts(set map[int]catalog.Value) []catalog.Value {
	vals := make([]catalog.Value, numSlots)
	for slot, v := range set {
		vals[slot] = v
	}
	return vals
}

func date(s string) catalog.Value {
	d, err := catalog.ParseDate(s)
	if err != nil {
		panic(err)
	}
	return catalog.Value{Type: catalog.FactDate, Date: d}
}

func enum(s string) catalog.Value  { return catalog.Value{Type: catalog.FactEnum, Enum: s} }
func boolean(b bool) catalog.Value { return catalog.Value{Type: catalog.FactBool, Bool: b} }

func mustCompile(t *testing.T, src string) *condition.Expr {
	t.Helper()
	e, diags := condition.Compile(catalog.NewCond(src), testScope())
	if len(diags) > 0 {
		t.Fatalf("Compile(%q): %v", src, diags)
	}
	return e
}

func TestEval(t *testing.T) {
	tests := []struct {
		name string
		src  string
		vals map[int]catalog.Value
		want bool
	}{
		// Numbers: int, number and money compare exactly, as decimals.
		{"number below literal", "area_m2 < 10", map[int]catalog.Value{slotArea: num("9.99")}, true},
		{"number at literal is not below it", "area_m2 < 10", map[int]catalog.Value{slotArea: num("10")}, false},
		{"<= includes the bound", "area_m2 <= 10", map[int]catalog.Value{slotArea: num("10")}, true},
		{"> excludes the bound", "days > 30", map[int]catalog.Value{slotDays: num("30")}, false},
		{">= includes the bound", "days >= 30", map[int]catalog.Value{slotDays: num("30")}, true},
		{"== on int", "days == 3", map[int]catalog.Value{slotDays: num("3")}, true},
		{"!= on int", "days != 3", map[int]catalog.Value{slotDays: num("3")}, false},
		{"money against fractional literal", "gains >= 10000.5", map[int]catalog.Value{slotGains: num("10000.49")}, false},
		{"0.3 equals 0.1 + 0.2 exactly", "area_m2 == 0.1 + 0.2", map[int]catalog.Value{slotArea: num("0.3")}, true},
		{"0.3 is not above 0.1 + 0.2", "area_m2 > 0.1 + 0.2", map[int]catalog.Value{slotArea: num("0.3")}, false},
		{"literal with 20 significant digits stays exact", "area_m2 == 0.12345678901234567891", map[int]catalog.Value{slotArea: num("0.12345678901234567891")}, true},
		{"literal with 20 significant digits is not rounded", "area_m2 < 0.12345678901234567891", map[int]catalog.Value{slotArea: num("0.1234567890123456789")}, true},
		{"fact on the right of the comparison", "10 > area_m2", map[int]catalog.Value{slotArea: num("9")}, true},
		{"two facts compared", "gains > area_m2", map[int]catalog.Value{slotGains: num("5"), slotArea: num("4.5")}, true},
		{"int fact against money fact", "days == gains", map[int]catalog.Value{slotDays: num("7"), slotGains: num("7.00")}, true},
		// Arithmetic.
		{"chained arithmetic left to right", "gains - days - 1 == 2", map[int]catalog.Value{slotGains: num("10"), slotDays: num("7")}, true},
		{"* binds tighter than +", "days + 2 * 3 == 13", map[int]catalog.Value{slotDays: num("7")}, true},
		{"parentheses override precedence", "(days + 2) * 3 == 27", map[int]catalog.Value{slotDays: num("7")}, true},
		{"division", "gains / days == 2.5", map[int]catalog.Value{slotGains: num("10"), slotDays: num("4")}, true},
		{"division with a repeating result", "gains / 3 * 3 < gains", map[int]catalog.Value{slotGains: num("10")}, true},
		{"unary minus", "-days < 0", map[int]catalog.Value{slotDays: num("1")}, true},
		{"negative literal", "area_m2 > -1", map[int]catalog.Value{slotArea: num("0")}, true},
		{"division by a zero fact yields zero", "gains / divisor == 0", map[int]catalog.Value{slotGains: num("10"), slotDivisor: num("0")}, true},
		{"division by a zero fact compares as zero", "gains / divisor > 1", map[int]catalog.Value{slotGains: num("10"), slotDivisor: num("0")}, false},
		// Enums.
		{"enum ==", `harm == "serious"`, map[int]catalog.Value{slotHarm: enum("serious")}, true},
		{"enum == other value", `harm == "serious"`, map[int]catalog.Value{slotHarm: enum("minor")}, false},
		{"enum !=", `harm != "none"`, map[int]catalog.Value{slotHarm: enum("minor")}, true},
		{"enum != same value", `harm != "none"`, map[int]catalog.Value{slotHarm: enum("none")}, false},
		{"literal on the left", `"none" == harm`, map[int]catalog.Value{slotHarm: enum("none")}, true},
		{"enum in list", `harm in ["minor", "serious"]`, map[int]catalog.Value{slotHarm: enum("serious")}, true},
		{"enum not in list", `harm in ["minor", "serious"]`, map[int]catalog.Value{slotHarm: enum("none")}, false},
		{"enum not in", `harm not in ["minor", "serious"]`, map[int]catalog.Value{slotHarm: enum("none")}, true},
		{"enum not in, member", `harm not in ["minor", "serious"]`, map[int]catalog.Value{slotHarm: enum("minor")}, false},
		{"not (x in list) is not in", `not (harm in ["minor"])`, map[int]catalog.Value{slotHarm: enum("minor")}, false},
		{"! applied to in", `!(harm in ["minor"])`, map[int]catalog.Value{slotHarm: enum("none")}, true},
		// Numbers in lists and ranges.
		{"number in list", "days in [1, 3, 5]", map[int]catalog.Value{slotDays: num("3")}, true},
		{"number not in list", "days in [1, 3, 5]", map[int]catalog.Value{slotDays: num("4")}, false},
		{"decimal equality in list", "area_m2 in [0.5, 1.50]", map[int]catalog.Value{slotArea: num("1.5")}, true},
		{"range includes its low end", "days in 1..5", map[int]catalog.Value{slotDays: num("1")}, true},
		{"range includes its high end", "days in 1..5", map[int]catalog.Value{slotDays: num("5")}, true},
		{"range excludes below", "days in 1..5", map[int]catalog.Value{slotDays: num("0")}, false},
		{"range excludes above", "days in 1..5", map[int]catalog.Value{slotDays: num("6")}, false},
		{"not in range", "days not in 1..5", map[int]catalog.Value{slotDays: num("6")}, true},
		{"not in range, inside", "days not in 1..5", map[int]catalog.Value{slotDays: num("3")}, false},
		// Booleans.
		{"bool fact", "corrected", map[int]catalog.Value{slotCorrected: boolean(true)}, true},
		{"bool fact false", "corrected", nil, false},
		{"! bool", "!corrected", nil, true},
		{"not bool", "not corrected", map[int]catalog.Value{slotCorrected: boolean(true)}, false},
		{"bool == literal", "corrected == false", nil, true},
		{"bool != bool", "corrected != repeat", map[int]catalog.Value{slotCorrected: boolean(true)}, true},
		{"bool in list", "corrected in [true]", map[int]catalog.Value{slotCorrected: boolean(true)}, true},
		{"bool not in list", "corrected in [true]", map[int]catalog.Value{slotCorrected: boolean(false)}, false},
		{"literal true", "true", nil, true},
		{"literal false", "false", nil, false},
		// Connectives and precedence.
		{"&& both true", "corrected && repeat", map[int]catalog.Value{slotCorrected: boolean(true), slotRepeat: boolean(true)}, true},
		{"&& one false", "corrected && repeat", map[int]catalog.Value{slotCorrected: boolean(true)}, false},
		{"|| one true", "corrected || repeat", map[int]catalog.Value{slotRepeat: boolean(true)}, true},
		{"and, or keywords", "corrected and repeat or days > 1", map[int]catalog.Value{slotDays: num("2")}, true},
		{"&& binds tighter than || (a || b && c, a true)", "corrected || repeat && days > 100", map[int]catalog.Value{slotCorrected: boolean(true)}, true},
		{"&& binds tighter than || (a && b || c, c true)", "corrected && repeat || days > 1", map[int]catalog.Value{slotDays: num("2")}, true},
		{"&& binds tighter than || (a && b || c, all false but a)", "corrected && repeat || days > 1", map[int]catalog.Value{slotCorrected: boolean(true)}, false},
		{"parentheses group ||", "(corrected || repeat) && days > 100", map[int]catalog.Value{slotCorrected: boolean(true)}, false},
		{"! binds tighter than &&", "!corrected && repeat", map[int]catalog.Value{slotRepeat: boolean(true)}, true},
		{"! over a group", "!(corrected && repeat)", map[int]catalog.Value{slotCorrected: boolean(true)}, true},
		{"! over a comparison", "!(days > 3)", map[int]catalog.Value{slotDays: num("2")}, true},
		// Dates.
		{"date on or after", `found_on >= date("2024-01-01")`, map[int]catalog.Value{slotFoundOn: date("2024-01-01")}, true},
		{"date before", `found_on < date("2024-01-01")`, map[int]catalog.Value{slotFoundOn: date("2023-12-31")}, true},
		{"date after is not before", `found_on < date("2024-01-01")`, map[int]catalog.Value{slotFoundOn: date("2024-01-02")}, false},
		{"date equality", `found_on == date("2024-02-29")`, map[int]catalog.Value{slotFoundOn: date("2024-02-29")}, true},
		{"date inequality", `found_on != date("2024-02-29")`, map[int]catalog.Value{slotFoundOn: date("2024-02-28")}, true},
		{"date in list", `found_on in [date("2024-01-01"), date("2024-06-01")]`, map[int]catalog.Value{slotFoundOn: date("2024-06-01")}, true},
		{"date not in list", `found_on in [date("2024-01-01")]`, map[int]catalog.Value{slotFoundOn: date("2024-06-01")}, false},
		// Multi-line source.
		{"condition over several lines", "days > 1 &&\n  harm == \"none\"", map[int]catalog.Value{slotDays: num("2"), slotHarm: enum("none")}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := mustCompile(t, tt.src)
			if got := e.Eval(facts(tt.vals)); got != tt.want {
				t.Errorf("%s with %v = %v, want %v (tree %s)", tt.src, tt.vals, got, tt.want, condition.String(e.Root))
			}
		})
	}
}

func TestCompileErrors(t *testing.T) {
	tests := []struct {
		name string
		src  string
		code string
		col  int // in the condition's own text, from 1
		rx   string
	}{
		{"syntax error", "days >", catalog.CodeExprSyntax, 6, `ends with ">", which needs something after it`},
		{"unclosed parenthesis", "(days > 3", catalog.CodeExprSyntax, 0, "the condition ends before it is complete"},
		{"chinese and", "days > 3 且 days < 9", catalog.CodeExprSyntax, 10, `write && for "且" \(the condition would read: days > 3 && days < 9\)`},
		{"chinese or", "days > 3 或者 days < 1", catalog.CodeExprSyntax, 10, `write \|\| for "或者"`},
		{"single equals", "days = 3", catalog.CodeExprSyntax, 6, "a single = does not compare"},
		{"math sign", "days ≥ 3", catalog.CodeExprSyntax, 6, `write >= for "≥"`},
		{"full-width digits", "days > ３", catalog.CodeExprSyntax, 8, "full-width characters ３ must be written half-width"},
		{"curly quotes", "harm == “minor”", catalog.CodeExprSyntax, 9, "quoted with Chinese quotation marks"},
		{"unterminated string", `harm == "none`, catalog.CodeExprSyntax, 0, "a quoted value is not closed"},
		{"empty condition", "  ", catalog.CodeExprSyntax, 1, "condition is empty"},
		{"unknown fact with a suggestion", "dayz > 1", catalog.CodeExprUnknown, 1, `"dayz" is not a declared fact \(did you mean "days"\?\)`},
		{"unknown fact after others", "days > 1 && volume > 2", catalog.CodeExprUnknown, 13, `"volume" is not a declared fact \(declare it under facts, or check its spelling\)$`},
		{"name known elsewhere", "fine_max > 100", catalog.CodeExprUnknown, 1, `"fine_max" is available only in procedure conditions`},
		{"number against string", `area_m2 > "big"`, catalog.CodeExprType, 9, `">" cannot join a number and a quoted value`},
		{"condition not boolean", "area_m2", catalog.CodeExprType, 0, "must be true or false, but this is a number"},
		{"enum value typo", `harm == "serius"`, catalog.CodeExprType, 9, `"serius" is not a value of harm \(none, minor, serious\) \(did you mean "serious"\?\)`},
		{"enum value typo on the left", `"serius" == harm`, catalog.CodeExprType, 1, `did you mean "serious"\?`},
		{"enum value typo in a list", `harm in ["none", "sirius"]`, catalog.CodeExprType, 18, `"sirius" is not a value of harm`},
		{"enum ordering", `harm < "serious"`, catalog.CodeExprType, 6, "their order is not numeric"},
		{"bool ordering", "corrected < repeat", catalog.CodeExprType, 11, `"<" cannot join a yes/no fact and a yes/no fact`},
		{"impossible date literal", `found_on > date("2023-02-30")`, catalog.CodeExprType, 12, `"2023-02-30" is not a real date`},
		{"date of a fact", `found_on > date(harm)`, catalog.CodeExprFeature, 12, `date\(\) takes one literal`},
		{"function call", "len(harm) > 3", catalog.CodeExprFeature, 1, `a function call \(len\) is not allowed`},
		{"unknown function", "foo(days)", catalog.CodeExprFeature, 1, `a function call \(foo\) is not allowed`},
		{"pipe is a call", "days | abs() > 1", catalog.CodeExprFeature, 0, `a function call \(abs\) is not allowed`},
		{"ternary", "corrected ? true : false", catalog.CodeExprFeature, 11, `a conditional \(\?:\) is not allowed`},
		{"member access", "harm.level > 1", catalog.CodeExprFeature, 0, `member access`},
		{"index", "harm[0] == \"n\"", catalog.CodeExprFeature, 0, `member access`},
		{"slice", `harm[0:1] == "n"`, catalog.CodeExprFeature, 0, `slicing`},
		{"map literal", `{"a": 1}.a == 1`, catalog.CodeExprFeature, 0, `not allowed`},
		{"let", "let x = days; x > 1", catalog.CodeExprFeature, 0, `let is not allowed`},
		{"nil", "nil", catalog.CodeExprFeature, 1, `nil is not allowed`},
		{"modulo", "days % 2 == 0", catalog.CodeExprFeature, 6, `operator "%" is not allowed`},
		{"power", "days ** 2 > 4", catalog.CodeExprFeature, 6, `operator "\*\*" is not allowed`},
		{"matches", `harm matches "s.*"`, catalog.CodeExprFeature, 6, `operator "matches" is not allowed`},
		{"nil coalescing", "(days ?? 1) > 0", catalog.CodeExprFeature, 7, `operator "\?\?" is not allowed`},
		{"in with a fact in the list", "days in [1, gains]", catalog.CodeExprFeature, 13, "the list after in holds literal values only"},
		{"in with a fact as the list", "days in gains", catalog.CodeExprType, 0, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e, diags := condition.Compile(catalog.NewCond(tt.src), testScope())
			if e != nil || len(diags) == 0 {
				t.Fatalf("Compile(%q) succeeded; want %s", tt.src, tt.code)
			}
			d := diags[0].Localize("en")
			if d.Code != tt.code {
				t.Errorf("code %s, want %s: %v", d.Code, tt.code, d)
			}
			if d.Pos.Line != 1 || (tt.col != 0 && d.Pos.Col != tt.col) || d.Pos.Col < 1 {
				t.Errorf("position %d:%d, want 1:%d: %v", d.Pos.Line, d.Pos.Col, tt.col, d)
			}
			text := d.Message
			if d.Hint != "" {
				text += " (" + d.Hint + ")"
			}
			if !regexpMatch(tt.rx, text) {
				t.Errorf("message %q does not match %q", text, tt.rx)
			}
			if !errors.Is(diags.Err(), &catalog.Diagnostic{Code: tt.code}) {
				t.Errorf("errors.Is does not find code %s in %v", tt.code, diags)
			}
		})
	}
}

func TestCompileReportsEveryUnsupportedConstruct(t *testing.T) {
	_, diags := condition.Compile(catalog.NewCond("len(harm) > 1 || (corrected ? days : 0) > 2 || harm.x"), testScope())
	var feats []string
	for _, d := range diags {
		if d.Code == catalog.CodeExprFeature {
			feats = append(feats, d.Pos.String()+" "+d.Message)
		}
	}
	if len(feats) != 3 {
		t.Fatalf("want the call, the conditional and the member access reported, got %d: %v", len(feats), diags)
	}
}

func TestCompileTooLarge(t *testing.T) {
	src := strings.Repeat("days > 1 && ", 1000) + "true"
	_, diags := condition.Compile(catalog.NewCond(src), testScope())
	if len(diags) != 1 || diags[0].Code != catalog.CodeTooLarge {
		t.Fatalf("want one %s diagnostic, got %v", catalog.CodeTooLarge, diags)
	}
}

func TestCompilePositionsInFile(t *testing.T) {
	// A condition loaded from a file maps its errors into that file; one
	// made by NewCond counts in its own text.
	_, diags := condition.Compile(catalog.NewCond("days > 1 &&\n  dayz < 3"), testScope())
	if len(diags) != 1 || diags[0].Pos.Line != 2 || diags[0].Pos.Col != 3 {
		t.Fatalf("want the unknown fact at 2:3, got %v", diags)
	}
	c := &catalog.Cond{Src: "days > 1 && dayz < 3", Pos: catalog.Pos{File: "x.yaml", Line: 7, Col: 11}}
	_, diags = condition.Compile(c, testScope())
	if len(diags) != 1 || diags[0].Pos != (catalog.Pos{File: "x.yaml", Line: 7, Col: 23}) {
		t.Fatalf("want the unknown fact at x.yaml:7:23, got %v", diags)
	}
}

func TestRefsInFirstUseOrderOnce(t *testing.T) {
	e := mustCompile(t, `harm == "none" && days > 1 || harm == "minor" && area_m2 / days > 2 && corrected`)
	var got []string
	for _, v := range e.Refs {
		got = append(got, v.Name)
	}
	want := "harm days area_m2 corrected"
	if strings.Join(got, " ") != want {
		t.Errorf("Refs = %v, want %s", got, want)
	}
	if e.Refs[0].Slot != slotHarm || e.Refs[0].Fact != harmFact {
		t.Errorf("Refs[0] = %+v, want the harm variable of the scope", e.Refs[0])
	}
	if lit := mustCompile(t, "true"); len(lit.Refs) != 0 {
		t.Errorf("a literal condition reads no variables, got %v", lit.Refs)
	}
}

func TestString(t *testing.T) {
	tests := []struct{ src, want string }{
		{"area_m2 < 10", "area_m2 < 10"},
		{"corrected || repeat && days > 3", "(corrected || (repeat && days > 3))"},
		{"(corrected || repeat) && days > 3", "((corrected || repeat) && days > 3)"},
		{"!corrected", "!corrected"},
		{"!(days > 3)", "!(days > 3)"},
		{"not (corrected && repeat)", "!(corrected && repeat)"},
		{`harm in ["none", "minor"]`, `harm in ["none", "minor"]`},
		{`harm not in ["none"]`, `harm not in ["none"]`},
		{"days in 1..5", "days in 1..5"},
		{"days not in 1..5", "days not in 1..5"},
		{"gains / days + 1 >= 2 * 3", "((gains / days) + 1) >= (2 * 3)"},
		{"-days < 0.5", "-days < 0.5"},
		{`found_on >= date("2024-01-01")`, `found_on >= date("2024-01-01")`},
		{"corrected == true", "corrected == true"},
	}
	for _, tt := range tests {
		e := mustCompile(t, tt.src)
		got := condition.String(e.Root)
		if got != tt.want {
			t.Errorf("String(%q) = %q, want %q", tt.src, got, tt.want)
			continue
		}
		// The rendering is itself a condition with the same tree.
		again := mustCompile(t, got)
		if s := condition.String(again.Root); s != got {
			t.Errorf("String(Compile(%q)) = %q, not a fixed point", got, s)
		}
	}
}

func TestTypeOf(t *testing.T) {
	e := mustCompile(t, "gains + days > area_m2")
	cmp, ok := e.Root.(condition.Compare)
	if !ok {
		t.Fatalf("root is %T, want Compare", e.Root)
	}
	if got := condition.TypeOf(cmp.L); got != catalog.FactNumber {
		t.Errorf("TypeOf(gains + days) = %s, want number", got)
	}
	if got := condition.TypeOf(cmp.R); got != catalog.FactNumber {
		t.Errorf("TypeOf(area_m2) = %s, want number", got)
	}
	if got := condition.TypeOf(e.Root); got != catalog.FactBool {
		t.Errorf("TypeOf(comparison) = %s, want bool", got)
	}
}

func TestScope(t *testing.T) {
	s := testScope()
	if s.Lookup("days") == nil || s.Lookup("nope") != nil {
		t.Fatal("Lookup finds declared names only")
	}
	c := s.Clone()
	c.Add("extra", 99, catalog.FactBool, nil)
	if s.Lookup("extra") != nil {
		t.Error("adding to a clone changed the original scope")
	}
	names := c.Names()
	if names[0] != "area_m2" || names[len(names)-1] != "extra" {
		t.Errorf("Names not in declaration order: %v", names)
	}
	c.Add("days", 42, catalog.FactNumber, nil)
	if v := c.Lookup("days"); v.Slot != 42 || len(c.Names()) != len(names) {
		t.Errorf("redeclaring a name replaces it without a second entry: %+v %v", v, c.Names())
	}
	if v := s.Lookup("area_m2"); v.Label() != "面积" {
		t.Errorf("Label of a fact variable = %q, want its fact label", v.Label())
	}
	if v := s.Lookup("divisor"); v.Label() != "divisor" {
		t.Errorf("Label of an engine variable = %q, want its name", v.Label())
	}
}

// TestKeyboardMistakesDoNotHideTheRest checks that a condition with a
// Chinese connective is still checked, as corrected, for its other
// problems, each at its own column.
func TestKeyboardMistakesDoNotHideTheRest(t *testing.T) {
	_, diags := condition.Compile(catalog.NewCond("days ≥ 3 且 dayz < 9"), testScope())
	var got []string
	for _, d := range diags {
		got = append(got, fmt.Sprintf("%d %s", d.Pos.Col, d.Code))
	}
	want := []string{"6 catalog_expr_syntax", "10 catalog_expr_syntax", "12 catalog_expr_unknown"}
	if strings.Join(got, ", ") != strings.Join(want, ", ") {
		t.Errorf("diagnostics at %v; want %v: %v", got, want, diags)
	}
}
