package examples_test

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/jizhun/jizhun/catalog"
	"github.com/jizhun/jizhun/standards"
)

// The versions of the tax statutes examples/taxexcerpt cites, as read in
// LawRefBook/Laws (commit 2f4c5c2): the date in the file's name. They belong
// in instrumentVersions (statutes_test.go); they are added here so that the
// example and its check land together.
func init() {
	instrumentVersions["中华人民共和国税收征收管理法"] = "2015-04-24"     // 经济法/税收征收管理法(2015-04-24).md
	instrumentVersions["中华人民共和国税收征收管理法实施细则"] = "2016-02-06" // 行政法规/税收征收管理法实施细则(2016-02-06).md
}

// taxRow is one published row (阶次标准) of the unidentified 税务 standard
// examples/taxexcerpt encodes, as it was read (the catalog's header quotes
// each page and its address), with what it says transcribed by hand.
type taxRow struct {
	item   string // the catalog item that carries the row
	number string // the row's published number, e.g. 1.7.2.1 (an item's number where its one row has none)
	text   string // the row after its number, verbatim (punctuation as the tool returned it)
	circs  string // the words of text that state when the row applies: the grade's description
	// statutory range the row cuts: "serious" for 情节严重的, "" for the
	// clause's first range, "-" where the clause has only one range.
	rng string
	// when: the bounds the row's condition states ("份数<=10", "次数>=1")
	// and the words the rule rendered into Chinese must contain.
	when  []string
	words []string
	// fine: the bounds of the penalty text ("<=2000", "倍数>=0.5"); table:
	// what the table prints where the format cannot say the row (nil: fine).
	fine, table []string
	// rest: the words of text after the range that the table's 备注 of
	// the row must carry (构成犯罪的…, 每次加罚…).
	rest []string
}

