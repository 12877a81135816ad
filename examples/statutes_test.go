package examples_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/jizhun/jizhun/catalog"
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

// 《行政处罚法》第三十六条第一款: "涉及公民生命健康安全、金融安全且有危害后果的，
// 上述期限延长至五年". Any harm is "有危害后果", 危害后果轻微 included; only a
// case without harm keeps the two years. Gas safety concerns 生命健康安全.
func TestGasFiveYearPeriod(t *testing.T) {
	eng := compile(t, "county")
	cases := []struct {
		name, item, harm string
		expired          bool
	}{
		{"zf043_gas_five_year_period_minor_harm", "330199ZF043", "minor", false},
		{"zf044_gas_five_year_period_minor_harm", "330199ZF044", "minor", false},
		{"zf043_gas_five_year_period_serious_harm", "330199ZF043", "serious", false},
		{"zf043_gas_two_year_period_without_harm", "330199ZF043", "none", true},
		{"zf044_gas_two_year_period_without_harm", "330199ZF044", "none", true},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			// Act 2026-03-10, discovered 2028-06-01: after two years, within five.
			js := `{"item": "` + tc.item + `", "party": {"type": "individual", "birth_date": "1985-05-20"},
			  "act_date": "2026-03-10", "discovery_date": "2028-06-01", "decision_date": "2028-06-20",
			  "facts": {"overdue_not_corrected": true, "harm": "` + tc.harm + `", "corrected_in_time": false}}`
			if tc.item == "330199ZF044" {
				js = strings.Replace(js, `"overdue_not_corrected": true, `, "", 1)
			}
			d := mustDecide(t, eng, js)
			expired := d.Outcome == "no_penalty" && d.Reason == "limitation"
			if expired != tc.expired {
				t.Errorf("harm %s discovered after 2 years: outcome %s %s; the period is five years exactly when there is harm",
					tc.harm, d.Outcome, d.Reason)
			}
		})
	}
}

// 《城市生活垃圾管理办法》第三十八条: "单位和个人未按规定缴纳城市生活垃圾处理费的，
// 由……主管部门责令限期改正，逾期不改正的，对单位可处以……罚款". The fine waits
// for the deadline; a party who paid in time is not fined, and the outcome is
// precondition_unmet, not an art. 33 exemption (no first-offense rule acts).
func TestZF049FineRequiresOverdueCorrection(t *testing.T) {
	eng := compile(t, "county")
	const tmpl = `{"item": "330199ZF049", "party": {"type": "organization"},
	  "act_date": "2026-05-10", "discovery_date": "2026-05-12", "decision_date": "2026-05-25",
	  "facts": {OVERDUE "unpaid_fee": 5000, "unpaid_months": 2, "harm": "minor", "corrected_in_time": CORRECTED}}`
	t.Run("zf049_fine_requires_overdue_correction", func(t *testing.T) {
		for _, corrected := range []string{"true", "false"} {
			js := strings.NewReplacer("OVERDUE", "", "CORRECTED", corrected).Replace(tmpl)
			d := mustDecide(t, eng, js)
			if d.Outcome != "no_penalty" || d.Reason != "precondition_unmet" || d.Fine != nil {
				t.Errorf("not overdue (corrected_in_time %s): outcome %s %q, fine %s; want no_penalty precondition_unmet",
					corrected, d.Outcome, d.Reason, fineText(d))
			}
			if slices.Contains(d.Flags, "first_offense_eligible") {
				t.Errorf("a first-offense rule acted on a case the precondition already spares")
			}
		}
		js := strings.NewReplacer("OVERDUE", `"overdue_not_corrected": true,`, "CORRECTED", "false").Replace(tmpl)
		d := mustDecide(t, eng, js)
		if d.Fine == nil || d.Fine.Min.String() != "2500" || d.Fine.Max.String() != "5000" {
			t.Errorf("overdue: outcome %s, fine %s; want 2500–5000 (0.5–1 × 5000)", d.Outcome, fineText(d))
		}
	})
}

