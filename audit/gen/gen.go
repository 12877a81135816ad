// Package gen generates realistic past case records for a catalog, as a
// case-handling system would export them, with defects of every kind the
// audit looks for planted at known records. It is deterministic by seed.
//
// Clean records are decided by the engine and given the outcome, a fine
// near the middle of the re-decided range (a bureau's habit: within 3% of
// the range's width of its midpoint, rounded to a round amount) and the
// procedure the decision requires. Defects are then planted on records of
// parties with a single record, so that no other record's history changes.
package gen

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"sort"
	"strings"

	"github.com/shopspring/decimal"
	"golang.org/x/text/encoding/simplifiedchinese"

	"github.com/jizhun/jizhun/audit"
	"github.com/jizhun/jizhun/catalog"
	"github.com/jizhun/jizhun/discretion"
)

// Options of a generated data set.
type Options struct {
	Records int    // default 10 000
	Seed    uint64 // the same seed gives the same records
	// PerKind is how many defects of each kind are planted; default one
	// per 200 records, at least 3.
	PerKind int
}

// Dataset is a generated export: the header, the rows in file order, and
// the planted defects by case number.
type Dataset struct {
	Header  []string
	Rows    [][]string
	Planted map[int][]audit.Kind // data row index (0 = first record) → kinds planted on it
	facts   []factColumn
}

type factColumn struct {
	name, column string
}

// Fixed columns of the export, in order.
var fixedColumns = []string{"案号", "执法事项代码", "当事人证件号码", "当事人类型", "出生日期", "违法行为发生日期", "发现日期",
	"处罚决定日期", "处理结果", "不予处罚理由", "罚款金额（元）", "是否告知听证", "是否法制审核"}

const (
	colCase = iota
	colItem
	colParty
	colPartyType
	colBirth
	colAct
	colDiscovery
	colDecision
	colOutcome
	colReason
	colFine
	colHearing
	colReview
	numFixed
)

var partyWords = map[catalog.PartyType]string{catalog.Individual: "个人", catalog.Organization: "单位", catalog.IndividualBusiness: "个体工商户"}

var reasonWords = map[discretion.Reason]string{
	discretion.ReasonLimitation: "超过追责时效", discretion.ReasonUnderAge: "未满十四周岁", discretion.ReasonIncapacity: "精神障碍",
	discretion.ReasonLightViolation: "轻微不罚", discretion.ReasonNoFault: "无主观过错", discretion.ReasonFirstOffense: "首违不罚",
	discretion.ReasonPreconditionUnmet: "罚款前提条件未成立", discretion.ReasonCommitment: "告知承诺", discretion.ReasonNotIllegal: "新规定不认为违法",
}

// rec is one generated record with its decision.
type rec struct {
	c       discretion.Case
	partyID string
	d       *discretion.Decision
	number  string
	fine    *decimal.Decimal
	hearing bool
	review  bool
	kinds   []audit.Kind
	// row overrides: cells planted as malformed, facts blanked
	override map[int]string
	blank    map[string]bool
	after    *rec // a record inserted after this one
}

type generator struct {
	eng     *discretion.Engine
	cat     *catalog.Catalog
	rnd     *rand.Rand
	weights []float64
	parties []party
	index   map[string]int    // party id → index in parties
	byParty map[string][]*rec // party id → its records
	records []*rec
	perKind int
}

type party struct {
	id    string
	typ   catalog.PartyType
	birth string
	n     int // records
}

