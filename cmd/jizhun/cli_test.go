package main

import (
	"bytes"
	"encoding/json"
	"io"
	"os"
	"regexp"
	"strings"
	"testing"
)

// The command runs in-process through run(args, stdin, stdout, stderr).
// Exit status: 0 decided or valid (no penalty too), 1 invalid catalog or
// case, 2 usage, 3 defects found.

const (
	starterCatalog = "../../examples/starter/catalog.yaml"
	tdCatalog      = "testdata/catalog.yaml"
	tdGeneral      = "testdata/general.json"
)

type cliResult struct {
	code           int
	stdout, stderr string
}

func cliRun(t *testing.T, stdin string, args ...string) cliResult {
	t.Helper()
	var out, errOut bytes.Buffer
	code := run(args, strings.NewReader(stdin), &out, &errOut)
	return cliResult{code, out.String(), errOut.String()}
}

func (r cliResult) want(t *testing.T, code int) {
	t.Helper()
	if r.code != code {
		t.Fatalf("exit %d, want %d\nstdout:\n%s\nstderr:\n%s", r.code, code, r.stdout, r.stderr)
	}
}

func TestUsageErrorsExit2(t *testing.T) {
	tests := []struct {
		name string
		args []string
		msg  string
	}{
		{"no_arguments", nil, "用法 Usage:"},
		{"unknown_command", []string{"decidee"}, `unknown command "decidee"`},
		{"unknown_command_suggests", []string{"decidee"}, "Did you mean this?\n\tdecide"},
		{"validate_without_files", []string{"validate"}, "name at least one catalog file"},
		{"validate_unknown_flag", []string{"validate", "--strict", tdCatalog}, "unknown flag: --strict"},
		{"validate_unknown_flag_after_file", []string{"validate", tdCatalog, "--strict"}, "unknown flag: --strict"},
		{"validate_bad_format", []string{"validate", tdCatalog, "--format", "xml"}, `--format must be text or json, not "xml"`},
		{"bad_lang", []string{"--lang", "fr", "validate", tdCatalog}, `--lang must be zh or en, not "fr"`},
		{"decide_without_case", []string{"decide", "--catalog", tdCatalog}, "--case is required"},
		{"decide_bad_format", []string{"decide", "--catalog", tdCatalog, "--case", tdGeneral, "--format", "xml"}, `--format must be text, trace or json, not "xml"`},
		{"decide_extra_argument", []string{"decide", "--catalog", tdCatalog, "--case", tdGeneral, "extra"}, `unexpected argument "extra"`},
		{"decide_unknown_flag", []string{"decide", "--catalog", tdCatalog, "--case", tdGeneral, "--verbose"}, "unknown flag: --verbose"},
		{"decide_flag_without_value", []string{"decide", "--catalog"}, "flag needs an argument"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := cliRun(t, "", tt.args...)
			r.want(t, exitUsage)
			if !strings.Contains(r.stderr, tt.msg) {
				t.Errorf("stderr %q lacks %q", r.stderr, tt.msg)
			}
			if r.stdout != "" {
				t.Errorf("usage error wrote to stdout: %q", r.stdout)
			}
		})
	}
}

func TestHelpExit0(t *testing.T) {
	r := cliRun(t, "", "help")
	r.want(t, exitOK)
	if !strings.Contains(r.stdout, "decide") || !strings.Contains(r.stdout, "退出状态") {
		t.Errorf("help output %q", r.stdout)
	}
}

