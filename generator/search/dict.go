package search

import (
	"math/bits"
	"unicode/utf8"
)

// dictionary finds the number of a key the index has by what the page
// reader holds when it meets the key, so that reading a page makes no
// strings and hashes no more than it must: a word by its bytes, a pair of
// words by its stems' numbers, a Han character by itself, a pair of Han
// characters by the two as one number. It is only read under
// Builder.dictMu's read lock, and added to under its lock.
type dictionary struct {
	// Words of up to 7 bytes, most of English, are found by their bytes
	// and length as one number (shortWord), with one probe of a table
	// that holds their stems beside their terms; a map would hash the
	// word and compare it through a pointer. Longer words are in words.
	shortWords numberTable
	words      map[string]wordEntry
	stems      map[string]int32 // every stem of a word the index has, numbered from 1
	stemNames  []string         // stems by number
	stemPairs  numberTable      // pairs of words, by stemPair
	hanBMP     *[0x10000]int32  // Han characters below U+10000: term number + 1, 0 for none
	han        numberTable      // other Han characters and pairs, by hanKey
}

// wordEntry is a word's term and its stem's number.
type wordEntry struct {
	term, stem int32
}

func newDictionary() dictionary {
	return dictionary{
		words:     make(map[string]wordEntry, 1<<8),
		stems:     make(map[string]int32, 1<<10),
		stemNames: []string{""}, // numbers start at 1: 0 is a stem the index does not have
		hanBMP:    new([0x10000]int32),
		// Room from the start for the keys of a small site, such as
		// the real one, rather than growing to it a step at a time.
		shortWords: newNumberTable(1 << 11),
		stemPairs:  newNumberTable(1 << 13),
		han:        newNumberTable(1 << 13),
	}
}

// shortWord packs a word of 1 to 7 bytes into a number, its bytes in
// order from the lowest and its length in the highest byte, and says
// whether the word is one.
func shortWord[T string | []byte](w T) (uint64, bool) {
	n := len(w)
	if n == 0 || n > 7 {
		return 0, false
	}
	k := uint64(n) << 56
	for i := range n {
		k |= uint64(w[i]) << (8 * i)
	}
	return k, true
}

// word finds a word's term and its stem's number.
func (d *dictionary) word(w []byte) (wordEntry, bool) {
	if k, ok := shortWord(w); ok {
		return d.shortWords.getWord(k)
	}
	e, ok := d.words[string(w)]
	return e, ok
}

// wordString is word for a word as a string.
func (d *dictionary) wordString(w string) (wordEntry, bool) {
	if k, ok := shortWord(w); ok {
		return d.shortWords.getWord(k)
	}
	e, ok := d.words[w]
	return e, ok
}

// addWord adds a word, which the dictionary does not have.
func (d *dictionary) addWord(w string, e wordEntry) {
	if k, ok := shortWord(w); ok {
		d.shortWords.putWord(k, e)
	} else {
		d.words[w] = e
	}
}

// hanKey packs one Han character, or two, into a number.
func hanKey(a, b rune) uint64 { return uint64(a)<<32 | uint64(b) }

// stemPair packs two stems' numbers into one.
func stemPair(a, b int32) uint64 { return uint64(a)<<32 | uint64(b) }

// hanChar finds a Han character's term.
func (d *dictionary) hanChar(r rune) (int32, bool) {
	if r < 0x10000 {
		n := d.hanBMP[r]
		return n - 1, n != 0
	}
	return d.hanAbove(r)
}

// hanKeyTerm finds the term of a Han key.
func (d *dictionary) hanKeyTerm(key uint64) (int32, bool) {
	if key&0xFFFFFFFF == 0 {
		return d.hanChar(rune(key >> 32))
	}
	return d.han.get(key)
}