// Generate makes a data set for the engine's catalog.
func Generate(eng *discretion.Engine, opt Options) (*Dataset, error) {
	if opt.Records <= 0 {
		opt.Records = 10000
	}
	if opt.PerKind <= 0 {
		opt.PerKind = max(3, opt.Records/200)
	}
	g := &generator{eng: eng, cat: eng.Catalog(), rnd: rand.New(rand.NewPCG(opt.Seed, 0x6a697a68756e)), perKind: opt.PerKind,
		index: map[string]int{}, byParty: map[string][]*rec{}}
	// Some items are far more common than others.
	g.weights = make([]float64, len(g.cat.Items))
	perm := g.rnd.Perm(len(g.cat.Items))
	for i, p := range perm {
		g.weights[i] = 1 / math.Pow(float64(p+1), 0.9)
	}
	acts := make([]string, opt.Records)
	start := catalog.DateOf(2026, 3, 1)
	for i := range acts {
		acts[i] = start.AddDays(g.rnd.IntN(200)).String()
	}
	sort.Strings(acts)
	for i, act := range acts {
		r, err := g.record(i, act)
		if err != nil {
			return nil, err
		}
		g.records = append(g.records, r)
	}
	if err := g.plant(); err != nil {
		return nil, err
	}
	return g.dataset(), nil
}

func (g *generator) pickItem() *catalog.Item {
	total := 0.0
	for _, w := range g.weights {
		total += w
	}
	x := g.rnd.Float64() * total
	for i, w := range g.weights {
		if x < w {
			return g.cat.Items[i]
		}
		x -= w
	}
	return g.cat.Items[len(g.cat.Items)-1]
}

func (g *generator) newParty(typ catalog.PartyType, act catalog.Date, underAge bool) *party {
	p := party{id: fmt.Sprintf("P%06d", len(g.parties)+1), typ: typ}
	if typ != catalog.Organization {
		age := 18 + g.rnd.IntN(55)
		if underAge {
			age = 12 + g.rnd.IntN(2)
		}
		p.birth = act.AddYears(-age - 1).AddDays(1 + g.rnd.IntN(360)).String()
	} else {
		p.id = fmt.Sprintf("91330000MA%06dX", len(g.parties)+1)
	}
	g.parties = append(g.parties, p)
	g.index[p.id] = len(g.parties) - 1
	return &g.parties[len(g.parties)-1]
}

// record makes the i-th clean record, acting on act.
func (g *generator) record(i int, act string) (*rec, error) {
	actDate, _ := catalog.ParseDate(act)
	for attempt := 0; attempt < 200; attempt++ {
		it := g.pickItem()
		r := &rec{number: fmt.Sprintf("示综执罚〔2026〕%05d号", i+1)}
		r.c.Item = it.Code
		// About one record in eight is a party's second or later.
		var p *party
		if len(g.parties) > 0 && g.rnd.IntN(8) == 0 {
			p = &g.parties[g.rnd.IntN(len(g.parties))]
			if p.birth != "" && p.birth >= act {
				p = nil
			}
		}
		r.c.ActDate = discretion.Date(act)
		discovery := actDate.AddDays(g.rnd.IntN(10))
		if g.rnd.IntN(100) == 0 {
			// Discovered more than two years after the act (art. 36).
			discovery = actDate.AddYears(2).AddDays(1 + g.rnd.IntN(60))
		}
		if p == nil {
			typ := catalog.Individual
			switch x := g.rnd.IntN(20); {
			case x < 5:
				typ = catalog.Organization
			case x < 7:
				typ = catalog.IndividualBusiness
			}
			if len(it.Parties) > 0 {
				typ = it.Parties[g.rnd.IntN(len(it.Parties))]
			}
			p = g.newParty(typ, actDate, typ == catalog.Individual && g.rnd.IntN(150) == 0)
		}
		r.partyID = p.id
		r.c.Party = discretion.Party{Type: p.typ, BirthDate: discretion.Date(p.birth)}
		r.c.DiscoveryDate = discretion.DateFrom(discovery)
		r.c.DecisionDate = discretion.DateFrom(discovery.AddDays(3 + g.rnd.IntN(40)))
		r.c.Facts = g.facts(it)
		r.c.History = g.history(p.id, r.c.ActDate)
		d, err := g.eng.Decide(context.Background(), &r.c)
		if err != nil {
			continue // facts the item's rules cannot take: draw again
		}
		if d.Outcome == discretion.NoPenalty && g.rnd.IntN(4) != 0 {
			continue // a penalty ledger holds mostly penalties
		}
		r.d = d
		g.impose(r)
		g.parties[g.index[p.id]].n++
		g.byParty[p.id] = append(g.byParty[p.id], r)
		return r, nil
	}
	return nil, fmt.Errorf("gen: no decidable record after 200 attempts (act %s)", act)
}