var taxRows = []taxRow{
	{item: "ZG-1.7", number: "1.7.2.1", text: "再次发生并在限期内改正的,处2000元以下处罚;", circs: "再次发生并在限期内改正的",
		rng: "", when: []string{"次数>=1"}, words: []string{"不具有逾期未改正的情形"}, fine: []string{"<=2000"}},
	{item: "ZG-1.7", number: "1.7.2.2", text: "逾期未改或其他情节严重的,处2000元以上1万元以下的罚款。", circs: "逾期未改或其他情节严重的",
		rng: "serious", words: []string{"逾期未改正", "或者", "其他情节严重"}, fine: []string{">=2000", "<=10000"}},
	{item: "ZG-2.1", number: "2.1.2.1", text: "限期内改正的,单位每天处罚款50元,个体处罚款10元,罚款最高数额不超过2000元;", circs: "限期内改正的",
		rng: "", words: []string{"不具有逾期未改正的情形"}, fine: []string{"=50", "=10", "<=2000"}},
	{item: "ZG-2.1", number: "2.1.2.2", text: "逾期仍未改正或其他情节严重的,处2000以上1万元以下的罚款。", circs: "逾期仍未改正或其他情节严重的",
		rng: "serious", words: []string{"逾期未改正", "或者", "其他情节严重"}, fine: []string{">=2000", "<=10000"}},
	{item: "ZG-3.3", number: "3.3.2.1", text: "再次发生但在期限内改正的,处2000元以下处罚;", circs: "再次发生但在期限内改正的",
		rng: "", when: []string{"次数>=1"}, words: []string{"不具有逾期未改正的情形"}, fine: []string{"<=2000"}},
	{item: "ZG-3.3", number: "3.3.2.2", text: "逾期不改正或扣缴义务人在规定的保存期限内擅自损毁账簿、记账凭证及有关资料的,视为情节严重的违法行为,处2000到5000元罚款。",
		circs: "逾期不改正或扣缴义务人在规定的保存期限内擅自损毁账簿、记账凭证及有关资料的",
		rng:   "serious", words: []string{"逾期未改正", "或者", "扣缴义务人在规定的保存期限内擅自损毁账簿、记账凭证及有关资料"},
		fine: []string{">=2000", "<=5000"}, rest: []string{"视为情节严重的违法行为"}},
	{item: "ZG-3.4", number: "3.4.2.1", text: "非法印制、转借、倒卖、变造或者伪造完税凭证在10份以下的,处2000元以上1万元以下的罚款;",
		circs: "非法印制、转借、倒卖、变造或者伪造完税凭证在10份以下的",
		rng:   "", when: []string{"份数<=10"}, fine: []string{">=2000", "<=10000"}},
	{item: "ZG-3.4", number: "3.4.2.2", text: "非法印制、转借、倒卖、变造或者伪造完税凭证在10份以上50份以下的,处1万元以上5万元以下的罚款。",
		circs: "非法印制、转借、倒卖、变造或者伪造完税凭证在10份以上50份以下的",
		rng:   "serious", when: []string{"份数>=10", "份数<=50"}, fine: []string{">=10000", "<=50000"}},
	{item: "ZG-3.4", number: "3.4.2.3", text: "非法印制、转借、倒卖、变造、或者伪造完税凭证在50份以上的,处5万元罚款,构成犯罪的,依法移送司法机关追究刑事责任。",
		circs: "非法印制、转借、倒卖、变造、或者伪造完税凭证在50份以上的",
		rng:   "serious", when: []string{"份数>=50"}, fine: []string{"=50000"}, rest: []string{"构成犯罪的，依法移送司法机关追究刑事责任"}},
	{item: "ZG-4.6", number: "4.6", text: "可以处所偷税款数额50%以上至1.5倍以下的罚款。",
		rng: "-", words: []string{"所有情形"}, fine: []string{"倍数>=0.5", "倍数<=1.5"}},
	{item: "ZG-4.8", number: "4.8.2.1", text: "情节轻微,可以处欠缴税款50%以上至3倍以下罚款。", circs: "情节轻微",
		rng: "-", words: []string{"情节轻微"}, fine: []string{"倍数>=0.5", "倍数<=3"}},
	{item: "ZG-4.8", number: "4.8.2.2", text: "情节严重,可以处欠缴税款1倍以上至5倍以下罚款。", circs: "情节严重",
		rng: "-", words: []string{"情节严重"}, fine: []string{"倍数>=1", "倍数<=5"}},
	{item: "ZG-6.2", number: "6.2", text: "可以处以500元以上1000元以下的罚款。",
		rng: "-", words: []string{"所有情形"}, fine: []string{">=500", "<=1000"}},
	{item: "ZG-6.3", number: "6.3", text: "处以未缴、少缴税款50%以上5倍以下的罚款。",
		rng: "-", words: []string{"所有情形"}, fine: []string{"倍数>=0.5", "倍数<=5"}},
	{item: "FP-3.1", number: "3.1.2.1", text: "首次发生的,由税务机关责令限期改正,可以处1000元以上1万元以下罚款。", circs: "首次发生的",
		rng: "-", when: []string{"次数=0"}, fine: []string{">=1000", "<=10000"}, rest: []string{"由税务机关责令限期改正"}},
	// "每次加罚1000元罚款,最高不超过1万元": the format cannot compute the
	// added fine (the catalog's header); the table gives 1000 to 10000 yuan
	// and carries the row's words in the row's 备注.
	{item: "FP-3.1", number: "3.1.2.2", text: "再次发生该违法行为的,每次加罚1000元罚款,最高不超过1万元。", circs: "再次发生该违法行为的",
		rng: "-", when: []string{"次数>=1"}, fine: []string{"=1000", "<=10000"}, table: []string{">=1000", "<=10000"},
		rest: []string{"每次加罚1000元罚款，最高不超过1万元"}},
	{item: "FP-3.2", number: "3.2.2.1", text: "首次发生的,由税务机关责令限期改正,可以处1000元以上1万元以下罚款。", circs: "首次发生的",
		rng: "-", when: []string{"次数=0"}, fine: []string{">=1000", "<=10000"}, rest: []string{"由税务机关责令限期改正"}},
	{item: "FP-3.2", number: "3.2.2.2", text: "再次及多次发生该违法行为的,每次加罚1000元罚款,最高不超过1万元。", circs: "再次及多次发生该违法行为的",
		rng: "-", when: []string{"次数>=1"}, fine: []string{"=1000", "<=10000"}, table: []string{">=1000", "<=10000"},
		rest: []string{"每次加罚1000元罚款，最高不超过1万元"}},
}

