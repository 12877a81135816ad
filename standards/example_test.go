package standards_test

import (
	"fmt"
	"log"
	"os"

	"github.com/jizhun/jizhun/catalog"
	"github.com/jizhun/jizhun/catalog/condition"
	"github.com/jizhun/jizhun/discretion"
	"github.com/jizhun/jizhun/standards"
)

// A condition renders into the Chinese a published table prints, from the
// facts' labels and units.
func ExampleRenderCondition() {
	cat, err := catalog.LoadFile("../examples/starter/catalog.yaml")
	if err != nil {
		log.Fatal(err)
	}
	road := cat.Item("330217ZH001")
	for _, src := range []string{
		`area_m2 < 10 && days <= 3`,
		`area_m2 >= 100 || days > 30 || harm == "serious"`,
		`harm != "serious" && !corrected_in_time`,
		`prior_same_item_1y > 0`,
	} {
		x, diags := condition.Compile(catalog.NewCond(src), discretion.Scope(cat, road))
		if diags != nil {
			log.Fatal(diags)
		}
		fmt.Println(standards.RenderCondition(x))
	}
	// Output:
	// 占用面积不足10平方米且占用时间不超过3日
	// 占用面积100平方米以上或者占用时间超过30日或者危害后果严重
	// （没有造成危害后果或者危害后果轻微）且未及时改正
	// 一年内同一事项违法次数1次以上
}

// Build makes the table model once; the writers render it.
func ExampleBuild() {
	cat, err := catalog.LoadFile("../examples/starter/catalog.yaml")
	if err != nil {
		log.Fatal(err)
	}
	tbl, err := standards.Build(cat, standards.TableOptions{Lists: []standards.List{standards.ListLightViolation}})
	if err != nil {
		log.Fatal(err)
	}
	s := tbl.Sections[0]
	fmt.Println(s.Title)
	fmt.Println(s.Rows[0][2].Text, "—", s.Rows[0][4].Text)
	if err := standards.WriteMarkdown(os.Stdout, &standards.Table{Title: "示例", Meta: tbl.Meta[:2]}); err != nil {
		log.Fatal(err)
	}
	// Output:
	// 轻微违法行为不予处罚清单
	// 擅自占用城市道路 — 占用面积不足5平方米、时间不超过1日，及时改正且没有造成危害后果
	// # 示例
	//
	// - 基准编号：starter-zhzf
	// - 发布机关：示例县综合行政执法局（虚构机关）
}
