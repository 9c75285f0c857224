package load

import (
	"cmp"

	"westcoast/generator/model"
)

// listBefore is the order of model.SortPages: weighted pages first, by
// weight, then by title, then by key. Within one language's list, where
// keys differ, it is total, so a sorted list is the one order of its
// pages.
func listBefore(a, b *model.Page) bool {
	return comparePages(a, b) < 0
}

// comparePages compares pages in model.SortPages' order.
func comparePages(a, b *model.Page) int {
	if (a.Weight == 0) != (b.Weight == 0) {
		if a.Weight != 0 {
			return -1
		}
		return 1
	}
	switch {
	case a.Weight != b.Weight:
		return cmp.Compare(a.Weight, b.Weight)
	case a.Title != b.Title:
		return cmp.Compare(a.Title, b.Title)
	}
	return cmp.Compare(a.Key, b.Key)
}

// compareRank is the order relate ranks pages in: the newest first, then
// as lists order them.
func compareRank(a, b *model.Page) int {
	if c := b.Date.Compare(a.Date); c != 0 {
		return c
	}
	return comparePages(a, b)
}

// rankBefore reports whether a ranks before b (compareRank).
func rankBefore(a, b *model.Page) bool {
	return compareRank(a, b) < 0
}
