package standards

import (
	"regexp"
	"strings"
	"testing"

	"github.com/jizhun/jizhun/catalog"
)

func TestJoinCJK(t *testing.T) {
	for _, tc := range []struct{ name, in, want string }{
		{"folded_line_after_comma", "系虚构， 不是任何行政机关", "系虚构，不是任何行政机关"},
		{"folded_line_between_characters", "不得作为 执法依据", "不得作为执法依据"},
		{"run_of_spaces_and_tab", "法定罚款 \t 幅度", "法定罚款幅度"},
		{"before_opening_bracket", "划分规则 （平均值规则）", "划分规则（平均值规则）"},
		{"after_closing_quote", "“以上” 包括本数", "“以上”包括本数"},
		{"latin_word_keeps_its_spaces", "本裁量基准是 jizhun 项目编写的示例", "本裁量基准是 jizhun 项目编写的示例"},
		{"digit_keeps_its_space", "第 4 节", "第 4 节"},
		{"standard_number_keeps_its_space", "按 GB 3095 执行", "按 GB 3095 执行"},
		{"ideographic_space_is_kept", "文号：示综执〔2026〕3号　版本：2026.1", "文号：示综执〔2026〕3号　版本：2026.1"},
		{"line_break_is_kept", "违法依据：甲\n处罚依据：乙", "违法依据：甲\n处罚依据：乙"},
		{"leading_and_trailing_spaces_stay", " 甲 ", " 甲 "},
		{"url_before_bracket_keeps_its_space", "网页 http://a.example/x ）第二十六条", "网页 http://a.example/x ）第二十六条"},
		{"empty", "", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := joinCJK(tc.in); got != tc.want {
				t.Errorf("joinCJK(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

// A folded YAML scalar (notice: >-) published in a table reads as one line
// of Chinese, whichever writer prints it.
func TestFoldedNoticeHasNoStraySpace(t *testing.T) {
	cat := loadCatalog(t, "../examples/county/catalog.yaml")
	tbl, err := Build(cat, TableOptions{})
	if err != nil {
		t.Fatal(err)
	}
	straySpace := regexp.MustCompile(`[\p{Han}，。；：、）”][ \t]+[\p{Han}（“]`)
	for _, text := range publishedTexts(tbl) {
		if m := straySpace.FindString(text); m != "" {
			t.Errorf("stray space %q in published text %q", m, text)
		}
	}
}

// internalReference finds what belongs to the people who edit a catalog,
// not to the public: the names of this repository's files (LEGAL.md,
// catalog.yaml, table.go), its verification tags ([S], [V], §4.1.6), the
// project's and source repositories' names.
var internalReference = regexp.MustCompile(strings.Join([]string{
	`\b[A-Za-z_][\w-]*\.(md|go|yaml|yml|json|tmpl)\b`, // a file of the repository
	`§\s*\d`,          // a section of LEGAL.md or DESIGN.md
	`\[[SVIM]\]`,      // a verification tag as LEGAL.md writes it
	`(?i)\bjizhun\b`,  // the project
	`(?i)lawrefbook`,  // the statute collection the texts were read from
	`(?i)github\.com`, // a repository host
	`\b[A-Za-z][\w.-]*/[A-Za-z][\w.-]*/[A-Za-z][\w.-]*\.go\b`,
}, "|"))

// repositoryName is an owner/name pair outside a web address.
var repositoryName = regexp.MustCompile(`(^|[^\w./:-])[A-Za-z][\w-]*/[A-Za-z][\w-]*($|[^\w./-])`)

var webAddress = regexp.MustCompile(`https?://[^\s）)，。；]+`)

func internalReferences(text string) []string {
	found := internalReference.FindAllString(text, -1)
	for _, m := range repositoryName.FindAllString(webAddress.ReplaceAllString(text, ""), -1) {
		found = append(found, strings.TrimSpace(m))
	}
	return found
}

func TestInternalReferencesAreFound(t *testing.T) {
	for _, text := range []string{
		"法定罚款幅度摘自 LEGAL.md 第4节所引条文",
		"条文仅见于两个二手网页且彼此一致（§4.1.6）",
		"只规定最高额时的规则（二手来源 [S]）",
		"第二十六条不在 LawRefBook/Laws 中",
		"见 examples/county/catalog.yaml",
		"本裁量基准是 jizhun 项目编写的示例",
		"据 owner/repo 所载",
	} {
		if len(internalReferences(text)) == 0 {
			t.Errorf("no internal reference found in %q", text)
		}
	}
	for _, text := range []string{
		"《城市建筑垃圾管理规定》（建设部令第139号）",
		"据二手网页 http://lnky.gov.cn/kaiyuan/zfxxgk/index.html 所引",
		"按 GB 3095 执行；20%/40%–60%规则",
		"粤环发〔2021〕7号第十二条",
	} {
		if got := internalReferences(text); len(got) > 0 {
			t.Errorf("internal references %q found in public text %q", got, text)
		}
	}
}

// Nothing a table publishes refers to this repository: the example
// catalogs keep their editors' notes in YAML comments, and their published
// fields (notice, remarks, verification_note, labels, citations) say only
// what a reader of the published standard needs.
func TestPublishedTablesHaveNoInternalReferences(t *testing.T) {
	for _, path := range []string{
		"../examples/county/catalog.yaml",
		"../examples/starter/catalog.yaml",
		"testdata/tables/shapes.yaml",
		"testdata/tables/starter-v2.yaml",
	} {
		cat := loadCatalog(t, path)
		for _, w := range []Wording{WordingHand, WordingBoth} {
			tbl, err := Build(cat, TableOptions{Wording: w})
			if err != nil {
				t.Fatal(err)
			}
			for _, text := range publishedTexts(tbl) {
				if refs := internalReferences(text); len(refs) > 0 {
					t.Errorf("%s: published text refers to %q:\n%s", path, refs, text)
				}
			}
		}
	}
}

func loadCatalog(t *testing.T, path string) *catalog.Catalog {
	t.Helper()
	cat, err := catalog.LoadFile(path)
	if err != nil {
		t.Fatalf("load %s: %v", path, err)
	}
	return cat
}

// publishedTexts lists every text of a table a reader sees.
func publishedTexts(t *Table) []string {
	out := []string{t.Title, t.Notice}
	for _, f := range t.Meta {
		if f.Label != "内容摘要" {
			out = append(out, f.Value)
		}
	}
	for _, s := range t.Sections {
		out = append(out, s.Title)
		for _, c := range s.Columns {
			out = append(out, c.Title)
		}
		for _, row := range s.Rows {
			for _, c := range row {
				out = append(out, c.Text)
			}
		}
		out = append(out, s.Notes...)
	}
	return out
}

// An unverified item's table row says so, but its verification note is for
// the people who keep the catalog: where the clause was read, what is left
// to check. A reader learns what concerns the public from the remarks.
func TestVerificationNoteIsNotPublished(t *testing.T) {
	cat := loadCatalog(t, "../examples/county/catalog.yaml")
	const note = "仅供编辑：条文据某二手网页"
	unverified := map[string]bool{}
	for _, it := range cat.Items {
		if it.Verification == "unverified" {
			it.VerificationNote = note
			unverified[it.Code] = true
		}
	}
	if len(unverified) == 0 {
		t.Fatal("the county catalog has no unverified item to test with")
	}
	tbl, err := Build(cat, TableOptions{Wording: WordingBoth})
	if err != nil {
		t.Fatal(err)
	}
	for _, text := range publishedTexts(tbl) {
		if strings.Contains(text, note) {
			t.Errorf("a table prints the verification note: %q", text)
		}
	}
	for _, row := range tbl.Sections[0].Rows {
		if unverified[row[colCode].Text] && !(strings.HasPrefix(row[colRemarks].Text, "【条文待核实】") && row[colRemarks].Alert) {
			t.Errorf("%s: 备注 %q does not start with the alert", row[colCode].Text, row[colRemarks].Text)
		}
	}
}
