package discretion

import "github.com/jizhun/jizhun/catalog"

// messagesZh translates the English formats of case problems into
// Chinese, by catalog's mechanism (catalog.Messages): a problem keeps its
// format and arguments and is rendered in Chinese by default, in English
// on request (CaseError.Localize). TestCaseMessagesTranslated keeps every
// format this package reports in the table. Field names, enum values and
// JSON keys (act_date, individual, decision_date) stay as they are: they
// are what the reader must write in the case.
var messagesZh = catalog.Messages{
	"invalid case:":     "案件有误：",
	"its decision date": "处理决定日期（decision_date）",
	"its outcome (no_penalty, order_only, no_fine_possible, mitigated, lighter, general or heavier)": "处理结果（outcome：no_penalty、order_only、no_fine_possible、mitigated、lighter、general 或 heavier）",

	"%q is not an outcome: %s reads %s (%s), which counts the prior decisions that imposed a penalty; give %s": "%q 不是处理结果：%s读取%s（%s），该计数只计给予行政处罚的在先决定；请写明%s",
	"missing: %s reads %s (%s), which counts prior violations of item %s: give the prior violation %s":         "缺少：%s读取%s（%s），该计数统计事项 %s 的在先违法行为；请写明在先违法行为的%s",

	// A rule's condition, as a case problem names it.
	"the condition of rule %s":                     "规则 %s 的条件",
	"the condition of the situation %s states, %q": "%s所列情形“%s”的条件",

	"item %s: the grade's fine range %s has no maximum, so factor %s cannot take its %s": "事项 %s：阶次罚款幅度%s没有上限，情节 %s 不能按其 %s（最高限或者中间值）处罚",

	"no case given": "没有提供案件",

	// Reading the case JSON.
	"cannot read the case: %v":              "无法读取案件：%v",
	"the case JSON is larger than %d bytes": "案件 JSON 超过%d字节的上限",
	"unexpected data after the case object at line %d, column %d (byte %d): a case file holds one JSON object": "案件对象之后还有多余内容（第%d行第%d列，第%d字节）：一个案件文件只能有一个 JSON 对象",
	"given twice; state each field once":                               "重复给出；每个字段只能写一次",
	"malformed JSON at line %d, column %d (byte %d): %s":               "案件 JSON 格式错误，位于第%d行第%d列（第%d字节）：%s",
	"the case JSON is empty: give one JSON object, {…}":                "案件 JSON 是空的：请提供一个 JSON 对象 {…}",
	"want %s, got JSON %s":                                             "应为%s，实际是 JSON %s",
	"unknown field %s (see the Case JSON contract in docs/catalog.md)": "不认识的字段 %s（案件 JSON 的字段见 docs/catalog.md）",
	"the case JSON is incomplete: it ends after line %d, column %d inside the string that opens at line %d, column %d; close it with \"": "案件 JSON 不完整：在第%d行第%d列之后就结束了，第%d行第%d列开始的字符串没有结束，请补上右引号 \"",
	"the case JSON is incomplete: it ends after line %d, column %d, and the %s that opens at line %d, column %d is not closed with %s":   "案件 JSON 不完整：在第%d行第%d列之后就结束了，第%[4]d行第%[5]d列的“%[3]s”没有对应的“%[6]s”",
	"the case JSON is incomplete: it ends after line %d, column %d in the middle of a value":                                             "案件 JSON 不完整：在第%d行第%d列之后就结束了，最后一个值没有写完",
	"the full-width character %q where JSON wants %q":                                                                                    "这里是全角字符 %q，JSON 要求半角的 %q",
	"invalid character %s looking for beginning of value":                                                                                "此处应为一个值（对象、数组、带双引号的字符串、数字、true、false 或 null），却是字符 %s",
	"invalid character %s looking for beginning of object key string":                                                                    "此处应为带双引号的字段名，却是字符 %s（最后一个字段后不能有逗号）",
	"invalid character %s after object key":                                                                                              "字段名后面应为冒号“:”，却是字符 %s",
	"invalid character %s after object key:value pair":                                                                                   "字段的值后面应为逗号“,”或“}”，却是字符 %s",
	"invalid character %s after array element":                                                                                           "数组元素后面应为逗号“,”或“]”，却是字符 %s",
	"invalid character %s after top-level value":                                                                                         "案件对象之后不应再有字符 %s",
	"invalid character %s in string literal":                                                                                             "字符串中不能直接出现字符 %s（换行请写作 \\n）",
	"invalid character %s in numeric literal":                                                                                            "数字中不能有字符 %s（金额和数量只写阿拉伯数字，不带单位）",
	"invalid character %s in string escape code":                                                                                         "字符串中的反斜杠转义写法有误：字符 %s",
	"invalid character %s after decimal point in numeric literal":                                                                        "小数点后面应为数字，却是字符 %s",
	"invalid character %s in exponent of numeric literal":                                                                                "数字的指数部分有误：字符 %s",
	"a unit %q after the number %s: write the number alone":                                                                              "数字 %[2]s 后面带了单位 %[1]q：只写数字，单位由事实的声明给出",
	"invalid character %s in literal %s":                                                                                                 "字符 %s 有误：这里应为 %s",
	"a date string \"YYYY-MM-DD\"":                                                                                                       "日期字符串 \"YYYY-MM-DD\"",
	"a number":                                                                                                                           "数字",
	"a string":                                                                                                                           "带双引号的字符串",
	"true or false":                                                                                                                      "真假值 true 或 false",
	"an array [ … ]":                                                                                                                     "数组 [ … ]",
	"an object { … }":                                                                                                                    "对象 { … }",
	"number":                                                                                                                             "数字",
	"string":                                                                                                                             "字符串",
	"bool":                                                                                                                               "真假值",
	"array":                                                                                                                              "数组",
	"object":                                                                                                                             "对象",
	"a whole number":                                                                                                                     "整数",
	"an amount in yuan":                                                                                                                  "以元为单位的金额",
	"one of the declared values":                                                                                                         "所列选项之一",
	"a list of declared values":                                                                                                          "由所列选项组成的列表",
	"%s %s":                                                                                                                              "%s %s",

	// Dates and the party.
	"missing: give the date as YYYY-MM-DD": "缺少：请按 YYYY-MM-DD 格式填写日期",
	"%s is before act_date %s":             "%s 早于违法行为日期 act_date %s",
	"an act that has not ended has no act_end_date; give act_end_date (the act ended) or act_ongoing (it continues at the decision), not both": "尚未终了的违法行为没有终了日期：act_end_date（行为已终了）和 act_ongoing（作出决定时行为仍在继续）只能填写其一",
	"%s is before act_date %s: a violation cannot be discovered before it happens":                                                             "%s 早于违法行为日期 act_date %s：违法行为不可能在发生之前被发现",
	"%s is before discovery_date %s":                                                                      "%s 早于发现日期 discovery_date %s",
	"%s is not before act_date %s":                                                                        "%s 不早于违法行为日期 act_date %s",
	"missing: individual, organization or individual_business":                                            "缺少：请填写 individual（自然人）、organization（法人或其他组织）或 individual_business（个体工商户）",
	"%q is not individual, organization or individual_business":                                           "%q 不是 individual（自然人）、organization（法人或其他组织）或 individual_business（个体工商户）",
	"missing: a natural person's age at the act decides arts. 30 (under 14 / 14–17); give the birth date": "缺少：自然人实施违法行为时的年龄决定是否适用《行政处罚法》第三十条（不满十四周岁、已满十四周岁不满十八周岁），请填写出生日期",
	"an organization has no birth date":                                                                   "法人或其他组织没有出生日期",
	"capacity (art. 31) applies to natural persons only":                                                  "责任能力（《行政处罚法》第三十一条）只适用于自然人",
	"%q is not full, none or limited":                                                                     "%q 不是 full（完全）、none（不能辨认或控制自己的行为）或 limited（尚未完全丧失辨认或控制能力）",
	"missing: the item code of the prior violation":                                                       "缺少：此前违法行为的事项编码",
	"%s is not before the current act %s":                                                                 "%s 不早于本次违法行为的日期 %s",
	"%q is not an amount in yuan: write the number alone, such as 1200 or 1200.50":                        "%q 不是以元为单位的金额：只写数字，如 1200 或 1200.50",
	"%s is negative: state the amount in yuan":                                                            "%s 是负数：请以元为单位填写金额",

	// The item and its facts.
	"give item or items, not both": "item 和 items 只能填写其一",
	"missing: the code of the enforcement item (or items, for one act under several provisions)": "缺少：执法事项编码（同一违法行为涉及多个事项的，填写 items）",
	"%q is named twice": "%q 重复出现",
	"%q is not an item of catalog %s; did you mean %q?":                                                           "%q 不是裁量基准目录 %s 中的事项；是否应为 %q？",
	"%q is not an item of catalog %s":                                                                             "%q 不是裁量基准目录 %s 中的事项",
	"item %s applies to %s, not to %s":                                                                            "事项 %s 只适用于%s，不适用于%s",
	"item %s declares no fact %q; did you mean %q?":                                                               "事项 %s 没有声明事实 %q；是否应为 %q？",
	"item %s declares no fact %q":                                                                                 "事项 %s 没有声明事实 %q",
	"missing: item %s requires %s (%s)":                                                                           "缺少：事项 %s 要求填写“%s”（%s）",
	"missing: %[1]s (%[2]s) is needed by %[3]s: %[4]s":                                                            "缺少：“%[1]s”（%[2]s），%[3]s用到它：%[5]s",
	"missing: %[1]s (%[2]s) is needed to compute the fine on the responsible persons at grade %[3]s":              "缺少：“%[1]s”（%[2]s），阶次“%[3]s”对直接责任人员的罚款按它计算",
	"%[1]s is undeterminable, but the fine on the responsible persons at grade %[2]s is computed from it":         "“%[1]s”无法确定，但阶次“%[2]s”对直接责任人员的罚款按它计算，请填写确定的数值",
	"the fine of grade %s":                                                                                        "阶次“%s”的罚款",
	"the fine on the responsible persons at grade %s":                                                             "阶次“%s”对直接责任人员的罚款",
	"missing: %s is computed from %s (%s), which counts prior violations of item %s: give the prior violation %s": "缺少：%s按%s（%s）计算，该计数统计事项 %s 的在先违法行为；请写明在先违法行为的%s",
	"%q is not an outcome: %s is computed from %s (%s), which counts the prior decisions that imposed a penalty; give its outcome (no_penalty, order_only, no_fine_possible, mitigated, lighter, general or heavier)": "%q 不是处理结果：%s按%s（%s）计算，该计数只统计给予行政处罚的在先决定；请写明处理结果（no_penalty、order_only、no_fine_possible、mitigated、lighter、general 或 heavier）",
	"missing: %[1]s (%[2]s) is needed to compute the fine of grade %[3]s":                                                                                                      "缺少：“%[1]s”（%[2]s），阶次“%[3]s”的罚款按它计算",
	"%[1]s is undeterminable, but the fine of grade %[2]s is computed from it":                                                                                                 "“%[1]s”无法确定，但阶次“%[2]s”的罚款按它计算，请填写确定的数值",
	"%s reads %s (%s): give every prior violation of item %s its decision_date and outcome (no_penalty, order_only, no_fine_possible, mitigated, lighter, general or heavier)": "%s需要 %s（%s）：请为事项 %s 的每一次此前违法行为填写处罚决定日期 decision_date 和处理结果 outcome（no_penalty、order_only、no_fine_possible、mitigated、lighter、general 或 heavier）",
	"missing: the fine of item %s is computed from %s (%s); state it":                                                                                                          "缺少：事项 %s 的罚款以“%s”（%s）为基数计算，请填写",
	"missing: item %s counts prior violations for 首违不罚 by their decision date":                                                                                                 "缺少：事项 %s 按处罚决定日期计算首违不罚的此前违法次数，请填写 decision_date",
	"%s is outside the %d days from the decision date (%s–%s) that item %s allows":                                                                                             "%s 超出了事项 %[5]s 允许的自决定之日起%[2]d日的期限（%[3]s至%[4]s）",
	"%s is %s": "%s为%s",
	"%s (%s)":  "%s（%s）",
	"%s, %s":   "%s，%s",
	"an impossible combination of facts: the case does not meet constraint \"%s\" (%s): here %s; check these facts": "事实组合不可能成立：与约束“%s”（%s）不符，本案%s，请核实这些事实",

	// Rules that have no answer, and defects found while deciding.
	"%s cannot be evaluated: %v": "%s无法求值：%v",
	"%s divides by %s, which is 0 for this case (%s): a condition cannot divide by zero, so it has no answer; check %s": "%s以 %s 作除数，本案中它为 0（%s）：条件不能除以零，因而没有结论；请核对 %s",
	"item %s: %v":          "事项 %s：%v",
	"item %s grade %s: %v": "事项 %s 档次 %s：%v",
	"item %s: the fine range %s has no maximum; the benchmark must bound it": "事项 %s：罚款幅度 %s 没有上限；裁量基准必须给出上限",
	"the range has no maximum, so it cannot be split into tiers":             "该幅度没有上限，无法划分档次",
	"%v": "%v",
	"%s": "%s",

	// Versions and the time of the act.
	"item %s does not state when its penalty clause %s took effect, so it is taken to start with the catalog on %s, and the act on %s is before that; give the item effective_from or basis.penalty.effective (the date the clause took effect), and transition.acts_before_effective for acts before the catalog": "事项 %s 没有写明其处罚条款 %s 的施行日期，因此视为与目录同日（%s）开始适用，而违法行为发生在 %s，早于该日；请为事项填写 effective_from 或 basis.penalty.effective（条款施行日期），并为目录施行前的行为填写 transition.acts_before_effective",
	"the act on %s is before item %s's penalty clause %s took effect on %s (version %s effective_from): it cannot be penalised under that clause (《立法法》第一百零四条：不溯及既往)":                                                                                                                                              "违法行为发生在 %s，早于事项 %s 的处罚条款 %s 的施行日期 %s（版本 %s 的 effective_from）：不能依该条款处罚（《立法法》第一百零四条：不溯及既往）",
	"item %s has no version in force on %s: its versions leave a gap there (effective_to of one, effective_from of the next)":                                                                                                                                                                                      "事项 %s 在 %s 没有有效的版本：其各版本在此处有空档（前一版本的 effective_to 与后一版本的 effective_from 之间）",
	"the act on %s is before catalog %s took effect on %s, and its transition.acts_before_effective is reject: decide it under the standard in force at the act":                                                                                                                                                   "违法行为发生在 %s，早于目录 %s 的施行日期 %s，且目录的 transition.acts_before_effective 为 reject：应依行为时有效的裁量基准处理",

	// Defects of the catalog found by a case.
	"%s: item %s version %s: no grade matches the case (%s); the benchmark has a gap":                                                              "%s：事项 %s 版本 %s：本案不符合任何档次的条件（%s）；裁量基准存在空档",
	"%s: item %s version %s: the case meets the conditions of grade %s (%s) and of grade %s (%s), but the benchmark declares its grades exclusive": "%s：事项 %s 版本 %s：本案同时符合档次 %s（%s）和档次 %s（%s）的条件，但裁量基准声明各档次互斥",
}
