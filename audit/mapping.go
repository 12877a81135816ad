package audit

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"sort"
	"strings"

	"go.yaml.in/yaml/v3"
)

// Mapping says where a case-handling system's export keeps each fact of a
// record: which column holds the case number, the item, the party, the
// dates, the outcome and the fine imposed, whether a hearing was offered
// and legal review done, and the case's facts. Its YAML form is documented
// in docs/audit.md; examples/county/audit/mapping.yaml is an example.
type Mapping struct {
	// Format is "csv" or "ndjson"; empty takes it from the file's extension.
	Format string `yaml:"format"`
	// Encoding of a CSV file: "auto" (UTF-8 unless the file is not valid
	// UTF-8, then GB18030), "utf-8" or "gb18030". A byte-order mark is
	// dropped in every case.
	Encoding string  `yaml:"encoding"`
	Columns  Columns `yaml:"columns"`
	// Facts maps a catalog fact name to the column that holds it. An empty
	// cell leaves the fact unstated; a fact the record's item does not
	// declare is not read.
	Facts map[string]string `yaml:"facts"`
	// Values translates the export's words into the contract's: party
	// types, outcomes and no-penalty reasons. Enum facts accept the
	// catalog's value names and Chinese labels without any entry here.
	Values Values `yaml:"values"`

	file string
	// cols are the columns read, in a fixed order; index gives a mapping
	// key's place in it, and factIndex a fact name's.
	cols      []namedColumn
	index     map[string]int
	factIndex map[string]int
}

// Columns names the column of each fact of a record that is not a catalog
// fact. Those marked optional may be left out.
type Columns struct {
	CaseNumber    string `yaml:"case_number"`    // 案号
	Item          string `yaml:"item"`           // 执法事项代码
	PartyID       string `yaml:"party_id"`       // optional: 当事人证件号码; the party's other records become its history
	PartyType     string `yaml:"party_type"`     // 当事人类型
	BirthDate     string `yaml:"birth_date"`     // 出生日期 (natural persons)
	ActDate       string `yaml:"act_date"`       // 违法行为发生日期
	ActEndDate    string `yaml:"act_end_date"`   // optional: 违法行为终了日期
	DiscoveryDate string `yaml:"discovery_date"` // 发现（立案）日期
	DecisionDate  string `yaml:"decision_date"`  // 处罚决定日期
	Outcome       string `yaml:"outcome"`        // 处理结果
	Reason        string `yaml:"reason"`         // optional: 不予处罚理由
	Fine          string `yaml:"fine"`           // 罚款金额（元）
	Hearing       string `yaml:"hearing_offered"`
	LegalReview   string `yaml:"legal_review"`
}

// Values holds the translations of the export's words.
type Values struct {
	// PartyType maps the export's words to individual, organization or
	// individual_business.
	PartyType map[string]string `yaml:"party_type"`
	// Outcome maps the export's words to no_penalty, order_only or
	// no_fine_possible for nothing imposed, or to penalty (or a tier:
	// mitigated, lighter, general, heavier) for a penalty imposed.
	Outcome map[string]string `yaml:"outcome"`
	// Reason maps the export's words to the Decision JSON reasons
	// (first_offense, light_violation, limitation, under_age, …).
	Reason map[string]string `yaml:"reason"`
	// Yes and No are the words for true and false, in addition to 是/否,
	// true/false, 1/0, Y/N and yes/no.
	Yes []string `yaml:"yes"`
	No  []string `yaml:"no"`
}

// MappingError lists every problem of a mapping file.
type MappingError struct {
	File     string
	Problems []string
}

func (e *MappingError) Error() string {
	return e.File + ": " + strings.Join(e.Problems, "\n"+e.File+": ")
}

// LoadMapping reads a mapping file strictly: unknown keys are errors, and
// every problem is reported at once.
func LoadMapping(path string) (*Mapping, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return ParseMapping(path, data)
}

