// Package standards is the published standard (行政处罚裁量基准), built on
// the engine: the tables and lists a bureau publishes, the consistency
// checks it runs before publishing, and the diff of two versions. It sits
// above package discretion, which holds everything a decision needs; a
// program that only decides cases need not link this package.
//
// # Rendering
//
// Conditions are rendered into plain Chinese from the executable expressions
// themselves, using the facts' labels and units, so that what a bureau
// publishes is what its software computes. [RenderCondition] turns a
// compiled condition into text such as 占用面积不足10平方米且占用时间不超过3日;
// [RenderRule] and [RenderGradeFine] write statutory amount rules and grade
// ranges the way the law phrases them (处5000元以上2万元以下罚款,
// 处违法所得1倍以上5倍以下罚款, 处建设工程造价百分之五以上百分之十以下罚款).
//
// The words for bounds follow 《民法典》第一千二百五十九条: 以上 and 以下 / 不超过 include
// the number itself, 超过 and 不足 do not. A grade range with an exclusive
// bound is written with those words (处超过2000元不超过8000元罚款), not moved
// onto the yuan grid, so that the same wording serves multiples and
// percentages, where there is no grid; every table carries a note saying so.
//
// # Tables
//
// [Build] turns a catalog into one [Table] model: a header naming the
// catalog, its issuer, 文号, dates and content digest, and one [Section] per
// published list — the 裁量基准表 with one block of merged rows per item, the
// 首违不罚清单, the 轻微违法行为不予处罚清单, and the 从重、从轻、减轻处罚情形.
// Writers render the model as Markdown ([WriteMarkdown]), one self-contained
// printable HTML page ([WriteHTML]) and UTF-8 CSV with a byte-order mark
// ([WriteCSV]); the XLSX writer lives in the subpackage standards/xlsx so that
// programs that only decide cases never link a spreadsheet library. Output
// is deterministic: equal catalogs give byte-identical tables.
//
// [Diff] lists what changed between two versions of a catalog — items,
// grades, ranges and conditions, each in its rendered Chinese form — which
// is what a legal office reviews before publishing a revision.
//
// # Checks
//
// [Check] verifies that a standard is consistent before it is published
// (类案同罚): gaps and overlaps between grades, grade ranges outside the
// statute, tier order and order along the facts declared aggravating,
// unreachable grades and factors, 减轻 without a legal ground, first-offense
// and light-violation rules on clauses that do not allow them or without
// the elements of art. 33 (a first offense admitting harm above 危害后果轻微),
// discretionary rules marked mandatory or the reverse, 应当从轻 grounds
// (art. 30 minors, art. 32) that leave the fine unchanged, and divisions by
// a fact that may be 0. Conditions that
// compare facts with constants are decided by interval reasoning; the rest
// by generated cases; the report says which. Every finding carries the
// positions of the rules involved and, where one exists, a witness: a
// [discretion.Case] that [Check] has decided with the engine, attached only
// when the decision shows the defect. [Options] holds the optional local policies, such as
// restricting 首违不罚 to clauses whose fine is discretionary
// (FirstOffenseDiscretionaryOnly), and the value of a harm scale that means
// 危害后果轻微 where its name and label do not say so (SlightHarm).
//
// Hand wording (a grade's description, an exemption's label) may replace the
// rendered text in a table. [Check] reads a grade's wording (and a light
// violation's label) back into a condition and compares it case by case
// with what the engine selects, under the benchmark's selection rule
// (first match: a row the table marks 不符合前列情形的 takes what earlier
// rows leave); [WordingDiagnostics] flags hand wording whose numbers do not
// occur in the rule it describes. A table states on each row the condition
// that selects it: （不符合前列情形的） where earlier rows take some of its
// cases, 其他情形 for a catch-all after other rows.
package standards
