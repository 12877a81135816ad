package catalog_test

import (
	"os"
	"strings"
	"testing"

	"github.com/jizhun/jizhun/catalog"
)

// An instrument's rank (《立法法》第九十九条、第一百条) is declared or read from
// its name where the name decides it.
func TestDeriveRank(t *testing.T) {
	tests := []struct {
		name string
		want catalog.Rank // "" for not derived
	}{
		{"中华人民共和国行政处罚法", catalog.RankLaw},
		{"大气污染防治法", catalog.RankLaw},
		{"城市道路管理条例", catalog.RankAdministrativeRegulation},
		{"城市市容和环境卫生管理条例", catalog.RankAdministrativeRegulation},
		{"城镇燃气管理条例", catalog.RankAdministrativeRegulation},
		{"市场主体登记管理条例", catalog.RankAdministrativeRegulation},
		{"浙江省城市市容和环境卫生管理条例", catalog.RankLocalRegulation},
		{"杭州市城市绿化管理条例", catalog.RankLocalRegulation},
		{"深圳经济特区市容和环境卫生管理条例", catalog.RankLocalRegulation},
		{"中华人民共和国政府信息公开条例", ""}, // a 行政法规; 学位条例 is a law
		{"城市生活垃圾管理办法", ""},      // 部门规章, but 办法 may be any rank
		{"浙江省违法建筑处置规定", ""},     // a 地方性法规, though named 规定
		{"城市建筑垃圾管理规定", ""},
	}
	for _, tt := range tests {
		got, ok := catalog.DeriveRank(tt.name)
		if got != tt.want || ok != (tt.want != "") {
			t.Errorf("DeriveRank(%s) = %q, %v; want %q", tt.name, got, ok, tt.want)
		}
	}
}

func TestRankValidation(t *testing.T) {
	base := `id: ranks
title: 效力层级测试
issuer: 测试局
effective: 2024-01-01
tier_scheme: midpoint
items:
  - code: "T001"
    name: 测试事项
    basis:
      violated: {instrument: 城市道路管理条例, article: 27}
      penalty: PENALTY
DEFERS    sanctions: [{type: fine, mandatory: false, amount: {max: 20000}}]
    benchmark:
      grades: [{id: all, label: 全部, when: "true", fine: {min: 0, max: 20000}}]
  - code: "T002"
    name: 测试事项二
    basis:
      violated: {instrument: 测试办法, article: 1}
      penalty: {instrument: 测试办法, article: 2, rank: rule}
    special_over: SPECIAL
    sanctions: [{type: fine, mandatory: false, amount: {max: 20000}}]
    benchmark:
      grades: [{id: all, label: 全部, when: "true", fine: {min: 0, max: 20000}}]
`
	load := func(penalty, defers, special string) error {
		src := strings.NewReplacer("PENALTY", penalty, "DEFERS", defers, "SPECIAL", special).Replace(base)
		_, err := catalog.Load("ranks.yaml", []byte(src))
		return err
	}
	ok := []struct{ penalty, defers, special string }{
		{"{instrument: 城市道路管理条例, article: 42}", "", "[]"},
		{"{instrument: 城市道路管理条例, article: 42, rank: administrative_regulation}", "", "[T001]"},
		{"{instrument: 浙江省测试条例, article: 42}", "      defers: {citation: {instrument: 浙江省测试条例, article: 46}}\n", "[]"},
	}
	for _, tt := range ok {
		if err := load(tt.penalty, tt.defers, tt.special); err != nil {
			t.Errorf("%+v: %v", tt, err)
		}
	}
	bad := []struct {
		penalty, defers, special, msg string
	}{
		{"{instrument: 城市道路管理条例, article: 42, rank: rule}", "", "[]", "contradicts the name"},
		{"{instrument: 大气污染防治法, article: 42, rank: local_regulation}", "", "[]", "contradicts the name"},
		{"{instrument: 城市道路管理条例, article: 42, rank: statute}", "", "[]", "is not one of"},
		{"{instrument: 城市道路管理条例, article: 42}", "      defers: {to: [local_regulation], citation: {instrument: 城市道路管理条例, article: 1}}\n", "[]", "only to higher-ranking"},
		{"{instrument: 测试规定, article: 42}", "      defers: {citation: {instrument: 测试规定, article: 1}}\n", "[]", "needs its own rank"},
		{"{instrument: 城市道路管理条例, article: 42}", "", "[T002]", "special_over names the item itself"},
		{"{instrument: 城市道路管理条例, article: 42}", "", "[T999]", "not in the catalog"},
	}
	for _, tt := range bad {
		err := load(tt.penalty, tt.defers, tt.special)
		if ds, ok := catalog.AsDiagnostics(err); ok {
			err = ds.Localize("en")
		}
		if err == nil || !strings.Contains(err.Error(), tt.msg) {
			t.Errorf("%+v: error %v, want one containing %q", tt, err, tt.msg)
		}
	}
}

func TestMitigationFloorCitationNeedsAFloor(t *testing.T) {
	data, err := os.ReadFile("testdata/valid/minimal.yaml")
	if err != nil {
		t.Fatal(err)
	}
	src := strings.Replace(string(data), "tier_scheme: midpoint", "tier_scheme: midpoint\npolicies:\n  mitigation_floor_citation: {instrument: 测试规则, article: 1}", 1)
	if _, err := catalog.Load("floor.yaml", []byte(src)); err == nil || !strings.Contains(err.Error(), "mitigation_floor_citation") {
		t.Errorf("err = %v", err)
	}
}
