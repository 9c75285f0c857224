package render

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
	"time"

	"westcoast/generator/model"
)

// TestLatest: a feed's entries, picked while the tree is walked, are the
// first n of all its content pages sorted whole.
func TestLatest(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	day := time.Date(2024, 5, 1, 0, 0, 0, 0, time.UTC)
	page := func(kind model.Kind, key string) *model.Page {
		p := &model.Page{Kind: kind, Key: key, Weight: r.IntN(3), Title: []string{"", "A", "B"}[r.IntN(3)], Extra: &model.Extra{}}
		if r.IntN(4) > 0 { // some have no date
			p.Extra.Date = day.AddDate(0, 0, r.IntN(30))
		}
		return p
	}
	home := page(model.KindHome, "/")
	term := page(model.KindTerm, "/tags/x/")
	var all []*model.Page
	for s := range 5 {
		section := page(model.KindSection, fmt.Sprintf("/s%d/", s))
		home.Pages = append(home.Pages, section)
		for i := range 40 * s { // the first section is empty
			p := page(model.KindPage, fmt.Sprintf("/s%d/p%d/", s, i))
			section.Pages = append(section.Pages, p)
			all = append(all, p)
			if i%3 == 0 {
				term.Pages = append(term.Pages, p)
			}
		}
		if s == 4 { // a section in a section
			inner := page(model.KindSection, "/s4/inner/")
			inner.Pages = []*model.Page{page(model.KindPage, "/s4/inner/p/")}
			section.Pages = append(section.Pages, inner)
			all = append(all, inner.Pages[0])
		}
	}
	home.Pages = append(home.Pages, page(model.KindPage, "/about/"))
	all = append(all, home.Pages[len(home.Pages)-1])

	for _, tc := range []struct {
		list  *model.Page
		pages []*model.Page
	}{{home, all}, {home.Pages[1], home.Pages[1].Pages}, {home.Pages[0], nil}, {term, term.Pages}} {
		sorted := slices.Clone(tc.pages)
		slices.SortFunc(sorted, model.CompareNewest)
		for _, n := range []int{1, 2, 7, 20, len(tc.pages), len(tc.pages) + 5} {
			want := sorted[:min(n, len(sorted))]
			if got := latest(tc.list, n); !slices.Equal(got, want) {
				t.Errorf("%s, n=%d: got %d pages, want %d, or in another order", tc.list.Key, n, len(got), len(want))
			}
		}
	}
}
