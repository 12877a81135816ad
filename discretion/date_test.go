package discretion_test

import (
	"bytes"
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/jizhun/jizhun/catalog"
	"github.com/jizhun/jizhun/discretion"
)

// TestDate_go_built_case_is_the_json_case: a case built in Go with typed
// dates writes the same Case JSON as the case read from that JSON, and
// decides the same.
func TestDate_go_built_case_is_the_json_case(t *testing.T) {
	built := &discretion.Case{
		Item:          "ROAD",
		Party:         discretion.Party{Type: catalog.Individual, BirthDate: discretion.DateOf(1985, time.June, 1)},
		ActDate:       discretion.DateFrom(catalog.DateOf(2026, time.March, 2)),
		DiscoveryDate: discretion.DateOfTime(time.Date(2026, 3, 5, 23, 59, 0, 0, time.FixedZone("CST", 8*3600))),
		DecisionDate:  discretion.DateOf(2026, time.February, 48), // normalises to 2026-03-20
		Facts:         map[string]any{"area_m2": 30},
	}
	const text = `{"item": "ROAD", "party": {"type": "individual", "birth_date": "1985-06-01"},
	  "act_date": "2026-03-02", "discovery_date": "2026-03-05", "decision_date": "2026-03-20",
	  "facts": {"area_m2": 30}}`
	parsed, err := discretion.ParseCase(strings.NewReader(text))
	if err != nil {
		t.Fatal(err)
	}
	a, _ := built.JSON()
	b, _ := parsed.JSON()
	if !bytes.Equal(a, b) {
		t.Errorf("built:\n%s\nparsed:\n%s", a, b)
	}
	if d, err := built.DecisionDate.Parse(); err != nil || d != catalog.DateOf(2026, time.March, 20) {
		t.Errorf("Parse = %v, %v", d, err)
	}
	if _, err := discretion.Date("2026-02-30").Parse(); err == nil {
		t.Error("2026-02-30 parses")
	}
	if _, err := discretion.Date("").Time(); err == nil {
		t.Error("an empty date has a time")
	}
}

// TestErrInvalidCase_matches_every_case_error: errors.Is with the sentinel
// and with &CaseError{} (as before), errors.As for the problems; a nil
// context is its own error.
func TestErrInvalidCase_matches_every_case_error(t *testing.T) {
	e := engineFile(t, "art29.yaml")
	_, err := e.Decide(context.Background(), &discretion.Case{Item: "A", Items: []string{"B"}})
	var cerr *discretion.CaseError
	if !errors.Is(err, discretion.ErrInvalidCase) || !errors.Is(err, &discretion.CaseError{}) || !errors.As(err, &cerr) {
		t.Fatalf("err = %v", err)
	}
	if errors.Unwrap(err) != discretion.ErrInvalidCase {
		t.Errorf("Unwrap = %v", errors.Unwrap(err))
	}
	//lint:ignore SA1012 the test passes a nil context on purpose
	_, err = e.Decide(nil, nil) //nolint:staticcheck
	if !errors.Is(err, discretion.ErrNilContext) || errors.Is(err, discretion.ErrInvalidCase) {
		t.Errorf("nil ctx: %v", err)
	}
}
