package discretion_test

import (
	"context"
	"errors"
	"sync"
	"testing"
	"time"

	"github.com/jizhun/jizhun/discretion"
)

// determinismCases spans the pipeline: lex mitior (two runs), art. 29
// (candidates), a base with fallback, factors, first offense, procedure.
func determinismCases(t *testing.T) []struct {
	name string
	e    *discretion.Engine
	c    *discretion.Case
} {
	lexMitior := versionCase("CROSSING")
	art29 := art29Case("A", "B", "C")
	delete(art29.Facts, "overdue_not_corrected")
	minor := ageCase("2007-01-15", "2024-06-01", "high")
	minor.Facts["aggravated"] = true
	return []struct {
		name string
		e    *discretion.Engine
		c    *discretion.Case
	}{
		{"lex_mitior", engineFile(t, "versions.yaml"), lexMitior},
		{"art29", engineFile(t, "art29.yaml"), art29},
		{"minor", engineFile(t, "age.yaml"), minor},
		{"gains", engineFile(t, "amounts.yaml"), orgCase("GAINS", map[string]any{"illegal_gains": 9000})},
		{"factors", engineFile(t, "adjust.yaml"), adjustCase("ROWS", "mid", grounds{lighter: true, heavier: true})},
		{"first_offense", engineFile(t, "art33.yaml"), art33Case("FO2")},
		{"procedure", engineFile(t, "procedure.yaml"), procCase("individual", 50000)},
	}
}

func TestDecide_same_case_twice_gives_identical_JSON(t *testing.T) {
	for _, tc := range determinismCases(t) {
		t.Run(tc.name, func(t *testing.T) {
			a := mustJSON(t, decide(t, tc.e, tc.c))
			b := mustJSON(t, decide(t, tc.e, tc.c))
			if a != b {
				t.Fatalf("two decisions differ:\n%s\n---\n%s", a, b)
			}
		})
	}
}

func TestDecide_concurrent_decisions_are_identical(t *testing.T) {
	for _, tc := range determinismCases(t) {
		t.Run(tc.name, func(t *testing.T) {
			want := mustJSON(t, decide(t, tc.e, tc.c))
			const goroutines = 8
			got := make([]string, goroutines)
			errs := make([]error, goroutines)
			var wg sync.WaitGroup
			for i := range goroutines {
				wg.Add(1)
				go func() {
					defer wg.Done()
					for range 20 {
						d, err := tc.e.Decide(context.Background(), tc.c)
						if err != nil {
							errs[i] = err
							return
						}
						b, err := d.JSON()
						if err != nil {
							errs[i] = err
							return
						}
						got[i] = string(b)
						if got[i] != want {
							return
						}
					}
				}()
			}
			wg.Wait()
			for i := range goroutines {
				if errs[i] != nil {
					t.Fatalf("goroutine %d: %v", i, errs[i])
				}
				if got[i] != want {
					t.Fatalf("goroutine %d decided differently:\n%s\n---\n%s", i, got[i], want)
				}
			}
		})
	}
}

func TestDecide_does_not_modify_the_case(t *testing.T) {
	e := engineFile(t, "art29.yaml")
	c := art29Case("A", "B")
	delete(c.Facts, "overdue_not_corrected")
	decide(t, e, c)
	if c.Item != "" || len(c.Items) != 2 || len(c.Facts) != 2 {
		t.Errorf("case modified: %+v", c)
	}
}

func TestDecide_cancelled_context_returns_ctx_err(t *testing.T) {
	e := engineFile(t, "amounts.yaml")
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	d, err := e.Decide(ctx, orgCase("GAINS", map[string]any{"illegal_gains": 9000}))
	if !errors.Is(err, context.Canceled) || d != nil {
		t.Fatalf("Decide = %v, %v; want nil, context.Canceled", d, err)
	}
	ctx, cancel = context.WithDeadline(context.Background(), time.Unix(0, 0))
	defer cancel()
	_, err = e.Decide(ctx, art29Case("A", "B"))
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("err = %v, want context.DeadlineExceeded", err)
	}
}

func TestEngine_Codes_in_catalog_order_and_copied(t *testing.T) {
	e := engineFile(t, "art29.yaml")
	codes := e.Codes()
	if len(codes) != 10 || codes[0] != "A" || codes[3] != "D" {
		t.Fatalf("codes = %v", codes)
	}
	codes[0] = "X"
	if e.Codes()[0] != "A" {
		t.Error("Codes returned the engine's own slice")
	}
	if e.Catalog().ID != "test-art29" {
		t.Errorf("catalog id = %s", e.Catalog().ID)
	}
}
