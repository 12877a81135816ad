package catalog_test

import (
	"strings"
	"testing"

	"github.com/jizhun/jizhun/catalog"
)

// TestStatutoryThresholds checks the procedural amounts and periods a
// catalog may set against 《行政处罚法》 arts. 36, 51 and 68: lower amounts
// with a citation, higher ones never (art. 68) or only by a 法律 (art. 51,
// "法律另有规定的，从其规定"), other periods only by a 法律 (art. 36, "法律另有
// 规定的除外"). The invalid fixtures art36_*, art51_* and art68_* hold the
// rejected forms with their diagnostics; this test holds the accepted ones
// and the codes of the rejected.
func TestStatutoryThresholds(t *testing.T) {
	tests := []struct {
		name     string
		settings string
		code     string // "" for a catalog that loads
	}{
		{"statutory_values_stated_need_no_citation",
			"thresholds: {simple_procedure: {individual: 200, organization: 3000}, on_the_spot: 100}\npolicies: {limitation: {years: 2, extended_years: 5}}", ""},
		{"art51_simple_limit_lowered_with_citation",
			"thresholds: {simple_procedure: {individual: 100, citation: {instrument: 某市行政处罚裁量基准实施办法, article: 8}}}", ""},
		{"art51_simple_limit_raised_by_a_law",
			"thresholds: {simple_procedure: {organization: 5000, citation: {instrument: 《中华人民共和国测试法》, article: 8}}}", ""},
		{"art51_simple_limit_cannot_be_raised",
			"thresholds: {simple_procedure: {individual: 201, citation: {instrument: 某省实施《中华人民共和国行政处罚法》办法, article: 8}}}", catalog.CodeRange},
		{"art51_simple_limit_lowered_needs_citation",
			"thresholds: {simple_procedure: {organization: 2999.99}}", catalog.CodeMissing},
		{"art68_on_the_spot_limit_lowered_with_citation",
			"thresholds: {on_the_spot: 50, on_the_spot_citation: {instrument: 某市规定, article: 2}}", ""},
		{"art68_on_the_spot_limit_cannot_be_raised",
			"thresholds: {on_the_spot: 100.01, on_the_spot_citation: {instrument: 中华人民共和国测试法, article: 2}}", catalog.CodeRange},
		{"art36_period_set_by_a_law",
			"policies: {limitation: {years: 3, citation: {instrument: 中华人民共和国测试法, article: 2}}}", ""},
		{"art36_decision_of_the_npc_standing_committee_is_a_law",
			"policies: {limitation: {extended_years: 6, citation: {instrument: 全国人民代表大会常务委员会关于测试的决定}}}", ""},
		{"art36_period_other_than_2_or_5_needs_law_citation",
			"policies: {limitation: {years: 1}}", catalog.CodeRange},
		{"art36_short_title_of_a_law",
			"policies: {limitation: {years: 3, citation: {instrument: 测试法（2021年修订）, article: 2}}}", ""},
		{"art36_local_measures_are_not_a_law",
			"policies: {limitation: {years: 3, citation: {instrument: 浙江省实施《中华人民共和国测试法》办法, article: 2}}}", catalog.CodeRange},
		{"art36_exception_is_another_law_than_the_administrative_penalty_law",
			"policies: {limitation: {years: 3, citation: {instrument: 中华人民共和国行政处罚法, article: 36}}}", catalog.CodeRange},
		{"art36_implementing_regulation_is_not_a_law",
			"policies: {limitation: {extended_years: 3, citation: {instrument: 中华人民共和国测试法实施条例, article: 2}}}", catalog.CodeRange},
	}
	base := readFile(t, "testdata/valid/minimal.yaml")
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := strings.Replace(base, "tier_scheme: midpoint\n", "tier_scheme: midpoint\n"+tt.settings+"\n", 1)
			_, err := catalog.Load("thresholds.yaml", []byte(src))
			if tt.code == "" {
				if err != nil {
					t.Fatalf("rejected: %v", err)
				}
				return
			}
			ds, ok := catalog.AsDiagnostics(err)
			if !ok || len(ds) != 1 || ds[0].Code != tt.code {
				t.Fatalf("got %v, want one %s diagnostic", err, tt.code)
			}
			if !strings.Contains(ds[0].Message, "《行政处罚法》第") {
				t.Errorf("the message does not quote the article: %s", ds[0].Message)
			}
		})
	}
}
