package discretion_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/jizhun/jizhun/catalog"
	"github.com/jizhun/jizhun/discretion"
)

// Procedure. Art. 51: "对公民处以二百元以下、对法人或者其他组织处以三千元以下
// 罚款或者警告的行政处罚的，可以当场作出行政处罚决定" (以下 includes the number,
// 《民法典》第一千二百五十九条). Art. 68 (一): "依法给予一百元以下罚款的" may be collected on the
// spot. Art. 63: hearing for 较大数额罚款 (a local threshold, inclusive or not)
// and, regardless of amount, 吊销许可证件, 责令停产停业…. procedure.yaml's item
// PROC has a grade [0, cap] for each cap.

func procCase(party string, cap int) *discretion.Case {
	c := newCase("PROC", map[string]any{"cap": cap})
	c.Party.Type = catalog.PartyType(party)
	if party == "organization" {
		c.Party.BirthDate = ""
	}
	return c
}

func TestArt51_simple_procedure(t *testing.T) {
	e := engineFile(t, "procedure.yaml")
	tests := []struct {
		name   string
		party  string
		cap    int
		simple bool
	}{
		{"art51_fine_max_200_individual_is_simple", "individual", 200, true},
		{"art51_fine_max_201_is_not_simple", "individual", 201, false},
		{"art51_fine_max_3000_organization_is_simple", "organization", 3000, true},
		{"art51_fine_max_3001_organization_is_not_simple", "organization", 3001, false},
		{"art51_fine_max_201_organization_is_simple", "organization", 201, true},
		{"art51_individual_business_counts_as_individual_200", "individual_business", 200, true},
		{"art51_individual_business_counts_as_individual_201", "individual_business", 201, false},
		{"art51_warning_only_is_simple", "individual", 1, true},
		{"art51_warning_and_fine_201_individual_is_not_simple", "individual", 2, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := decide(t, e, procCase(tt.party, tt.cap))
			if d.Procedure.Simple != tt.simple {
				t.Errorf("simple = %v, want %v\n%s", d.Procedure.Simple, tt.simple, d.TraceText())
			}
			s := step(t, d, "procedure", "art51.simple")
			if s.Result != tt.simple || !strings.Contains(s.Citation, "第五十一条") {
				t.Errorf("art51 step = %+v", s)
			}
		})
	}
	t.Run("art51_warning_only_has_no_fine", func(t *testing.T) {
		d := decide(t, e, procCase("individual", 1))
		wantNoFine(t, d)
		if len(d.Sanctions) != 1 || d.Sanctions[0] != "warning" {
			t.Errorf("sanctions = %v, want [warning]", d.Sanctions)
		}
	})
	t.Run("art51_individual_business_as_organization_uses_3000", func(t *testing.T) {
		e := engineFile(t, "procedure.yaml", "individual_business_as: individual", "individual_business_as: organization")
		if d := decide(t, e, procCase("individual_business", 3000)); !d.Procedure.Simple {
			t.Error("individual business counted as organization: 3000 should be simple")
		}
		if d := decide(t, e, procCase("individual_business", 3001)); d.Procedure.Simple {
			t.Error("3001 should not be simple")
		}
	})
}

func TestArt68_on_the_spot_collection(t *testing.T) {
	e := engineFile(t, "procedure.yaml")
	tests := []struct {
		name   string
		party  string
		cap    int
		onSpot bool
	}{
		{"art68_fine_max_100_is_on_the_spot", "individual", 100, true},
		{"art68_fine_max_101_is_not_on_the_spot", "individual", 101, false},
		{"art68_organization_fine_100_is_on_the_spot", "organization", 100, true},
		{"art68_needs_simple_procedure", "individual", 201, false},
		{"art68_warning_only_collects_nothing", "individual", 1, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := decide(t, e, procCase(tt.party, tt.cap))
			if d.Procedure.OnTheSpot != tt.onSpot {
				t.Errorf("on_the_spot = %v, want %v\n%s", d.Procedure.OnTheSpot, tt.onSpot, d.TraceText())
			}
		})
	}
}

