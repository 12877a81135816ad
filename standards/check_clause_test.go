package standards

import (
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/jizhun/jizhun/penalty"
)

func TestClauseAmounts(t *testing.T) {
	tests := []struct {
		text                  string
		yuan, times, percents string
	}{
		{"责令限期改正，可以处以2万元以下的罚款", "20000", "", ""},
		{"处五千元以上五万元以下的罚款；拒不改正的，责令停业整治。", "5000 50000", "", ""},
		{"对单位处五百元以上三千元以下罚款，对个人处二百元以上一千元以下罚款。", "500 3000 200 1000", "", ""},
		{"并处违法所得1倍以上5倍以下的罚款；没有违法所得或者违法所得不足1万元的，处1万元以上5万元以下的罚款。", "10000 10000 50000", "1 5", ""},
		{"处建设工程造价百分之五以上百分之十以下的罚款", "", "", "5 10"},
		{"对单位可处以应交城市生活垃圾处理费三倍以下且不超过3万元的罚款", "30000", "3", ""},
		{"拒不改正的，可以处五十元以下罚款。", "50", "", ""},
		{"处一万五千元罚款，第一百一十八条", "15000", "", ""},
		{"处1.5万元罚款", "15000", "", ""},
	}
	join := func(xs []decimal.Decimal) string {
		var s []string
		for _, x := range xs {
			s = append(s, x.String())
		}
		return strings.Join(s, " ")
	}
	for _, tc := range tests {
		a := chkParseClause(tc.text)
		if join(a.yuan) != tc.yuan || join(a.times) != tc.times || join(a.percent) != tc.percents {
			t.Errorf("%s: yuan %q times %q percent %q", tc.text, join(a.yuan), join(a.times), join(a.percent))
		}
	}
}

func TestClauseModality(t *testing.T) {
	tests := []struct {
		text string
		t    penalty.SanctionType
		want chkModality
	}{
		{"责令限期改正，可以处以2万元以下的罚款", penalty.Fine, chkOptional},
		{"处五千元以上五万元以下的罚款；拒不改正的，责令停业整治。", penalty.Fine, chkMandatory},
		{"处五千元以上五万元以下的罚款；拒不改正的，责令停业整治。", penalty.SuspendBusiness, chkMandatory},
		{"责令停止运营，没收违法所得，并处违法所得1倍以上5倍以下的罚款", penalty.ConfiscateGains, chkMandatory},
		{"没收烧烤工具和违法所得，并处五百元以上二万元以下的罚款。", penalty.ConfiscateGains, chkMandatory},
		{"没收实物或者违法收入，可以并处建设工程造价百分之十以下的罚款。", penalty.Fine, chkOptional},
		{"除责令其纠正违法行为、采取补救措施外，可以并处警告、罚款", penalty.Fine, chkOptional},
		{"处警告或者五十元以下罚款", penalty.Fine, chkUnknown},
		{"对单位可处以应交城市生活垃圾处理费三倍以下且不超过3万元的罚款", penalty.Fine, chkOptional},
		{"", penalty.Fine, chkUnknown},
	}
	for _, tc := range tests {
		if got := chkClauseModality(tc.text, tc.t); got != tc.want {
			t.Errorf("%s (%s): %v, want %v", tc.text, tc.t, got, tc.want)
		}
	}
}

// 税收征收管理法第六十三条 states one range of multiples of the tax evaded
// in two notations, "百分之五十以上五倍以下": a rule of 0.5 to 5 times (or of
// 50 % to 500 %) is what the clause says, and 0.4 times is not.
func TestClauseStatesAShareInBothNotations(t *testing.T) {
	stated := chkParseClause("对纳税人偷税的，由税务机关追缴其不缴或者少缴的税款、滞纳金，并处不缴或者少缴的税款百分之五十以上五倍以下的罚款")
	d := decimal.RequireFromString
	max := func(s string) *decimal.Decimal { x := d(s); return &x }
	tests := []struct {
		name string
		rule penalty.Rule
		want string
	}{
		{"multiple_half_to_five", penalty.Rule{Kind: penalty.Multiple, Min: d("0.5"), Max: max("5")}, ""},
		{"percent_fifty_to_five_hundred", penalty.Rule{Kind: penalty.Percent, Min: d("50"), Max: max("500")}, ""},
		{"multiple_min_not_stated", penalty.Rule{Kind: penalty.Multiple, Min: d("0.4"), Max: max("5")}, "min 0.4倍"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var missing []string
			chkRuleAgainst(tc.rule, stated, &missing)
			if got := strings.Join(missing, "; "); got != tc.want {
				t.Errorf("missing %q, want %q", got, tc.want)
			}
		})
	}
}
