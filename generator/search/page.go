package search

import "unicode/utf8"

// pageIndex gathers the keys of one document while it is read: for each,
// how often and where at best. It is reused from page to page, so that
// reading a page allocates only for keys the index has not seen before.
type pageIndex struct {
	tok     tokenizer
	counts  []uint32 // by term number: count<<2 | where; 0 for a key not in the page
	touched []*term  // the terms whose counts are set
	fresh   map[string]uint32
	freshCJ map[uint64]uint32 // Han keys new to the index, by hanKey
	key     []byte            // a pair key being made
	// prevStem is the stem of the word before, for a pair; "" after
	// anything that parts words (a Han run, a passage's end).
	prevStem string
}

func newPageIndex() *pageIndex {
	return &pageIndex{fresh: map[string]uint32{}, freshCJ: map[uint64]uint32{}}
}

func (p *pageIndex) reset() {
	for _, t := range p.touched {
		p.counts[t.n] = 0
	}
	p.touched = p.touched[:0]
	clear(p.fresh)
	clear(p.freshCJ)
}

// hanKey packs one Han character, or two, into a number, for the map that
// finds the index's Han keys without making strings.
func hanKey(a, b rune) uint64 { return uint64(a)<<32 | uint64(b) }

// index reads one passage of text found at where.
func (p *pageIndex) index(text string, where int, b *Builder) {
	if text == "" {
		return
	}
	p.prevStem = ""
	b.dictMu.RLock()
	p.tok.scan(text, func(tok []byte, kind tokenKind) {
		switch kind {
		case wordToken:
			p.word(tok, where, b)
		case hanToken:
			p.han(tok, where, b)
			p.prevStem = ""
		default:
			p.prevStem = ""
		}
	})
	b.dictMu.RUnlock()
}

func (p *pageIndex) word(w []byte, where int, b *Builder) {
	var stem string
	if t, ok := b.dict[string(w)]; ok {
		stem = t.stem
		p.count(t, where)
	} else {
		stem = Stem(string(w))
		p.fresh[string(w)] = bump(p.fresh[string(w)], where)
	}
	if p.prevStem != "" {
		p.key = append(append(append(append(p.key[:0], ' '), p.prevStem...), ' '), stem...)
		if t, ok := b.dict[string(p.key)]; ok {
			p.count(t, where)
		} else {
			p.fresh[string(p.key)] = bump(p.fresh[string(p.key)], where)
		}
	}
	p.prevStem = stem
}

// han counts each character of a run and each pair of neighbours.
func (p *pageIndex) han(run []byte, where int, b *Builder) {
	r, n := utf8.DecodeRune(run)
	for n > 0 {
		next, m := utf8.DecodeRune(run[n:])
		if m == 0 {
			next = 0
		}
		p.countHan(hanKey(r, 0), where, b)
		if next != 0 {
			p.countHan(hanKey(r, next), where, b)
		}
		run, r, n = run[n:], next, m
	}
}

func (p *pageIndex) countHan(key uint64, where int, b *Builder) {
	if t, ok := b.han[key]; ok {
		p.count(t, where)
		return
	}
	p.freshCJ[key] = bump(p.freshCJ[key], where)
}

// count notes one more of a key the index has.
func (p *pageIndex) count(t *term, where int) {
	if int(t.n) >= len(p.counts) {
		p.counts = append(p.counts, make([]uint32, int(t.n)+1-len(p.counts)+len(p.counts)/2)...)
	}
	if p.counts[t.n] == 0 {
		p.touched = append(p.touched, t)
	}
	p.counts[t.n] = bump(p.counts[t.n], where)
}

func bump(v uint32, where int) uint32 {
	return (v>>2+1)<<2 | max(v&3, uint32(where))
}

// postings lists the document's keys, adding the new ones to the index.
func (p *pageIndex) postings(b *Builder) []posting {
	// A key new in one passage may have been added by another page before
	// the next passage was read, and counted there as one the index has.
	merge := func(t *term, v uint32) {
		p.count(t, 0) // makes room for t and lists it, if it is not yet
		w := p.counts[t.n] - 1<<2
		p.counts[t.n] = (v>>2+w>>2)<<2 | max(v&3, w&3)
	}
	for key, v := range p.fresh {
		merge(b.intern(key), v)
	}
	for key, v := range p.freshCJ {
		merge(b.internHan(key), v)
	}
	list := make([]posting, len(p.touched))
	for i, t := range p.touched {
		v := p.counts[t.n]
		list[i] = posting{t, info(int(v&3), int(v>>2))}
	}
	return list
}
