package examples_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/jizhun/jizhun/discretion"
)

// The tests below check the shipped catalogs against the primary statute
// texts (issue 10, points 16–20): each decides real cases through the engine
// and names the rule of law it checks.

// decideJSON parses a Case JSON text and decides it with eng.
func decideJSON(t *testing.T, eng *discretion.Engine, js string) (*discretion.Decision, error) {
	t.Helper()
	c, err := discretion.ParseCase(strings.NewReader(js))
	if err != nil {
		t.Fatalf("case does not parse: %v\n%s", err, js)
	}
	return eng.Decide(context.Background(), c)
}

// mustDecide decides a case that the catalog must accept.
func mustDecide(t *testing.T, eng *discretion.Engine, js string) *discretion.Decision {
	t.Helper()
	d, err := decideJSON(t, eng, js)
	if err != nil {
		t.Fatalf("decide: %v\n%s", err, js)
	}
	return d
}

// caseErrorOn requires that deciding the case fails with a case error that
// names field.
func caseErrorOn(t *testing.T, eng *discretion.Engine, js, field string) {
	t.Helper()
	d, err := decideJSON(t, eng, js)
	if err == nil {
		t.Fatalf("decided (outcome %s, fine %s), want a case error on %s:\n%s", d.Outcome, fineText(d), field, js)
	}
	var cerr *discretion.CaseError
	if !errors.As(err, &cerr) {
		t.Fatalf("error %v is not a case error", err)
	}
	if !strings.Contains(err.Error(), field) {
		t.Fatalf("case error %q does not name %s", err, field)
	}
}

// 《城镇排水与污水处理条例》第五十条第一款 reaches "排水户", and 第二十一条第一款
// defines them: "从事工业、建筑、餐饮、医疗等活动的企业事业单位、个体工商户
// (以下称排水户)". A natural person who is not a 个体工商户 is not one.
func TestZF039DrainageOnlyDrainers(t *testing.T) {
	eng := compile(t, "county")
	const tmpl = `{"item": "330199ZF039", "party": PARTY,
	  "act_date": "2026-05-10", "discovery_date": "2026-05-12", "decision_date": "2026-05-25",
	  "facts": {"daily_m3": 19, "harm": "minor", "corrected_in_time": false}}`
	t.Run("zf039_drainage_only_drainers", func(t *testing.T) {
		person := strings.Replace(tmpl, "PARTY", `{"type": "individual", "birth_date": "1985-05-20"}`, 1)
		caseErrorOn(t, eng, person, "party.type")
		for _, party := range []string{`{"type": "organization"}`, `{"type": "individual_business", "birth_date": "1985-05-20"}`} {
			d := mustDecide(t, eng, strings.Replace(tmpl, "PARTY", party, 1))
			if d.Item != "330199ZF039" || d.Fine == nil {
				t.Errorf("%s: outcome %s, fine %s; a 排水户 without a permit is fined under art. 50 ¶1", party, d.Outcome, fineText(d))
			}
		}
	})
}
