package model

import "testing"

// A page's figures bring their ids, and their charts' titles' ids, each
// with the words an error about it uses; nothing else is theirs.
func TestIDUser(t *testing.T) {
	p := &Page{Figures: []*Figure{{ID: "tax-share", Measure: &Measure{Chart: "tax"}}, {ID: `say"hi"`, Measure: &Measure{}}}}
	for _, tc := range []struct {
		page *Page
		id   string
		want string // "" for an id the page's figures do not use
	}{
		{p, "tax-share", `figure "tax-share" of this page`},
		{p, "chart-tax-title", `the title of this page's "tax" chart`},
		{p, `say"hi"`, `figure "say\"hi\"" of this page`},
		{p, "chart--title", ""},
		{p, "chart-tax", ""},
		{p, "chart-taxx-title", ""},
		{p, "tax", ""},
		{p, "main", ""},
		{&Page{}, "tax-share", ""},
		{nil, "tax-share", ""},
	} {
		got, ok := tc.page.IDUser(tc.id)
		if got != tc.want || ok != (tc.want != "") {
			t.Errorf("IDUser(%q) = %q, %v; want %q", tc.id, got, ok, tc.want)
		}
	}
}
