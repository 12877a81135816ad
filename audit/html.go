package audit

import (
	"fmt"
	"html"
	"html/template"
	"io"
	"math"
	"sort"
	"strings"
)

// MaxHTMLFindings bounds the findings the HTML report lists one by one;
// the JSON report has them all.
const MaxHTMLFindings = 1000

// palette colours the kinds of finding, in the order of Kinds.
var palette = []string{"#c0392b", "#e67e22", "#8e44ad", "#2c3e50", "#16a085", "#2980b9", "#d35400", "#7f8c8d", "#27ae60", "#f39c12", "#95a5a6"}

func kindColor(k Kind) string {
	for i, x := range Kinds {
		if x == k {
			return palette[i%len(palette)]
		}
	}
	return "#999"
}

// WriteHTML writes the report as a standalone HTML page in Chinese: the
// summary, charts drawn as inline SVG (findings by kind and by month, and
// the fines of each group of comparable cases against the grade's range),
// and the findings with their re-decisions. It loads nothing from
// elsewhere and runs no script.
func (r *Report) WriteHTML(w io.Writer) error {
	data := struct {
		R         *Report
		KindRows  []kindRow
		ByKind    template.HTML
		ByMonth   template.HTML
		Boxes     template.HTML
		Findings  []Finding
		Truncated int
	}{R: r, ByKind: r.kindChart(), ByMonth: r.monthChart(), Boxes: r.boxChart()}
	for _, k := range Kinds {
		data.KindRows = append(data.KindRows, kindRow{Kind: k, Label: k.Label(), Count: r.Summary.ByKind[k], Color: kindColor(k)})
	}
	data.Findings = r.Findings
	if len(data.Findings) > MaxHTMLFindings {
		data.Truncated = len(data.Findings) - MaxHTMLFindings
		data.Findings = data.Findings[:MaxHTMLFindings]
	}
	return reportTemplate.Execute(w, data)
}

type kindRow struct {
	Kind  Kind
	Label string
	Count int
	Color string
}

// svgText escapes text for SVG.
func svgText(s string) string { return html.EscapeString(s) }

// kindChart is a horizontal bar chart of the findings by kind.
func (r *Report) kindChart() template.HTML {
	const barH, gap, left, width = 22, 8, 260, 760
	maxN := 1
	for _, k := range Kinds {
		maxN = max(maxN, r.Summary.ByKind[k])
	}
	var b strings.Builder
	h := len(Kinds)*(barH+gap) + gap
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" role="img" aria-label="按类型统计的问题数">`, width, h)
	for i, k := range Kinds {
		n := r.Summary.ByKind[k]
		y := gap + i*(barH+gap)
		bw := float64(width-left-70) * float64(n) / float64(maxN)
		fmt.Fprintf(&b, `<text x="%d" y="%d" text-anchor="end" font-size="13">%s</text>`, left-8, y+16, svgText(k.Label()))
		fmt.Fprintf(&b, `<rect x="%d" y="%d" width="%.1f" height="%d" fill="%s"/>`, left, y, bw, barH, kindColor(k))
		fmt.Fprintf(&b, `<text x="%.1f" y="%d" font-size="13">%d</text>`, float64(left)+bw+6, y+16, n)
	}
	b.WriteString(`</svg>`)
	return template.HTML(b.String())
}

