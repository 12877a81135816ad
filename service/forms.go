package service

import (
	"path/filepath"

	"github.com/jizhun/jizhun/catalog"
	"github.com/jizhun/jizhun/catalog/condition"
	"github.com/jizhun/jizhun/discretion"
	"github.com/jizhun/jizhun/penalty"
	"github.com/jizhun/jizhun/standards"
)

// CatalogInfo is the header of a served catalog: who issued it, when it is
// in force, and the digest every decision against it names.
type CatalogInfo struct {
	ID        string `json:"id"`
	Title     string `json:"title"`
	Issuer    string `json:"issuer"`
	DocNumber string `json:"doc_number,omitempty"`
	Version   string `json:"version,omitempty"`
	Notice    string `json:"notice,omitempty"`
	Published string `json:"published,omitempty"`
	Effective string `json:"effective"`
	Expires   string `json:"expires,omitempty"`
	Schema    string `json:"schema,omitempty"`
	Digest    string `json:"digest"`
	Items     int    `json:"items"`
	File      string `json:"file"` // the name of the file it was loaded from, without its directory
	Loaded    string `json:"loaded"`
}

// ItemSummary is one line of an item list.
type ItemSummary struct {
	Code          string `json:"code"`
	Name          string `json:"name"`
	Domain        string `json:"domain,omitempty"`
	CompetentBody string `json:"competent_body,omitempty"`
	Verification  string `json:"verification,omitempty"`
}

// Choice is a value a form field may take, with its Chinese label.
type Choice struct {
	Value string `json:"value"`
	Label string `json:"label"`
}

// FactForm is one fact a case states for an item: what a case-entry form
// shows and checks.
type FactForm struct {
	Name     string   `json:"name"`
	Type     string   `json:"type"`
	Label    string   `json:"label"`
	Unit     string   `json:"unit,omitempty"`
	Min      string   `json:"min,omitempty"`
	Max      string   `json:"max,omitempty"`
	Required bool     `json:"required"`
	Values   []Choice `json:"values,omitempty"`
	// Undeterminable allows the value "undeterminable" (违法所得无法确定).
	Undeterminable bool   `json:"undeterminable,omitempty"`
	Default        any    `json:"default,omitempty"`
	Description    string `json:"description,omitempty"`
	// Scope is "catalog" for the facts every item shares, "item" for the
	// item's own.
	Scope string `json:"scope"`
}

// CitationForm is a provision of law with its quoted text.
type CitationForm struct {
	Ref  string `json:"ref"`
	Text string `json:"text,omitempty"`
}

// SanctionForm is one statutory penalty of a version.
type SanctionForm struct {
	Type         string `json:"type"`
	Label        string `json:"label"`
	Mandatory    bool   `json:"mandatory"`
	Amount       string `json:"amount,omitempty"`
	Precondition string `json:"precondition,omitempty"`
	Note         string `json:"note,omitempty"`
}

// GradeForm is one 裁量阶次 with its condition in Chinese.
type GradeForm struct {
	ID          string   `json:"id"`
	Label       string   `json:"label"`
	Tier        string   `json:"tier"`
	TierLabel   string   `json:"tier_label"`
	Condition   string   `json:"condition"`
	Description string   `json:"description,omitempty"`
	Fine        string   `json:"fine,omitempty"`
	Sanctions   []string `json:"sanctions,omitempty"`
}

// RuleForm is a no-penalty rule or a circumstance, its condition in Chinese.
type RuleForm struct {
	ID        string        `json:"id,omitempty"`
	Label     string        `json:"label,omitempty"`
	Effect    string        `json:"effect,omitempty"`
	Mandatory bool          `json:"mandatory,omitempty"`
	Listed    bool          `json:"listed,omitempty"`
	Window    string        `json:"window,omitempty"`
	Condition string        `json:"condition"`
	Citation  *CitationForm `json:"citation,omitempty"`
}

