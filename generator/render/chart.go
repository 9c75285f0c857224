package render

import (
	"fmt"
	"html/template"
	"math"
	"strings"

	"westcoast/generator/model"
)

// Chart geometry, in SVG user units. The view box is about a phone's width,
// so text keeps its size on a phone and the chart is capped by CSS on a
// desktop.
const (
	chartWidth  = 360.0
	rowHeight   = 52.0
	barHeight   = 18.0
	labelOffset = 16.0
	valueRoom   = 120.0 // space kept right of the longest bar for its value
)

// barChart draws one horizontal bar per figure, labelled in the page's
// language. Percentages are drawn against 100; other kinds against the
// largest value. The same figures give the same bars in every language.
func barChart(p Page, key string, figures []*model.Figure) template.HTML {
	if len(figures) == 0 {
		return ""
	}
	max := 0.0
	for _, f := range figures {
		max = math.Max(max, f.Value)
	}
	if figures[0].Kind == "percent" {
		max = 100
	}
	id := "chart-" + key
	height := rowHeight*float64(len(figures)) + 4
	var b strings.Builder
	fmt.Fprintf(&b, `<svg class="chart" role="img" aria-labelledby="%s-title" viewBox="0 0 %g %g" width="%g" height="%g">`,
		id, chartWidth, height, chartWidth, height)
	fmt.Fprintf(&b, `<title id="%s-title">%s</title>`, id, template.HTMLEscapeString(p.T("chart."+key)))
	for i, f := range figures {
		y := rowHeight * float64(i)
		w := 0.0
		if max > 0 {
			w = math.Round(f.Value/max*(chartWidth-valueRoom)*10) / 10
		}
		label := p.Label(f)
		if period := p.Period(f); period != "" {
			label += " · " + period
		}
		fmt.Fprintf(&b, `<text class="chart-label" x="0" y="%g">%s</text>`, y+labelOffset, template.HTMLEscapeString(label))
		fmt.Fprintf(&b, `<rect class="chart-bar" x="0" y="%g" width="%g" height="%g" rx="2"></rect>`, y+labelOffset+6, math.Max(w, 1), barHeight)
		fmt.Fprintf(&b, `<text class="chart-value" x="%g" y="%g">%s</text>`, w+6, y+labelOffset+6+barHeight-4, template.HTMLEscapeString(p.Figure(f)))
	}
	b.WriteString(`</svg>`)
	return template.HTML(b.String())
}
