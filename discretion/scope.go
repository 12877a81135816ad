package discretion

import (
	"github.com/jizhun/jizhun/catalog"
	"github.com/jizhun/jizhun/catalog/condition"
)

// Slots of the engine-provided variables. They occupy the first slots of
// every item's value slice, followed by the catalog's facts and then the
// item's own, so that a condition compiled against the catalog's scope
// reads the same slots in every item. Packages that compile conditions
// themselves (the consistency checks of standards, the generators of fuzz)
// use this layout through [BaseScope], [ProcedureScope] and [ItemScope],
// so that a value slice they build is one the engine would evaluate.
const (
	SlotPartyType = iota
	SlotAge
	SlotPriorSameItem
	SlotPriorSameItem1y
	SlotPriorSameItem2y
	SlotPriorAny1y
	SlotPriorPenalizedSameItem1y
	SlotCommitmentBreached
	SlotFineMax
	SlotOutcome
	SlotHearing
	// NumBuiltinSlots is the number of engine-provided slots; the catalog's
	// first fact has this slot.
	NumBuiltinSlots
)

// The engine-provided variables, with the labels and units tables print.
var (
	partyTypeFact = &catalog.Fact{Name: "party_type", Type: catalog.FactEnum, Label: "当事人类型",
		Values: catalog.EnumValues{{Name: "individual", Label: "个人"}, {Name: "organization", Label: "单位"}, {Name: "individual_business", Label: "个体工商户"}}}
	outcomeFact = &catalog.Fact{Name: "outcome", Type: catalog.FactEnum, Label: "处理结果",
		Values: catalog.EnumValues{{Name: "no_penalty", Label: "不予处罚"}, {Name: "mitigated", Label: "减轻处罚"},
			{Name: "lighter", Label: "从轻处罚"}, {Name: "general", Label: "一般处罚"}, {Name: "heavier", Label: "从重处罚"}}}
	builtinFacts = []struct {
		slot int
		fact *catalog.Fact
	}{
		{SlotPartyType, partyTypeFact},
		{SlotAge, &catalog.Fact{Name: "age", Type: catalog.FactInt, Label: "年龄", Unit: "周岁"}},
		{SlotPriorSameItem, &catalog.Fact{Name: "prior_same_item", Type: catalog.FactInt, Label: "同一事项既往违法次数", Unit: "次"}},
		{SlotPriorSameItem1y, &catalog.Fact{Name: "prior_same_item_1y", Type: catalog.FactInt, Label: "一年内同一事项违法次数", Unit: "次"}},
		{SlotPriorSameItem2y, &catalog.Fact{Name: "prior_same_item_2y", Type: catalog.FactInt, Label: "两年内同一事项违法次数", Unit: "次"}},
		{SlotPriorAny1y, &catalog.Fact{Name: "prior_any_1y", Type: catalog.FactInt, Label: "一年内违法次数", Unit: "次"}},
		{SlotPriorPenalizedSameItem1y, &catalog.Fact{Name: "prior_penalized_same_item_1y", Type: catalog.FactInt, Label: "一年内因同一违法行为受过行政处罚次数", Unit: "次"}},
		{SlotCommitmentBreached, &catalog.Fact{Name: "commitment_breached", Type: catalog.FactBool, Label: "违反告知承诺"}},
	}
	procedureFacts = []struct {
		slot int
		fact *catalog.Fact
	}{
		{SlotFineMax, &catalog.Fact{Name: "fine_max", Type: catalog.FactMoney, Label: "罚款上限", Unit: "元"}},
		{SlotOutcome, outcomeFact},
		{SlotHearing, &catalog.Fact{Name: "hearing", Type: catalog.FactBool, Label: "听证"}},
	}
)

const procedureOnly = "is available only in procedure conditions (legal_review, collective_discussion)"

// BaseScope returns the variables every condition of the catalog may read:
// the engine-provided ones and the catalog's facts. Procedure-only names are
// marked unavailable so that a misuse gets a clear message.
func BaseScope(cat *catalog.Catalog) *condition.Scope {
	s := condition.NewScope()
	for _, b := range builtinFacts {
		s.Add(b.fact.Name, b.slot, b.fact.Type, b.fact)
	}
	s.Unavailable = map[string]string{}
	for _, p := range procedureFacts {
		s.Unavailable[p.fact.Name] = procedureOnly
	}
	for i, f := range cat.Facts {
		s.Add(f.Name, NumBuiltinSlots+i, f.Type, f)
	}
	addCounters(s, CounterBase(cat), cat.Counts)
	return s
}

// ProcedureScope returns the scope of the catalog's procedure conditions
// (legal_review, collective_discussion): the base scope plus fine_max,
// outcome and hearing.
func ProcedureScope(cat *catalog.Catalog) *condition.Scope {
	s := BaseScope(cat)
	s.Unavailable = nil
	for _, p := range procedureFacts {
		s.Add(p.fact.Name, p.slot, p.fact.Type, p.fact)
	}
	return s
}

// Scope returns the variables the conditions of one item may read: the base
// scope and the item's own facts, which follow the catalog's in slot order.
func Scope(cat *catalog.Catalog, it *catalog.Item) *condition.Scope {
	return ItemScope(BaseScope(cat), cat, it)
}

// ItemScope extends a base scope made by [BaseScope] with an item's facts,
// for callers that build many item scopes from one base.
func ItemScope(base *condition.Scope, cat *catalog.Catalog, it *catalog.Item) *condition.Scope {
	s := base.Clone()
	for i, f := range it.Facts {
		s.Add(f.Name, NumBuiltinSlots+len(cat.Facts)+i, f.Type, f)
	}
	addCounters(s, CounterBase(cat)+len(cat.Counts), it.Counts)
	return s
}
