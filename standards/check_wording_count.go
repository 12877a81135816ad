package standards

import (
	"strings"
	"unicode/utf8"

	"github.com/shopspring/decimal"

	"github.com/jizhun/jizhun/catalog"
	"github.com/jizhun/jizhun/catalog/condition"
)

// This file reads the phrases by which real standards grade the history of
// the party — 初次被查处的, 第二次被查处的, 三次以上被查处的, 一年内第二次以上,
// 曾因同一违法行为受过两次以上行政处罚 — against the counters the catalog
// declares (catalog.Count).
//
// A counter counts PRIOR cases only: its window ends the day before the
// act, so the case being decided is never one of them. A phrase that
// counts the case being decided among the times, an ordinal (初次, 首次,
// 第N次, 第N次以上, 再次) or a number of times without a word that puts
// them in the past (三次以上被查处的, 一年内违法两次以上), states the
// ordinal of this case: 第二次 is one prior, `counter == 1`; 三次以上 is two
// priors or more, `counter >= 2`. A number of times the party has already
// been dealt with (曾…受过两次以上处罚, 此前已被查处两次) states the
// priors themselves: `counter >= 2`. The counter's own label, as tables
// render it (两年内因同一违法行为受过行政处罚2次以上), is a number of
// priors too.

// wordingCounter is a declared counter the wording may count with.
type wordingCounter struct {
	v *condition.Var
	c *catalog.Count
}

// countPhrase is what a phrase about the history states.
type countPhrase struct {
	token   string // the words that state the number: 第二次, 三次以上, 初次
	ordinal bool   // the number counts this case too
	// explicitOrdinal: the words are an ordinal (第N次, 初次, 首次, 再次),
	// which no fact measured in 次 states.
	explicitOrdinal bool
	op              string
	n               int64
	window          *catalog.Window // 一年内, 两年内; nil where the phrase states none
	winText         string
	rest            string // the other words: 被查处, 因同一违法行为受过…处罚
}

// pastMarkers put the times a phrase counts before this case: 曾受过,
// 已被, 此前.
var pastMarkers = []string{"曾经", "曾", "受过", "受到过", "已经", "已", "此前", "之前", "先前", "以前"}

// historyWords are the words by which a phrase talks about the party's
// violations or the decisions on them; a count phrase without any of them
// (and without the counter's label) is not read as one.
var historyWords = []string{"查处", "处罚", "违法", "违反", "实施", "发现", "查获", "立案", "受到", "受过", "处理"}

// count reads a phrase about the history as a condition on a counter. ok
// is false where s is no such phrase; where the phrase could belong to
// several counters, ok is true, the node nil and s recorded as unread.
func (r *wordingReader) count(s string, out *wordingReading) (condition.Node, bool) {
	if len(r.counters) == 0 || r.isFactLabel(s) {
		// A fact's own label (再次违法 for a fact so labelled) is the fact:
		// the author declared it, and no counter is read in its place.
		return nil, false
	}
	s = strings.TrimPrefix(strings.TrimPrefix(s, "当事人"), "在")
	// The counter's label with a number of times, as a table renders it.
	for _, wc := range r.counters {
		for _, stem := range labelStems(wc.c.Label) {
			if rest, ok := strings.CutPrefix(s, stem); ok {
				if op, n, ok := timesBound(rest); ok {
					out.atoms = append(out.atoms, wordingBound{v: wc.v, op: op, val: decimal.NewFromInt(n)})
					return countCompare(wc.v, op, n), true
				}
			}
		}
	}
	ph, ok := parseCountPhrase(s)
	if !ok || !ph.explicitOrdinal && r.countFact(ph.rest) {
		// 违法3次以上 where the item declares a fact 违法次数: the fact's.
		return nil, false
	}
	wc, fits := r.pickCounter(ph)
	switch {
	case !fits:
		return nil, false
	case wc == nil:
		out.unread = append(out.unread, s)
		return nil, true
	}
	n, op := ph.n, ph.op
	if ph.ordinal {
		if n < 1 {
			return nil, false
		}
		n--
		out.counts = append(out.counts, messagesZh.P("%s counts this case among the times, so it reads as %s (the counter counts prior cases only)",
			ph.token, timesWords(wc.c.Label, op, n)))
	}
	if ph.window != nil && !sameWindow(*ph.window, wc.c.Window) {
		out.windows = append(out.windows, messagesZh.P("the wording counts %s, but %s counts %s", ph.winText, wc.c.Label, windowWords(wc.c.Window)))
	}
	out.atoms = append(out.atoms, wordingBound{v: wc.v, op: op, val: decimal.NewFromInt(n)})
	return countCompare(wc.v, op, n), true
}

// isFactLabel reports whether s is, word for word, the label of a declared
// fact, its negation or the label of one of its values.
func (r *wordingReader) isFactLabel(s string) bool {
	s = strings.TrimPrefix(s, "当事人")
	for _, v := range r.vars {
		if v.Fact == nil {
			continue
		}
		if s == v.Fact.Label || s == negateLabel(v.Fact.Label) {
			return true
		}
		for _, ev := range v.Fact.Values {
			if s == ev.Label {
				return true
			}
		}
	}
	return false
}

