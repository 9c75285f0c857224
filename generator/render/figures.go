package render

import "westcoast/generator/model"

// A FigureTable is a list of figures as a table shows them: a period that
// every figure shares is said once, in the caption, and each row says its
// own only when the periods differ. Figures without a period say nothing
// of it, so a table never has a column that is empty in every row.
type FigureTable struct {
	Figures []*model.Figure
	// Period is the figures' common period in the page's language, or "".
	Period string
	// RowPeriods is true when some figures have another period than
	// others, so each row needs its own.
	RowPeriods bool
}

// FigureTable works out how a table shows figures.
func (p Page) FigureTable(figures []*model.Figure) FigureTable {
	t := FigureTable{Figures: figures}
	if len(figures) == 0 {
		return t
	}
	for _, f := range figures[1:] {
		if f.Period != figures[0].Period {
			t.RowPeriods = true
			return t
		}
	}
	t.Period = p.Period(figures[0])
	return t
}

// Status is how sure a figure is, in the page's language: UI string
// status.target or status.potential, or "" for a reported result.
func (p Page) Status(f *model.Figure) string {
	if f.Status == "" {
		return ""
	}
	return p.ui("status." + f.Status)
}
