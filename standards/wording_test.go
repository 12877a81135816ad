package standards_test

import (
	"strings"
	"testing"

	"github.com/jizhun/jizhun/standards"
)

func TestNumbers(t *testing.T) {
	for _, tc := range []struct {
		text string
		want string
	}{
		{"占用面积不足10平方米且占用时间不超过3日", "10 3"},
		{"处5000元以上2万元以下罚款", "5000 20000"},
		{"处1.5万元罚款，2.75万元", "15000 27500"},
		{"一年内首次违法，承诺三日内改正", "1 3"},
		{"处建设工程造价百分之五以上百分之七点五以下", "5 7.5"},
		{"两年内；十五日；一百二十次；五万元；一万五千元", "2 15 120 50000 15000"},
		{"情节一般，同一事项，统一标准，依照第八条、第一百一十八条", ""},
		{"2025年1月1日", "2025 1 1"},
		{"违法所得1倍以上5倍以下，1,000元", "1 5 1000"},
		{"数量不足50千克，2千米，3千元", "50 2 3000"},
		{"适用330199ZF042，见ZH001条", ""},
		{"百分之十五；三吨；二十平方米", "15 3 20"},
	} {
		var got []string
		for _, d := range standards.Numbers(tc.text) {
			got = append(got, d.String())
		}
		if g := strings.Join(got, " "); g != tc.want {
			t.Errorf("Numbers(%q) = %q, want %q", tc.text, g, tc.want)
		}
	}
}

func TestWordingDiagnosticsStarter(t *testing.T) {
	cat := load(t, "../examples/starter/catalog.yaml")
	ds, err := standards.WordingDiagnostics(cat)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range ds {
		t.Errorf("unexpected: %v", d)
	}
}

func TestWordingDiagnosticsShapes(t *testing.T) {
	cat := load(t, "testdata/tables/shapes.yaml")
	ds, err := standards.WordingDiagnostics(cat)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, d := range ds {
		got = append(got, d.Error())
	}
	want := []string{
		`testdata/tables/shapes.yaml:85:15: item T001 version v2 grade other description "其他情形（次数达到6次以上）" mentions 6, which its rule does not contain` +
			` (the rule reads: 许可证有效期届满日期早于2025年1月1日，没有许可证，且违法次数不超过2次` +
			` 许可证有效期届满日期不早于2025年1月1日或者违法次数为3次、4次或者5次或者危害后果轻微或者危害后果严重` +
			` 处超过3万元不超过10万元罚款 处1万元以上罚款)`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
