package penalty

import (
	"strings"
	"testing"
)

// art9 is 《行政处罚法》(2021) 第九条 (LawRefBook/Laws 行政法/行政处罚法(2021-01-22).md).
const art9 = `第九条 行政处罚的种类：
（一）警告、通报批评；
（二）罚款、没收违法所得、没收非法财物；
（三）暂扣许可证件、降低资质等级、吊销许可证件；
（四）限制开展生产经营活动、责令停产停业、责令关闭、限制从业；
（五）行政拘留；
（六）法律、行政法规规定的其他行政处罚。`

func TestSanctionTypes(t *testing.T) {
	tests := []struct {
		t       SanctionType
		id      string
		label   string
		item    string // the art. 9 item that lists it
		hearing bool   // art. 63 ¶1 (三)(四)
	}{
		{Warning, "warning", "警告", "（一）", false},
		{PublicCriticism, "public_criticism", "通报批评", "（一）", false},
		{Fine, "fine", "罚款", "（二）", false},
		{ConfiscateGains, "confiscate_gains", "没收违法所得", "（二）", false},
		{ConfiscateProperty, "confiscate_property", "没收非法财物", "（二）", false},
		{SuspendLicense, "suspend_license", "暂扣许可证件", "（三）", false},
		{LowerQualification, "lower_qualification", "降低资质等级", "（三）", true},
		{RevokeLicense, "revoke_license", "吊销许可证件", "（三）", true},
		{RestrictBusiness, "restrict_business", "限制开展生产经营活动", "（四）", false},
		{SuspendBusiness, "suspend_business", "责令停产停业", "（四）", true},
		{Close, "close", "责令关闭", "（四）", true},
		{RestrictEmployment, "restrict_employment", "限制从业", "（四）", true},
		{Detention, "detention", "行政拘留", "（五）", false},
		{OtherStatutoryType, "other", "其他行政处罚", "（六）", false},
	}
	all := SanctionTypes()
	if len(all) != len(tests) {
		t.Fatalf("SanctionTypes() has %d entries, want %d", len(all), len(tests))
	}
	for i, tc := range tests {
		t.Run("sanction_"+tc.id+"_art9_label_and_hearing", func(t *testing.T) {
			if all[i] != tc.t {
				t.Errorf("SanctionTypes()[%d] = %q, want %q (art. 9 order)", i, all[i], tc.t)
			}
			if string(tc.t) != tc.id {
				t.Errorf("id = %q, want %q", string(tc.t), tc.id)
			}
			if !tc.t.Known() {
				t.Errorf("%q.Known() = false", tc.t)
			}
			if got := tc.t.Label(); got != tc.label {
				t.Errorf("%q.Label() = %q, want %q", tc.t, got, tc.label)
			}
			line := art9Line(tc.item)
			if line == "" || !strings.Contains(line, tc.label) {
				t.Errorf("label %q is not in art. 9 item %s (%q)", tc.label, tc.item, line)
			}
			if got := tc.t.HearingByType(); got != tc.hearing {
				t.Errorf("%q.HearingByType() = %v, want %v", tc.t, got, tc.hearing)
			}
		})
	}
}

func art9Line(item string) string {
	for _, l := range strings.Split(art9, "\n") {
		if strings.HasPrefix(l, item) {
			return l
		}
	}
	return ""
}

func TestSanctionTypesDistinct(t *testing.T) {
	seen := map[SanctionType]bool{}
	labels := map[string]bool{}
	for _, s := range SanctionTypes() {
		if seen[s] {
			t.Errorf("sanction type %q listed twice", s)
		}
		seen[s] = true
		if labels[s.Label()] {
			t.Errorf("label %q used twice", s.Label())
		}
		labels[s.Label()] = true
	}
}

func TestSanctionTypeUnknown(t *testing.T) {
	tests := []struct {
		name string
		t    SanctionType
	}{
		{"unknown_empty", ""},
		{"unknown_order_to_correct_is_not_a_penalty_art28", "order_to_correct"},
		{"unknown_chinese_label_is_not_an_id", "警告"},
		{"unknown_case_sensitive", "Warning"},
		{"unknown_demolition_order", "demolish"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if tc.t.Known() {
				t.Errorf("%q.Known() = true, want false", tc.t)
			}
			if got := tc.t.Label(); got != string(tc.t) {
				t.Errorf("%q.Label() = %q, want the raw id", tc.t, got)
			}
			if tc.t.HearingByType() {
				t.Errorf("%q.HearingByType() = true, want false", tc.t)
			}
		})
	}
}
