package model

import "strconv"

// ChartTitleID is the id of the title of a page's chart of the figures
// with this chart key: the chart's aria-labelledby names it.
func ChartTitleID(key string) string { return "chart-" + key + "-title" }

// OwnIDs are the element ids that a page's figures bring to its layout,
// each with what uses it: a table of figures gives each row its figure's
// id, and each chart's title is ChartTitleID of its key. The page's
// headings must not take them.
func (p *Page) OwnIDs() map[string]string {
	if len(p.Figures) == 0 {
		return nil
	}
	ids := map[string]string{}
	for _, f := range p.Figures {
		// Every page with figures makes these; fmt's machinery was
		// most of the cost.
		ids[f.ID] = "figure " + strconv.Quote(f.ID) + " of this page"
		if f.Chart != "" {
			ids[ChartTitleID(f.Chart)] = "the title of this page's " + strconv.Quote(f.Chart) + " chart"
		}
	}
	return ids
}
