package standards_test

import (
	"strings"
	"testing"

	"github.com/jizhun/jizhun/standards"
)

// publishedCatalog is one item written as a bureau publishes it, without
// negations: 情节一般 "面积10平方米以上或者占用3日以上", 情节较重 "面积50
// 平方米以上或者占用15日以上", rows that overlap. {selection} is the
// benchmark's selection line.
const publishedCatalog = `id: published-rows
title: 原样阶次测试
issuer: 测试机关
effective: 2026-01-01
tier_scheme: midpoint
items:
  - code: "T001"
    name: 擅自占用城市道路
    basis:
      violated: {instrument: 城市道路管理条例, article: 27, item: 1}
      penalty: {instrument: 城市道路管理条例, article: 42, text: 可以处以2万元以下的罚款}
    facts:
      area_m2: {type: number, label: 占用面积, unit: 平方米, min: 0, max: 100000, required: true}
      days: {type: int, label: 占用时间, unit: 日, min: 0, max: 3650, required: true}
    sanctions:
      - {type: fine, mandatory: false, amount: {max: 20000}}
    benchmark:
{selection}
      grades:
        - id: light
          label: 情节较轻
          when: 'area_m2 < 10 && days < 3'
          description: 占用面积不足10平方米且占用时间不足3日
          fine: {min: 0, max: 3000}
        - id: general
          label: 情节一般
          when: 'area_m2 >= 10 || days >= 3'
          description: 占用面积10平方米以上或者占用时间3日以上
          fine: {min: 3000, max: 10000, min_exclusive: true}
        - id: serious
          label: 情节严重
          when: 'area_m2 >= 50 || days >= 15'
          description: 占用面积50平方米以上或者占用时间15日以上
          fine: {min: 10000, max: 20000, min_exclusive: true}
`

func publishedReport(t *testing.T, selection string, edits ...string) *standards.Report {
	t.Helper()
	src := strings.Replace(publishedCatalog, "{selection}", selection, 1)
	for i := 0; i+1 < len(edits); i += 2 {
		if !strings.Contains(src, edits[i]) {
			t.Fatalf("edit %q not found", edits[i])
		}
		src = strings.Replace(src, edits[i], edits[i+1], 1)
	}
	r, _ := chkCheck(t, "published.yaml", []byte(src), standards.Options{})
	return r
}

func findingsWith(r *standards.Report, code string) []standards.Finding {
	var out []standards.Finding
	for _, f := range r.Findings {
		if f.Code == code {
			out = append(out, f)
		}
	}
	return out
}

