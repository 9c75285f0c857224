package search

import (
	"cmp"
	"slices"
	"testing"
	"unicode/utf8"
)

// keyChars are characters on each side of every bound where UTF-8's
// order of bytes and UTF-16's order of code units might part.
var keyChars = []string{"", " ", "a", "\u007f", "\u0080", "é", "\u07ff", "\u0800", "数", "\ud7ff",
	"\ue000", "\uf900", "ﬁ", "\uffff", "\U00010000", "𠀀", "\U0010ffff", "\xff", "\xee", "\xf0\x90"}

// TestCompareKeys: every two keys of up to two of keyChars compare as
// compareUTF16 compares them, and sortTerms puts them in its order.
func TestCompareKeys(t *testing.T) {
	var keys []string
	for _, a := range keyChars {
		for _, b := range keyChars {
			keys = append(keys, a+b)
		}
	}
	slices.Sort(keys)
	keys = slices.Compact(keys)
	for _, a := range keys {
		for _, b := range keys {
			x := sortedTerm{key: a, class: classify(a)}
			y := sortedTerm{key: b, class: classify(b)}
			if got, want := cmp.Compare(compareKeys(x, y), 0), cmp.Compare(compareUTF16(a, b), 0); got != want {
				t.Errorf("compareKeys(%q, %q) = %d, compareUTF16 %d", a, b, got, want)
			}
		}
	}
	var l termList
	var valid []string
	for _, k := range keys {
		if utf8.ValidString(k) {
			l.add(k)
			valid = append(valid, k)
		}
	}
	slices.SortFunc(valid, compareUTF16)
	var got []string
	for _, st := range sortTerms(l) {
		got = append(got, st.key)
	}
	if !slices.Equal(got, valid) {
		t.Errorf("sortTerms:\n%q\nwant\n%q", got, valid)
	}
}

// FuzzCompareKeys: keys of UTF-8 compare as compareUTF16 compares them.
func FuzzCompareKeys(f *testing.F) {
	for _, a := range keyChars {
		f.Add(a+"x", "x"+a)
	}
	f.Fuzz(func(t *testing.T, a, b string) {
		if !utf8.ValidString(a) || !utf8.ValidString(b) {
			return // the slow way, compareUTF16 itself
		}
		x := sortedTerm{key: a, class: classify(a)}
		y := sortedTerm{key: b, class: classify(b)}
		if got, want := cmp.Compare(compareKeys(x, y), 0), cmp.Compare(compareUTF16(a, b), 0); got != want {
			t.Fatalf("compareKeys(%q, %q) = %d, compareUTF16 %d", a, b, got, want)
		}
	})
}
