package search

import (
	"slices"
	"testing"
)

// TestNumberTable: every key put is found with its term, through the
// table's growth, and keys never put are not, however alike their bits.
func TestNumberTable(t *testing.T) {
	var table numberTable
	key := func(i int) uint64 { return hanKey(rune(0x4E00+i%3000), rune(i/3000)) }
	const n = 20000
	for i := range n {
		if _, ok := table.get(key(i)); ok {
			t.Fatalf("key %d found before it was put", i)
		}
		table.put(key(i), int32(i))
	}
	for i := range n {
		if got, ok := table.get(key(i)); !ok || got != int32(i) {
			t.Fatalf("key %d: %d, %v; want %d", i, got, ok, i)
		}
	}
	for i := n; i < 2*n; i++ {
		if got, ok := table.get(key(i)); ok {
			t.Fatalf("key %d, never put, found as %d", i, got)
		}
	}
	if 4*table.used > 3*len(table.slots) {
		t.Errorf("%d keys in %d slots: more than three quarters full", table.used, len(table.slots))
	}
}

// TestDictionaryWords: words of every length up to past the short words'
// 7 bytes, some alike but for their length or a byte, are each found
// with their term and stem once added, as bytes and as strings, and not
// before.
func TestDictionaryWords(t *testing.T) {
	d := newDictionary()
	var words []string
	for _, base := range []string{"abcdefghij", "abcdefgh\x00\x00", "ééééé", "\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00"} {
		for n := 1; n <= len(base); n++ {
			words = append(words, base[:n])
		}
	}
	words = append(words, "zbcdefg", "abcdefz", "2025", "don't")
	slices.Sort(words)
	words = slices.Compact(words)
	for i, w := range words {
		if e, ok := d.word([]byte(w)); ok {
			t.Fatalf("%q found as %v before it was added", w, e)
		}
		d.addWord(w, wordEntry{term: int32(i), stem: int32(1000 + i)})
	}
	for i, w := range words {
		want := wordEntry{term: int32(i), stem: int32(1000 + i)}
		if e, ok := d.word([]byte(w)); !ok || e != want {
			t.Errorf("%q: %v, %v; want %v", w, e, ok, want)
		}
		if e, ok := d.wordString(w); !ok || e != want {
			t.Errorf("%q as a string: %v, %v; want %v", w, e, ok, want)
		}
	}
	if got := d.shortWords.used + len(d.words); got != len(words) {
		t.Errorf("%d words added, %d held", len(words), got)
	}
}
