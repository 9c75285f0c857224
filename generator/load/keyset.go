package load

import (
	"slices"
	"unique"
)

// keySet is the top-level keys a front matter or facts file sets, sorted
// and interned. A file sets a handful, and such a list is a fraction of
// the size of a map, which every parsed file of a site held until its page
// was made.
type keySet []string

// has reports whether key is set.
func (s keySet) has(key string) bool {
	_, ok := slices.BinarySearch(s, key)
	return ok
}

// with returns s with key in it. The key is interned: it may be a part of
// the text it was read from, which is let go.
func (s keySet) with(key string) keySet {
	i, ok := slices.BinarySearch(s, key)
	if ok {
		return s
	}
	return slices.Insert(s, i, unique.Make(key).Value())
}
