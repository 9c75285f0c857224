package render

import (
	"fmt"
	"maps"
	"math"

	"westcoast/generator/model"
)

// A Chart is a bar chart of figures that compare like with like: the
// figures of a page that share a chart key, all of one kind, unit and
// period. A layout draws it (partials/chart.html in this site) from what
// the chart has worked out: its title, its period and each bar's length.
type Chart struct {
	Key string
	// Title says what the chart shows: the UI string chart.<key>.
	Title string
	// Period says when: the figures' period in the page's language, or "".
	Period string
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

// Charts returns the page's charts, one per chart key in the order the
// keys first appear among its figures. A chart of one figure, or of
// figures that differ in kind, unit or period, is an error: its bars would
// say nothing, or compare what cannot be compared.
func (p Page) Charts() ([]Chart, error) {
	var keys []string
	byKey := map[string][]*model.Figure{}
	for _, f := range p.Figures {
		if f.Chart == "" {
			continue
		}
		if _, seen := byKey[f.Chart]; !seen {
			keys = append(keys, f.Chart)
		}
		byKey[f.Chart] = append(byKey[f.Chart], f)
	}
	charts := make([]Chart, 0, len(keys))
	for _, key := range keys {
		c, err := newChart(p, key, byKey[key])
		if err != nil {
			return nil, err
		}
		charts = append(charts, c)
	}
	return charts, nil
}

func newChart(p Page, key string, figures []*model.Figure) (Chart, error) {
	if err := alike(key, figures); err != nil {
		return Chart{}, err
	}
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
		Whole:  whole,
	}
	for _, f := range figures {
		share := 0.0
		if largest > 0 {
			share = math.Round(math.Max(f.Value, 0)/largest*1000) / 1000
		}
		c.Bars = append(c.Bars, Bar{Figure: f, Label: p.Label(f), Value: p.Figure(f), Share: share})
	}
	return c, nil
}

// alike reports why the figures of a chart cannot be drawn together, if
// they cannot.
func alike(key string, figures []*model.Figure) error {
	first := figures[0]
	if len(figures) == 1 {
		return fmt.Errorf("chart %q has only one figure (%s): a chart compares two or more like figures", key, first.ID)
	}
	for _, f := range figures[1:] {
		switch {
		case f.Kind != first.Kind:
			return fmt.Errorf("chart %q: %s is %s and %s is %s: a chart compares like with like", key, first.ID, first.Kind, f.ID, f.Kind)
		case !maps.Equal(f.Unit, first.Unit):
			return fmt.Errorf("chart %q: %s and %s have different units: a chart compares like with like", key, first.ID, f.ID)
		case f.Period != first.Period:
			return fmt.Errorf("chart %q: %s and %s have different periods (%q, %q): a chart compares like with like", key, first.ID, f.ID, first.Period, f.Period)
		}
	}
	return nil
}
