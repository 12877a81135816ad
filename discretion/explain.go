package discretion

import (
	"fmt"
	"strings"

	"github.com/jizhun/jizhun/penalty"
)

// TraceText renders the decision for the engineer who checks it: the
// outcome, the legal basis, the grade and the fine, the procedure, then
// every step of the trace in order, with the conditions as written in the
// catalog and the values the case gave them (`jizhun decide --format
// trace`). What a decision document quotes is [Decision.Text].
func (d *Decision) TraceText() string {
	var b strings.Builder
	fmt.Fprintf(&b, "事项：%s %s（版本 %s）\n", d.Item, d.ItemName, d.Version)
	fmt.Fprintf(&b, "处理结果：%s", d.Outcome.Label())
	if d.Outcome == NoPenalty && d.Reason != "" {
		fmt.Fprintf(&b, "（%s）", d.Reason.Label())
	}
	if d.Discretionary {
		b.WriteString("〔裁量性规定：执法人员可以依法说明理由后作出不同决定〕")
	}
	b.WriteString("\n")
	for _, basis := range d.Basis {
		b.WriteString(basis + "\n")
	}
	if d.Grade != "" {
		fmt.Fprintf(&b, "裁量阶次：%s（%s）\n", d.GradeLabel, d.Grade)
	}
	if d.Statutory != nil {
		fmt.Fprintf(&b, "法定罚款幅度：%s元\n", rangeText(d.Statutory.Range()))
	}
	if d.Fine != nil {
		fmt.Fprintf(&b, "裁量罚款幅度：%s元\n", rangeText(d.Fine.Range()))
	}
	if len(d.Sanctions) > 0 {
		labels := make([]string, len(d.Sanctions))
		for i, s := range d.Sanctions {
			labels[i] = penalty.SanctionType(s).Label()
		}
		fmt.Fprintf(&b, "处罚种类：%s\n", strings.Join(labels, "、"))
	}
	if len(d.Orders) > 0 {
		fmt.Fprintf(&b, "责令事项：%s\n", strings.Join(d.Orders, "；"))
	}
	if d.Commitment != nil {
		fmt.Fprintf(&b, "告知承诺：%s，改正期限至%s；%s\n", d.Commitment.Label, d.Commitment.Deadline, d.Commitment.Consequence)
	}
	if d.Offset != nil {
		fmt.Fprintf(&b, "公益抵罚：当事人可以申请以公益服务折抵罚款，每%s折抵%s元（%s）\n", perLabel(d.Offset.Per), d.Offset.Rate, d.Offset.Citation)
	}
	if d.Outcome.Imposes() {
		p := d.Procedure
		fmt.Fprintf(&b, "程序：%s；当场收缴：%s；听证告知：%s；法制审核：%s；集体讨论：%s\n",
			map[bool]string{true: "可以适用简易程序当场作出决定", false: "适用普通程序"}[p.Simple],
			yesNo(p.OnTheSpot), yesNo(p.Hearing), yesNo(p.LegalReview), yesNo(p.CollectiveDiscussion))
	}
	if pf := d.PersonsFine; pf != nil {
		fmt.Fprintf(&b, "对%s罚款：每人%s元（法定幅度%s元，%s）\n", pf.Label, rangeText(penalty.Closed(pf.Min, pf.Max)), rangeText(pf.Statutory.Range()), pf.Citation)
		fmt.Fprintf(&b, "其程序（按公民）：%s；当场收缴：%s；听证告知：%s\n",
			map[bool]string{true: "可以适用简易程序当场作出决定", false: "适用普通程序"}[pf.Procedure.Simple],
			yesNo(pf.Procedure.OnTheSpot), yesNo(pf.Procedure.Hearing))
	}
	for _, f := range d.Flags {
		fmt.Fprintf(&b, "提请审查：%s\n", flagLabel(f))
	}
	b.WriteString("裁量过程：\n")
	for i, s := range d.Steps() {
		mark := "否"
		if s.Result {
			mark = "是"
		}
		fmt.Fprintf(&b, "%2d. [%s] %s", i+1, stepLabel(s.Step), s.Note)
		if s.Expr != "" {
			fmt.Fprintf(&b, "（条件 %s → %s", strings.TrimSpace(s.Expr), mark)
			if len(s.Facts) > 0 {
				parts := make([]string, len(s.Facts))
				for j, f := range s.Facts {
					parts[j] = f.Name + "=" + f.Value.String()
				}
				fmt.Fprintf(&b, "；事实 %s", strings.Join(parts, ", "))
			}
			b.WriteString("）")
		}
		if s.Citation != "" {
			fmt.Fprintf(&b, "〔%s〕", s.Citation)
		}
		b.WriteString("\n")
	}
	fmt.Fprintf(&b, "裁量基准：%s %s %s\n", d.Catalog.ID, d.Catalog.Version, d.Catalog.Digest)
	return b.String()
}

func yesNo(b bool) string {
	if b {
		return "是"
	}
	return "否"
}

func stepLabel(step string) string {
	switch step {
	case "version":
		return "法律适用"
	case "limitation":
		return "追责时效"
	case "age":
		return "年龄"
	case "capacity":
		return "责任能力"
	case "light_violation":
		return "轻微不罚"
	case "no_fault":
		return "无过错"
	case "precondition":
		return "前提条件"
	case "first_offense":
		return "首违不罚"
	case "commitment":
		return "告知承诺"
	case "statutory":
		return "法定幅度"
	case "grade":
		return "裁量阶次"
	case "factor":
		return "裁量情节"
	case "adjust":
		return "情节适用"
	case "clamp":
		return "幅度确定"
	case "procedure":
		return "程序"
	case "offset":
		return "公益抵罚"
	case "persons":
		return "双罚"
	case "art29":
		return "法条竞合"
	case "term":
		return "基准期限"
	case "transition":
		return "基准施行前行为"
	case "decision":
		return "结论"
	}
	return step
}

func flagLabel(f string) string {
	switch f {
	case FlagArt29Crossing:
		return "多个条款罚款幅度交叉，需人工判断罚款数额高的规定"
	case FlagLexMitiorCrossing:
		return "新旧版本罚款幅度交叉，需人工判断孰轻"
	case FlagTopFine:
		return "罚款幅度达法定最高额而无从重情节"
	case FlagFirstOffenseEligible:
		return "符合首违不罚条件，但本事项未列入适用的首违不罚清单，或者本案不属于清单所列情形"
	case FlagCommitmentAvailable:
		return "可适用告知承诺制"
	case FlagMitigatedNoMinimum:
		return "法定罚款无下限，减轻处罚不予罚款"
	case FlagConfiscationValueUnknown:
		return "案件未载明没收的违法所得数额或者非法财物价值，需人工判断是否应当告知听证权利"
	case FlagMitigatedAtMinimum:
		return "法定最低罚款以下已无大于零的罚款数额，减轻处罚按法定最低罚款确定"
	case FlagArt29Undecided:
		return "多个条款罚款数额、效力层级相同且无特别规定，需人工判断适用的条款"
	case FlagOutsideStandardTerm:
		return "作出决定时本裁量基准不在施行期限内"
	case FlagActBeforeStandard:
		return "违法行为发生于本裁量基准施行前，本基准未规定如何处理"
	case FlagEffectClamped:
		return "裁量情节规定的调整超出法定罚款幅度，按法定幅度的界限确定"
	case FlagLightViolationUnlisted:
		return "符合轻微违法不予处罚条件，但适用的清单未列入本事项，或者本案不属于清单所列情形，需人工判断是否属于违法行为轻微并及时改正、没有造成危害后果"
	}
	return f
}
