package standards

import (
	"encoding/json"
	"errors"
	"slices"
	"strings"

	"github.com/jizhun/jizhun/catalog"
	"github.com/jizhun/jizhun/discretion"
)

// A claim is what the engine must do with a finding's witness for the
// witness to show the finding: fail with a gap error, grade the case at a
// named grade, apply a factor, exempt the case. It returns nil when the
// decision shows it, else what the engine did instead.
type claim func(d *discretion.Decision, err error) error

// claimGap: no grade matches the witness (standards_gap).
func claimGap(d *discretion.Decision, err error) error {
	var gap *discretion.GapError
	if errors.As(err, &gap) {
		return nil
	}
	return messagesZh.Errorf("want a gap error, the engine %s", engineDid(d, err))
}

// claimAmbiguous: the engine refuses the witness as meeting two grades of
// an exclusive benchmark, the two named.
func claimAmbiguous(a, b string) claim {
	return func(d *discretion.Decision, err error) error {
		var amb *discretion.AmbiguousGradeError
		if errors.As(err, &amb) && (slices.Contains(amb.Grades[:], a) || slices.Contains(amb.Grades[:], b)) {
			return nil
		}
		return messagesZh.Errorf("want grades %s and %s refused as ambiguous, the engine %s", a, b, engineDid(d, err))
	}
}

// claimGrade: the engine grades the witness at one of the grades named.
func claimGrade(ids ...string) claim {
	return func(d *discretion.Decision, err error) error {
		if err == nil && slices.Contains(ids, d.Grade) {
			return nil
		}
		return messagesZh.Errorf("want grade %s, the engine %s", strings.Join(ids, "、"), engineDid(d, err))
	}
}

// claimBeforeGrading: the case ends before grading, with no penalty (an
// exemption, an unmet precondition, under 14).
func claimBeforeGrading(d *discretion.Decision, err error) error {
	if err == nil && d.Outcome == discretion.NoPenalty && d.Grade == "" {
		return nil
	}
	return messagesZh.Errorf("want no penalty before grading, the engine %s", engineDid(d, err))
}

// claimExempt: the case is exempted under art. 33 ¶1, as a light violation
// or as a first offense (name is light_violation or first_offense). An
// unlisted first offense is not exempted by the engine but flagged for the
// officer, who may exempt it: that shows the rule holds too.
func claimExempt(name string) claim {
	return func(d *discretion.Decision, err error) error {
		if err == nil && d.Outcome == discretion.NoPenalty && string(d.Reason) == name {
			return nil
		}
		if err == nil && name == string(discretion.ReasonFirstOffense) && slices.Contains(d.Flags, discretion.FlagFirstOffenseEligible) {
			return nil
		}
		return messagesZh.Errorf("want the exemption %s to apply, the engine %s", reasonWord(name), engineDid(d, err))
	}
}

// claimNotExempt: the case is not exempted for the reason named.
func claimNotExempt(name string) claim {
	return func(d *discretion.Decision, err error) error {
		if err != nil || d.Outcome != discretion.NoPenalty || string(d.Reason) != name {
			return nil
		}
		return messagesZh.Errorf("want no exemption %s, the engine %s", reasonWord(name), engineDid(d, err))
	}
}

// claimFactor: the factor applies to the graded case. The decision's trace
// says so: a factor step on rule factor:<id> whose result is true. The
// trace is read from the Decision JSON contract, which is stable.
func claimFactor(id string) claim {
	return func(d *discretion.Decision, err error) error {
		if err == nil {
			applied, jerr := appliedRules(d)
			if jerr != nil {
				return messagesZh.Errorf("the engine's trace could not be read (%v)", jerr)
			}
			if applied["factor:"+id] {
				return nil
			}
		}
		return messagesZh.Errorf("want factor %s to apply, the engine %s", id, engineDid(d, err))
	}
}

// appliedRules lists the rules of a decision's trace whose result is true.
func appliedRules(d *discretion.Decision) (map[string]bool, error) {
	data, err := d.JSON()
	if err != nil {
		return nil, err
	}
	var out struct {
		Trace []struct {
			Rule   string `json:"rule"`
			Result bool   `json:"result"`
		} `json:"trace"`
	}
	if err := json.Unmarshal(data, &out); err != nil {
		return nil, err
	}
	applied := map[string]bool{}
	for _, s := range out.Trace {
		if s.Result && s.Rule != "" {
			applied[s.Rule] = true
		}
	}
	return applied, nil
}

// engineDid says what the engine made of a case, for a claim's message.
func engineDid(d *discretion.Decision, err error) *catalog.Phrase {
	switch {
	case err != nil:
		return messagesZh.P("failed: %s", decideFailure{err})
	case d.Grade != "":
		return messagesZh.P("decided %s at grade %s", outcomeWord(d.Outcome), d.Grade)
	case d.Reason != "":
		return messagesZh.P("decided %s (%s)", outcomeWord(d.Outcome), reasonWord(d.Reason))
	}
	return messagesZh.P("decided %s", outcomeWord(d.Outcome))
}

// decideFailure is an error of Decide as a phrase's argument, rendered in
// the phrase's language.
type decideFailure struct{ err error }

func (f decideFailure) Render(lang string) string {
	return discretion.LocalizeError(f.err, lang).Error()
}

// outcomeWord is an outcome as a phrase's argument: its code in English,
// its label (不予处罚, 从轻处罚 …) in Chinese.
type outcomeWord discretion.Outcome

func (o outcomeWord) Render(lang string) string {
	if catalog.IsEnglish(lang) {
		return string(o)
	}
	return discretion.Outcome(o).Label()
}

// reasonWord is a reason for no penalty as a phrase's argument, as
// outcomeWord is for an outcome.
type reasonWord discretion.Reason

func (r reasonWord) Render(lang string) string {
	if catalog.IsEnglish(lang) {
		return string(r)
	}
	return discretion.Reason(r).Label()
}

// unconfirmed is a witness the engine did not decide as its finding says.
type unconfirmed struct {
	finding Finding
	why     error
}

// confirm decides every witness with the engine and keeps it only where
// the decision shows what the finding says: a witness is a case a person
// can run to see the defect, and one the engine decides otherwise would
// mislead. The finding itself stands, established by the analysis its
// Method names; its hint says that the case found was not shown, since
// the analysis and the engine disagreeing is a fault of this package. A
// witness without a claim is not confirmed.
func (ck *checker) confirm() error {
	for i := range ck.report.Findings {
		f := &ck.report.Findings[i]
		if f.Witness == nil {
			continue
		}
		if err := ck.ctx.Err(); err != nil {
			return err
		}
		d, err := ck.eng.Decide(ck.ctx, f.Witness)
		if ctxErr := ck.ctx.Err(); ctxErr != nil {
			return ctxErr
		}
		why := messagesZh.Errorf("the finding states no claim for its witness")
		if f.claim != nil {
			why = f.claim(d, err)
		}
		if why != nil {
			ck.unconfirmed = append(ck.unconfirmed, unconfirmed{finding: *f, why: why})
			f.Witness, f.Contrast = nil, nil
			note := messagesZh.P("no witness case is shown: the engine did not confirm the case the analysis found (%s); please report this", why)
			if f.hint != nil {
				f.hint = messagesZh.P("%s; %s", f.hint, note)
			} else if f.Hint != "" {
				f.hint = messagesZh.P("%s; %s", f.Hint, note)
			} else {
				f.hint = note
			}
			f.Hint = f.hint.Render("zh")
		}
	}
	return nil
}