func TestArt63_hearing(t *testing.T) {
	// individual: 10000, inclusive (以上); organization: 100000, exclusive (超过).
	tests := []struct {
		name    string
		indIncl string
		party   string
		cap     int
		hearing bool
	}{
		{"art63_individual_inclusive_10000_has_hearing", "true", "individual", 10000, true},
		{"art63_individual_inclusive_9999_no_hearing", "true", "individual", 9999, false},
		{"art63_individual_exclusive_10000_no_hearing", "false", "individual", 10000, false},
		{"art63_individual_exclusive_10001_has_hearing", "false", "individual", 10001, true},
		{"art63_organization_exclusive_100000_no_hearing", "true", "organization", 100000, false},
		{"art63_organization_exclusive_100001_has_hearing", "true", "organization", 100001, true},
		{"art63_organization_below_individual_threshold_no_hearing", "true", "organization", 10001, false},
		{"art63_no_fine_no_hearing", "true", "individual", 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := engineFile(t, "procedure.yaml", "individual: {amount: 10000, inclusive: true}", "individual: {amount: 10000, inclusive: "+tt.indIncl+"}")
			d := decide(t, e, procCase(tt.party, tt.cap))
			if d.Procedure.Hearing != tt.hearing {
				t.Errorf("hearing = %v, want %v\n%s", d.Procedure.Hearing, tt.hearing, d.TraceText())
			}
			if tt.cap > 1 {
				s := step(t, d, "procedure", "art63.amount")
				if s.Result != tt.hearing || !strings.Contains(s.Citation, "第六十三条") || !strings.Contains(s.Citation, "测试听证数额标准") {
					t.Errorf("art63 step = %+v", s)
				}
			}
		})
	}
	t.Run("art63_revoke_license_has_hearing_whatever_the_amount", func(t *testing.T) {
		e := engineFile(t, "procedure.yaml")
		c := procCase("individual", 0)
		c.Item = "REVOKE"
		d := decide(t, e, c)
		wantFine(t, d, "50", "100")
		if !hasSanction(d, "revoke_license") {
			t.Fatalf("sanctions = %v", d.Sanctions)
		}
		if !d.Procedure.Hearing {
			t.Error("吊销许可证件 carries a hearing right (art. 63 (三))")
		}
		if d.Procedure.Simple || d.Procedure.OnTheSpot {
			t.Error("吊销许可证件 is neither a warning nor a fine: no simple procedure")
		}
		if s := step(t, d, "procedure", "art63.type"); !s.Result {
			t.Errorf("art63 type step = %+v", s)
		}
	})
	t.Run("art63_no_thresholds_no_amount_hearing", func(t *testing.T) {
		src := strings.Replace(readTestdata(t, "procedure.yaml"), `  hearing:
    individual: {amount: 10000, inclusive: true}
    organization: {amount: 100000, inclusive: false}
    citation: {instrument: 测试听证数额标准}
`, "", 1)
		e := engineYAML(t, "nohearing.yaml", src)
		d := decide(t, e, procCase("individual", 100001))
		if d.Procedure.Hearing {
			t.Error("hearing without a configured 较大数额 threshold")
		}
	})
}

func TestArt57_58_catalog_criteria(t *testing.T) {
	e := engineFile(t, "procedure.yaml")
	tests := []struct {
		cap          int
		aggravated   bool
		legalReview  bool
		collectively bool
	}{
		{100, false, false, false},
		{100, true, true, false},    // heavier outcome → legal review
		{10000, false, true, false}, // hearing → legal review
		{49999, false, true, false}, // fine_max >= 50000 is false
		{50000, false, true, true},  // inclusive
		{100001, false, true, true}, // both
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("cap_%d_aggravated_%v", tt.cap, tt.aggravated), func(t *testing.T) {
			c := procCase("individual", tt.cap)
			c.Facts["aggravated"] = tt.aggravated
			d := decide(t, e, c)
			if d.Procedure.LegalReview != tt.legalReview {
				t.Errorf("legal_review = %v, want %v", d.Procedure.LegalReview, tt.legalReview)
			}
			if d.Procedure.CollectiveDiscussion != tt.collectively {
				t.Errorf("collective_discussion = %v, want %v", d.Procedure.CollectiveDiscussion, tt.collectively)
			}
			lr := step(t, d, "procedure", "legal_review")
			if lr.Result != tt.legalReview || !strings.Contains(lr.Citation, "第五十八条") {
				t.Errorf("legal review step = %+v", lr)
			}
			cd := step(t, d, "procedure", "collective_discussion")
			if factValue(t, cd, "fine_max") != fmt.Sprint(tt.cap) || !strings.Contains(cd.Citation, "第五十七条第二款") {
				t.Errorf("collective step = %+v", cd)
			}
		})
	}
}

func TestProcedure_not_set_for_no_penalty(t *testing.T) {
	e := engineFile(t, "procedure.yaml")
	c := procCase("individual", 100)
	c.Party.BirthDate = "2012-01-01" // under 14
	d := decide(t, e, c)
	wantOutcome(t, d, discretion.NoPenalty, discretion.ReasonUnderAge)
	if d.Procedure != (discretion.Procedure{}) {
		t.Errorf("procedure = %+v for a no-penalty decision", d.Procedure)
	}
}