func TestValidate(t *testing.T) {
	t.Run("valid_catalog_exit0", func(t *testing.T) {
		r := cliRun(t, "", "validate", starterCatalog)
		r.want(t, exitOK)
		if !regexp.MustCompile(`^\.\./\.\./examples/starter/catalog.yaml: ok: starter-zhzf, \d+ items, sha256:[0-9a-f]{64}\n$`).MatchString(r.stdout) {
			t.Errorf("stdout = %q", r.stdout)
		}
	})
	t.Run("check_error_exit3_with_file_line_col", func(t *testing.T) {
		// testdata/catalog.yaml compiles but leaves area_m2 in [50, 100)
		// without a grade: jizhun check's gap finding fails validate.
		r := cliRun(t, "", "validate", tdCatalog)
		r.want(t, exitDefects)
		if r.stdout != "" || !strings.HasPrefix(r.stderr, "testdata/catalog.yaml:36:7: 错误: standards_gap: ") {
			t.Errorf("stdout %q stderr %q", r.stdout, r.stderr)
		}
	})
	t.Run("check_error_in_english_with_lang_en", func(t *testing.T) {
		r := cliRun(t, "", "validate", "--lang", "en", tdCatalog)
		r.want(t, exitDefects)
		if !strings.HasPrefix(r.stderr, "testdata/catalog.yaml:36:7: error: standards_gap: item ") || !strings.Contains(r.stderr, "errors, 0 warnings; witness cases") {
			t.Errorf("stderr %q", r.stderr)
		}
	})
	t.Run("check_error_in_chinese_by_default", func(t *testing.T) {
		r := cliRun(t, "", "validate", tdCatalog)
		if !strings.Contains(r.stderr, "没有档次匹配这样的案件") || strings.Contains(r.stderr, "no grade matches") {
			t.Errorf("stderr %q", r.stderr)
		}
	})
	t.Run("skip_check_loads_and_compiles_only", func(t *testing.T) {
		r := cliRun(t, "", "validate", "--skip-check", tdCatalog)
		r.want(t, exitOK)
		if !strings.HasPrefix(r.stdout, "testdata/catalog.yaml: ok: cli-test, 2 items, sha256:") || r.stderr != "" {
			t.Errorf("stdout %q stderr %q", r.stdout, r.stderr)
		}
		r = cliRun(t, "", "validate", "--skip-check", "testdata/bad.yaml")
		r.want(t, exitInvalid)
	})
	t.Run("flags_after_files", func(t *testing.T) {
		r := cliRun(t, "", "validate", starterCatalog, tdCatalog, "--format", "json")
		r.want(t, exitDefects)
		var res []struct {
			File   string `json:"file"`
			Valid  bool   `json:"valid"`
			Errors []struct {
				Code string `json:"code"`
				Pos  struct {
					File      string
					Line, Col int
				} `json:"pos"`
				Message string `json:"message"`
			} `json:"errors"`
		}
		if err := json.Unmarshal([]byte(r.stdout), &res); err != nil {
			t.Fatalf("%v\n%s", err, r.stdout)
		}
		if len(res) != 2 || !res[0].Valid || res[1].Valid || len(res[1].Errors) != 1 ||
			res[1].Errors[0].Code != "standards_gap" || res[1].Errors[0].Pos.Line != 36 || res[1].Errors[0].Pos.Col != 7 {
			t.Errorf("results = %+v", res)
		}
	})
	t.Run("invalid_catalog_as_json", func(t *testing.T) {
		r := cliRun(t, "", "validate", "--format=json", "testdata/bad.yaml")
		r.want(t, exitInvalid)
		if r.stderr != "" || !strings.Contains(r.stdout, `"line": 17`) || !strings.Contains(r.stdout, "remarkz") {
			t.Errorf("stdout %q stderr %q", r.stdout, r.stderr)
		}
	})
	t.Run("invalid_structure_exit1_with_file_line_col", func(t *testing.T) {
		r := cliRun(t, "", "validate", "testdata/bad.yaml")
		r.want(t, exitInvalid)
		// One run reports the item's unknown key and its condition's
		// unknown fact together.
		if !strings.Contains(r.stderr, "testdata/bad.yaml:17:5: ") || !strings.Contains(r.stderr, `"remarkz"`) ||
			!strings.Contains(r.stderr, "testdata/bad.yaml:16:36: ") || !strings.Contains(r.stderr, `"aera_m2"`) {
			t.Errorf("stderr = %q, want testdata/bad.yaml:16:36: … aera_m2 and 17:5: … remarkz", r.stderr)
		}
	})
	t.Run("invalid_condition_exit1_with_file_line_col", func(t *testing.T) {
		r := cliRun(t, "", "validate", "testdata/bad_condition.yaml")
		r.want(t, exitInvalid)
		if !strings.HasPrefix(r.stderr, "testdata/bad_condition.yaml:16:36: ") || !strings.Contains(r.stderr, "aera_m2") {
			t.Errorf("stderr = %q, want testdata/bad_condition.yaml:16:36: … aera_m2", r.stderr)
		}
	})
	t.Run("one_bad_file_among_good_exit1_and_reports_both", func(t *testing.T) {
		r := cliRun(t, "", "validate", "testdata/bad.yaml", starterCatalog)
		r.want(t, exitInvalid)
		if !strings.Contains(r.stdout, "catalog.yaml: ok") || !strings.Contains(r.stderr, "bad.yaml:17:5") {
			t.Errorf("stdout %q stderr %q", r.stdout, r.stderr)
		}
	})
	t.Run("missing_file_exit1", func(t *testing.T) {
		r := cliRun(t, "", "validate", "testdata/nope.yaml")
		r.want(t, exitInvalid)
		if !strings.Contains(r.stderr, "testdata/nope.yaml") {
			t.Errorf("stderr = %q", r.stderr)
		}
	})
}