// monthChart stacks the findings of each month by kind.
func (r *Report) monthChart() template.HTML {
	var months []string
	for m := range r.Summary.ByMonth {
		if m != "" {
			months = append(months, m)
		}
	}
	sort.Strings(months)
	if len(months) == 0 {
		return template.HTML(`<p class="note">没有可按月份统计的问题。</p>`)
	}
	const height, top, bottom, left, legendW = 260, 20, 40, 50, 270
	colW := max(28, min(70, 900/len(months)))
	width := left + colW*len(months) + legendW
	maxN := 1
	for _, m := range months {
		n := 0
		for _, c := range r.Summary.ByMonth[m] {
			n += c
		}
		maxN = max(maxN, n)
	}
	scale := float64(height-top-bottom) / float64(maxN)
	var b strings.Builder
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" role="img" aria-label="按月份统计的问题数">`, width, height)
	base := height - bottom
	fmt.Fprintf(&b, `<line x1="%d" y1="%d" x2="%d" y2="%d" stroke="#333"/>`, left, base, left+colW*len(months), base)
	for _, t := range ticks(float64(maxN), 4) {
		y := float64(base) - t*scale
		fmt.Fprintf(&b, `<line x1="%d" y1="%.1f" x2="%d" y2="%.1f" stroke="#ddd"/><text x="%d" y="%.1f" text-anchor="end" font-size="11">%s</text>`,
			left, y, left+colW*len(months), y, left-4, y+4, yuan(t))
	}
	for i, m := range months {
		x := left + i*colW + 4
		y := float64(base)
		for _, k := range Kinds {
			n := r.Summary.ByMonth[m][k]
			if n == 0 {
				continue
			}
			hgt := float64(n) * scale
			y -= hgt
			fmt.Fprintf(&b, `<rect x="%d" y="%.1f" width="%d" height="%.1f" fill="%s"><title>%s %s：%d</title></rect>`, x, y, colW-8, hgt, kindColor(k), m, svgText(k.Label()), n)
		}
		fmt.Fprintf(&b, `<text x="%d" y="%d" text-anchor="middle" font-size="11">%s</text>`, x+(colW-8)/2, base+16, m)
	}
	lx := left + colW*len(months) + 16
	ly := top
	for _, k := range Kinds {
		if r.Summary.ByKind[k] == 0 {
			continue
		}
		fmt.Fprintf(&b, `<rect x="%d" y="%d" width="12" height="12" fill="%s"/><text x="%d" y="%d" font-size="12">%s</text>`, lx, ly, kindColor(k), lx+18, ly+11, svgText(k.Label()))
		ly += 18
	}
	b.WriteString(`</svg>`)
	return template.HTML(b.String())
}

// ticks are about n round values from 0 to top.
func ticks(top float64, n int) []float64 {
	if top <= 0 {
		return nil
	}
	raw := top / float64(n)
	mag := math.Pow(10, math.Floor(math.Log10(raw)))
	step := mag
	for _, m := range []float64{1, 2, 5, 10} {
		if m*mag >= raw {
			step = m * mag
			break
		}
	}
	var out []float64
	for t := step; t <= top+1e-9; t += step {
		out = append(out, t)
	}
	return out
}

// maxBoxes bounds the groups drawn, the largest first.
const maxBoxes = 40