// 公益抵罚: the rule the starter cited (湖州市综合行政执法局《〈湖州市文明行为促进
// 条例〉社会服务折抵罚款处罚操作规定》, 2021, read on a secondary page) admits only fines "在200元
// 以下". No decision may offer the offset for a larger fine; the 大气污染防治法
// 第一百一十八条第一款 fine of 330217ZH002 (5000–50000 yuan) never qualifies, not
// even when mitigated below its minimum.
func TestStarterOffsetOnlySmallFines(t *testing.T) {
	const offsetLimit = 200
	t.Run("starter_zh002_offset_only_small_fines", func(t *testing.T) {
		eng := compile(t, "starter")
		for _, merit := range []string{"false", "true"} {
			js := `{"item": "330217ZH002", "party": {"type": "individual", "birth_date": "1985-05-20"},
			  "act_date": "2026-06-01", "discovery_date": "2026-06-02", "decision_date": "2026-06-20",
			  "facts": {"exceed_times": 0.5, "harm": "minor", "corrected_in_time": false, "meritorious": ` + merit + `}}`
			d := mustDecide(t, eng, js)
			if d.Offset != nil && (d.Fine == nil || d.Fine.Max.IntPart() > offsetLimit) {
				t.Errorf("meritorious %s: outcome %s, fine %s with 公益抵罚 offered; the cited rule allows it only for fines of %d yuan or less",
					merit, d.Outcome, fineText(d), offsetLimit)
			}
		}
	})
	// Every offset an example catalog offers is capped at the cited rule's 200 yuan.
	for _, dir := range exampleDirs(t) {
		t.Run(dir+"_offsets_capped_at_200", func(t *testing.T) {
			cat, err := catalog.LoadFile(filepath.Join(dir, "catalog.yaml"))
			if err != nil {
				t.Fatal(err)
			}
			for _, it := range cat.Items {
				for _, v := range it.Versions {
					if v.Benchmark == nil || v.Benchmark.Offset == nil {
						continue
					}
					o := v.Benchmark.Offset
					if o.MaxFine == nil || o.MaxFine.IntPart() > offsetLimit {
						t.Errorf("%s %s: 公益抵罚 without max_fine of at most %d yuan", it.Code, v.ID, offsetLimit)
					}
				}
			}
		})
	}
}

// 《城市公共交通条例》第五十五条: "本条例自2024年12月1日起施行。" Its article 45
// applies to acts from that day, also to acts before this standard took
// effect (2026-03-01) that are decided under it, and to no act before it.
func TestPublicTransportFromItsEffectiveDate(t *testing.T) {
	eng := compile(t, "county")
	for _, tc := range []struct{ name, item, facts string }{
		{"zf046_starts_2024_12_01", "330199ZF046", `"illegal_gains": 20000, "operating_days": 20`},
		{"zf047_starts_2024_12_01", "330199ZF047", `"illegal_gains": 20000, "transfer_days": 20`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			caseOn := func(act string) string {
				return `{"item": "` + tc.item + `", "party": {"type": "organization"},
				  "act_date": "` + act + `", "discovery_date": "2026-03-10", "decision_date": "2026-03-20",
				  "facts": {` + tc.facts + `, "harm": "minor", "corrected_in_time": false}}`
			}
			for _, act := range []string{"2024-12-01", "2025-06-01"} {
				d := mustDecide(t, eng, caseOn(act))
				if d.Fine == nil || d.Outcome == "no_penalty" {
					t.Errorf("act on %s: outcome %s %s, fine %s; the clause is in force from 2024-12-01", act, d.Outcome, d.Reason, fineText(d))
				}
			}
			// The day before, the clause did not exist: no fine, whether the
			// engine reports that as an error or as a decision without penalty.
			if d, err := decideJSON(t, eng, caseOn("2024-11-30")); err == nil && d.Fine != nil {
				t.Errorf("act on 2024-11-30, before the clause took effect: fined %s", fineText(d))
			}
		})
	}
}

// 擅自砍伐城市树木 (城市绿化条例 第二十六条第（二）项; 杭州市城市绿化管理条例
// 第三十八条) is not the felling of a 古树名木: that act has its own clauses, and
// since 2025-03-15 《古树名木保护条例》第十四条 "禁止采伐古树名木。" and 第二十六条
// (每株10万元以上100万元以下) govern it. A case that names a 古树名木 must not be
// fined under 330199ZF037 at 1–5 times the tree's value.
func TestZF037ExcludesAncientTrees(t *testing.T) {
	eng := compile(t, "county")
	const tmpl = `{"item": "330199ZF037", "party": {"type": "individual", "birth_date": "1985-05-20"},
	  "act_date": "2026-05-10", "discovery_date": "2026-05-12", "decision_date": "2026-05-25",
	  "facts": {"tree_value": 12000, "trees": 2, "ancient_famous_trees": N, "harm": "minor", "corrected_in_time": false}}`
	t.Run("zf037_excludes_ancient_trees", func(t *testing.T) {
		d := mustDecide(t, eng, strings.Replace(tmpl, "N", "0", 1))
		if d.Fine == nil {
			t.Errorf("ordinary trees: outcome %s, no fine; want 1–5 times the trees' value", d.Outcome)
		}
		caseErrorOn(t, eng, strings.Replace(tmpl, "N", "1", 1), "ancient_famous_trees")
	})
}