func TestDecideText(t *testing.T) {
	r := cliRun(t, "", "decide", "--catalog", tdCatalog, "--case", tdGeneral)
	r.want(t, exitOK)
	// The reasons (说理) as a decision document states them: Chinese only.
	for _, s := range []string{"“擅自占用城市道路”", "“情节一般”裁量阶次", "按一般情节处罚", "罚款幅度为2001至8000元",
		"具体罚款数额由执法人员在上述幅度内结合案件情况确定并说明理由", "本案适用普通程序"} {
		if !strings.Contains(r.stdout, s) {
			t.Errorf("text output lacks %q:\n%s", s, r.stdout)
		}
	}
	for _, s := range []string{"general", "&&", "→", "cli-test", "说理："} {
		if strings.Contains(r.stdout, s) {
			t.Errorf("text output has %q, which belongs to the trace:\n%s", s, r.stdout)
		}
	}
	if r.stderr != "" {
		t.Errorf("stderr = %q", r.stderr)
	}
	// The engineer's step-by-step account is --format trace.
	r = cliRun(t, "", "decide", "--catalog", tdCatalog, "--case", tdGeneral, "--format", "trace")
	r.want(t, exitOK)
	for _, s := range []string{"事项：ROAD 擅自占用城市道路", "处理结果：一般处罚", "裁量罚款幅度：2001至8000元", "裁量过程：", "cli-test"} {
		if !strings.Contains(r.stdout, s) {
			t.Errorf("trace output lacks %q:\n%s", s, r.stdout)
		}
	}
}

func TestDecideNoPenaltyExit0(t *testing.T) {
	r := cliRun(t, "", "decide", "--catalog", tdCatalog, "--case", "testdata/light.json", "--format", "json")
	r.want(t, exitOK)
	var d map[string]any
	if err := json.Unmarshal([]byte(r.stdout), &d); err != nil {
		t.Fatal(err)
	}
	if d["outcome"] != "no_penalty" || d["reason"] != "light_violation" {
		t.Errorf("outcome %v reason %v", d["outcome"], d["reason"])
	}
	if _, ok := d["fine"]; ok {
		t.Errorf("no-penalty decision has a fine: %v", d["fine"])
	}
}

