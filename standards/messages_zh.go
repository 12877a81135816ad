package standards

import "github.com/jizhun/jizhun/catalog"

// messagesZh translates the English formats of the consistency checks'
// findings, and the framing of the text report, into Chinese. A format
// absent here is looked up in the catalog's table, then shown in English;
// TestFindingMessagesTranslated keeps every format of this package in a
// table. The Chinese keeps the verbs of the English in order, or numbers
// them (%[2]s). Conditions stay as written in the YAML, where the author
// must find them.
var messagesZh = catalog.Messages{
	// The frame of a finding.
	"%s: %s":                                "%s：%s",
	"%s":                                    "%s",
	"%s%s":                                  "%s%s",
	"error":                                 "错误",
	"warning":                               "警告",
	"interval":                              "区间推理",
	"generated":                             "生成案例",
	"static":                                "静态检查",
	"hint: %s":                              "建议：%s",
	"witness case (jizhun decide --case):":  "示例案件（可用 jizhun decide --case 复核）：",
	"compared with (jizhun decide --case):": "对照案件（可用 jizhun decide --case 复核）：",
	"%s: item %s version %s: checked with %d generated cases (a defect found is certain, an absence is not proven): %s": "%s：事项 %s 的版本 %s：用%d个生成的案件检查（发现的问题是确定的，未发现不等于不存在）：%s",
	"%s: %d errors, %d warnings; %d benchmarks checked by interval reasoning, %d with generated cases":                  "%s：%d个错误，%d个警告；%d个裁量基准用区间推理检查，%d个用生成案件检查",

	// Related rules.
	"grade %s":           "档次 %s",
	"grade %s condition": "档次 %s 的条件",
	"factor %s":          "情节 %s",
	"constraint %s":      "约束 %s",
	// Framing pieces.
	"%s; %s": "%s；%s",
	"no witness case is shown: the engine did not confirm the case the analysis found (%s); please report this": "未给出示例案件：分析找到的案件未经引擎复核确认（%s）；请报告此问题",
	"grade %s%s":                "档次 %s%s",
	" (matched first)":          "（先匹配）",
	" (heavier)":                "（更重）",
	" (also matches)":           "（同时匹配）",
	"fact %s (aggravates: %s)":  "事实 %s（aggravates: %s）",
	"penalty clause %s":         "罚则 %s",
	"quoted clause %s":          "引用的条文 %s",
	"statutory amount":          "法定金额",
	"the mandatory fine":        "应当处以的罚款",
	"grade %s reaches %s元":      "档次 %s 达到%s元",
	"precondition %s":           "前提条件 %s",
	"light_violation condition": "轻微违法（light_violation）的条件",

	// Gaps and overlaps (standards_gap, standards_overlap).
	"no grade matches cases such as %s%s; the engine answers them with a gap error":                                                                                                    "没有档次匹配这样的案件：%s%s；引擎对这类案件报“档次缺口”错误",
	"add a grade for these facts or widen a neighbouring grade; bounds 以上/以下 include the number, 超过/不足 do not":                                                                         "为这些情形增加一个档次，或放宽相邻档次的条件；“以上/以下”包括本数，“超过/不足”不包括本数",
	"grade %s overlaps grade %s, but the benchmark declares its grades exclusive: cases such as %s match both, and the engine refuses them as ambiguous":                               "档次 %s 与档次 %s 重叠，但该裁量基准声明各档次互斥：%s 这样的案件同时符合两者，引擎将以“档次不明确”拒绝裁量",
	"make the conditions exclusive (e.g. < on one side and >= on the other), or declare selection: heaviest if the standard applies the heavier row":                                   "使各档次条件互斥（例如一边用 <，另一边用 >=）；如果基准规定适用较重的一档，请声明 selection: heaviest",
	"grade %s (%s) also matches cases that earlier grades (%s) take first, such as %s, which the engine grades %s: the order of the grades, not their conditions, decides these cases": "档次 %s（%s）也匹配前面的档次（%s）先行认定的案件，例如 %s，引擎将其认定为档次 %s：决定这些案件的是档次的先后顺序，而不是各档次的条件",
	"make the conditions exclusive (e.g. < on one side and >= on the other), or move the grade before the ones that take its cases":                                                    "使各档次条件互斥（例如一边用 <，另一边用 >=），或把该档次移到先行认定其案件的档次之前",

	// Conditions never true (standards_unreachable).
	"grade %s (%s) can never apply: its condition %s is never true within the declared facts%s":                                                                                     "档次 %s（%s）永远不会适用：在声明的事实范围内，其条件 %s 永远不成立%s",
	"grade %s (%s) can never apply: its condition holds only for cases that end before grading (light violation, no fault, unmet precondition, under 14)%s":                         "档次 %s（%s）永远不会适用：其条件只对在确定档次前即已结案的案件成立（轻微违法、无主观过错、前提条件不满足、不满十四周岁）%s",
	"grade %s (%s) can never apply: every case it matches also matches grade %s, and the benchmark declares its grades exclusive, so the engine refuses those cases as ambiguous%s": "档次 %s（%s）永远不会适用：它匹配的每个案件也符合档次 %s，而该裁量基准声明各档次互斥，引擎将以“档次不明确”拒绝这些案件%s",
	"make the conditions exclusive (e.g. < on one side and >= on the other)":                                                                                                        "使各档次条件互斥（例如一边用 <，另一边用 >=）",
	"grade %s (%s) can never apply: every case it matches also matches heavier grade %s (the benchmark applies the heaviest grade that holds)%s":                                    "档次 %s（%s）永远不会适用：它匹配的每个案件也符合更重的档次 %s（该基准适用成立的最重一档）%s",
	"narrow the heavier grade's condition, or remove this grade":                                                                                                                    "收窄较重档次的条件，或删除本档次",
	"grade %s (%s) can never apply: every case it matches is taken first by earlier grade %s (the engine uses the first grade that matches)%s":                                      "档次 %s（%s）永远不会适用：它匹配的每个案件都先被前面的档次 %s 认定（引擎适用第一个匹配的档次）%s",
	"narrow the earlier grade's condition or move this grade before it":                                                                                                             "收窄前面档次的条件，或把本档次移到它之前",
	"%s can never apply: its condition %s is never true within the declared facts%s":                                                                                                "%s永远不会适用：在声明的事实范围内，其条件 %s 永远不成立%s",
	"factor %s can never apply: it holds only for cases that end before grading or match no grade%s":                                                                                "情节 %s 永远不会适用：它只对在确定档次前即已结案或不符合任何档次的案件成立%s",
	"factor %s can never apply: its condition %s is never true within the declared facts":                                                                                           "情节 %s 永远不会适用：在声明的事实范围内，其条件 %s 永远不成立",
	"policies.no_fault can never apply: its condition %s is never true within the declared facts":                                                                                   "无主观过错规则（policies.no_fault）永远不会适用：在声明的事实范围内，其条件 %s 永远不成立",
	"constraint %s (%s) is never satisfied within the declared facts: every case would be rejected as impossible%s":                                                                 "约束 %s（%s）在声明的事实范围内永远无法满足：每个案件都会被当作不可能的情形拒绝%s",
	"the constraints together are never satisfied within the declared facts: every case would be rejected as impossible%s":                                                          "这些约束合在一起，在声明的事实范围内永远无法同时满足：每个案件都会被当作不可能的情形拒绝%s",

	// Grades ordered by severity (standards_tier_order).
	"grade %s is labelled %s (%s) but takes the %s tier's range (%s)":                                                                                                                       "档次 %s 标为%s（%s），却采用了%s档的幅度（%s）",
	"grade %s (%s, %s)%s allows %s, below grade %s (%s, %s): %s; a %s grade must not have a lower range than a %s one":                                                                      "档次 %s（%s，%s）%s的幅度为 %s，低于档次 %s（%s，%s）的 %s；%s的档次不得低于%s的档次",
	"grade %s (%s)%s allows %s, below grade %s (%s): %s, yet a case moves from %s to %s when %s, declared aggravating (aggravates: %s), goes from %s to %s (%s)":                            "档次 %s（%s）%s的幅度为 %s，低于档次 %s（%s）的 %s；而当声明为加重因素（aggravates: %[11]s）的 %[10]s 从 %[12]s 变为 %[13]s（%[14]s）时，案件从 %[8]s 移到 %[9]s",
	"the more serious case must not get the lighter range: reorder the grades' ranges or their conditions":                                                                                  "情节更重的案件不应适用更轻的幅度：请调整各档次的幅度或条件",
	"factor %s moves a case by grades (%s), and one grade is the next row of the table: grade %s (%s)%s allows %s, below grade %s (%s) before it: %s, so a move up from %s lowers the fine": "情节 %s 按档次移动案件（%s），而下一档就是表中的下一行：档次 %s（%s）%s的幅度为 %s，低于它前面的档次 %s（%s）的 %s，因此从 %s 上移一档反而降低了罚款",
	"write the grades of each statutory range from the lightest to the heaviest":                                                                                                            "每个法定幅度内的档次请按从轻到重的顺序排列",

	// Effects outside the statute (standards_effect_outside_statute).
	"factor %s (%s) applied to grade %s (%s)%s %s; the fine stops at the statutory bound and the decision is flagged for review": "情节 %s（%s）适用于档次 %s（%s）%s时%s；罚款止于法定界限，该决定被标记为需要复核",
	"state the percentage the standard publishes, and say in the standard that the fine stays within the statute":                "写明基准公布的百分比，并在基准中说明罚款不超出法定幅度",

	// Division by a term that may be 0 (standards_division).
	"%s: the condition %s divides by %s, which may be 0: a case where it is 0 cannot be decided by this condition":                                         "%s：条件 %s 除以 %s，而它可能为 0：该值为 0 的案件无法用这个条件裁量",
	"declare the fact's min above 0 if it can never be 0, guard the division (days > 0 && area_m2 / days < 10), or multiply instead (area_m2 < 10 * days)": "如果该事实不可能为 0，请把它的 min 声明为大于 0；或者在除法前加条件（days > 0 && area_m2 / days < 10）；或者改用乘法（area_m2 < 10 * days）",

	// 减轻 and mandatory sanctions (standards_mitigation, standards_mandatory).
	"policies.mitigation_floor is %s: a 减轻 fine would go below zero; the floor is a share of the statutory minimum from 0 to 1":   "减轻处罚的下限（policies.mitigation_floor）为 %s：减轻后的罚款会低于零；该下限是法定最低额的比例，取值 0 到 1",
	"marked discretionary (mandatory: false), but %s says 应当%s; mark it mandatory: true":                                          "标为可以（mandatory: false），但%s规定“应当%s”；请标为 mandatory: true",
	"marked mandatory, but %s says 可以%s (discretionary); mark it mandatory: false":                                                "标为应当（mandatory: true），但%s规定“可以%s”；请标为 mandatory: false",
	"减轻 (a fine below the statutory minimum) without a legal ground: %s":                                                          "减轻处罚（低于法定最低额的罚款）没有法定依据：%s",
	"cite 《行政处罚法》第三十条、第三十一条、第三十二条 or the 法律、法规、规章 that provides the ground (art. 32 (五)), or use effect: lighter":                 "请引用《行政处罚法》第三十条、第三十一条、第三十二条，或规定该情形的法律、法规、规章（第三十二条第（五）项）；否则改为 effect: lighter（从轻）",
	"减轻 (a fine below the statutory minimum): cannot tell whether %s is a legal ground":                                           "减轻处罚（低于法定最低额的罚款）：无法判断%s是否为法定依据",
	"grade %s (%s) imposes no fine, but the fine is mandatory (处/并处): dropping it is 减轻, which needs a legal ground, not a grade": "档次 %s（%s）不处罚款，但罚则规定应当处罚款（处/并处）：不罚款属于减轻处罚，须有法定依据，不能由档次规定",

	// Statutory ranges (standards_range).
	"grade %s%s: %s": "档次 %s%s：%s",
	"the statutory amount%s states %s, which the quoted clause %s does not (it states %s)":                                                   "法定金额%s写为 %s，与引用的条文 %s 不符（条文为 %s）",
	"; grades %s reach above %s元, the most the clause allows, so their sub-ranges leave the statutory range":                                 "；档次 %s 超过了条文允许的最高额 %s元，其幅度超出了法定幅度",
	"quote the clause in full (basis.penalty.text, or basis.amount.text where another clause sets the amount) and state its amounts exactly": "请完整引用条文（basis.penalty.text；金额由另一条文规定的，写在 basis.amount.text），并准确写明其中的金额",

	// First offenses and light violations (standards_first_offense).
	"Options.SlightHarm names fact %s, which the catalog does not declare as an enum: the 危害后果轻微 value it sets is not applied":                                                                                                                                          "Options.SlightHarm 指定的事实 %s 在目录中不是枚举：它设定的“危害后果轻微”的取值未被采用",
	"Options.SlightHarm names %q as the 危害后果轻微 value of %s, which has no such value":                                                                                                                                                                                    "Options.SlightHarm 把 %q 指定为 %s 的“危害后果轻微”取值，但该事实没有这个取值",
	"%s on an item whose fine applies only after the party failed to correct (%s): art. 33 ¶1 requires 及时改正, so a party who can be fined never qualifies, and one who corrected in time is not fined in the first place (precondition unmet, not an art. 33 exemption)": "%s所在事项只在当事人逾期不改正时才罚款（%s）：《行政处罚法》第三十三条第一款要求“及时改正”，可被罚款的当事人永远不符合条件，而及时改正的当事人本来就不会被罚款（属于前提条件不满足，而不是第三十三条的不予处罚）",
	"remove the exemption; the engine reports precondition_unmet for a party who corrected":                                                                                                                                                                             "请删除该不予处罚规则；当事人已改正的，引擎报“前提条件不满足”（precondition_unmet）",
	"首违不罚 is listed for an item whose fine is mandatory (处, not 可以处); under the policy that first offenses go unpunished only where the law lets the agency choose (a narrowing some local 不予处罚清单 make), it cannot be listed":                                           "罚款为应当处罚（“处”，而非“可以处”）的事项列入了首违不罚；按照只有法律允许机关选择时才适用首违不罚的政策（一些地方不予处罚清单的限缩），该事项不能列入",
	"%s holds even when %s, but %s": "即使%[2]s，%[1]s仍然成立，但%[3]s",

	// 应当从轻 without effect (standards_lighter_no_effect).
	"grade %s (%s) gives a party aged %d the same fine as an adult with the same facts, %s元: 《行政处罚法》第三十条 requires 从轻或者减轻 for a party aged 14–17, and with policies.minors: lighter the %s scheme finds nothing lighter within %s元": "档次 %s（%s）对%d周岁的当事人给出与同样情形的成年人相同的罚款 %s元：《行政处罚法》第三十条要求对已满十四周岁不满十八周岁的当事人从轻或者减轻处罚，而在 policies.minors: lighter 下，%s方案在 %s元 内找不到更轻的罚款",
	"set policies.minors: mitigate (art. 30 allows 减轻, which goes below the statutory minimum), or give the grade a range with room below its amount":                                                                              "请设置 policies.minors: mitigate（第三十条允许减轻处罚，可低于法定最低额），或给该档次一个有下调空间的幅度",
	"grade %s (%s) gives a party with %s (%s) the same fine as one without it, %s元: the factor is 应当从轻 (%s), and the %s scheme finds nothing lighter within %s元":                                                                   "档次 %s（%s）对具有%s（%s）情节的当事人给出与不具有该情节者相同的罚款 %s元：该情节应当从轻（%s），而%s方案在 %s元 内找不到更轻的罚款",
	"make the factor effect: mitigate where its citation allows 减轻 (art. 32: 从轻或者减轻), or give the grade a range with room below its amount":                                                                                        "依据允许减轻处罚的（第三十二条：从轻或者减轻），请把该情节设为 effect: mitigate；或给该档次一个有下调空间的幅度",

	// Wording read back (standards_wording, standards_wording_unread).
	"grade %s (%s) %s %q could not be read as a condition (%s), so it is not compared with the rule":      "档次 %s（%s）的%s %q 无法读成条件（%s），因此未与规则比对",
	"light_violation label %q could not be read as a condition (%s), so it is not compared with the rule": "轻微违法的表述 %q 无法读成条件（%s），因此未与规则比对",
	"light_violation label %q was read as %s, which could not be compared with the rule":                  "轻微违法的表述 %q 读作 %s，但无法与规则比对",
	"grade %s (%s) %s %q was read as %s, which could not be compared with the rule":                       "档次 %s（%s）的%s %q 读作 %s，但无法与规则比对",
	"grade %s (%s) %s %q puts in this row cases such as %s, but %s%s":                                     "档次 %s（%s）的%s %q 把 %s 这样的案件归入本行，但%s%s",
	"grade %s (%s) %s %q leaves out cases such as %s, which the engine decides at this grade%s":           "档次 %s（%s）的%s %q 没有包括 %s 这样的案件，而引擎把它们认定在本档次%s",
	"grade %s (%s) %s %q writes a number in a unit its fact is not measured in: %s":                       "档次 %s（%s）的%s %q 写的数字所用单位不是该事实的计量单位：%s",
	"light_violation": "轻微违法不予处罚（light_violation）",
	"first_offense":   "首违不罚（first_offense）",
	"art. 33 ¶1 s1 requires 违法行为轻微并及时改正，没有造成危害后果": "《行政处罚法》第三十三条第一款第一句要求“违法行为轻微并及时改正，没有造成危害后果”",
	"art. 33 ¶1 s2 requires 初次违法且危害后果轻微并及时改正":     "第三十三条第一款第二句要求“初次违法且危害后果轻微并及时改正”",
	"label":                 "标签（label）",
	"description":           "描述（description）",
	"it names no condition": "没有写出条件",
	"not read: %s":          "未能读懂：%s",
	"write the condition with the facts' labels, numbers with units and 以上/以下/超过/不足, joined by 且 or 或者; the rule reads: %s": "请用事实的名称、带单位的数字和“以上/以下/超过/不足”写条件，用“且”或“或者”连接；规则读作：%s",
	"the rule reads: %s":                 "规则读作：%s",
	"lighter":                            "从轻",
	"general":                            "一般",
	"heavier":                            "从重",
	"; the uncovered region includes %s": "；未覆盖的范围包括 %s",
	"precondition %s (no penalty can ever be imposed)": "前提条件 %s（永远无法给予处罚）",
	"precondition of sanction %s":                      "处罚种类 %s 的前提条件",
	"fine range %s (%s)":                               "罚款幅度 %s（%s）",
	"commitment":                                       "承诺从轻（commitment）",
	"public_service_offset":                            "公益服务折抵（public_service_offset）",
	"the factor cites nothing":                         "该情节没有引用任何依据",
	"%s is not one of the grounds of arts. 30–32":      "%s不属于《行政处罚法》第三十条至第三十二条规定的情形",
	"%s is this discretion standard itself, which cannot create a ground for 减轻": "%s是本裁量基准自身，不能创设减轻处罚的依据",
	"%s is a normative document (%s), not a 法律、法规、规章":                            "%s是规范性文件（%s），不是法律、法规、规章",
	": %s": "：%s",
	"the wording joins its conditions with 或者 where the rule requires them all (且)":     "表述用“或者”连接各条件，而规则要求同时满足（且）",
	"the wording requires all its conditions (且) where the rule takes any of them (或者)": "表述要求同时满足各条件（且），而规则满足其一即可（或者）",
	"the wording's threshold %s%s for %s is not in the rule":                            "表述中%[3]s的界限 %[1]s%[2]s 不在规则中",
	"the wording %s %s%s (%s) where the rule %s it":                                     "表述%s %s%s（%s），而规则%s本数",
	"the wording does not mention %s, which the rule reads":                             "表述没有提到规则所依据的%s",
	"includes (以上)":               "包括本数（以上）",
	"includes (以下/不超过)":           "包括本数（以下/不超过）",
	"excludes (超过)":               "不包括本数（超过）",
	"excludes (不足)":               "不包括本数（不足）",
	"states":                      "写明",
	"excludes":                    "不包括",
	"includes":                    "包括",
	"no grade matches it (a gap)": "没有档次匹配（档次缺口）",
	"it meets grades %s (%s) and %s (%s), which the benchmark declares exclusive, and the engine refuses it as ambiguous": "它同时符合档次 %s（%s）和 %s（%s），而基准声明各档次互斥，引擎以“档次不明确”拒绝裁量",
	"the engine decides it at grade %s (%s)": "引擎把它认定为档次 %s（%s）",
	"the constant 0":                         "常数 0",
	"its bounds %s include 0":                "其取值范围 %s 包括 0",
	"%s (%s)":                                "%s（%s）",
	"%s and by %s":                           "%s，也除以 %s",
	"%s, which the engine sets to 0 for some cases":                 "%s，引擎对某些案件将其设为 0",
	"%s, declared without a min":                                    "%s，声明时没有 min",
	"%s, declared with min %s":                                      "%s，声明的 min 为 %s",
	"%s, which may be 0 here: %s":                                   "%s，在这里可能为 0：%s",
	"policies.no_fault":                                             "无主观过错规则（policies.no_fault）",
	"procedure.legal_review":                                        "法制审核规则（procedure.legal_review）",
	"procedure.collective_discussion":                               "集体讨论规则（procedure.collective_discussion）",
	"limitation.extended":                                           "延长的追责时效（limitation.extended）",
	"precondition":                                                  "前提条件（precondition）",
	" (no case among %d generated ones; not proven: %s)":            "（在%d个生成的案件中没有找到；未经证明：%s）",
	"condition %s is not a comparison of one fact with constants":   "条件 %s 不是一个事实与常数的比较",
	"%s compares facts with each other or with arithmetic on facts": "%s 比较了事实与事实，或对事实做了运算",
	"%s is not a variable of this item":                             "%s 不是本事项的变量",
	"%s has more than 64 values":                                    "%s 的取值超过64个",
	"%s has a type the interval method does not handle":             "%s 的类型不能用区间推理分析",
	"%s tests arithmetic on facts":                                  "%s 检验了对事实的运算",
	"%s has a range with non-constant bounds":                       "%s 的范围界限不是常数",
	"%s lists non-constant values":                                  "%s 列出了不是常数的值",
}