// VersionForm is the item's rules over one period (art. 37).
type VersionForm struct {
	ID             string         `json:"id"`
	EffectiveFrom  string         `json:"effective_from"`
	EffectiveTo    string         `json:"effective_to,omitempty"`
	Decriminalized bool           `json:"decriminalized,omitempty"`
	Violated       *CitationForm  `json:"violated,omitempty"`
	Penalty        *CitationForm  `json:"penalty,omitempty"`
	Sanctions      []SanctionForm `json:"sanctions"`
	Orders         []string       `json:"orders,omitempty"`
	Precondition   string         `json:"precondition,omitempty"`
	Grades         []GradeForm    `json:"grades"`
	LightViolation *RuleForm      `json:"light_violation,omitempty"`
	FirstOffense   *RuleForm      `json:"first_offense,omitempty"`
	Factors        []RuleForm     `json:"factors,omitempty"`
}

// ItemForm is everything a case-entry form for one item needs.
type ItemForm struct {
	ItemSummary
	Catalog          discretion.CatalogRef `json:"catalog"`
	VerificationNote string                `json:"verification_note,omitempty"`
	Remarks          string                `json:"remarks,omitempty"`
	Parties          []Choice              `json:"parties"`
	Facts            []FactForm            `json:"facts"`
	Concurrent       []string              `json:"concurrent,omitempty"`
	Versions         []VersionForm         `json:"versions"`
	// Factors are the catalog's circumstances that apply to every item.
	Factors []RuleForm `json:"factors,omitempty"`
}

func catalogInfo(e *discretion.Engine, s *Set) CatalogInfo {
	c := e.Catalog()
	info := CatalogInfo{ID: c.ID, Title: c.Title, Issuer: c.Issuer, DocNumber: c.DocNumber, Version: c.Version,
		Notice: c.Notice, Effective: c.Effective.String(), Schema: c.Schema, Digest: c.Digest, Items: len(c.Items),
		File: filepath.Base(c.File), Loaded: s.Loaded.Format("2006-01-02T15:04:05Z")}
	if c.Published != nil {
		info.Published = c.Published.String()
	}
	if c.Expires != nil {
		info.Expires = c.Expires.String()
	}
	return info
}

func itemSummary(it *catalog.Item) ItemSummary {
	return ItemSummary{Code: it.Code, Name: it.Name, Domain: it.Domain, CompetentBody: it.CompetentBody, Verification: it.Verification}
}

// itemForm describes one item. Conditions are compiled again against the
// item's scope, as the published tables do, and rendered into Chinese.
func itemForm(e *discretion.Engine, it *catalog.Item) ItemForm {
	cat := e.Catalog()
	scope := discretion.Scope(cat, it)
	text := func(c *catalog.Cond) string {
		if c == nil {
			return ""
		}
		x, diags := condition.Compile(c, scope)
		if len(diags) > 0 || x == nil {
			return ""
		}
		return standards.RenderCondition(x)
	}
	f := ItemForm{
		ItemSummary:      itemSummary(it),
		Catalog:          discretion.CatalogRef{ID: cat.ID, Version: cat.Version, Digest: cat.Digest},
		VerificationNote: it.VerificationNote,
		Remarks:          it.Remarks,
		Concurrent:       it.Concurrent,
		Parties:          []Choice{},
		Facts:            []FactForm{},
		Versions:         []VersionForm{},
	}
	parties := it.Parties
	if len(parties) == 0 {
		parties = []catalog.PartyType{catalog.Individual, catalog.Organization, catalog.IndividualBusiness}
	}
	for _, p := range parties {
		f.Parties = append(f.Parties, Choice{Value: string(p), Label: p.Label()})
	}
	own := map[*catalog.Fact]bool{}
	for _, fa := range it.Facts {
		own[fa] = true
	}
	for _, fa := range cat.AllFacts(it) {
		ff := FactForm{Name: fa.Name, Type: string(fa.Type), Label: fa.Label, Unit: fa.Unit, Required: fa.Required,
			Undeterminable: fa.Undeterminable, Description: fa.Description, Scope: "catalog"}
		if own[fa] {
			ff.Scope = "item"
		}
		if fa.Min != nil {
			ff.Min = fa.Min.String()
		}
		if fa.Max != nil {
			ff.Max = fa.Max.String()
		}
		for _, v := range fa.Values {
			ff.Values = append(ff.Values, Choice{Value: v.Name, Label: v.Label})
		}
		if fa.Default != nil {
			ff.Default = defaultValue(fa.Default.Value)
		}
		f.Facts = append(f.Facts, ff)
	}
	for _, v := range it.Versions {
		f.Versions = append(f.Versions, versionForm(cat, it, v, text))
	}
	for _, fc := range cat.Factors {
		f.Factors = append(f.Factors, factorForm(fc, text))
	}
	return f
}