func TestDecideInvalidExit1(t *testing.T) {
	t.Run("invalid_case_lists_every_problem", func(t *testing.T) {
		r := cliRun(t, "", "decide", "--catalog", tdCatalog, "--case", "testdata/invalid.json")
		r.want(t, exitInvalid)
		for _, s := range []string{"testdata/invalid.json: 案件有误：", "act_date: \"2024-02-30\" 不是真实存在的日期", "party.birth_date: 缺少", "facts.area_m2: 应为数字"} {
			if !strings.Contains(r.stderr, s) {
				t.Errorf("stderr lacks %q:\n%s", s, r.stderr)
			}
		}
		if r.stdout != "" {
			t.Errorf("stdout = %q", r.stdout)
		}
	})
	t.Run("invalid_case_in_english_with_lang_en", func(t *testing.T) {
		for _, args := range [][]string{
			{"--lang", "en", "decide", "--catalog", tdCatalog, "--case", "testdata/invalid.json"},
			{"decide", "--catalog", tdCatalog, "--case", "testdata/invalid.json", "--lang=en"},
		} {
			r := cliRun(t, "", args...)
			r.want(t, exitInvalid)
			for _, s := range []string{"testdata/invalid.json: invalid case:", `act_date: "2024-02-30" is not a real date`, "party.birth_date: missing", "facts.area_m2:"} {
				if !strings.Contains(r.stderr, s) {
					t.Errorf("%v: stderr lacks %q:\n%s", args, s, r.stderr)
				}
			}
		}
		r := cliRun(t, "", "decide", "--lang", "en", "--catalog", tdCatalog, "--case", "testdata/gap.json")
		if !strings.Contains(r.stderr, "no grade matches the case (area_m2=70)") {
			t.Errorf("gap in English: %q", r.stderr)
		}
	})
	t.Run("unknown_case_field", func(t *testing.T) {
		r := cliRun(t, "", "decide", "--catalog", tdCatalog, "--case", "testdata/unknown_field.json")
		r.want(t, exitInvalid)
		if !strings.Contains(r.stderr, `不认识的字段 "penalty"`) {
			t.Errorf("stderr = %q", r.stderr)
		}
	})
	t.Run("missing_case_file", func(t *testing.T) {
		r := cliRun(t, "", "decide", "--catalog", tdCatalog, "--case", "testdata/nope.json")
		r.want(t, exitInvalid)
	})
	t.Run("invalid_catalog_with_file_line_col", func(t *testing.T) {
		r := cliRun(t, "", "decide", "--catalog", "testdata/bad_condition.yaml", "--case", tdGeneral)
		r.want(t, exitInvalid)
		if !strings.HasPrefix(r.stderr, "testdata/bad_condition.yaml:16:36: ") {
			t.Errorf("stderr = %q", r.stderr)
		}
	})
	t.Run("gap_in_catalog", func(t *testing.T) {
		r := cliRun(t, "", "decide", "--catalog", tdCatalog, "--case", "testdata/gap.json")
		r.want(t, exitInvalid)
		if !strings.Contains(r.stderr, "本案不符合任何档次的条件") || !strings.Contains(r.stderr, "area_m2=70") {
			t.Errorf("stderr = %q", r.stderr)
		}
	})
	t.Run("unknown_item", func(t *testing.T) {
		r := cliRun(t, "", "decide", "--catalog", tdCatalog, "--case", tdGeneral, "--item", "RAOD")
		r.want(t, exitInvalid)
		if !strings.Contains(r.stderr, `是否应为 "ROAD"`) {
			t.Errorf("stderr = %q", r.stderr)
		}
	})
}

