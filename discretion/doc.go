// Package discretion is the decision engine: it compiles a loaded catalog
// into an immutable [Engine] and decides cases against it.
//
// Compile type-checks every condition against the fact schema, so that an
// unknown fact or a type error is a load error at its YAML position, never a
// surprise while deciding. The Engine is then safe for concurrent use.
//
// Decide runs the pipeline of the 2021 Administrative Penalty Law
// (《中华人民共和国行政处罚法》) in a fixed order, recording every rule it
// tested — including those that did not apply — in the decision's trace,
// with the rule, its citation, its expression, the facts it read and its
// result:
//
//  1. validate the case against the item's fact schema (all problems at once),
//     and the decision date against the standard's term (flagged outside it);
//  2. choose the version in force at the act, or at the decision if that one
//     is lighter — by the statutory ranges first (art. 37, 从旧兼从轻); an act
//     before the catalog took effect follows its transition rule;
//  3. limitation: not discovered within 2 years (5 where the item says so),
//     from the end of a continuing act, not at all while it continues
//     (art. 36);
//  4. under 14 at the act (art. 30) or unable to recognise or control the
//     act (art. 31): no penalty;
//  5. preconditions of conditional fines (逾期不改正, 拒不改正): not met
//     means no fine yet, which is not an art. 33 exemption and cites none;
//  6. light violation corrected in time without harm (art. 33 ¶1, mandatory)
//     and proven absence of fault (art. 33 ¶2): no penalty;
//  7. first offense (art. 33 ¶1 second sentence, discretionary) with the
//     benchmark's look-back window over the party's history, and 告知承诺;
//  8. the statutory range for the party and the base (illegal gains,
//     construction cost …), with the clause's fallbacks;
//  9. the first grade whose condition holds;
//  10. mandatory and benchmark factors: minors 14–17 (art. 30), art. 32
//     grounds, aggravating circumstances; the tier scheme splits the grade,
//     and a mandatory 从轻 ground always lowers it (or becomes 减轻);
//  11. clamp to the statute (below the minimum only for 减轻, never to zero)
//     and round;
//  12. procedure: simple procedure (art. 51), on-the-spot collection
//     (art. 68), hearing (art. 63), legal review (art. 58), collective
//     discussion (art. 57); and 公益抵罚 eligibility.
//
// One act under several provisions (art. 29) is decided against each and
// the higher fine applies; equal fines are settled by deference, rank and
// special provision, never by the order the case lists them. Equal input
// gives byte-identical output.
//
// The trace is recorded compactly and rendered on demand: a step holds the
// index of what it is about in the compiled tables (rule ids, citations,
// conditions, notes) and the few values the case gives it, in one
// pointer-free slice per decision; [Decision.Steps], [Decision.Text] and
// [Decision.JSON] render the words. Decide therefore formats nothing,
// parses the case without reflection, evaluates conditions as Go closures
// and makes two allocations for a decision: the decision, and its trace.
// The fine arithmetic that depends only on the party type, the grade and
// the outcome is worked out the first time a case needs it and kept with
// the compiled rules. docs/performance.md has the measurements.
//
// A Go caller builds a [Case] directly: its dates are of type [Date]
// (DateOf(2026, time.March, 2), or from a catalog.Date or a time.Time), the
// same "YYYY-MM-DD" text in JSON. A case that cannot be decided as stated
// is [ErrInvalidCase] for errors.Is and a [*CaseError] listing every
// problem for errors.As; a nil context is [ErrNilContext]. A decision's
// [Fine] prints as a decision states it ("3001至10000元"), and
// [Decision.FineRange] reads it without a nil check.
package discretion
