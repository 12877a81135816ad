package standards

import "github.com/jizhun/jizhun/catalog/condition"

// RenderCondition renders a compiled condition as the plain Chinese a
// published table prints. The renderer belongs to the condition language
// ([condition.Render]), so that the reasons of a decision
// (discretion.Decision.Text) and the tables say a condition in the same words.
func RenderCondition(x *condition.Expr) string { return condition.Render(x) }

// RenderNode renders one node of a condition tree; see [condition.RenderNode].
func RenderNode(n condition.Node) string { return condition.RenderNode(n) }

// The renderer's helpers the tables and the wording checks use, by the
// names they have in this package.
var (
	negateLabel       = condition.NegateLabel
	renderConjunction = condition.RenderConjunction
	chineseDate       = condition.ChineseDate
	normalize         = condition.Normalize
	orient            = condition.Orient
	isIntFact         = condition.IsIntFact
)

const renderedAll = condition.RenderedAll