// ParseMapping parses a mapping; file names it in errors.
func ParseMapping(file string, data []byte) (*Mapping, error) {
	var m Mapping
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(&m); err != nil {
		var te *yaml.TypeError
		if errors.As(err, &te) {
			return nil, &MappingError{File: file, Problems: te.Errors}
		}
		return nil, &MappingError{File: file, Problems: []string{strings.TrimPrefix(err.Error(), "yaml: ")}}
	}
	m.file = file
	if err := m.check(); err != nil {
		return nil, err
	}
	m.cols = m.columns()
	m.index, m.factIndex = map[string]int{}, map[string]int{}
	for i, nc := range m.cols {
		m.index[nc.key] = i
		if name, ok := strings.CutPrefix(nc.key, "facts."); ok {
			m.factIndex[name] = i
		}
	}
	return &m, nil
}

// outcomeWords are the values an outcome translation may take.
var outcomeWords = map[string]bool{"no_penalty": true, "penalty": true, "mitigated": true, "lighter": true, "general": true, "heavier": true,
	"order_only": true, "no_fine_possible": true}

var reasonWords = map[string]bool{"limitation": true, "under_age": true, "incapacity": true, "light_violation": true, "no_fault": true,
	"first_offense": true, "precondition_unmet": true, "commitment": true, "not_illegal": true}

func (m *Mapping) check() error {
	var problems []string
	add := func(format string, args ...any) { problems = append(problems, fmt.Sprintf(format, args...)) }
	switch m.Format {
	case "", "csv", "ndjson":
	default:
		add("format: %q is not csv or ndjson", m.Format)
	}
	switch strings.ToLower(m.Encoding) {
	case "", "auto", "utf-8", "utf8", "gb18030":
	default:
		add("encoding: %q is not auto, utf-8 or gb18030", m.Encoding)
	}
	c := m.Columns
	for _, req := range []struct{ key, col string }{
		{"case_number", c.CaseNumber}, {"item", c.Item}, {"party_type", c.PartyType}, {"birth_date", c.BirthDate},
		{"act_date", c.ActDate}, {"discovery_date", c.DiscoveryDate}, {"decision_date", c.DecisionDate},
		{"outcome", c.Outcome}, {"fine", c.Fine}, {"hearing_offered", c.Hearing}, {"legal_review", c.LegalReview},
	} {
		if req.col == "" {
			add("columns.%s: missing: name the column that holds it", req.key)
		}
	}
	for _, k := range sortedKeys(m.Values.PartyType) {
		switch v := m.Values.PartyType[k]; v {
		case "individual", "organization", "individual_business":
		default:
			add("values.party_type.%s: %q is not individual, organization or individual_business", k, v)
		}
	}
	for _, k := range sortedKeys(m.Values.Outcome) {
		if v := m.Values.Outcome[k]; !outcomeWords[v] {
			add("values.outcome.%s: %q is not no_penalty, penalty, mitigated, lighter, general, heavier, order_only or no_fine_possible", k, v)
		}
	}
	for _, k := range sortedKeys(m.Values.Reason) {
		if v := m.Values.Reason[k]; !reasonWords[v] {
			add("values.reason.%s: %q is not a reason of the Decision JSON contract", k, v)
		}
	}
	for _, k := range sortedKeys(m.Facts) {
		if m.Facts[k] == "" {
			add("facts.%s: name the column that holds it", k)
		}
	}
	if len(problems) > 0 {
		return &MappingError{File: m.file, Problems: problems}
	}
	return nil
}

// columns lists every column the mapping reads, with the key that names
// it, in a stable order.
func (m *Mapping) columns() []namedColumn {
	c := m.Columns
	out := []namedColumn{
		{"case_number", c.CaseNumber}, {"item", c.Item}, {"party_id", c.PartyID}, {"party_type", c.PartyType},
		{"birth_date", c.BirthDate}, {"act_date", c.ActDate}, {"act_end_date", c.ActEndDate},
		{"discovery_date", c.DiscoveryDate}, {"decision_date", c.DecisionDate}, {"outcome", c.Outcome},
		{"reason", c.Reason}, {"fine", c.Fine}, {"hearing_offered", c.Hearing}, {"legal_review", c.LegalReview},
	}
	for _, k := range sortedKeys(m.Facts) {
		out = append(out, namedColumn{"facts." + k, m.Facts[k]})
	}
	kept := out[:0]
	for _, nc := range out {
		if nc.column != "" {
			kept = append(kept, nc)
		}
	}
	return kept
}

type namedColumn struct{ key, column string }

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