// defaultValue is a fact's default as the case would state it in JSON.
func defaultValue(v catalog.Value) any {
	switch {
	case v.Type == catalog.FactBool:
		return v.Bool
	case v.Undeterminable:
		return "undeterminable"
	case v.Type.Numeric():
		return v.Num.String()
	}
	return v.String()
}

func citationForm(c *catalog.Citation) *CitationForm {
	if c == nil {
		return nil
	}
	return &CitationForm{Ref: c.String(), Text: c.Text}
}

func factorForm(fc *catalog.Factor, text func(*catalog.Cond) string) RuleForm {
	return RuleForm{ID: fc.ID, Label: fc.Label, Effect: fc.Effect.Label(), Mandatory: fc.Mandatory,
		Condition: text(fc.When), Citation: citationForm(fc.Citation)}
}

func versionForm(cat *catalog.Catalog, it *catalog.Item, v *catalog.Version, text func(*catalog.Cond) string) VersionForm {
	vf := VersionForm{ID: v.ID, EffectiveFrom: v.EffectiveFrom.String(), Decriminalized: v.Decriminalized,
		Orders: v.Orders, Sanctions: []SanctionForm{}, Grades: []GradeForm{}}
	if v.EffectiveTo != nil {
		vf.EffectiveTo = v.EffectiveTo.String()
	}
	basis := &it.Basis
	if v.Basis != nil {
		basis = v.Basis
	}
	vf.Violated, vf.Penalty = citationForm(basis.Violated), citationForm(basis.Penalty)
	if p := v.Precondition; p != nil {
		vf.Precondition = firstNonEmpty(p.Label, text(p.When))
	}
	for _, sn := range v.Sanctions {
		sf := SanctionForm{Type: string(sn.Type), Label: sn.Type.Label(), Mandatory: sn.Mandatory, Note: sn.Note}
		if sn.Amount != nil {
			sf.Amount = standards.RenderAmount(cat, it, sn.Amount, !sn.Mandatory)
		}
		if p := sn.Precondition; p != nil {
			sf.Precondition = firstNonEmpty(p.Label, text(p.When))
		}
		vf.Sanctions = append(vf.Sanctions, sf)
	}
	b := v.Benchmark
	if b == nil {
		return vf
	}
	for _, g := range b.Grades {
		tier := g.Tier
		if tier == 0 {
			tier = penalty.General
		}
		gf := GradeForm{ID: g.ID, Label: g.Label, Tier: tier.String(), TierLabel: tier.Label(), Condition: text(g.When),
			Description: g.Description, Fine: standards.RenderGradeFine(cat, it, v, g)}
		for _, s := range g.Sanctions {
			gf.Sanctions = append(gf.Sanctions, s.Label())
		}
		vf.Grades = append(vf.Grades, gf)
	}
	if e := b.LightViolation; e != nil {
		vf.LightViolation = &RuleForm{Label: e.Label, Condition: text(e.When), Citation: citationForm(e.Citation)}
	}
	if fo := b.FirstOffense; fo != nil {
		vf.FirstOffense = &RuleForm{Label: fo.Label, Listed: cat.FirstOffenseListed(it.Code, fo), Window: fo.Window.Label(), Condition: text(fo.When),
			Citation: citationForm(fo.Citation)}
	}
	for _, fc := range b.Factors {
		vf.Factors = append(vf.Factors, factorForm(fc, text))
	}
	return vf
}

func firstNonEmpty(s ...string) string {
	for _, x := range s {
		if x != "" {
			return x
		}
	}
	return ""
}
