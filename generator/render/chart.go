package render

import (
	"fmt"
	"html/template"
	"math"
	"strings"
	"unicode"

	"westcoast/generator/model"
)

// Chart geometry, in SVG user units. The view box is about a phone's width,
// so text keeps its size on a phone and CSS caps the chart on a desktop.
const (
	chartWidth = 360.0
	fontSize   = 14.0
	lineHeight = 18.0
	barHeight  = 18.0
	rowGap     = 14.0
)

// barChart draws one horizontal bar per figure, labelled in the page's
// language. Percentages are drawn against 100, other kinds against the
// largest value, so the same figures give the same bars in every language.
// Labels wrap to the chart's width; the bars leave room for the longest value.
func barChart(p Page, key string, figures []*model.Figure) template.HTML {
	if len(figures) == 0 {
		return ""
	}
	max := 0.0
	valueRoom := 0.0
	for _, f := range figures {
		max = math.Max(max, f.Value)
		valueRoom = math.Max(valueRoom, textWidth(p.Figure(f))+8)
	}
	if figures[0].Kind == "percent" {
		max = 100
	}
	showPeriod := !samePeriod(figures)
	var rows strings.Builder
	y := 0.0
	for _, f := range figures {
		label := p.Label(f)
		if period := p.Period(f); showPeriod && period != "" {
			label += " · " + period
		}
		lines := wrap(label, chartWidth)
		fmt.Fprintf(&rows, `<text class="chart-label" x="0" y="%g">`, y+fontSize)
		for i, line := range lines {
			dy := 0.0
			if i > 0 {
				dy = lineHeight
			}
			fmt.Fprintf(&rows, `<tspan x="0" dy="%g">%s</tspan>`, dy, template.HTMLEscapeString(line))
		}
		rows.WriteString(`</text>`)
		barY := y + lineHeight*float64(len(lines)) + 4
		w := 1.0
		if max > 0 {
			w = math.Max(1, math.Round(f.Value/max*(chartWidth-valueRoom)*10)/10)
		}
		fmt.Fprintf(&rows, `<rect class="chart-bar" x="0" y="%g" width="%g" height="%g" rx="2"></rect>`, barY, w, barHeight)
		fmt.Fprintf(&rows, `<text class="chart-value" x="%g" y="%g">%s</text>`, w+6, barY+barHeight-4, template.HTMLEscapeString(p.Figure(f)))
		y = barY + barHeight + rowGap
	}
	height := y - rowGap + 4
	id := model.ChartTitleID(key)
	return template.HTML(fmt.Sprintf(`<svg class="chart" role="img" aria-labelledby="%s" viewBox="0 0 %g %g" width="%g" height="%g"><title id="%s">%s</title>%s</svg>`,
		id, chartWidth, height, chartWidth, height, id, template.HTMLEscapeString(p.ui("chart."+key)), rows.String()))
}

// samePeriod reports whether every figure has the same period; then the
// period is said once, by the table beside the chart, not on every bar.
func samePeriod(figures []*model.Figure) bool {
	for _, f := range figures[1:] {
		if f.Period != figures[0].Period {
			return false
		}
	}
	return true
}

// textWidth estimates the width of text at fontSize: wide (CJK) characters
// are square, Latin letters and digits about half as wide. The estimate errs
// wide so that text is never clipped.
func textWidth(s string) float64 {
	w := 0.0
	for _, r := range s {
		switch {
		case isWide(r):
			w += fontSize
		case unicode.IsUpper(r):
			w += fontSize * 0.68
		default:
			w += fontSize * 0.58
		}
	}
	return w
}

func isWide(r rune) bool {
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul) ||
		(r >= 0x3000 && r <= 0x303F) || (r >= 0xFF00 && r <= 0xFFEF)
}

// wrap breaks text into lines no wider than width: between words where
// there are spaces, between any two characters in Chinese.
func wrap(text string, width float64) []string {
	var lines []string
	var line strings.Builder
	for _, tok := range tokens(text) {
		if line.Len() > 0 && textWidth(line.String()+tok) > width {
			lines = append(lines, strings.TrimSpace(line.String()))
			line.Reset()
			tok = strings.TrimLeft(tok, " ")
		}
		line.WriteString(tok)
	}
	if line.Len() > 0 {
		lines = append(lines, strings.TrimSpace(line.String()))
	}
	return lines
}

// tokens splits text into pieces a line may break after: each wide
// character alone, and runs of other characters with their leading space.
func tokens(text string) []string {
	var out []string
	var cur strings.Builder
	for _, r := range text {
		switch {
		case isWide(r):
			if cur.Len() > 0 {
				out = append(out, cur.String())
				cur.Reset()
			}
			out = append(out, string(r))
		case r == ' ' && cur.Len() > 0:
			out = append(out, cur.String())
			cur.Reset()
			cur.WriteRune(r)
		default:
			cur.WriteRune(r)
		}
	}
	if cur.Len() > 0 {
		out = append(out, cur.String())
	}
	return out
}
