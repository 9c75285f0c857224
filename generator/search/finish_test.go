package search

import (
	"cmp"
	"errors"
	"runtime"
	"slices"
	"strings"
	"testing"
	"unicode/utf16"
	"unicode/utf8"
)

// keyChars are characters on each side of every bound where UTF-8's
// order of bytes and UTF-16's order of code units might part, and bytes
// that are not UTF-8.
var keyChars = []string{"", "\x00", " ", "a", "\u007f", "\u0080", "é", "\u07ff", "\u0800", "数", "\ud7ff",
	"\ue000", "\uf900", "ﬁ", "\uffff", "\U00010000", "𠀀", "\U0010dfff", "\U0010e000", "\U0010ffff",
	"\x80", "\xe6\x95", "\xff", "\xee", "\xf0\x90"}

// keyPairs are the keys of up to two of keyChars.
func keyPairs() []string {
	var keys []string
	for _, a := range keyChars {
		for _, b := range keyChars {
			keys = append(keys, a+b)
		}
	}
	slices.Sort(keys)
	return slices.Compact(keys)
}

// utf16Compare is compareUTF16 as its doc says, by the code units
// themselves.
func utf16Compare(a, b string) int {
	return slices.Compare(utf16.Encode([]rune(a)), utf16.Encode([]rune(b)))
}

// TestCompareUTF16: compareUTF16 orders every two of keyPairs as their
// UTF-16 code units do, and so as JavaScript's < does. (It once put
// U+10E000–U+10FFFF among U+E000–U+FFFF, which no key can hold: they are
// neither letters nor Han.)
func TestCompareUTF16(t *testing.T) {
	keys := keyPairs()
	for _, a := range keys {
		for _, b := range keys {
			if got, want := cmp.Compare(compareUTF16(a, b), 0), utf16Compare(a, b); got != want {
				t.Errorf("compareUTF16(%q, %q) = %d, UTF-16 %d", a, b, got, want)
			}
		}
	}
}

// TestSortTerms: sortKey.compare orders every two keys of keyPairs, alone
// or after the same 8 bytes or 7 (so that their heads are the same, or
// end inside a character), as compareUTF16 does; and sortTerms puts them
// in its order, by their heads (keys of UTF-8) or by compare alone.
func TestSortTerms(t *testing.T) {
	var keys, valid []string
	for _, k := range keyPairs() {
		keys = append(keys, k, "economic"+k, "a数数"+k)
	}
	var all termList
	for _, k := range keys {
		all.add(k)
		if utf8.ValidString(k) {
			valid = append(valid, k)
		}
	}
	for i, a := range keys {
		for j, b := range keys {
			x, y := newSortKey(a, int32(i)), newSortKey(b, int32(j))
			if got, want := cmp.Compare(x.compare(y, all), 0), cmp.Compare(compareUTF16(a, b), 0); got != want {
				t.Errorf("compare(%q, %q) = %d, compareUTF16 %d", a, b, got, want)
			}
		}
	}
	for _, c := range []struct {
		name string
		keys []string
	}{{"UTF-8", valid}, {"not all UTF-8", keys}} {
		var l termList
		for _, k := range c.keys {
			l.add(k)
		}
		var got []string
		for _, term := range sortTerms(l) {
			got = append(got, term.key)
		}
		if len(got) != len(c.keys) || !slices.IsSortedFunc(got, compareUTF16) {
			t.Errorf("%s: sortTerms gives %d keys out of compareUTF16's order:\n%q", c.name, len(got), got)
		}
	}
}

// FuzzCompareKeys: any two keys compare as compareUTF16 compares them,
// and compareUTF16 as their UTF-16 code units.
func FuzzCompareKeys(f *testing.F) {
	for _, a := range keyChars {
		f.Add(a+"x", "x"+a)
	}
	f.Fuzz(func(t *testing.T, a, b string) {
		var l termList
		l.add(a)
		l.add(b)
		want := utf16Compare(a, b)
		if got := cmp.Compare(compareUTF16(a, b), 0); got != want {
			t.Fatalf("compareUTF16(%q, %q) = %d, UTF-16 %d", a, b, got, want)
		}
		if got := cmp.Compare(newSortKey(a, 0).compare(newSortKey(b, 1), l), 0); got != want {
			t.Fatalf("compare(%q, %q) = %d, UTF-16 %d", a, b, got, want)
		}
	})
}

// TestFinishStopsAtError: Finish returns the first error write returns,
// and asks it to write nothing more.
func TestFinishStopsAtError(t *testing.T) {
	docs := corpus(t, 100, 4)
	b := NewBuilder(len(docs))
	for i, d := range docs {
		b.Add(i, d)
	}
	all := finish(b, nil, 2<<10)
	if len(all) < 4 {
		t.Fatalf("the index has %d files, want at least 4 for this test", len(all))
	}
	failed := errors.New("disk full")
	for _, stop := range []int{0, 2, len(all) - 1} {
		var paths []string
		err := b.Finish(nil, 2<<10, func(path string, data []byte) error {
			paths = append(paths, path)
			if len(paths) == stop+1 {
				return failed
			}
			return nil
		})
		if !errors.Is(err, failed) || len(paths) != stop+1 {
			t.Errorf("write fails at file %d: Finish wrote %d files and returned %v", stop+1, len(paths), err)
		}
	}
}

// TestFinishHoldsOneShard: Finish allocates less than half the size of
// the shards it makes, since it makes each in the buffer of the one
// before. (It once made them all at once, in one buffer their size.)
func TestFinishHoldsOneShard(t *testing.T) {
	docs := corpus(t, 2000, 4)
	b := NewBuilder(len(docs))
	for i, d := range docs {
		b.Add(i, d)
	}
	shards := 0
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	err := b.Finish(nil, DefaultShardSize, func(path string, data []byte) error {
		if strings.HasPrefix(path, "s/") {
			shards += len(data)
		}
		return nil
	})
	runtime.ReadMemStats(&after)
	if err != nil {
		t.Fatal(err)
	}
	if made := after.TotalAlloc - before.TotalAlloc; made > uint64(shards)/2 {
		t.Errorf("Finish allocated %d bytes to make %d bytes of shards", made, shards)
	}
}