func TestSelectionChecks(t *testing.T) {
	t.Run("heaviest_overlapping_rows_as_published_check_clean", func(t *testing.T) {
		r := publishedReport(t, "      selection: heaviest")
		if len(r.Findings) != 0 {
			t.Errorf("findings on rows written as published under heaviest: %v", r.Findings)
		}
	})
	t.Run("first_match_same_rows_overlap_and_wording_is_reported", func(t *testing.T) {
		r := publishedReport(t, "      selection: first")
		if len(findingsWith(r, standards.CodeUnreachable)) == 0 {
			t.Errorf("under first match 情节严重 is taken by 情节一般: want it reported unreachable, got %v", r.Findings)
		}
	})
	t.Run("heaviest_gap_still_found", func(t *testing.T) {
		r := publishedReport(t, "      selection: heaviest", "when: 'area_m2 < 10 && days < 3'", "when: 'area_m2 < 5 && days < 3'",
			"占用面积不足10平方米且占用时间不足3日", "占用面积不足5平方米且占用时间不足3日")
		if len(findingsWith(r, standards.CodeGap)) != 1 {
			t.Errorf("want one gap (5 to 10 m² for under 3 days), got %v", r.Findings)
		}
	})
	t.Run("heaviest_wording_that_differs_is_reported", func(t *testing.T) {
		r := publishedReport(t, "      selection: heaviest", "占用面积50平方米以上或者占用时间15日以上", "占用面积50平方米以上且占用时间15日以上")
		ws := findingsWith(r, standards.CodeWording)
		if len(ws) != 1 || !strings.Contains(ws[0].Message, "serious") {
			t.Errorf("want the serious row's 且 reported, got %v", r.Findings)
		}
	})
	t.Run("heaviest_lighter_row_fully_covered_is_unreachable", func(t *testing.T) {
		r := publishedReport(t, "      selection: heaviest", "when: 'area_m2 >= 10 || days >= 3'", "when: 'area_m2 >= 60'",
			"占用面积10平方米以上或者占用时间3日以上", "占用面积60平方米以上")
		us := findingsWith(r, standards.CodeUnreachable)
		if len(us) != 1 || !strings.Contains(us[0].Message, "更重的档次 serious") {
			t.Errorf("want general reported as always beaten by serious, got %v", r.Findings)
		}
	})
	t.Run("exclusive_overlap_is_an_error_naming_both_rows", func(t *testing.T) {
		r := publishedReport(t, "      selection: exclusive", "when: 'area_m2 < 10 && days < 3'", "when: 'area_m2 < 10 && days < 5'",
			"占用面积不足10平方米且占用时间不足3日", "占用面积不足10平方米且占用时间不足5日")
		os := findingsWith(r, standards.CodeOverlap)
		if len(os) == 0 || os[0].Severity != standards.SeverityError || !strings.Contains(os[0].Localize("en").Message, "grade general overlaps grade light") {
			t.Errorf("want general overlapping light as an error, got %v", r.Findings)
		}
		us := findingsWith(r, standards.CodeUnreachable)
		if len(us) != 1 || !strings.Contains(us[0].Message, "也符合档次 general") {
			t.Errorf("want serious, within general, reported as never applying, got %v", r.Findings)
		}
	})
	t.Run("first_match_overlap_with_identical_outcomes_is_not_a_finding", func(t *testing.T) {
		// Two rows with the same fine: which applies changes nothing.
		edits := []string{
			"when: 'area_m2 >= 10 || days >= 3'", "when: 'area_m2 >= 10'",
			"when: 'area_m2 >= 50 || days >= 15'", "when: 'days >= 3'",
			"          description: 占用面积10平方米以上或者占用时间3日以上\n", "",
			"          description: 占用面积50平方米以上或者占用时间15日以上\n", "",
		}
		r := publishedReport(t, "      selection: first", append(edits,
			"fine: {min: 10000, max: 20000, min_exclusive: true}", "fine: {min: 3000, max: 10000, min_exclusive: true}")...)
		if os := findingsWith(r, standards.CodeOverlap); len(os) != 0 {
			t.Errorf("overlap of rows with identical outcomes reported: %v", os)
		}
		// The same rows with different fines: the order decides, reported.
		r = publishedReport(t, "      selection: first", edits...)
		if os := findingsWith(r, standards.CodeOverlap); len(os) != 1 {
			t.Errorf("overlap of rows with different outcomes: %v, want one warning", r.Findings)
		}
	})
}

func TestSelectionTable(t *testing.T) {
	src := strings.Replace(publishedCatalog, "{selection}", "      selection: heaviest", 1)
	rows := benchmarkRows(t, src)
	for i, want := range []string{"占用面积不足10平方米且占用时间不足3日", "占用面积10平方米以上或者占用时间3日以上", "占用面积50平方米以上或者占用时间15日以上"} {
		if rows[i][1] != want {
			t.Errorf("heaviest row %d reads %q, want it as published, %q", i+1, rows[i][1], want)
		}
	}
	cat := loadSrc(t, src)
	tb, err := standards.Build(cat, standards.TableOptions{Lists: []standards.List{standards.ListBenchmark}})
	if err != nil {
		t.Fatal(err)
	}
	notes := strings.Join(tb.Sections[0].Notes, "\n")
	if !strings.Contains(notes, standards.NoteHeaviest) || strings.Contains(notes, standards.NoteFirstMatch) {
		t.Errorf("heaviest table notes: %q; want the heaviest rule stated once, not the first-match rule", notes)
	}
}