// TestDecideJSONContract checks the Decision JSON contract field by field:
// names and JSON types that tools outside the project read.
func TestDecideJSONContract(t *testing.T) {
	r := cliRun(t, "", "decide", "--catalog", tdCatalog, "--case", tdGeneral, "--format", "json")
	r.want(t, exitOK)
	var d map[string]any
	dec := json.NewDecoder(strings.NewReader(r.stdout))
	if err := dec.Decode(&d); err != nil {
		t.Fatalf("output is not JSON: %v\n%s", err, r.stdout)
	}
	if _, err := dec.Token(); err != io.EOF {
		t.Errorf("trailing data after the decision object")
	}
	str := func(v any, path string) string {
		t.Helper()
		s, ok := v.(string)
		if !ok {
			t.Errorf("%s = %#v, want a string", path, v)
		}
		return s
	}
	obj := func(v any, path string) map[string]any {
		t.Helper()
		m, ok := v.(map[string]any)
		if !ok {
			t.Fatalf("%s = %#v, want an object", path, v)
		}
		return m
	}
	if str(d["item"], "item") != "ROAD" {
		t.Errorf("item = %v", d["item"])
	}
	if str(d["outcome"], "outcome") != "general" {
		t.Errorf("outcome = %v", d["outcome"])
	}
	if _, ok := d["reason"]; ok {
		t.Errorf("reason present on a penalty decision: %v", d["reason"])
	}
	if b, ok := d["discretionary"].(bool); !ok || b {
		t.Errorf("discretionary = %#v, want false", d["discretionary"])
	}
	if str(d["grade"], "grade") != "general" {
		t.Errorf("grade = %v", d["grade"])
	}
	fine := obj(d["fine"], "fine")
	if str(fine["min"], "fine.min") != "2001" || str(fine["max"], "fine.max") != "8000" {
		t.Errorf("fine = %v, want {min: \"2001\", max: \"8000\"} as strings", fine)
	}
	sanctions, ok := d["sanctions"].([]any)
	if !ok || len(sanctions) != 1 || sanctions[0] != "fine" {
		t.Errorf("sanctions = %#v", d["sanctions"])
	}
	proc := obj(d["procedure"], "procedure")
	for _, k := range []string{"simple", "hearing", "legal_review"} {
		if _, ok := proc[k].(bool); !ok {
			t.Errorf("procedure.%s = %#v, want a bool", k, proc[k])
		}
	}
	trace, ok := d["trace"].([]any)
	if !ok || len(trace) == 0 {
		t.Fatalf("trace = %#v", d["trace"])
	}
	seen := map[string]bool{}
	for i, s := range trace {
		st := obj(s, "trace[]")
		str(st["step"], "trace[].step")
		if _, ok := st["result"].(bool); !ok {
			t.Errorf("trace[%d].result = %#v, want a bool", i, st["result"])
		}
		for k, v := range st {
			seen[k] = true
			switch k {
			case "step", "rule", "citation", "expr", "note":
				str(v, "trace[]."+k)
			case "facts":
				obj(v, "trace[].facts")
			case "result":
			default:
				t.Errorf("trace[%d] has field %q outside the contract", i, k)
			}
		}
	}
	for _, k := range []string{"step", "rule", "citation", "expr", "facts", "result", "note"} {
		if !seen[k] {
			t.Errorf("no trace step carries %q", k)
		}
	}
	// A fact read by a grade keeps its JSON type.
	for _, s := range trace {
		st := s.(map[string]any)
		if st["step"] == "grade" && st["expr"] != nil {
			facts := obj(st["facts"], "trace[].facts")
			if n, ok := facts["area_m2"].(float64); !ok || n != 30 {
				t.Errorf("grade facts = %#v, want area_m2: 30 as a number", facts)
			}
			break
		}
	}
	cat := obj(d["catalog"], "catalog")
	if str(cat["id"], "catalog.id") != "cli-test" || str(cat["version"], "catalog.version") != "1.0" {
		t.Errorf("catalog = %v", cat)
	}
	if !regexp.MustCompile(`^sha256:[0-9a-f]{64}$`).MatchString(str(cat["digest"], "catalog.digest")) {
		t.Errorf("catalog.digest = %v", cat["digest"])
	}
}

func TestDecideCaseFromStdin(t *testing.T) {
	data, err := os.ReadFile(tdGeneral)
	if err != nil {
		t.Fatal(err)
	}
	fromFile := cliRun(t, "", "decide", "--catalog", tdCatalog, "--case", tdGeneral, "--format", "json")
	fromFile.want(t, exitOK)
	fromStdin := cliRun(t, string(data), "decide", "--catalog", tdCatalog, "--case", "-", "--format", "json")
	fromStdin.want(t, exitOK)
	if fromFile.stdout != fromStdin.stdout {
		t.Errorf("stdin decision differs from file decision:\n%s\n---\n%s", fromStdin.stdout, fromFile.stdout)
	}
	bad := cliRun(t, `{"item": "ROAD"} trailing`, "decide", "--catalog", tdCatalog, "--case", "-")
	bad.want(t, exitInvalid)
	if !strings.HasPrefix(bad.stderr, "-: ") {
		t.Errorf("stderr = %q, want the case named as -", bad.stderr)
	}
}