// instrumentVersions are the versions of the instruments the example catalogs
// cite, as read in LawRefBook/Laws (commit 2f4c5c2): the date in the file's
// name, which is the date of the text in force. The two 规章 are not in that
// collection; their dates are those of the orders that issued them.
var instrumentVersions = map[string]string{
	"中华人民共和国行政处罚法":       "2021-01-22", // 行政法/行政处罚法(2021-01-22).md
	"中华人民共和国大气污染防治法":     "2018-10-26", // 行政法/大气污染防治法(2018-10-26).md
	"中华人民共和国固体废物污染环境防治法": "2020-04-29", // 行政法/固体废物污染环境防治法(2020-04-29).md
	"中华人民共和国噪声污染防治法":     "2021-12-24", // 行政法/噪声污染防治法(2021-12-24).md
	"中华人民共和国城乡规划法":       "2019-04-23", // 行政法/城乡规划法(2019-04-23).md
	"中华人民共和国公路法":         "2017-11-04", // 经济法/公路法(2017-11-04).md
	"中华人民共和国道路运输条例":      "2019-03-02", // 行政法规/道路运输条例(2019-03-02).md
	"城市道路管理条例":           "2019-03-24", // 行政法规/城市道路管理条例(2019-03-24).md
	"城市市容和环境卫生管理条例":      "2017-03-01", // 行政法规/城市市容和环境卫生管理条例(2017-03-01).md
	"城市绿化条例":             "2017-03-01", // 行政法规/城市绿化条例(2017-03-01).md
	"城镇排水与污水处理条例":        "2013-10-02", // 行政法规/城镇排水与污水处理条例(2013-10-02).md
	"城镇燃气管理条例":           "2016-02-06", // 行政法规/城镇燃气管理条例(2016-02-06).md
	"城市公共交通条例":           "2024-10-17", // 行政法规/城市公共交通条例(2024-10-17).md
	"浙江省城市市容和环境卫生管理条例":   "2021-09-29", // its header: 2021年9月29日 …第四次修正
	"浙江省生活垃圾管理条例":        "2020-12-24",
	"浙江省城乡规划条例":          "2011-12-13",
	"杭州市城市绿化管理条例":        "2011-06-09", // 2011年6月9日 …公告第51号公布
	"城市建筑垃圾管理规定":         "2005-03-23", // 建设部令第139号 [S]
	"城市生活垃圾管理办法":         "2007-04-28", // 建设部令第157号 [S]
}

// Every citation of a statute names the version of the text it quotes, so
// that a reader can tell which wording was applied (art. 37 compares
// versions). Exempt are the catalog's own rules and secondary sources whose
// date is unknown.
func TestEveryInstrumentCitesItsVersion(t *testing.T) {
	for _, dir := range exampleDirs(t) {
		t.Run(dir+"_every_instrument_cites_its_version", func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join(dir, "catalog.yaml"))
			if err != nil {
				t.Fatal(err)
			}
			var doc yaml.Node
			if err := yaml.Unmarshal(data, &doc); err != nil {
				t.Fatal(err)
			}
			title := get(doc.Content[0], "title").Value
			var walk func(n *yaml.Node)
			walk = func(n *yaml.Node) {
				if inst := get(n, "instrument"); inst != nil {
					version, secondary := get(n, "version"), get(n, "verification") != nil
					want, known := instrumentVersions[inst.Value]
					switch {
					case inst.Value == title:
					case known && (version == nil || version.Value != want):
						t.Errorf("line %d: 《%s》 cited without its version %s", n.Line, inst.Value, want)
					case !known && !secondary:
						t.Errorf("line %d: 《%s》 is cited as verified but its version is not known to this test", n.Line, inst.Value)
					}
				}
				for _, c := range n.Content {
					walk(c)
				}
			}
			walk(&doc)
		})
	}
}
