package model

import (
	"strconv"
	"strings"
)

// ChartTitleID is the id of the title of a page's chart of the figures
// with this chart key: the chart's aria-labelledby names it.
func ChartTitleID(key string) string { return "chart-" + key + "-title" }

// IDUser tells whether id is one of the element ids that a page's figures
// bring to its layout, and what uses it: a table of figures gives each row
// its figure's id, and each chart's title is ChartTitleID of its key. The
// page's headings must not take them. Every page's conversion asks, and
// the answer is words only for a heading that takes one: a map of the
// ids with their words, made for every page, was 2.6% of a large build.
func (p *Page) IDUser(id string) (what string, ok bool) {
	if p == nil {
		return "", false
	}
	for _, f := range p.Figures {
		if f.ID == id {
			return "figure " + strconv.Quote(f.ID) + " of this page", true
		}
	}
	for _, f := range p.Figures {
		if f.Chart != "" && isChartTitleID(id, f.Chart) {
			return "the title of this page's " + strconv.Quote(f.Chart) + " chart", true
		}
	}
	return "", false
}

// isChartTitleID reports whether id is ChartTitleID(key), without making it.
func isChartTitleID(id, key string) bool {
	const prefix, suffix = "chart-", "-title"
	return len(id) == len(prefix)+len(key)+len(suffix) && strings.HasPrefix(id, prefix) &&
		strings.HasSuffix(id, suffix) && id[len(prefix):len(id)-len(suffix)] == key
}
