package model

import (
	"cmp"
	"sort"
)

// SortPages orders pages the way lists show them: by weight (weighted
// pages first), then title, then key.
func SortPages(pages []*Page) {
	sort.SliceStable(pages, func(i, j int) bool {
		a, b := pages[i], pages[j]
		if (a.Weight == 0) != (b.Weight == 0) {
			return a.Weight != 0
		}
		if a.Weight != b.Weight {
			return a.Weight < b.Weight
		}
		if a.Title != b.Title {
			return a.Title < b.Title
		}
		return a.Key < b.Key
	})
}

// ComparePages compares pages in SortPages' order, without its
// reflection. Within one language's list, where keys differ, it is total,
// so a sorted list is the one order of its pages.
func ComparePages(a, b *Page) int {
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

// CompareNewest is the order of related pages and of feeds: the newest
// first, by date, then as lists order them (ComparePages); pages without a
// date last.
func CompareNewest(a, b *Page) int {
	if c := b.Date.Compare(a.Date); c != 0 {
		return c
	}
	return ComparePages(a, b)
}