// appendHanKey appends the text of a Han key.
func appendHanKey(b []byte, key uint64) []byte {
	b = utf8.AppendRune(b, rune(key>>32))
	if second := rune(key & 0xFFFFFFFF); second != 0 {
		b = utf8.AppendRune(b, second)
	}
	return b
}

// hanKeyLen is the length of a Han key's text.
func hanKeyLen(key uint64) int {
	n := utf8.RuneLen(rune(key >> 32))
	if second := rune(key & 0xFFFFFFFF); second != 0 {
		n += utf8.RuneLen(second)
	}
	return n
}

// hanAbove is hanChar for a character above U+FFFF: rare, and kept out of
// hanChar so that hanChar is inlined.
func (d *dictionary) hanAbove(r rune) (int32, bool) {
	return d.han.get(hanKey(r, 0))
}

// stem returns a stem's number, numbering it if it is new.
func (d *dictionary) stem(s string) int32 {
	if n, ok := d.stems[s]; ok {
		return n
	}
	n := int32(len(d.stemNames))
	d.stems[s] = n
	d.stemNames = append(d.stemNames, s)
	return n
}

// numberTable maps numbers to term numbers (or, for a page's new Han
// keys, to their place in its list), by open addressing: a map lookup for
// these keys, which the Han keys of a page need thousands of, costs
// several times more.
type numberTable struct {
	slots []slot // a power of two, at most three quarters full
	shift uint   // 64 less the power
	used  int
}

type slot struct {
	key  uint64
	term int32 // term number + 1; 0 for an empty slot
	stem int32 // a short word's stem's number (in room the alignment leaves)
}

// get returns the term of key, if the table has it.
func (t *numberTable) get(key uint64) (int32, bool) {
	if len(t.slots) == 0 {
		return 0, false
	}
	mask := uint64(len(t.slots) - 1)
	for i := t.home(key); ; i = (i + 1) & mask {
		s := &t.slots[i]
		if s.term == 0 {
			return 0, false
		}
		if s.key == key {
			return s.term - 1, true
		}
	}
}

// getWord is get for a short word: its term and its stem's number.
func (t *numberTable) getWord(key uint64) (wordEntry, bool) {
	mask := uint64(len(t.slots) - 1)
	for i := t.home(key); ; i = (i + 1) & mask {
		s := &t.slots[i]
		if s.term == 0 {
			return wordEntry{}, false
		}
		if s.key == key {
			return wordEntry{s.term - 1, s.stem}, true
		}
	}
}

// put adds key, which the table does not have, for term.
func (t *numberTable) put(key uint64, term int32) {
	t.putSlot(slot{key: key, term: term + 1})
}

// putWord is put for a short word.
func (t *numberTable) putWord(key uint64, e wordEntry) {
	t.putSlot(slot{key: key, term: e.term + 1, stem: e.stem})
}

func (t *numberTable) putSlot(s slot) {
	if 4*(t.used+1) > 3*len(t.slots) {
		t.grow()
	}
	mask := uint64(len(t.slots) - 1)
	i := t.home(s.key)
	for t.slots[i].term != 0 {
		i = (i + 1) & mask
	}
	t.slots[i] = s
	t.used++
}

// clear empties the table, keeping its room.
func (t *numberTable) clear() {
	clear(t.slots)
	t.used = 0
}

// newNumberTable returns a table with room for 3/4 size keys, size a power
// of two.
func newNumberTable(size int) numberTable {
	return numberTable{slots: make([]slot, size), shift: uint(64 - bits.Len(uint(size-1)))}
}

func (t *numberTable) grow() {
	old := t.slots
	*t = newNumberTable(max(2*len(old), 1024))
	for _, s := range old {
		if s.term != 0 {
			t.putSlot(s)
		}
	}
}

// home is the slot where a key's search starts: the top bits of the key
// times 2⁶⁴/φ (Fibonacci hashing), which every bit of the key changes.
func (t *numberTable) home(key uint64) uint64 {
	return key * 0x9E3779B97F4A7C15 >> t.shift
}
