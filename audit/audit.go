package audit

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"

	"github.com/jizhun/jizhun/catalog"
	"github.com/jizhun/jizhun/discretion"
)

// Auditor re-decides a bureau's past records against its standards. It is
// immutable and may audit several exports at once.
type Auditor struct {
	engines []*discretion.Engine // by effective date, oldest first
	m       *Mapping
	b       *builder
}

// New returns an auditor for exports read through m, deciding each record
// under the catalog in force on its decision date.
func New(m *Mapping, engines ...*discretion.Engine) (*Auditor, error) {
	if m == nil {
		return nil, errors.New("audit: no mapping")
	}
	if len(engines) == 0 {
		return nil, errors.New("audit: no catalog")
	}
	es := append([]*discretion.Engine(nil), engines...)
	sort.SliceStable(es, func(i, j int) bool { return es[i].Catalog().Effective < es[j].Catalog().Effective })
	return &Auditor{engines: es, m: m, b: newBuilder(m)}, nil
}

// Source is an export to audit. Open is called once for each pass over
// the records (up to three), so that the records need never all be in
// memory at once.
type Source struct {
	Name   string
	Format string // csv or ndjson; empty takes the mapping's, then Name's extension
	Open   func() (io.ReadCloser, error)
}

// FileSource is the export in a file.
func FileSource(path string) Source {
	return Source{Name: path, Open: func() (io.ReadCloser, error) { return os.Open(path) }}
}

// engineFor returns the engine of the catalog in force on a decision date:
// the latest whose effective date is not after it and which has not
// expired by then.
func (a *Auditor) engineFor(decision string) *discretion.Engine {
	d, err := catalog.ParseDate(decision)
	if err != nil {
		return nil
	}
	for i := len(a.engines) - 1; i >= 0; i-- {
		cat := a.engines[i].Catalog()
		if cat.Effective <= d && (cat.Expires == nil || d <= *cat.Expires) {
			return a.engines[i]
		}
	}
	return nil
}

func (a *Auditor) format(src Source) (string, error) {
	f := src.Format
	if f == "" {
		f = a.m.Format
	}
	if f == "" {
		switch strings.ToLower(filepath.Ext(src.Name)) {
		case ".csv", ".txt":
			f = "csv"
		case ".ndjson", ".jsonl":
			f = "ndjson"
		default:
			return "", fmt.Errorf("%s: 无法从扩展名判断格式：请在映射文件中写 format: csv 或 ndjson", src.Name)
		}
	}
	return f, nil
}

// pass reads every record of the source and calls fn with it.
func (a *Auditor) pass(ctx context.Context, src Source, fn func(*row) error) error {
	format, err := a.format(src)
	if err != nil {
		return err
	}
	rc, err := src.Open()
	if err != nil {
		return err
	}
	defer rc.Close()
	var rr rowReader
	if format == "csv" {
		cr, err := newCSVReader(rc, a.m)
		if err != nil {
			return fmt.Errorf("%s: %w", src.Name, err)
		}
		rr = cr
	} else {
		rr = newNDJSONReader(rc, a.m)
	}
	for n := 0; ; n++ {
		if n%1024 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		rw, err := rr.next()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return fmt.Errorf("%s: %w", src.Name, err)
		}
		if err := fn(rw); err != nil {
			return err
		}
	}
}

// prior is what a party's other record says about an earlier violation.
type prior struct {
	line       int
	item       string
	act, decis discretion.Date
	penalized  bool
}

// collectPriors reads every record's party, item, dates and outcome, so
// that each record's history is the party's records of earlier acts.
func (a *Auditor) collectPriors(ctx context.Context, src Source) (map[string][]prior, error) {
	priors := map[string][]prior{}
	err := a.pass(ctx, src, func(rw *row) error {
		if cellOf(a.m, rw, "party_id") == "" {
			return nil
		}
		rec := a.b.build(rw)
		if rec.c.Item == "" || rec.c.ActDate == "" || rec.c.DecisionDate == "" || cellOf(a.m, rw, "outcome") == "" {
			return nil
		}
		priors[rec.partyID] = append(priors[rec.partyID], prior{line: rw.line, item: rec.c.Item, act: rec.c.ActDate,
			decis: rec.c.DecisionDate, penalized: rec.imposed.Penalized})
		return nil
	})
	return priors, err
}

// history is the party's records of acts before this one. A prior
// penalized without a recorded tier enters as "general": the engine reads
// only whether a prior was penalized.
func history(rec *record, priors map[string][]prior) []discretion.Prior {
	var h []discretion.Prior
	for _, p := range priors[rec.partyID] {
		if p.line == rec.line || p.act >= rec.c.ActDate {
			continue
		}
		out := string(discretion.NoPenalty)
		if p.penalized {
			out = string(discretion.General)
		}
		h = append(h, discretion.Prior{Item: p.item, ActDate: p.act, DecisionDate: p.decis, Outcome: out})
	}
	return h
}