// history is the party's earlier records, as the audit derives them.
func (g *generator) history(id string, act discretion.Date) []discretion.Prior {
	var h []discretion.Prior
	for _, r := range g.byParty[id] {
		if r.c.ActDate >= act {
			continue
		}
		out := string(discretion.NoPenalty)
		if r.d.Outcome.Imposes() {
			out = string(discretion.General)
		}
		h = append(h, discretion.Prior{Item: r.c.Item, ActDate: r.c.ActDate, DecisionDate: r.c.DecisionDate, Outcome: out})
	}
	return h
}

// facts draws a value for every fact the item declares.
func (g *generator) facts(it *catalog.Item) map[string]any {
	out := map[string]any{}
	for _, f := range g.cat.AllFacts(it) {
		switch f.Type {
		case catalog.FactBool:
			p := 0.3
			if f.Default != nil && !f.Default.Value.Bool {
				p = 0.08 // a fact that defaults to false is rarely true
			}
			if f.Name == "corrected_in_time" {
				p = 0.5
			}
			out[f.Name] = g.rnd.Float64() < p
		case catalog.FactEnum:
			out[f.Name] = f.Values[g.rnd.IntN(len(f.Values))].Name
		case catalog.FactInt:
			lo, hi := 1, 12
			if f.Min != nil {
				lo = int(f.Min.IntPart())
			}
			if f.Max != nil {
				hi = int(f.Max.IntPart())
			}
			out[f.Name] = json.Number(fmt.Sprint(lo + g.rnd.IntN(hi-lo+1)))
		case catalog.FactNumber, catalog.FactMoney:
			lo, hi := 1.0, 200.0
			if f.Type == catalog.FactMoney {
				lo, hi = 100, 200000
			}
			if f.Min != nil && f.Min.InexactFloat64() > 0 {
				lo = f.Min.InexactFloat64()
			}
			if f.Max != nil {
				hi = f.Max.InexactFloat64()
			}
			x := math.Exp(math.Log(lo) + g.rnd.Float64()*(math.Log(hi)-math.Log(lo)))
			if f.Type == catalog.FactMoney {
				x = math.Round(x)
			} else {
				x = math.Round(x*10) / 10
			}
			out[f.Name] = json.Number(decimal.NewFromFloat(x).String())
		case catalog.FactDate:
			out[f.Name] = "2026-01-01"
		}
	}
	return out
}

// impose gives a clean record what a careful bureau would impose.
func (g *generator) impose(r *rec) {
	r.fine = nil
	if r.d.Outcome != discretion.NoPenalty && r.d.Fine != nil {
		pos := 0.5 + (g.rnd.Float64()*2-1)*0.03
		f := fineAt(r.d.Fine, pos)
		r.fine = &f
	}
	g.procedure(r)
	if !r.review && g.rnd.IntN(20) == 0 {
		r.review = true // reviewed though not required: not a defect
	}
}

// procedure sets the hearing and legal review the record's fine requires.
func (g *generator) procedure(r *rec) {
	r.hearing, _ = audit.HearingRequired(g.cat, r.d, r.c.Party.Type, r.fine)
	r.review = r.d.Procedure.LegalReview
}

