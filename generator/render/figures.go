package render

import "westcoast/generator/model"

// A FigureTable is a list of figures as a table shows them: a period that
// every figure shares is said once, in the caption, and each row says its
// own only when the periods differ. Figures without a period say nothing
// of it, so a table never has a column that is empty in every row.
type FigureTable struct {
	Figures []*model.Figure
	// Rows are the figures as the table's rows write them, worked out
	// once: a template reads their fields rather than calling a method
	// for each cell.
	Rows []FigureRow
	// Period is the figures' common period in the page's language, or "".
	Period string
	// RowPeriods is true when some figures have another period than
	// others, so each row needs its own.
	RowPeriods bool
}

// FigureRow is one figure of a table, in the page's language.
type FigureRow struct {
	Figure *model.Figure
	ID     string
	Label  string
	Status string // as Page.Status: "" for a reported result
	Period string // the row's own period, when the table has RowPeriods
	Value  string // as Page.Figure: value, unit and qualifier
}

// FigureTable works out how a table shows figures.
func (p Page) FigureTable(figures []*model.Figure) FigureTable {
	t := FigureTable{Figures: figures}
	for _, f := range figures {
		if f.Period != figures[0].Period {
			t.RowPeriods = true
		}
	}
	if len(figures) > 0 && !t.RowPeriods {
		t.Period = p.Period(figures[0])
	}
	t.Rows = make([]FigureRow, len(figures))
	for i, f := range figures {
		t.Rows[i] = FigureRow{Figure: f, ID: f.ID, Label: p.Label(f), Status: p.Status(f), Value: p.Figure(f)}
		if t.RowPeriods {
			t.Rows[i].Period = p.Period(f)
		}
	}
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
