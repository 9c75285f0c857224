package search

import (
	"cmp"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"hash"
	"hash/fnv"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// DefaultShardSize is the size a shard is filled to before the next one
// starts. A key whose postings are larger has a shard of its own.
const DefaultShardSize = 12 << 10

// ManifestPath is the manifest's name in the index's folder.
const ManifestPath = "index.json"

// Language is one of the site's languages and its range of documents.
type Language struct {
	Code string `json:"code"`
	Name string `json:"name"`
	From int    `json:"from"` // documents From ≤ n < To
	To   int    `json:"to"`
}

// Manifest is the file the script reads first.
type Manifest struct {
	// Version changes whenever any file of the index does; the script
	// asks for each file with it, so no browser mixes two builds.
	Version   string     `json:"version"`
	Languages []Language `json:"languages"`
	// Groups are runs of documents that are translations of others:
	// [first, count, group of the first]; document first+i is in group
	// group+i. A document in no run is its own group.
	Groups [][3]int `json:"groups"`
	// Shards are the first keys of the shards, cut short: shard i holds
	// the keys from Shards[i] up to Shards[i+1].
	Shards []string `json:"shards"`
	// Fold is OpenCC's table of traditional and simplified characters,
	// in pairs, as far as the index needs it (see Fold).
	Fold string `json:"fold"`
}

// Finish makes the index's files once every document is added: the
// shards, then the manifest, which names them and hashes them all. It
// hands each to write as it is made, with its path in the index's folder,
// and reuses the data once write returns, so that it never holds more
// than one shard's bytes beside the postings; it stops at the first error
// write returns, and returns it. Finish adds nothing to the postings but
// what was still due, so that it can be called again.
func (b *Builder) Finish(langs []Language, shardSize int, write func(path string, data []byte) error) error {
	b.mu.Lock()
	defer b.mu.Unlock()
	for len(b.pending) > 0 { // documents never added are left out
		if _, ok := b.pending[b.next]; !ok {
			b.next++
			continue
		}
		b.drain()
	}
	terms := sortTerms(b.terms)

	if langs == nil { // "languages": [], not null, for a site with nothing to search
		langs = []Language{}
	}
	m := &Manifest{Languages: langs, Groups: b.groupRuns(), Fold: foldPairs(func(r rune) bool {
		_, ok := b.dict.hanChar(r)
		return ok
	})}
	version := b.versionHash()
	err := packShards(terms, &b.postings, shardSize, func(first string, data []byte) error {
		m.Shards = append(m.Shards, first)
		version.Write(data)
		return write("s/"+strconv.Itoa(len(m.Shards)-1)+".bin", data)
	})
	if err != nil {
		return err
	}
	m.Version = fmt.Sprintf("%016x", version.Sum64())
	data, _ := json.Marshal(m) // a struct of strings and ints always encodes
	return write(ManifestPath, data)
}

// versionHash starts the hash of every file of the index, which the
// version is: the documents' files (by their sums), the groups, then the
// shards, added as they are made.
func (b *Builder) versionHash() hash.Hash64 {
	h := fnv.New64a()
	var buf [8]byte
	for _, f := range b.fragHash {
		binary.LittleEndian.PutUint64(buf[:], f)
		h.Write(buf[:])
	}
	for _, g := range b.groups {
		binary.LittleEndian.PutUint32(buf[:4], uint32(g))
		h.Write(buf[:4])
	}
	return h
}

// groupRuns describes each document's group as the manifest gives it.
func (b *Builder) groupRuns() [][3]int {
	runs := [][3]int{}
	for d := 0; d < len(b.groups); d++ {
		g := int(b.groups[d])
		if g == d {
			continue
		}
		if n := len(runs); n > 0 {
			if r := &runs[n-1]; r[0]+r[1] == d && r[2]+r[1] == g {
				r[1]++
				continue
			}
		}
		runs = append(runs, [3]int{d, 1, g})
	}
	return runs
}

// packShards cuts the sorted terms into shards of about size bytes, and
// hands each to emit, with the shortest start of its first key above the
// last shard's keys (see separator), in a buffer the next one reuses. A
// site with no text still has a shard, so that every key has one.
func packShards(terms []*term, postings *postingStore, size int, emit func(first string, data []byte) error) error {
	buf := make([]byte, 0, size+size/2)
	shards := 0
	first, prev, lastKey := "", "", ""
	for _, t := range terms {
		entry := len(t.key) + int(t.size) + 8
		if len(buf) > 0 && len(buf)+entry > size {
			if err := emit(first, buf); err != nil {
				return err
			}
			buf = buf[:0]
			shards++
		}
		if len(buf) == 0 {
			first, prev = separator(lastKey, t.key, shards == 0), ""
		}
		shared := commonPrefix(prev, t.key)
		buf = binary.AppendUvarint(buf, uint64(shared))
		buf = binary.AppendUvarint(buf, uint64(len(t.key)-shared))
		buf = append(buf, t.key[shared:]...)
		buf = binary.AppendUvarint(buf, uint64(t.size))
		buf = postings.appendTo(buf, t)
		prev, lastKey = t.key, t.key
	}
	if len(buf) > 0 || shards == 0 {
		return emit(first, buf)
	}
	return nil
}

// separator is the shortest start of key that sorts above last: every key
// of the shards before sorts below it, and every key of this one not.
func separator(last, key string, first bool) string {
	if first {
		return ""
	}
	for i := range key {
		if i > 0 && compareUTF16(last, key[:i]) < 0 {
			return key[:i]
		}
	}
	return key
}

func commonPrefix(a, b string) int {
	n := 0
	for n < len(a) && n < len(b) && a[n] == b[n] {
		n++
	}
	return n
}

// compareUTF16 orders strings as JavaScript's < does: by UTF-16 code
// units, which puts characters above U+FFFF before U+E000–U+FFFF. A byte
// that is not UTF-8 counts as U+FFFD.
func compareUTF16(a, b string) int {
	for a != "" && b != "" {
		ra, n := utf8.DecodeRuneInString(a)
		rb, m := utf8.DecodeRuneInString(b)
		if ra != rb {
			return int(utf16Order(ra)) - int(utf16Order(rb))
		}
		a, b = a[n:], b[m:]
	}
	return len(a) - len(b)
}

// utf16Order numbers characters in UTF-16's order: U+E000–U+FFFF after
// every other character, up to U+10FFFF.
func utf16Order(r rune) rune {
	if r >= 0xE000 && r <= 0xFFFF {
		return r - 0xE000 + utf8.MaxRune + 1
	}
	return r
}

// sortKey is a term as it is sorted: its number, with its key's first
// bytes as a number and how the key may be compared at hand, so that most
// comparisons read neither the term nor its key.
type sortKey struct {
	head  uint64 // the key's first 8 bytes, big-endian and in utf16Byte's order, 0s after a shorter key
	n     int32
	class keyClass
}

// keyClass says how a key compares with others.
type keyClass uint8

const (
	// narrowKey: valid UTF-8, every character below U+E000.
	narrowKey keyClass = iota
	// wideKey: valid UTF-8, with a character from U+E000 up.
	wideKey
	// invalidKey: not UTF-8, which no key the page reader makes is.
	invalidKey
)

func newSortKey(key string, n int32) sortKey {
	var head [8]byte
	copy(head[:], key)
	for i, c := range head {
		head[i] = utf16Byte(c)
	}
	k := sortKey{head: binary.BigEndian.Uint64(head[:]), n: n, class: narrowKey}
	for _, r := range key {
		if r >= 0xE000 { // or utf8.RuneError, for a byte that is not UTF-8
			k.class = wideKey
			break
		}
	}
	if k.class == wideKey && !utf8.ValidString(key) {
		k.class = invalidKey
	}
	return k
}

// utf16Byte renumbers the first bytes of UTF-8's characters from U+E000
// up, so that strings of UTF-8 renumbered so are in the order of their
// bytes as they are in compareUTF16's: UTF-8's bytes order characters by
// number, as UTF-16's code units do, but for characters above U+FFFF,
// which UTF-16 puts below U+E000–U+FFFF. Their first bytes, F0–F4, become
// EE–F2, and those of U+E000–U+FFFF, EE and EF, become F3 and F4. No byte
// but a character's first is EE or above, so where two strings' bytes
// first differ, either both are characters' first bytes or both are of
// characters that start with the same byte, whose order the renumbering
// keeps.
func utf16Byte(c byte) byte {
	switch {
	case c == 0xEE || c == 0xEF:
		return c + 5
	case 0xF0 <= c && c <= 0xF4:
		return c - 2
	}
	return c
}

// compare orders terms by key as compareUTF16 does: by their heads if they
// differ (a shorter key's missing bytes count as 0s, which sort below any
// byte but 0, and if the other key has a 0 there the heads do not
// differ), and else by their bytes, which is the same unless both keys
// are wide (see utf16Byte). A key that is not UTF-8 is compared by
// compareUTF16 alone. Only the sign of the result is compareUTF16's.
func (x sortKey) compare(y sortKey, terms termList) int {
	switch {
	case x.class == invalidKey || y.class == invalidKey:
	case x.head != y.head:
		return cmp.Compare(x.head, y.head)
	case x.class+y.class <= wideKey:
		return strings.Compare(terms.at(x.n).key, terms.at(y.n).key)
	}
	return compareUTF16(terms.at(x.n).key, terms.at(y.n).key)
}

// sortTerms returns the terms in the order of their keys: by their heads,
// a byte at a time (a radix sort, a few passes over the keys rather than
// a comparison a key and a level), then each run of keys with the same
// head by compare. Keys that are not UTF-8, which have no head to go by,
// are all sorted by compare.
func sortTerms(l termList) []*term {
	keys := make([]sortKey, l.n)
	invalid := false
	for n := range keys {
		keys[n] = newSortKey(l.at(int32(n)).key, int32(n))
		invalid = invalid || keys[n].class == invalidKey
	}
	byKey := func(x, y sortKey) int { return x.compare(y, l) }
	if invalid {
		slices.SortFunc(keys, byKey)
	} else {
		sortHeads(keys)
		for i := 0; i < len(keys); {
			j := i + 1
			for j < len(keys) && keys[j].head == keys[i].head {
				j++
			}
			if j-i > 1 {
				slices.SortFunc(keys[i:j], byKey)
			}
			i = j
		}
	}
	terms := make([]*term, len(keys))
	for i, k := range keys {
		terms[i] = l.at(k.n)
	}
	return terms
}

// sortHeads sorts keys by head, a byte at a time from the last, each
// pass keeping the order of the last among keys with the same byte.
func sortHeads(keys []sortKey) {
	from, to := keys, make([]sortKey, len(keys))
	for shift := 0; shift < 64; shift += 8 {
		var start [256]int
		for _, k := range from {
			start[byte(k.head>>shift)]++
		}
		if len(from) > 0 && start[byte(from[0].head>>shift)] == len(from) {
			continue // every key has the same byte here
		}
		sum := 0
		for b, count := range start {
			start[b] = sum
			sum += count
		}
		for _, k := range from {
			b := byte(k.head >> shift)
			to[start[b]] = k
			start[b]++
		}
		from, to = to, from
	}
	copy(keys, from)
}
