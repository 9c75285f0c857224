package model

import (
	"math/rand/v2"
	"slices"
	"sort"
	"testing"
	"time"
)

// TestOrders: ComparePages is SortPages' order, and CompareNewest that of
// a stable sort by date, newest first, after SortPages.
func TestOrders(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	day := time.Date(2024, 5, 1, 0, 0, 0, 0, time.UTC)
	var pages []*Page
	for i := range 400 {
		for _, lang := range []string{"zh", "en"} {
			pages = append(pages, &Page{Key: lang[:1] + string(rune('a'+i%26)) + string(rune('a'+i/26)),
				Weight: r.IntN(3), Title: []string{"", "A", "B", "a"}[r.IntN(4)], Extra: &Extra{Date: day.AddDate(0, 0, r.IntN(3))}})
		}
	}
	for i := range pages { // keys alike in two languages
		if i%2 == 1 {
			pages[i].Key = pages[i-1].Key
		}
	}
	r.Shuffle(len(pages), func(i, j int) { pages[i], pages[j] = pages[j], pages[i] })

	want := slices.Clone(pages)
	SortPages(want)
	got := slices.Clone(pages)
	slices.SortStableFunc(got, ComparePages)
	if !slices.Equal(got, want) {
		t.Error("ComparePages orders pages otherwise than SortPages")
	}
	sort.SliceStable(want, func(i, j int) bool { return want[i].Date.After(want[j].Date) })
	got = slices.Clone(pages)
	slices.SortStableFunc(got, CompareNewest)
	if !slices.Equal(got, want) {
		t.Error("CompareNewest orders pages otherwise than by date after SortPages")
	}
}
