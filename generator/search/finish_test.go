package search

import (
	"cmp"
	"slices"
	"testing"
	"unicode/utf8"
)

// keyChars are characters on each side of every bound where UTF-8's
// order of bytes and UTF-16's order of code units might part, and bytes
// that are not UTF-8.
var keyChars = []string{"", "\x00", " ", "a", "\u007f", "\u0080", "é", "\u07ff", "\u0800", "数", "\ud7ff",
	"\ue000", "\uf900", "ﬁ", "\uffff", "\U00010000", "𠀀", "\U0010ffff", "\x80", "\xe6\x95", "\xff", "\xee", "\xf0\x90"}

// TestCompareKeys: every two keys of up to two of keyChars, alone or
// after the same 8 bytes or 7 (so that the keys' heads are the same, or
// end in the middle of a character), compare as compareUTF16 compares
// them (sortKey.compare), and sortTerms puts them in its order.
func TestCompareKeys(t *testing.T) {
	var keys []string
	for _, a := range keyChars {
		for _, b := range keyChars {
			keys = append(keys, a+b, "economic"+a+b, "a数数"+a+b)
		}
	}
	slices.Sort(keys)
	keys = slices.Compact(keys)
	var all termList
	for _, k := range keys {
		all.add(k)
	}
	for i, a := range keys {
		for j, b := range keys {
			x, y := newSortKey(a, int32(i)), newSortKey(b, int32(j))
			if got, want := cmp.Compare(x.compare(y, all), 0), cmp.Compare(compareUTF16(a, b), 0); got != want {
				t.Errorf("compare(%q, %q) = %d, compareUTF16 %d", a, b, got, want)
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
	for _, term := range sortTerms(l) {
		got = append(got, term.key)
	}
	if !slices.Equal(got, valid) {
		t.Errorf("sortTerms:\n%q\nwant\n%q", got, valid)
	}
}

// FuzzCompareKeys: any two keys compare as compareUTF16 compares them.
func FuzzCompareKeys(f *testing.F) {
	for _, a := range keyChars {
		f.Add(a+"x", "x"+a)
	}
	f.Fuzz(func(t *testing.T, a, b string) {
		var l termList
		l.add(a)
		l.add(b)
		if got, want := cmp.Compare(newSortKey(a, 0).compare(newSortKey(b, 1), l), 0), cmp.Compare(compareUTF16(a, b), 0); got != want {
			t.Fatalf("compare(%q, %q) = %d, compareUTF16 %d", a, b, got, want)
		}
	})
}
