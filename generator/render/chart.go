package render

import (
	"math"
	"slices"

	"westcoast/generator/model"
)

// A Chart is a bar chart of figures that compare like with like: two or
// more figures of a page that share a chart key and are of one kind, unit
// and period. A layout draws it (partials/chart.html in this site) from what
// the chart has worked out: its title, its period and each bar's length.
type Chart struct {
	Key string
	// Title says what the chart shows: the UI string chart.<key>.
	Title string
	// Period says when: the figures' period in the page's language, or "".
	Period string
	// Unit is the counter of counts in the page's language ("projects"),
	// or "" for amounts and percentages, whose values say their unit.
	Unit string
	// Whole is true for percentages: each bar is drawn as a part of the
	// whole, with the rest of the whole beside it.
	Whole bool
	Bars  []Bar
}

// A Bar is one figure of a chart.
type Bar struct {
	Figure *model.Figure
	Label  string // in the page's language
	Value  string // the figure written out, with unit and qualifier
	// Share is the bar's length from 0 to 1: percentages against 100,
	// anything else against the chart's largest value, so the same
	// figures give the same bars in every language.
	Share float64
}

// Charts returns the page's charts: for each chart key, in the order the
// keys first appear among its figures, one chart per group of like
// figures (same kind, unit and period). A figure that has no like figure
// under its key is in no chart: one bar says nothing, and bars of unlike
// figures would compare what cannot be compared. The table shows every
// figure whatever the charts do.
func (p Page) Charts() []Chart {
	var charts []Chart
	for _, group := range chartGroups(p.Figures) {
		if len(group) > 1 {
			charts = append(charts, newChart(p, group))
		}
	}
	return charts
}

// chartGroups partitions the figures that have a chart key into groups of
// like figures, in the order each group's first figure appears, grouped
// by key first.
func chartGroups(figures []*model.Figure) [][]*model.Figure {
	var keys []string
	byKey := map[string][][]*model.Figure{}
	for _, f := range figures {
		if f.Chart == "" {
			continue
		}
		groups, seen := byKey[f.Chart]
		if !seen {
			keys = append(keys, f.Chart)
		}
		placed := false
		for i, g := range groups {
			if alike(g[0], f) {
				groups[i] = append(g, f)
				placed = true
				break
			}
		}
		if !placed {
			groups = append(groups, []*model.Figure{f})
		}
		byKey[f.Chart] = groups
	}
	var out [][]*model.Figure
	for _, k := range keys {
		out = append(out, byKey[k]...)
	}
	return out
}

func newChart(p Page, figures []*model.Figure) Chart {
	key := figures[0].Chart
	largest := 0.0
	for _, f := range figures {
		largest = math.Max(largest, f.Value)
	}
	whole := figures[0].Kind == "percent"
	if whole {
		largest = math.Max(largest, 100)
	}
	c := Chart{
		Key:    key,
		Title:  p.ui("chart." + key),
		Period: p.Period(figures[0]),
		Unit:   figures[0].Unit.In(p.Lang.Code),
		Whole:  whole,
	}
	for _, f := range figures {
		share := 0.0
		if largest > 0 {
			share = math.Round(math.Max(f.Value, 0)/largest*1000) / 1000
		}
		c.Bars = append(c.Bars, Bar{Figure: f, Label: p.Label(f), Value: p.Figure(f), Share: share})
	}
	return c
}

// alike reports whether two figures can be drawn in one chart.
func alike(a, b *model.Figure) bool {
	return a.Kind == b.Kind && a.Period == b.Period && slices.Equal(a.Unit, b.Unit)
}
