package standards

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jizhun/jizhun/catalog"
	"github.com/jizhun/jizhun/discretion"
)

// TestWitnessesDecidedByEngine decides every witness the checks give on the
// repository's catalogs and holds the decision to what its finding says: a
// gap error for a gap, the grade the engine picks first for an overlap, the
// grade named for a range or tier-order finding, the factor applied, the
// exemption granted. No witness may be dropped as unconfirmed, and each is
// decided again from its Case JSON, as `jizhun decide --case` reads the
// files `jizhun check --out` writes.
func TestWitnessesDecidedByEngine(t *testing.T) {
	var paths []string
	for _, pattern := range []string{"../examples/*/catalog.yaml", "testdata/broken/catalog.yaml", "testdata/tables/*.yaml", "../fuzz/testdata/stress/catalog.yaml"} {
		ps, _ := filepath.Glob(pattern)
		paths = append(paths, ps...)
	}
	witnesses := 0
	for _, path := range paths {
		t.Run(path, func(t *testing.T) {
			cat, err := catalog.LoadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			eng, err := discretion.Compile(cat)
			if err != nil {
				t.Fatal(err)
			}
			ck, err := check(context.Background(), eng, Options{})
			if err != nil {
				t.Fatal(err)
			}
			for _, u := range ck.unconfirmed {
				js, _ := u.finding.Witness.JSON()
				t.Errorf("%s: %s: witness not confirmed: %v\n%s", u.finding.Pos, u.finding.Code, u.why, js)
			}
			for _, f := range ck.report.Findings {
				if f.Witness == nil {
					continue
				}
				witnesses++
				if f.claim == nil {
					t.Errorf("%s: %s: a witness without a claim", f.Pos, f.Code)
					continue
				}
				js, err := f.Witness.JSON()
				if err != nil {
					t.Fatalf("%s: %s: %v", f.Pos, f.Code, err)
				}
				c, err := discretion.ParseCase(bytes.NewReader(js))
				if err != nil {
					t.Fatalf("%s: %s: the witness's Case JSON does not parse: %v\n%s", f.Pos, f.Code, err, js)
				}
				if why := f.claim(eng.Decide(context.Background(), c)); why != nil {
					t.Errorf("%s: %s: decided from its JSON, the witness %v\n%s", f.Pos, f.Code, why, js)
				}
			}
		})
	}
	if witnesses == 0 {
		t.Error("no catalog gave a witness; the test decided nothing")
	}
	t.Logf("%d witnesses decided", witnesses)
}

// TestUnconfirmedWitnessIsNotShown: a witness whose decision does not show
// its finding's claim is taken off the finding, the finding stays, and its
// hint says why no case is shown.
func TestUnconfirmedWitnessIsNotShown(t *testing.T) {
	cat, err := catalog.LoadFile("testdata/broken/catalog.yaml")
	if err != nil {
		t.Fatal(err)
	}
	eng, err := discretion.Compile(cat)
	if err != nil {
		t.Fatal(err)
	}
	ck, err := check(context.Background(), eng, Options{})
	if err != nil {
		t.Fatal(err)
	}
	i := -1
	for j, f := range ck.report.Findings {
		if f.Code == CodeGap && f.Witness != nil {
			i = j
		}
	}
	if i < 0 {
		t.Fatal("the broken catalog's gap has no witness")
	}
	n := len(ck.report.Findings)
	ck.report.Findings[i].claim = claimGrade("no-such-grade") // the engine answers a gap error
	if err := ck.confirm(); err != nil {
		t.Fatal(err)
	}
	f := ck.report.Findings[i]
	switch {
	case len(ck.report.Findings) != n:
		t.Errorf("%d findings, want %d: the finding must stay", len(ck.report.Findings), n)
	case f.Witness != nil:
		t.Error("the unconfirmed witness is still shown")
	case len(ck.unconfirmed) != 1 || ck.unconfirmed[0].finding.Code != CodeGap:
		t.Errorf("unconfirmed = %v, want the gap's witness", ck.unconfirmed)
	case !strings.Contains(f.Hint, "未经引擎复核确认") || !strings.Contains(f.Localize("en").Hint, "did not confirm"):
		t.Errorf("hint %q does not say why no case is shown", f.Hint)
	case !strings.Contains(f.Hint, "应适用阶次 no-such-grade，引擎却未能作出决定："):
		t.Errorf("hint %q does not say in Chinese what the engine did instead", f.Hint)
	case strings.Contains(f.Hint, "want") || strings.Contains(f.Hint, "engine") || strings.Contains(f.Hint, "failed"):
		t.Errorf("the Chinese hint %q has English in it", f.Hint)
	case !strings.Contains(f.Localize("en").Hint, "want grade no-such-grade, the engine failed: "):
		t.Errorf("the English hint %q does not say what the engine did", f.Localize("en").Hint)
	}
}

// TestListEntryClaimInChinese: the claim of a list entry's witness (首违不罚
// or 轻微违法不予处罚, 《行政处罚法》第三十三条第一款), shown in the hint
// when the engine does not confirm it, names the list in Chinese and says
// what the list should have done in words, with no English, no field name
// and no Go bool.
func TestListEntryClaimInChinese(t *testing.T) {
	d := &discretion.Decision{Outcome: discretion.General}
	for _, tc := range []struct {
		kind    string
		reason  discretion.Reason
		exempts bool
		want    string
	}{
		{catalog.ListFirstOffense, discretion.ReasonFirstOffense, true, "应依施行中的首违不罚清单对本案不予处罚，引擎却决定"},
		{catalog.ListFirstOffense, discretion.ReasonFirstOffense, false, "施行中的首违不罚清单不应对本案不予处罚，引擎却决定"},
		{catalog.ListLightViolation, discretion.ReasonLightViolation, true, "应依施行中的轻微违法行为不予处罚清单对本案不予处罚"},
	} {
		why := claimListExempts(tc.kind, tc.reason, tc.exempts)(d, nil)
		if why == nil {
			t.Fatalf("%s: a decision without a list step confirms the claim", tc.kind)
		}
		zh := messagesZh.P("%s", why).Render("zh")
		if !strings.Contains(zh, tc.want) {
			t.Errorf("%s exempts=%v: %q, want it to say %q", tc.kind, tc.exempts, zh, tc.want)
		}
		if strings.ContainsAny(zh, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ") {
			t.Errorf("%s exempts=%v: the Chinese %q has English in it", tc.kind, tc.exempts, zh)
		}
	}
}