// taxCatalog loads the excerpt's catalog.
func taxCatalog(t *testing.T) *catalog.Catalog {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("taxexcerpt", "catalog.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	cat, err := catalog.Load("taxexcerpt/catalog.yaml", data)
	if err != nil {
		t.Fatal(err)
	}
	return cat
}

// taxActs are the items' 违法行为 as published (punctuation as the tool
// returned it; typos kept): each item's name is this text, with full-width
// punctuation and without the final "。".
var taxActs = map[string]string{
	"ZG-1.7": "纳税人未按照规定将其全部银行账号向税务机关报告的。",
	"ZG-2.1": "纳税人未按照规定的期限办理纳税申报和报送纳税资料的,或者扣缴义务人未按照规定的期限向税务机关报送代扣代缴、代收代缴税款报告表和有关资料的。",
	"ZG-3.3": "扣缴义务人未按照规定设置、保管代扣代缴、代收代缴税未账簿或者保管代扣代缴、代收代缴税款记账凭证及有关资料的。",
	"ZG-3.4": "非法印制、转借倒卖、变造或者伪造完税凭证的。",
	"ZG-4.6": "扣缴义务人采取偷税手段,不缴或者少缴已扣、已收税款的(扣缴义务人书面承诺代纳税人支付税款的,应当认定扣缴义务人“已扣、已收税款”)。",
	"ZG-4.8": "纳税人欠缴应纳税款,采取转移或者隐匿财产的手段,妨碍税务机关追缴欠缴税款的。",
	"ZG-6.2": "非法为纳税人、纳税担保人实施虚假纳税担保提供方便的。",
	"ZG-6.3": "纳税人采取欺骗、隐瞒等手段提供担保,造成应缴税款损失的。",
	"FP-3.1": "向税务机关以外的单位和个人领购发票的。",
	"FP-3.2": "向他人提供或借用他人发票的。",
}

// taxFullWidth writes the punctuation the tool returned half-width as the
// published fields write it.
var taxFullWidth = strings.NewReplacer(",", "，", ";", "；", "(", "（", ")", "）")

// TestTaxExcerptItemsNameThePublishedActs checks that every item of the
// excerpt is named by its published 违法行为, word for word.
func TestTaxExcerptItemsNameThePublishedActs(t *testing.T) {
	cat := taxCatalog(t)
	if len(cat.Items) != len(taxActs) {
		t.Errorf("%d items, %d published acts", len(cat.Items), len(taxActs))
	}
	for _, it := range cat.Items {
		act, ok := taxActs[it.Code]
		if !ok {
			t.Errorf("item %s is not one of the published items", it.Code)
			continue
		}
		if want := strings.TrimSuffix(taxFullWidth.Replace(act), "。"); it.Name != want {
			t.Errorf("item %s is named %q; the standard's 违法行为 is %q", it.Code, it.Name, want)
		}
	}
}

// taxStatutes are the statutory fines of the clauses the items cite, as the
// table's 备注 states them (法定罚款：…), transcribed by hand from the
// clauses quoted in the catalog's header.
var taxStatutes = map[string][]string{
	"ZG-1.7": {"<=2000", ">=2000", "<=10000"},             // 第六十条第一款
	"ZG-2.1": {"<=2000", "<=2000", ">=2000", "<=10000"},   // 第六十二条, its first range once per party (the catalog splits it so that 2.1.2.1 can)
	"ZG-3.3": {"<=2000", ">=2000", "<=5000"},              // 第六十一条
	"ZG-3.4": {">=2000", "<=10000", ">=10000", "<=50000"}, // 实施细则第九十一条
	"ZG-4.6": {"倍数>=0.5", "倍数<=5"},                        // 第六十八条
	"ZG-4.8": {"倍数>=0.5", "倍数<=5"},                        // 第六十五条
	"ZG-6.2": {"<=1000"},                                  // 纳税担保试行办法第三十一条第二款 [S]
	"ZG-6.3": {"倍数>=0.5", "倍数<=5"},                        // 纳税担保试行办法第三十二条 [S]
	"FP-3.1": {"<=10000"},                                 // 1993年发票管理办法第三十六条 [S]
	"FP-3.2": {"<=10000"},
}

// taxBound reads the bounds in the standard's own wording and in the
// table's: "2000元以下", "1万元以上", "2000以上1万元以下" (a number whose
// unit comes after the next one), "2000到5000元" (N到M is N以上M以下),
// "50%以上至1.5倍以下" (a percentage of the base is a multiple), "不超过
// 10份", "1次以上", "次数为0次" (a number without a qualifier states it
// exactly).
var taxBound = regexp.MustCompile(`(最高不超过|不超过|超过|不足)?(\d+(?:\.\d+)?)(万)?(元|倍|份|次|%)?(以上|以下|到)?`)

var taxQuantity = map[string]string{"元": "", "倍": "倍数", "%": "倍数", "份": "份数", "次": "次数"}

func taxBounds(t *testing.T, text string) []string {
	t.Helper()
	type bound struct{ op, value, unit string }
	var bs []bound
	for _, m := range taxBound.FindAllStringSubmatch(text, -1) {
		qual := m[1]
		if qual == "" {
			qual = m[5]
		}
		op := map[string]string{"": "=", "以上": ">=", "到": ">=", "以下": "<=", "不超过": "<=", "最高不超过": "<=", "超过": ">", "不足": "<"}[qual]
		v, err := decimal.NewFromString(m[2])
		if err != nil {
			t.Fatalf("%q: %v", m[0], err)
		}
		if m[3] == "万" {
			v = v.Mul(decimal.NewFromInt(10000))
		}
		if m[4] == "%" {
			v = v.Div(decimal.NewFromInt(100))
		}
		if len(bs) > 0 && bs[len(bs)-1].op == ">=" && bs[len(bs)-1].unit == "到" {
			bs[len(bs)-1].unit = "" // the unit of "N到" is M's, below
			if op == "=" {
				op = "<="
			}
		}
		unit := m[4]
		if qual == "到" {
			unit = "到"
		}
		bs = append(bs, bound{op, v.String(), unit})
	}
	// A number without its unit ("2000以上", "2000到") takes the unit of
	// the number after it.
	var out []string
	for i := range bs {
		unit := bs[i].unit
		for j := i + 1; (unit == "" || unit == "到") && j < len(bs); j++ {
			unit = bs[j].unit
		}
		if unit == "" || unit == "到" {
			continue // a bare number (an article's or a row's number)
		}
		out = append(out, taxQuantity[unit]+bs[i].op+bs[i].value)
	}
	slices.Sort(out)
	return out
}

// TestTaxExcerptTableReproducesPublishedRows checks that the 行政处罚裁量基准表
// generated from examples/taxexcerpt (with its held items restored) states, for each published row of the
// ten items, the row's condition (verbatim with the hand wording; its
// bounds and facts with the rules rendered into Chinese), the statutory
// range it cuts (【情节严重的】 or its negation), the bounds of its penalty,
// and, in the row's 备注, its published number and whatever else it says
// that is not a range. The transcriptions are first checked against the
// published words.
func TestTaxExcerptTableReproducesPublishedRows(t *testing.T) {
	cat := taxCatalog(t)
	for _, pub := range taxRows {
		if got := taxBounds(t, pub.text[len(pub.circs):]); !slices.Equal(got, sorted(pub.fine)) {
			t.Errorf("transcription of %s %q: %v, the words say %v", pub.number, pub.text, pub.fine, got)
		}
		// "再次发生" is one prior occurrence or more, "首次发生" none.
		said := taxBounds(t, pub.circs)
		if strings.Contains(pub.circs, "再次") {
			said = append(said, "次数>=1")
		}
		if strings.Contains(pub.circs, "首次") {
			said = append(said, "次数=0")
		}
		if slices.Sort(said); !slices.Equal(said, sorted(pub.when)) {
			t.Errorf("transcription of %s %q: %v, the words say %v", pub.number, pub.circs, pub.when, said)
		}
		if !strings.HasPrefix(pub.text, pub.circs) {
			t.Errorf("%s: the condition %q does not open the row %q", pub.number, pub.circs, pub.text)
		}
		for _, r := range pub.rest {
			if !strings.Contains(strings.ReplaceAll(pub.text, ",", "，"), r) {
				t.Errorf("%s: %q is not in the row %q", pub.number, r, pub.text)
			}
		}
	}
	published := map[string]int{}
	for _, pub := range taxRows {
		published[pub.item]++
	}
	for _, w := range []struct {
		name    string
		wording standards.Wording
	}{{"hand", standards.WordingHand}, {"rendered", standards.WordingRendered}} {
		rows := benchmarkTable(t, cat, w.wording)
		inTable := map[string]int{}
		for _, r := range rows {
			inTable[r.item]++
		}
		for item, n := range published {
			if inTable[item] != n {
				t.Errorf("%s: item %s has %d grade rows in the table, %d published", w.name, item, inTable[item], n)
			}
		}
		if len(inTable) != len(published) {
			t.Errorf("%s: the table has %d items, the excerpt %d", w.name, len(inTable), len(published))
		}
		// The item's 法定罚款 is printed in the 备注 of its first row.
		statute := map[string]string{}
		for _, r := range rows {
			if _, seen := statute[r.item]; !seen {
				for _, part := range strings.Split(r.remarks, "<br>") {
					if s, ok := strings.CutPrefix(strings.TrimPrefix(part, "**"), "法定罚款："); ok {
						statute[r.item] = s
					}
				}
			}
		}
		for item, want := range taxStatutes {
			if got := taxBounds(t, statute[item]); !slices.Equal(got, sorted(want)) {
				t.Errorf("%s: item %s: 法定罚款 %q: %v, the clause %v", w.name, item, statute[item], got, want)
			}
		}
		for _, pub := range taxRows {
			t.Run(w.name+"/"+pub.number, func(t *testing.T) {
				i := slices.IndexFunc(rows, func(r tableRow) bool {
					return r.item == pub.item && strings.Contains(r.remarks, "原表编号"+pub.number) ||
						r.item == pub.item && pub.circs == "" && strings.Contains(r.remarks, "原表："+strings.TrimSuffix(pub.text, "。"))
				})
				if i < 0 {
					t.Fatalf("no row of item %s carries the published row %s in its 备注", pub.item, pub.number)
				}
				row := rows[i]
				rangeTag, cond, tagged := strings.Cut(row.cond, "<br>")
				if !tagged {
					rangeTag, cond = "", row.cond
				}
				wantTag := map[string]string{"serious": "【情节严重的】", "": "【不具有情节严重的情形的】", "-": ""}[pub.rng]
				if rangeTag != wantTag {
					t.Errorf("range of the row: table %q, want %q (the clause's %s range)", rangeTag, wantTag, pub.rng)
				}
				if strings.Contains(cond, "不符合前列情形") {
					t.Errorf("适用条件 %q depends on the rows above it; the published rows do not", cond)
				}
				if w.wording == standards.WordingHand && pub.circs != "" && cond != pub.circs {
					t.Errorf("适用条件: table %q, published %q", cond, pub.circs)
				}
				if w.wording == standards.WordingRendered {
					if got := taxBounds(t, cond); !slices.Equal(got, sorted(pub.when)) {
						t.Errorf("bounds of %q: %v, published %v (%s)", cond, got, pub.when, pub.circs)
					}
					for _, word := range pub.words {
						if !strings.Contains(cond, word) {
							t.Errorf("适用条件 %q does not say %q (%s)", cond, word, pub.circs)
						}
					}
				}
				want := pub.fine
				if pub.table != nil {
					want = pub.table
				}
				if pub.number == "2.1.2.1" {
					// 单位每天50元, 个体每天10元, 最高2000元: a computed fine per party.
					for _, part := range []string{"对单位可以处罚款", "按逾期天数每日50元计算", "对个人（含个体工商户）可以处罚款", "按逾期天数每日10元计算"} {
						if !strings.Contains(row.fine, part) {
							t.Errorf("处罚标准 %q does not say %q (%s)", row.fine, part, pub.text)
						}
					}
					if n := strings.Count(row.fine, "最高不超过2000元"); n != 2 {
						t.Errorf("处罚标准 %q states 最高不超过2000元 %d times, want once per party (%s)", row.fine, n, pub.text)
					}
				} else if got := taxBounds(t, row.fine); !slices.Equal(got, sorted(want)) {
					t.Errorf("处罚标准 %q: %v, published %v (%s)", row.fine, got, want, pub.text)
				}
				for _, r := range pub.rest {
					if !strings.Contains(row.remarks, r) {
						t.Errorf("备注 %q does not carry %q (%s)", row.remarks, r, pub.text)
					}
				}
			})
		}
	}
}