// labelStems are the ways a table starts a condition on a counter: its
// label, and the label without 的次数 / 次数 before a number.
func labelStems(label string) []string {
	out := []string{label}
	for _, suffix := range []string{"的次数", "次数"} {
		if stem, ok := strings.CutSuffix(label, suffix); ok && stem != "" {
			out = append(out, stem)
		}
	}
	return out
}

// timesBound reads "为2次", "2次以上", "不足3次", "超过1次" as a whole.
func timesBound(s string) (string, int64, bool) {
	s = strings.Trim(s, "的")
	op := ""
	for _, b := range boundBefore {
		if b.op != "" && strings.HasPrefix(s, b.word) {
			if _, _, ok := numberAt(s[len(b.word):]); ok {
				op, s = b.op, s[len(b.word):]
				break
			}
		}
	}
	val, n, ok := numberAt(s)
	if !ok || !val.IsInteger() || !strings.HasPrefix(s[n:], "次") {
		return "", 0, false
	}
	after, rest := timesSuffix(s[n+len("次"):])
	if strings.Trim(rest, "的") != "" {
		return "", 0, false
	}
	switch {
	case op == "" && after == "":
		op = "=="
	case after != "" && (op == "" || op == "=="):
		op = after
	case after != "" && op != after:
		return "", 0, false
	}
	return op, val.IntPart(), true
}

// timesSuffix reads 以上 / 以下 after a number of times.
func timesSuffix(s string) (op, rest string) {
	for _, a := range []struct{ word, op string }{
		{"（含）以上", ">="}, {"（含）以下", "<="}, {"及以上", ">="}, {"及以下", "<="}, {"以上", ">="}, {"以下", "<="},
	} {
		if r, ok := strings.CutPrefix(s, a.word); ok {
			return a.op, r
		}
	}
	return "", s
}

// parseCountPhrase finds, in a phrase about the history, the window
// (一年内), the number of times (初次, 第二次, 第三次以上, 三次以上, 再次)
// and the other words.
func parseCountPhrase(s string) (countPhrase, bool) {
	var ph countPhrase
	s = takeWindow(s, &ph)
	found := 0
	var before, after string
	for i := 0; i < len(s); {
		rest := s[i:]
		switch {
		case strings.HasPrefix(rest, "初次"), strings.HasPrefix(rest, "首次"):
			ph.token, ph.ordinal, ph.explicitOrdinal, ph.op, ph.n = rest[:len("初次")], true, true, "==", 1
			before, after = s[:i], rest[len("初次"):]
			found++
			i += len("初次")
			continue
		case strings.HasPrefix(rest, "再次"):
			ph.token, ph.ordinal, ph.explicitOrdinal, ph.op, ph.n = "再次", true, true, ">=", 2
			before, after = s[:i], rest[len("再次"):]
			found++
			i += len("再次")
			// 再次及多次: the second time or later, as 再次.
			for _, more := range []string{"及多次", "以及多次", "和多次"} {
				if a, ok := strings.CutPrefix(after, more); ok {
					ph.token, after = "再次"+more, a
					i += len(more)
					break
				}
			}
			continue
		}
		ordinal := strings.HasPrefix(rest, "第")
		num := rest
		if ordinal {
			num = rest[len("第"):]
		}
		if val, n, ok := numberAt(num); ok && val.IsInteger() && strings.HasPrefix(num[n:], "次") && !(i > 0 && strings.HasSuffix(s[:i], "第")) {
			op, tail := timesSuffix(num[n+len("次"):])
			// 超过2次, 不足3次, 不超过两次: the bound word before the number
			// states the comparison, as in timesBound.
			start := i
			if bop, word := boundWordBefore(s[:i]); !ordinal && bop != "" {
				switch {
				case op == "" || bop == op:
					op = bop
				case bop != "==":
					return ph, false // 超过2次以上: two bounds that disagree
				}
				start -= len(word)
			}
			if op == "" {
				op = "=="
			}
			end := len(s) - len(tail)
			ph.token, ph.ordinal, ph.explicitOrdinal, ph.op, ph.n = s[start:end], ordinal, ordinal, op, val.IntPart()
			before, after = s[:start], tail
			found++
			i = end
			continue
		}
		_, size := utf8.DecodeRuneInString(rest)
		i += size
	}
	if found == 0 {
		return pastOnly(s, ph)
	}
	if found != 1 {
		return ph, false
	}
	ph.rest = strings.Trim(before+after, "的内在，")
	if hasQuantity(ph.rest) || strings.ContainsAny(ph.rest, "次") {
		return ph, false
	}
	if !ph.ordinal && !hasPastMarker(ph.rest) {
		// 三次以上被查处的: the times include this one.
		ph.ordinal = true
	}
	return ph, true
}

// boundWordBefore finds the bound word (超过, 不足, 不超过 …) that ends s,
// the words before a number of times.
func boundWordBefore(s string) (op, word string) {
	for _, b := range boundBefore {
		if b.op != "" && strings.HasSuffix(s, b.word) {
			return b.op, b.word
		}
	}
	return "", ""
}

