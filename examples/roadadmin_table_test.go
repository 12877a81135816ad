package examples_test

import (
	"bytes"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/jizhun/jizhun/catalog"
	"github.com/jizhun/jizhun/standards"
)

// publishedRow is one row of 《浙江省公路路政行政处罚自由裁量执行标准》序号1
// 擅自挖掘公路 as it was read (examples/roadadmin/catalog.yaml quotes the
// copy and its address), with its thresholds and amounts transcribed by hand
// into bounds: "X以上" is ">=X", "X以下" is "<=X" (both include the bound).
type publishedRow struct {
	label       string   // 违法程度
	circs       string   // 情节与后果, verbatim
	penalty     string   // 处罚幅度, verbatim
	conditions  []string // thresholds of 情节与后果: quantity op value
	either      bool     // the row joins its circumstances with 或
	consequence bool     // the row names 造成其它严重后果
	fine        []string // bounds of 处罚幅度 in yuan: op value
}

var roadDigRows = []publishedRow{
	{"轻微", "擅自挖掘公路2平方米以下，或挖掘深度在30厘米以下", "责令停止违法行为，处3000元以下的罚款",
		[]string{"面积<=2", "深度<=30"}, true, false, []string{"<=3000"}},
	{"一般", "擅自挖掘公路2平方米以上5平方米以下，或挖掘深度在30厘米以上", "责令停止违法行为，处3000元以上5000元以下的罚款",
		[]string{"面积>=2", "面积<=5", "深度>=30"}, true, false, []string{">=3000", "<=5000"}},
	{"较重", "擅自挖掘公路5平方米以上10平方米以下", "责令停止违法行为，处5000元以上10000元以下的罚款",
		[]string{"面积>=5", "面积<=10"}, false, false, []string{">=5000", "<=10000"}},
	{"严重", "擅自挖掘公路10平方米以上15平方米以下", "责令停止违法行为，处10000元以上20000元以下的罚款",
		[]string{"面积>=10", "面积<=15"}, false, false, []string{">=10000", "<=20000"}},
	{"特别严重", "擅自挖掘公路15平方米以上，或造成其它严重后果的", "责令停止违法行为，处20000元以上30000元以下罚款",
		[]string{"面积>=15"}, true, true, []string{">=20000", "<=30000"}},
}

// bound reads "2平方米以上", "不超过15平方米", "2万元以上", "3000元以下",
// "2倍以上", "2次以上": an optional leading qualifier, a number, an optional
// 万, a unit, an optional trailing qualifier. A number without a qualifier
// ("处3万元的罚款", "违法次数为0次") states that amount exactly.
var bound = regexp.MustCompile(`(不超过|超过|不足)?(\d+(?:\.\d+)?)(万)?(平方米|厘米|元|倍|次)(以上|以下)?`)

var quantityOfUnit = map[string]string{"平方米": "面积", "厘米": "深度", "元": "", "倍": "倍数", "次": "次数"}

var opOfQualifier = map[string]string{"以上": ">=", "以下": "<=", "不超过": "<=", "超过": ">", "不足": "<"}

// bounds extracts the bounds a table cell states, as "quantity op value".
func bounds(t *testing.T, text string) []string {
	t.Helper()
	var out []string
	for _, m := range bound.FindAllStringSubmatch(text, -1) {
		qual := m[1]
		if qual == "" {
			qual = m[5]
		}
		op := "="
		if qual != "" {
			op = opOfQualifier[qual]
		}
		value := m[2]
		if m[3] == "万" {
			// 2万 → 20000, 1.5万 → 15000: move the point four places.
			whole, frac, _ := strings.Cut(value, ".")
			value = strings.TrimLeft(whole+frac+strings.Repeat("0", 4-len(frac)), "0")
		}
		out = append(out, quantityOfUnit[m[4]]+op+value)
	}
	slices.Sort(out)
	return out
}

// tableRow is one grade row of a generated 行政处罚裁量基准表: the item it
// belongs to (the 事项代码 of the item's first row, carried down), its
// 裁量阶次 label without the tier tag, and its 适用条件, 处罚标准 and 备注 cells.
type tableRow struct {
	item, label, cond, fine, remarks string
}