func TestDecideItemOverride(t *testing.T) {
	// The case names ROAD; --item BBQ decides it under BBQ instead. BBQ
	// declares no area_m2, so the override must reach the item, not just the
	// output.
	r := cliRun(t, "", "decide", "--catalog", tdCatalog, "--case", tdGeneral, "--item", "BBQ", "--format", "json")
	r.want(t, exitInvalid)
	if !strings.Contains(r.stderr, `事项 BBQ 没有声明事实 "area_m2"`) {
		t.Errorf("stderr = %q", r.stderr)
	}
	two := `{"items": ["ROAD", "BBQ"], "party": {"type": "organization"}, "act_date": "2024-03-02",
	  "discovery_date": "2024-03-05", "decision_date": "2024-03-20",
	  "facts": {"harm": "minor", "corrected_in_time": false}}`
	r = cliRun(t, two, "decide", "--catalog", tdCatalog, "--case", "-", "--item", "BBQ", "--format", "json")
	r.want(t, exitOK)
	var d struct {
		Item       string            `json:"item"`
		Fine       map[string]string `json:"fine"`
		Candidates []any             `json:"candidates"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &d); err != nil {
		t.Fatal(err)
	}
	if d.Item != "BBQ" || d.Fine["min"] != "500" || d.Fine["max"] != "2000" || d.Candidates != nil {
		t.Errorf("decision = %+v, want BBQ alone with fine 500–2000", d)
	}
}

func TestDecideJSONIsDeterministic(t *testing.T) {
	a := cliRun(t, "", "decide", "--catalog", tdCatalog, "--case", tdGeneral, "--format", "json")
	b := cliRun(t, "", "decide", "--catalog", tdCatalog, "--case", tdGeneral, "--format", "json")
	a.want(t, exitOK)
	if a.stdout != b.stdout {
		t.Error("two runs differ")
	}
	if !strings.HasSuffix(a.stdout, "}\n") {
		t.Errorf("JSON output does not end with a newline")
	}
}

// TestLanguageOfDiagnostics checks that diagnostics are Chinese by default
// and English with --lang en or an English locale.
func TestLanguageOfDiagnostics(t *testing.T) {
	env := func(vars map[string]string) func(string) string {
		return func(name string) string { return vars[name] }
	}
	for _, tt := range []struct {
		name string
		args []string
		env  map[string]string
		want string
		rest int
	}{
		{"default_chinese", []string{"validate", "x.yaml"}, nil, "zh", 2},
		{"flag", []string{"--lang", "en", "validate", "x.yaml"}, nil, "en", 2},
		{"flag_after_arguments", []string{"validate", "x.yaml", "--lang=en"}, nil, "en", 2},
		{"flag_overrides_locale", []string{"validate", "--lang", "zh", "x.yaml"}, map[string]string{"LANG": "en_US.UTF-8"}, "zh", 2},
		{"lang_locale", []string{"validate"}, map[string]string{"LANG": "en_US.UTF-8"}, "en", 1},
		{"lc_all_first", []string{"validate"}, map[string]string{"LC_ALL": "zh_CN.UTF-8", "LANG": "en_US.UTF-8"}, "zh", 1},
		{"lc_messages", []string{"validate"}, map[string]string{"LC_MESSAGES": "en_GB", "LANG": "zh_CN"}, "en", 1},
		{"c_locale_is_chinese", []string{"validate"}, map[string]string{"LANG": "C.UTF-8"}, "zh", 1},
	} {
		t.Run(tt.name, func(t *testing.T) {
			lang, rest := language(tt.args, env(tt.env))
			if lang != tt.want || len(rest) != tt.rest {
				t.Errorf("language(%q) = %s, %q; want %s and %d arguments", tt.args, lang, rest, tt.want, tt.rest)
			}
		})
	}
	r := cliRun(t, "", "validate", "--lang", "en", "testdata/bad.yaml")
	if !strings.Contains(r.stderr, `unknown key "remarkz"`) {
		t.Errorf("--lang en: stderr = %q", r.stderr)
	}
	r = cliRun(t, "", "validate", "--lang", "zh", "testdata/bad.yaml")
	if !strings.Contains(r.stderr, `不认识的键 "remarkz"`) {
		t.Errorf("--lang zh: stderr = %q", r.stderr)
	}
}