// boxChart draws, for each group of comparable cases, the grade's range
// as a band and the fines imposed as a box plot (quartiles, median, the
// lowest and highest fine), each row on its own scale in yuan.
func (r *Report) boxChart() template.HTML {
	var groups []Group
	for _, g := range r.Groups {
		// A group is drawn in yuan against its range, or by position; one
		// with neither (every range under OutlierMinWidth and varying) is
		// left out.
		if g.RangeMin != nil || g.Positions != nil {
			groups = append(groups, g)
		}
	}
	sort.SliceStable(groups, func(i, j int) bool { return groups[i].Cases > groups[j].Cases })
	if len(groups) > maxBoxes {
		groups = groups[:maxBoxes]
	}
	sort.SliceStable(groups, func(i, j int) bool {
		if groups[i].Item != groups[j].Item {
			return groups[i].Item < groups[j].Item
		}
		return groups[i].Outcome.Severity() < groups[j].Outcome.Severity()
	})
	if len(groups) == 0 {
		return template.HTML(`<p class="note">没有可比较的罚款案件。</p>`)
	}
	const rowH, left, plotW, right = 46, 430, 620, 20
	width := left + plotW + right
	height := rowH*len(groups) + 30
	var b strings.Builder
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" role="img" aria-label="各事项罚款分布与裁量幅度">`, width, height)
	fmt.Fprintf(&b, `<rect x="%d" y="4" width="14" height="10" fill="#d5f5e3" stroke="#27ae60"/><text x="%d" y="13" font-size="12">裁量幅度</text>`, left, left+20)
	fmt.Fprintf(&b, `<rect x="%d" y="4" width="14" height="10" fill="#aed6f1" stroke="#1f618d"/><text x="%d" y="13" font-size="12">实际罚款（四分位箱、中位线、最低至最高）</text>`, left+90, left+110)
	for i, g := range groups {
		y := 24 + i*rowH
		// A group whose range is the same for every case is drawn in yuan;
		// one whose range depends on the case (a multiple of illegal
		// gains, …) by the fines' positions in their ranges.
		f, bandLo, bandHi, unit := g.Fines, 0.0, 0.0, " 元"
		label := func(v float64) string { return yuan(v) }
		switch {
		case g.RangeMin != nil:
			bandLo, bandHi = *g.RangeMin, *g.RangeMax
		case g.Positions != nil:
			f, bandLo, bandHi, unit = *g.Positions, 0, 1, ""
			label = func(v float64) string { return fmt.Sprintf("幅度的%.0f%%", 100*v) }
		}
		lo, hi := math.Min(f.Min, bandLo), math.Max(f.Max, bandHi)
		if hi <= lo {
			hi = lo + 1
		}
		pad := (hi - lo) * 0.04
		lo, hi = lo-pad, hi+pad
		x := func(v float64) float64 { return float64(left) + (v-lo)/(hi-lo)*float64(plotW) }
		if i%2 == 0 {
			fmt.Fprintf(&b, `<rect x="0" y="%d" width="%d" height="%d" fill="#f7f9fa"/>`, y, width, rowH)
		}
		fmt.Fprintf(&b, `<text x="8" y="%d" font-size="12"><title>%s %s</title>%s %s</text>`, y+17, svgText(g.Item), svgText(g.ItemName), svgText(g.Item[max(0, len(g.Item)-5):]), svgText(truncate(g.ItemName, 18)))
		note, outliers := "", ""
		if g.RangeMin == nil {
			note = " · 按幅度位置绘制"
		}
		if len(g.Outliers) > 0 {
			outliers = fmt.Sprintf(" · 离群 %d 件", len(g.Outliers))
		}
		fmt.Fprintf(&b, `<text x="8" y="%d" font-size="11" fill="#555">%s · %s · %d件%s<tspan fill="%s">%s</tspan></text>`,
			y+34, svgText(truncate(g.GradeLabel, 14)), svgText(g.Outcome.Label()), g.Cases, note, kindColor(FineOutlier), outliers)
		mid := float64(y) + rowH/2 - 4
		fmt.Fprintf(&b, `<rect x="%.1f" y="%.1f" width="%.1f" height="%d" fill="#d5f5e3" stroke="#27ae60"><title>裁量幅度 %s–%s%s</title></rect>`,
			x(bandLo), mid-12, math.Max(1, x(bandHi)-x(bandLo)), 24, label(bandLo), label(bandHi), unit)
		fmt.Fprintf(&b, `<text x="%.1f" y="%d" font-size="10" fill="#1e8449" text-anchor="middle">%s</text><text x="%.1f" y="%d" font-size="10" fill="#1e8449" text-anchor="middle">%s%s</text>`,
			x(bandLo), y+rowH-2, label(bandLo), x(bandHi), y+rowH-2, label(bandHi), unit)
		fmt.Fprintf(&b, `<line x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f" stroke="#1f618d"/>`, x(f.Min), mid, x(f.Max), mid)
		for _, v := range []float64{f.Min, f.Max} {
			fmt.Fprintf(&b, `<line x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f" stroke="#1f618d"><title>%s%s</title></line>`, x(v), mid-6, x(v), mid+6, label(v), unit)
		}
		fmt.Fprintf(&b, `<rect x="%.1f" y="%.1f" width="%.1f" height="14" fill="#aed6f1" stroke="#1f618d"><title>下四分位 %s，中位数 %s，上四分位 %s%s</title></rect>`,
			x(f.Q1), mid-7, math.Max(1.5, x(f.Q3)-x(f.Q1)), label(f.Q1), label(f.Median), label(f.Q3), unit)
		fmt.Fprintf(&b, `<line x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f" stroke="#154360" stroke-width="2"/>`, x(f.Median), mid-7, x(f.Median), mid+7)
	}
	b.WriteString(`</svg>`)
	return template.HTML(b.String())
}

func truncate(s string, n int) string {
	r := []rune(s)
	if len(r) > n {
		return string(r[:n]) + "…"
	}
	return s
}