// benchmarkTable renders the catalog's 行政处罚裁量基准表 as Markdown, as
// `jizhun table --format md` does, and returns its grade rows in table order.
func benchmarkTable(t *testing.T, cat *catalog.Catalog, wording standards.Wording) []tableRow {
	t.Helper()
	tbl, err := standards.Build(cat, standards.TableOptions{Lists: []standards.List{standards.ListBenchmark}, Wording: wording})
	if err != nil {
		t.Fatal(err)
	}
	var md bytes.Buffer
	if err := standards.WriteMarkdown(&md, tbl); err != nil {
		t.Fatal(err)
	}
	split := func(line string) []string {
		cells := strings.Split(strings.TrimSuffix(strings.TrimPrefix(line, "| "), " |"), " | ")
		for i := range cells {
			cells[i] = strings.TrimSpace(cells[i])
		}
		return cells
	}
	var rows []tableRow
	itemCol, gradeCol, condCol, fineCol, remarksCol := -1, -1, -1, -1, -1
	item := ""
	for _, line := range strings.Split(md.String(), "\n") {
		if !strings.HasPrefix(line, "| ") {
			continue
		}
		cells := split(line)
		if gradeCol < 0 {
			for i, c := range cells {
				switch {
				case strings.HasPrefix(c, "事项代码"):
					itemCol = i
				case strings.HasPrefix(c, "裁量阶次"):
					gradeCol = i
				case strings.HasPrefix(c, "适用条件"):
					condCol = i
				case strings.HasPrefix(c, "处罚标准"):
					fineCol = i
				case strings.HasPrefix(c, "备注"):
					remarksCol = i
				}
			}
			if itemCol < 0 || gradeCol < 0 || condCol < 0 || fineCol < 0 || remarksCol < 0 {
				t.Fatalf("the table's header names no 事项代码, 裁量阶次, 适用条件, 处罚标准 or 备注 column: %s", line)
			}
			continue
		}
		if len(cells) <= remarksCol || strings.HasPrefix(cells[0], "---") {
			continue
		}
		if cells[itemCol] != "" {
			item = cells[itemCol]
		}
		label, _, _ := strings.Cut(cells[gradeCol], "<br>")
		rows = append(rows, tableRow{item: item, label: label, cond: cells[condCol], fine: cells[fineCol], remarks: cells[remarksCol]})
	}
	return rows
}

// benchmarkRows returns, per 裁量阶次 label, the 适用条件 and 处罚标准 cells
// of the catalog's 行政处罚裁量基准表 (for a catalog whose labels are unique).
func benchmarkRows(t *testing.T, cat *catalog.Catalog, wording standards.Wording) map[string][2]string {
	t.Helper()
	rows := map[string][2]string{}
	for _, r := range benchmarkTable(t, cat, wording) {
		rows[r.label] = [2]string{r.cond, r.fine}
	}
	return rows
}

// TestRoadDigTableReproducesPublishedRows checks that the published table
// generated from examples/roadadmin states, row by row, the thresholds,
// their inclusivity, the connective and the fine bounds of the five rows of
// 擅自挖掘公路 as the standard publishes them: once with the hand wording
// (the verbatim 情节与后果) and once with the conditions rendered from the
// rules that execute, so that what executes cannot drift from what was
// published.

func TestRoadDigTableReproducesPublishedRows(t *testing.T) {
	cat, err := catalog.LoadFile(filepath.Join("roadadmin", "catalog.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range []struct {
		name    string
		wording standards.Wording
	}{{"hand", standards.WordingHand}, {"rendered", standards.WordingRendered}} {
		rows := benchmarkRows(t, cat, w.wording)
		if len(rows) != len(roadDigRows) {
			t.Errorf("%s: the table has %d grade rows, the standard %d", w.name, len(rows), len(roadDigRows))
		}
		for _, pub := range roadDigRows {
			t.Run(w.name+"/"+pub.label, func(t *testing.T) {
				row, ok := rows[pub.label]
				if !ok {
					t.Fatalf("no row 违法程度 %s in the table", pub.label)
				}
				cond, fine := row[0], row[1]
				// The rows are listed in published order under selection:
				// heaviest: each row is printed as published, with no
				// first-match note, and the table's notes state the rule.
				if strings.Contains(cond, "不符合前列情形") {
					t.Errorf("情节与后果 %q states the first-match rule under heaviest", cond)
				}
				if w.wording == standards.WordingHand && cond != pub.circs {
					t.Errorf("情节与后果: table %q, published %q", cond, pub.circs)
				}
				if got, want := bounds(t, cond), sorted(pub.conditions); !slices.Equal(got, want) {
					t.Errorf("thresholds of %q: %v, published %v (%s)", cond, got, want, pub.circs)
				}
				if got := strings.Contains(cond, "或"); got != pub.either {
					t.Errorf("connective of %q: 或 %v, published 或 %v (%s)", cond, got, pub.either, pub.circs)
				}
				if got := strings.Contains(cond, "其它严重后果"); got != pub.consequence {
					t.Errorf("%q names 造成其它严重后果: %v, published %v", cond, got, pub.consequence)
				}
				if got, want := bounds(t, fine), sorted(pub.fine); !slices.Equal(got, want) {
					t.Errorf("fine of %q: %v, published %v (%s)", fine, got, want, pub.penalty)
				}
			})
		}
	}
}

func sorted(s []string) []string {
	out := slices.Clone(s)
	slices.Sort(out)
	return out
}