// fineAt is the fine at position pos of the range, rounded to a round
// amount no coarser than a hundredth of the range; a range narrower than
// a hundred yuan gets its midpoint.
func fineAt(f *discretion.Fine, pos float64) decimal.Decimal {
	lo, hi := f.Min.InexactFloat64(), f.Max.InexactFloat64()
	w := hi - lo
	if w < 100 {
		pos = 0.5
	}
	x := lo + pos*w
	step := 1.0
	for _, s := range []float64{1000, 100, 10} {
		if s <= w/100 {
			step = s
			break
		}
	}
	x = math.Round(x/step) * step
	x = math.Max(lo, math.Min(hi, x))
	d := decimal.NewFromFloat(x).Round(0)
	if d.LessThan(f.Min) {
		d = f.Min.Ceil()
	}
	if d.GreaterThan(f.Max) {
		d = f.Max.Floor()
	}
	return d
}

// single reports whether the record's party has no other record.
func (g *generator) single(r *rec) bool {
	return g.parties[g.index[r.partyID]].n == 1
}

func (g *generator) dataset() *Dataset {
	ds := &Dataset{Planted: map[int][]audit.Kind{}}
	labels := map[string]int{}
	var names []string
	seen := map[string]bool{}
	add := func(fs catalog.Facts) {
		for _, f := range fs {
			if !seen[f.Name] {
				seen[f.Name] = true
				names = append(names, f.Name)
				labels[f.Label]++
			}
		}
	}
	add(g.cat.Facts)
	for _, it := range g.cat.Items {
		add(it.Facts)
	}
	byName := map[string]*catalog.Fact{}
	for _, it := range g.cat.Items {
		for _, f := range g.cat.AllFacts(it) {
			byName[f.Name] = f
		}
	}
	ds.Header = append([]string(nil), fixedColumns...)
	for _, n := range names {
		f := byName[n]
		col := f.Label
		if f.Unit != "" {
			col += "（" + f.Unit + "）"
		}
		if labels[f.Label] > 1 {
			col = f.Label + "（" + n + "）"
		}
		ds.facts = append(ds.facts, factColumn{name: n, column: col})
		ds.Header = append(ds.Header, col)
	}
	for _, r := range g.records {
		for x := r; x != nil; x = x.after {
			if len(x.kinds) > 0 {
				ds.Planted[len(ds.Rows)] = x.kinds
			}
			ds.Rows = append(ds.Rows, g.row(x, ds.facts, byName))
		}
	}
	return ds
}

func (g *generator) row(r *rec, cols []factColumn, byName map[string]*catalog.Fact) []string {
	row := make([]string, numFixed+len(cols))
	row[colCase] = r.number
	row[colItem] = r.c.Item
	row[colParty] = r.partyID
	row[colPartyType] = partyWords[r.c.Party.Type]
	row[colBirth] = string(r.c.Party.BirthDate)
	row[colAct] = string(r.c.ActDate)
	row[colDiscovery] = string(r.c.DiscoveryDate)
	row[colDecision] = string(r.c.DecisionDate)
	if r.d.Outcome == discretion.NoPenalty && r.fine == nil && !has(r.kinds, audit.FinedDespiteExemption) || has(r.kinds, audit.ExemptionWithoutConditions) {
		row[colOutcome] = "不予处罚"
		row[colReason] = reasonWords[r.d.Reason]
		if has(r.kinds, audit.ExemptionWithoutConditions) {
			row[colReason] = "首违不罚"
		}
	} else if !r.d.Outcome.Imposes() && r.fine == nil {
		row[colOutcome] = "仅责令改正" // order_only, no_fine_possible: nothing imposed
	} else {
		row[colOutcome] = "罚款"
		if r.fine == nil {
			row[colOutcome] = "警告"
		}
	}
	if r.fine != nil {
		row[colFine] = r.fine.String()
	}
	row[colHearing] = yesNo(r.hearing)
	row[colReview] = yesNo(r.review)
	for i, fc := range cols {
		v, ok := r.c.Facts[fc.name]
		if !ok || r.blank[fc.name] {
			continue
		}
		f := byName[fc.name]
		switch x := v.(type) {
		case bool:
			row[numFixed+i] = yesNo(x)
		case string:
			if f.Type == catalog.FactEnum {
				for _, ev := range f.Values {
					if ev.Name == x {
						x = ev.Label
					}
				}
			}
			row[numFixed+i] = x
		default:
			row[numFixed+i] = fmt.Sprint(x)
		}
	}
	for c, v := range r.override {
		row[c] = v
	}
	return row
}