// Run audits an export: every record is re-decided and classified, then
// the consistent records are compared with each other (类案同罚). progress,
// if not nil, is called now and then with the number of records read.
func (a *Auditor) Run(ctx context.Context, src Source, progress func(done int)) (*Report, error) {
	var priors map[string][]prior
	if a.m.Columns.PartyID != "" {
		var err error
		if priors, err = a.collectPriors(ctx, src); err != nil {
			return nil, err
		}
	}
	rep := newReport(src.Name, a.engines)
	cons := newConsistency()
	seen := map[string]int{}
	err := a.auditAll(ctx, src, priors, func(x *audited) error {
		rep.Summary.Records++
		if progress != nil && rep.Summary.Records%1000 == 0 {
			progress(rep.Summary.Records)
		}
		rec, d, fs := x.rec, x.d, x.fs
		if rec.caseNumber != "" {
			if first, dup := seen[rec.caseNumber]; dup {
				fs = append(fs, Finding{Kind: DuplicateCaseNumber, Rule: "案卷评查：一案一号",
					Message: fmt.Sprintf("案号「%s」与第 %d 行重复", rec.caseNumber, first)})
			} else {
				seen[rec.caseNumber] = rec.line
			}
		}
		if d != nil {
			rep.Summary.Decided++
			if clean(fs) {
				cons.add(rec, d, x.eng.Catalog())
			}
		}
		rep.add(rec, d, fs)
		return nil
	})
	if err != nil {
		return nil, err
	}
	if progress != nil {
		progress(rep.Summary.Records)
	}
	later := cons.findings()
	if len(later) > 0 {
		// Attach the re-decisions to the consistency findings in one more
		// pass, rather than keeping every decision in memory.
		byLine := map[int][]*Finding{}
		for i := range later {
			byLine[later[i].Line] = append(byLine[later[i].Line], &later[i])
		}
		err := a.pass(ctx, src, func(rw *row) error {
			fs := byLine[rw.line]
			if len(fs) == 0 {
				return nil
			}
			rec, _, d, _, err := a.audit(ctx, rw, priors)
			if err != nil || d == nil {
				return err
			}
			for _, f := range fs {
				f.Imposed = &rec.imposed
				f.Decision, _ = d.JSON()
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
		for _, f := range later {
			rep.addLater(f)
		}
	}
	rep.finish(cons)
	return rep, nil
}

// audited is one record read and audited.
type audited struct {
	rw  *row
	rec *record
	eng *discretion.Engine
	d   *discretion.Decision
	fs  []Finding
	err error
}

// batchSize is the number of records a worker audits at a time.
const batchSize = 256

// auditAll audits every record of the source on as many goroutines as
// the machine runs, and hands the results to collect one by one in the
// order of the file, so that the report does not depend on the
// scheduling. At most a few batches per worker are in flight.
func (a *Auditor) auditAll(ctx context.Context, src Source, priors map[string][]prior, collect func(*audited) error) error {
	workers := runtime.GOMAXPROCS(0)
	one := func(rw *row) *audited {
		x := &audited{rw: rw}
		x.rec, x.eng, x.d, x.fs, x.err = a.audit(ctx, rw, priors)
		return x
	}
	if workers < 2 {
		return a.pass(ctx, src, func(rw *row) error {
			x := one(rw)
			if x.err != nil {
				return x.err
			}
			return collect(x)
		})
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	type batch struct {
		items []*audited
		done  chan struct{}
	}
	queue := make(chan *batch, 2*workers)   // to the workers
	ordered := make(chan *batch, 4*workers) // to the collector, in file order
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for b := range queue {
				for _, x := range b.items {
					x.rec, x.eng, x.d, x.fs, x.err = a.audit(ctx, x.rw, priors)
				}
				close(b.done)
			}
		}()
	}
	readErr := make(chan error, 1)
	go func() {
		cur := &batch{done: make(chan struct{})}
		// A batch goes to the workers before the collector waits for it,
		// so that every batch the collector sees is finished some day.
		send := func() error {
			select {
			case queue <- cur:
			case <-ctx.Done():
				return ctx.Err()
			}
			select {
			case ordered <- cur:
			case <-ctx.Done():
				return ctx.Err()
			}
			cur = &batch{done: make(chan struct{})}
			return nil
		}
		err := a.pass(ctx, src, func(rw *row) error {
			cur.items = append(cur.items, &audited{rw: rw})
			if len(cur.items) == batchSize {
				return send()
			}
			return nil
		})
		if err == nil && len(cur.items) > 0 {
			err = send()
		}
		close(queue)
		close(ordered)
		readErr <- err
	}()
	var failed error
	for b := range ordered {
		<-b.done
		for _, x := range b.items {
			if failed != nil {
				break
			}
			if failed = x.err; failed == nil {
				failed = collect(x)
			}
			if failed != nil {
				cancel()
			}
		}
	}
	wg.Wait()
	if err := <-readErr; failed == nil {
		return err
	}
	return failed
}

// clean reports whether the findings leave the record's outcome and fine
// as the standard has them, so that it may be compared with other cases.
func clean(fs []Finding) bool {
	for _, f := range fs {
		switch f.Kind {
		case HearingNotOffered, LegalReviewMissing, DuplicateCaseNumber:
		default:
			return false
		}
	}
	return true
}

// audit reads, decides and classifies one record. d is nil for a record
// that could not be decided; the error is for the run as a whole (the
// context ending).
func (a *Auditor) audit(ctx context.Context, rw *row, priors map[string][]prior) (*record, *discretion.Engine, *discretion.Decision, []Finding, error) {
	rec := a.b.build(rw)
	if len(rec.problems) > 0 {
		return rec, nil, nil, []Finding{{Kind: MalformedRecord, Rule: "数据格式", Problems: rec.problems, Message: problemText(rec.problems)}}, nil
	}
	eng := a.engineFor(string(rec.c.DecisionDate))
	if eng == nil {
		return rec, nil, nil, []Finding{{Kind: Undecidable, Rule: lawArt34,
			Message: fmt.Sprintf("处罚决定日期 %s 不在所给任何裁量基准的施行期内", rec.c.DecisionDate)}}, nil
	}
	cat := eng.Catalog()
	a.b.facts(rec, rw, cat)
	if len(rec.problems) > 0 {
		return rec, eng, nil, []Finding{{Kind: MalformedRecord, Rule: "数据格式", Problems: rec.problems, Message: problemText(rec.problems)}}, nil
	}
	if priors != nil {
		rec.c.History = history(rec, priors)
	}
	d, err := eng.Decide(ctx, &rec.c)
	if err != nil {
		var ce *discretion.CaseError
		var ge *discretion.GapError
		var ae *discretion.AmbiguousGradeError
		switch {
		case errors.As(err, &ce):
			ps := a.translate(ce, cat, rec.c.Item)
			return rec, eng, nil, []Finding{{Kind: Undecidable, Rule: "《中华人民共和国行政处罚法》第四十条", Problems: ps, Message: problemText(ps)}}, nil
		case errors.As(err, &ge):
			return rec, eng, nil, []Finding{{Kind: Undecidable, Rule: lawArt34,
				Message: "裁量基准没有覆盖本案情形，无法复核：" + err.Error()}}, nil
		case errors.As(err, &ae):
			return rec, eng, nil, []Finding{{Kind: Undecidable, Rule: lawArt34,
				Message: "裁量基准声明各阶次互不重叠，但本案同时符合两个阶次，无法复核：" + err.Error()}}, nil
		}
		return nil, nil, nil, nil, err
	}
	fs := classify(rec, d, cat)
	if len(fs) > 0 {
		js, err := d.JSON()
		if err != nil {
			return nil, nil, nil, nil, err
		}
		for i := range fs {
			fs[i].Decision = js
		}
	}
	return rec, eng, d, fs, nil
}

// translate turns the engine's case problems into the export's terms:
// the column of each field, and a missing fact named by its label.
func (a *Auditor) translate(ce *discretion.CaseError, cat *catalog.Catalog, code string) []Problem {
	var facts catalog.Facts
	if it := cat.Item(code); it != nil {
		facts = cat.AllFacts(it)
	}
	out := make([]Problem, 0, len(ce.Problems))
	for _, p := range ce.Problems {
		key := p.Field
		switch {
		case strings.HasPrefix(key, "party."):
			key = strings.TrimPrefix(key, "party.")
			if key == "type" {
				key = "party_type"
			}
		case strings.HasPrefix(key, "history"):
			key = "party_id"
		case strings.HasPrefix(key, "items"):
			key = "item"
		}
		msg := p.Message
		// The English rendering says "missing" of a fact not stated; the
		// message itself is Chinese.
		if name, ok := strings.CutPrefix(p.Field, "facts."); ok && strings.HasPrefix(p.Localize("en").Message, "missing") {
			label := name
			if f := facts.Lookup(name); f != nil {
				label = f.Label
			}
			msg = "缺少事实“" + label + "”，无法确定裁量档次"
		} else {
			msg = "案件数据不符合要求：" + msg
		}
		out = append(out, Problem{Field: key, Column: a.b.column(key), Message: msg})
	}
	return out
}

func problemText(ps []Problem) string {
	parts := make([]string, len(ps))
	for i, p := range ps {
		switch {
		case p.Column != "":
			parts[i] = "「" + p.Column + "」" + p.Message
		case p.Field != "":
			parts[i] = p.Field + "：" + p.Message
		default:
			parts[i] = p.Message
		}
	}
	return strings.Join(parts, "；")
}