// pastOnly reads a phrase that puts an earlier decision before this case
// without a number: 曾因同一违法行为受过行政处罚 is one prior or more,
// 未曾受过行政处罚 none.
func pastOnly(s string, ph countPhrase) (countPhrase, bool) {
	rest := strings.Trim(s, "的内在，")
	if !hasPastMarker(rest) || !strings.Contains(rest, "处罚") && !strings.Contains(rest, "查处") {
		return ph, false
	}
	ph.token, ph.rest, ph.op, ph.n = rest, rest, ">=", 1
	for _, neg := range []string{"未曾", "从未", "未受过", "未受到过", "没有受过", "没有受到过", "未因", "没有因", "不曾"} {
		if strings.Contains(rest, neg) {
			ph.op, ph.n = "==", 0
		}
	}
	return ph, true
}

func hasPastMarker(s string) bool {
	for _, m := range pastMarkers {
		if strings.Contains(s, m) {
			return true
		}
	}
	return false
}

// takeWindow removes a look-back period (一年内, 两年以内, 12个月内, 180日内)
// from a phrase and records it.
func takeWindow(s string, ph *countPhrase) string {
	for i := 0; i < len(s); {
		val, n, ok := numberAt(s[i:])
		if ok && val.IsInteger() && val.Sign() > 0 {
			rest := s[i+n:]
			for _, u := range []struct {
				word string
				unit byte
			}{{"个月", 'm'}, {"月", 'm'}, {"年", 'y'}, {"日", 'd'}, {"天", 'd'}} {
				tail, ok := strings.CutPrefix(rest, u.word)
				if !ok {
					continue
				}
				for _, in := range []string{"以内", "之内", "内"} {
					if t, ok := strings.CutPrefix(tail, in); ok {
						w := catalog.Window{}
						switch u.unit {
						case 'y':
							w.Years = int(val.IntPart())
						case 'm':
							w.Months = int(val.IntPart())
						default:
							w.Days = int(val.IntPart())
						}
						ph.window, ph.winText = &w, s[i:len(s)-len(t)]
						return s[:i] + t
					}
				}
			}
		}
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
	}
	return s
}

// pickCounter chooses the counter a phrase counts with: the only one, or
// the one whose window and label fit the phrase best; nil where two fit
// equally. fits is false where the phrase talks about something else than
// the history (被投诉3次以上).
func (r *wordingReader) pickCounter(ph countPhrase) (wc *wordingCounter, fits bool) {
	if !mentionsHistory(ph.rest) && ph.rest != "" {
		best := 0
		for _, wc := range r.counters {
			best = max(best, commonRun(ph.rest, wc.c.Label))
		}
		if best < 2 {
			return nil, false
		}
	}
	if len(r.counters) == 1 {
		return &r.counters[0], true
	}
	var pick *wordingCounter
	bestScore, tie := -1, false
	for i := range r.counters {
		wc := &r.counters[i]
		score := 10 * commonRun(ph.rest, wc.c.Label)
		if ph.window != nil && sameWindow(*ph.window, wc.c.Window) {
			score += 1000
		}
		if ph.window == nil && wc.c.Window.None {
			score += 1000
		}
		switch {
		case score > bestScore:
			pick, bestScore, tie = wc, score, false
		case score == bestScore:
			tie = true
		}
	}
	if tie {
		return nil, true
	}
	return pick, true
}

// countFact reports whether a declared fact counted in 次, not a counter,
// is what words name (违法 for a fact 违法次数): a number of times of it is
// the fact's, read as any number.
func (r *wordingReader) countFact(words string) bool {
	for _, v := range r.vars {
		if v.Fact == nil || !v.Type.Numeric() {
			continue
		}
		if u, ok := factUnit(v); ok && u.dim == "次" && commonRun(words, v.Fact.Label) >= 2 {
			return true
		}
	}
	return false
}

func mentionsHistory(s string) bool {
	for _, w := range historyWords {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// sameWindow reports whether a window the wording states is the counter's:
// 一年内 is 1y or 12m.
func sameWindow(w, c catalog.Window) bool {
	if c.None {
		return false
	}
	months := func(x catalog.Window) int { return 12*x.Years + x.Months }
	if w.Days > 0 || c.Days > 0 {
		return w.Days == c.Days && months(w) == 0 && months(c) == 0
	}
	return months(w) == months(c)
}

// windowWords states a counter's window in Chinese.
func windowWords(w catalog.Window) string {
	if w.None {
		return "不限回溯期间"
	}
	return w.Label()
}

// timesWords states a condition on a counter in Chinese: 被查处次数为1次,
// 被查处次数1次以上.
func timesWords(label, op string, n int64) string {
	x := decimal.NewFromInt(n).String() + "次"
	switch op {
	case ">=":
		return label + x + "以上"
	case "<=":
		return label + "不超过" + x
	case ">":
		return label + "超过" + x
	case "<":
		return label + "不足" + x
	}
	return label + "为" + x
}

func countCompare(v *condition.Var, op string, n int64) condition.Node {
	return condition.Compare{Op: op, L: condition.Ident{Var: v}, R: numLitFor(v, decimal.NewFromInt(n))}
}