func has(ks []audit.Kind, k audit.Kind) bool {
	for _, x := range ks {
		if x == k {
			return true
		}
	}
	return false
}

func yesNo(b bool) string {
	if b {
		return "是"
	}
	return "否"
}

// WriteCSV writes the data set as CSV with a header, in UTF-8 with a
// byte-order mark (as spreadsheet programs save it) or in GB18030.
func (ds *Dataset) WriteCSV(w io.Writer, gb18030 bool) error {
	var b strings.Builder
	if !gb18030 {
		b.WriteString("\uFEFF")
	}
	writeLine := func(cells []string) {
		for i, c := range cells {
			if i > 0 {
				b.WriteByte(',')
			}
			if strings.ContainsAny(c, ",\"\n") {
				c = `"` + strings.ReplaceAll(c, `"`, `""`) + `"`
			}
			b.WriteString(c)
		}
		b.WriteString("\r\n")
	}
	writeLine(ds.Header)
	for _, r := range ds.Rows {
		writeLine(r)
	}
	if gb18030 {
		out, err := simplifiedchinese.GB18030.NewEncoder().String(b.String())
		if err != nil {
			return err
		}
		_, err = io.WriteString(w, out)
		return err
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// WriteNDJSON writes the data set as one JSON object a line, keyed by the
// column names; empty cells are left out.
func (ds *Dataset) WriteNDJSON(w io.Writer) error {
	for _, r := range ds.Rows {
		var b strings.Builder
		b.WriteByte('{')
		first := true
		for i, c := range r {
			if c == "" {
				continue
			}
			if !first {
				b.WriteByte(',')
			}
			first = false
			k, _ := json.Marshal(ds.Header[i])
			v, _ := json.Marshal(c)
			b.Write(k)
			b.WriteByte(':')
			b.Write(v)
		}
		b.WriteString("}\n")
		if _, err := io.WriteString(w, b.String()); err != nil {
			return err
		}
	}
	return nil
}

// Mapping is the mapping file that reads the data set.
func (ds *Dataset) Mapping() string {
	var b strings.Builder
	b.WriteString(`# 案卷评查映射文件示例：某办案系统“行政处罚案件台账”导出表的列与 jizhun 的对应关系。
# 由 audit/gen 生成（go run ./scripts/auditgen）；格式见 docs/audit.md。
encoding: auto
columns:
  case_number: 案号
  item: 执法事项代码
  party_id: 当事人证件号码
  party_type: 当事人类型
  birth_date: 出生日期
  act_date: 违法行为发生日期
  discovery_date: 发现日期
  decision_date: 处罚决定日期
  outcome: 处理结果
  reason: 不予处罚理由
  fine: 罚款金额（元）
  hearing_offered: 是否告知听证
  legal_review: 是否法制审核
values:
  party_type: {个人: individual, 单位: organization, 个体工商户: individual_business}
  outcome: {不予处罚: no_penalty, 仅责令改正: order_only, 罚款: penalty, 警告: penalty}
  reason:
`)
	for _, r := range []discretion.Reason{discretion.ReasonFirstOffense, discretion.ReasonLightViolation, discretion.ReasonLimitation,
		discretion.ReasonUnderAge, discretion.ReasonIncapacity, discretion.ReasonNoFault, discretion.ReasonPreconditionUnmet,
		discretion.ReasonCommitment, discretion.ReasonNotIllegal} {
		fmt.Fprintf(&b, "    %s: %s\n", reasonWords[r], r)
	}
	b.WriteString("# 每个事实一列；单元格为空表示案卷未记载该事实。枚举事实可以写代码或中文说明。\nfacts:\n")
	for _, fc := range ds.facts {
		fmt.Fprintf(&b, "  %s: %s\n", fc.name, fc.column)
	}
	return b.String()
}