var reportTemplate = template.Must(template.New("report").Funcs(template.FuncMap{
	"color": kindColor,
	"json":  func(b []byte) string { return string(b) },
}).Parse(`<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>案卷评查报告</title>
<style>
body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", sans-serif; margin: 24px 40px; color: #222; max-width: 1200px; }
h1 { font-size: 26px; margin-bottom: 4px; }
h2 { font-size: 20px; border-bottom: 2px solid #2c3e50; padding-bottom: 4px; margin-top: 32px; }
.meta { color: #555; font-size: 14px; }
.cards { display: flex; gap: 16px; margin: 16px 0; }
.card { border: 1px solid #ccd; border-radius: 6px; padding: 10px 18px; min-width: 120px; }
.card b { display: block; font-size: 26px; }
table { border-collapse: collapse; font-size: 13px; width: 100%; }
th, td { border: 1px solid #ccd; padding: 4px 6px; text-align: left; vertical-align: top; }
th { background: #eef2f5; }
.kind { display: inline-block; width: 10px; height: 10px; margin-right: 4px; }
.note { color: #666; font-size: 13px; }
details pre { white-space: pre-wrap; font-size: 11px; background: #f7f7f7; padding: 6px; max-height: 320px; overflow: auto; }
</style>
</head>
<body>
<h1>案卷评查报告</h1>
<p class="meta">数据：{{.R.Source}}<br>
{{range .R.Catalogs}}裁量基准：{{.Title}}{{if .Version}}（{{.Version}}）{{end}}，{{.Effective}} 起施行{{if .Expires}}，有效期至 {{.Expires}}{{end}}<br>{{end}}
每一条案卷均按所适用的裁量基准重新作出裁量（复核），与案卷实际处理结果比对。</p>
<div class="cards">
<div class="card">案卷<b>{{.R.Summary.Records}}</b></div>
<div class="card">已复核<b>{{.R.Summary.Decided}}</b></div>
<div class="card">未发现问题<b>{{.R.Summary.Consistent}}</b></div>
<div class="card">发现问题<b>{{.R.Summary.Flagged}}</b></div>
</div>

<h2>问题类型</h2>
{{.ByKind}}

<h2>按处罚决定月份</h2>
{{.ByMonth}}

<h2>类案同罚：各事项实际罚款与裁量幅度</h2>
<p class="note">同一事项、同一裁量档次、同一处罚结果（从轻、一般、从重、减轻）的未发现其他问题的罚款案件为一组。
绿色为复核的裁量幅度，蓝色箱体为实际罚款的上下四分位，竖线为中位数，两端为最低和最高罚款。
罚款在幅度中的位置落在上下四分位以外 {{.R.Rules.OutlierIQR}} 倍四分位距之外、且距中位数超过幅度的 {{.R.Rules.OutlierMinDistance}} 的，为离群；
不足 {{.R.Rules.OutlierMinGroup}} 件的组不作离群检验。事实、情节和复核结论都相同的案件，罚款相差超过幅度的 {{.R.Rules.SameFactsSpread}} 的，列为“相同事实处理结果明显不同”。</p>
{{.Boxes}}

<h2>问题清单</h2>
{{if .Truncated}}<p class="note">只列出前 {{len .Findings}} 条，另有 {{.Truncated}} 条见 JSON 报告（--format json）。</p>{{end}}
<table>
<tr><th>行</th><th>案号</th><th>事项</th><th>问题</th><th>说明</th><th>依据</th></tr>
{{range .Findings}}<tr>
<td>{{.Line}}</td><td>{{.CaseNumber}}</td><td>{{.Item}}</td>
<td><span class="kind" style="background:{{color .Kind}}"></span>{{.Title}}</td>
<td>{{.Message}}{{if .Decision}}<details><summary>复核结论</summary><pre>{{json .Decision}}</pre></details>{{end}}</td>
<td>{{.Rule}}</td>
</tr>{{end}}
</table>
<p class="note">本报告由 jizhun 生成。复核结论是按裁量基准计算的结果，供评查人员核对案卷，不替代执法人员依法作出的判断。</p>
</body>
</html>
`))
