package search

import "strings"

// pageIndex gathers the keys of one document while it is read: for each,
// how often and where at best. It is reused from page to page, so that
// reading a page allocates only for keys the index has not seen before.
//
// The whole document is read under one read lock of the dictionary, and
// the keys new to the index are added after, under one lock.
type pageIndex struct {
	tok     tokenizer
	dict    *dictionary
	counts  []uint32 // by term number: count<<2 | where; 0 for a key not in the page
	touched []int32  // the terms whose counts are set
	// Keys new to the index: words and pairs of words (by index in
	// freshWords), and Han keys (by index in freshHan), with their
	// counts.
	fresh      map[string]int
	freshWords []freshWord
	freshHanAt numberTable
	freshHan   []freshHan
	key        []byte // a pair key being made, or the text of new Han keys
}

// freshWord is a word or pair new to the index, and for a word its stem,
// found once a page and kept for the index to add; for a pair, its stems'
// numbers, 0 for a stem new when the page was read.
type freshWord struct {
	key   string
	count uint32
	stem  stemRef
	stems [2]int32
}

// stemRef is a word's stem as a pair needs it: by its number, or for a
// stem the index does not have (number 0), as text; noWord (-1) before the
// first word of a passage and after anything that parts pairs.
type stemRef struct {
	id   int32
	text string
}

var noWord = stemRef{id: -1}

// freshHan is a Han key new to the index, by hanKey, and its count.
type freshHan struct {
	key   uint64
	count uint32
}

func newPageIndex() *pageIndex {
	return &pageIndex{fresh: map[string]int{}}
}

func (p *pageIndex) reset(d *dictionary) {
	for _, n := range p.touched {
		p.counts[n] = 0
	}
	p.touched = p.touched[:0]
	clear(p.fresh)
	if len(p.freshHan) > 0 {
		p.freshHanAt.clear()
		p.freshHan = p.freshHan[:0]
	}
	clear(p.freshWords) // drops the stems' text for the collector
	p.freshWords = p.freshWords[:0]
	p.dict = d
}

// indexDoc reads a document's text.
func (p *pageIndex) indexDoc(d Doc) {
	p.index(d.Title, inTitle)
	p.index(d.Description, inHeading)
	for _, ps := range d.Passages {
		where := inText
		if ps.Heading {
			where = inHeading
		}
		p.index(ps.Text, where)
	}
}

// index reads one passage of text found at where.
func (p *pageIndex) index(text string, where int) {
	p.tok.reset(text)
	prev := noWord
	for {
		switch p.tok.next() {
		case wordToken:
			prev = p.word(p.tok.word, prev, where)
		case hanToken:
			p.han(p.tok.han, where)
			prev = noWord
		case breakToken:
			prev = noWord
		case endToken:
			return
		}
	}
}

// word counts a word, and the pair it makes with the word before, and
// returns its stem.
func (p *pageIndex) word(w []byte, prev stemRef, where int) stemRef {
	var stem stemRef
	if e, ok := p.dict.word(w); ok {
		p.count(e.term, where)
		stem = stemRef{id: e.stem}
	} else {
		stem = p.freshWord(w, where)
	}
	if prev != noWord {
		p.pair(prev, stem, where)
	}
	return stem
}

// freshWord counts a word new to the index and returns its stem.
func (p *pageIndex) freshWord(w []byte, where int) stemRef {
	f := &p.freshWords[p.addFresh(w, where)]
	if f.stem == (stemRef{}) { // the first time in the page
		s := Stem(f.key)
		f.stem = stemRef{id: p.dict.stems[s], text: s}
	}
	return f.stem
}

// pair counts the pair of words whose stems are a and b.
func (p *pageIndex) pair(a, b stemRef, where int) {
	if a.id > 0 && b.id > 0 {
		if n, ok := p.dict.stemPairs.get(stemPair(a.id, b.id)); ok {
			p.count(n, where)
			return
		}
	}
	p.key = append(append(append(append(p.key[:0], ' '), p.stemText(a)...), ' '), p.stemText(b)...)
	p.freshWords[p.addFresh(p.key, where)].stems = [2]int32{a.id, b.id}
}

func (p *pageIndex) stemText(s stemRef) string {
	if s.id > 0 {
		return p.dict.stemNames[s.id]
	}
	return s.text
}

// addFresh counts a word or pair new to the index, and returns its place
// in p.freshWords.
func (p *pageIndex) addFresh(key []byte, where int) int {
	i, ok := p.fresh[string(key)]
	if !ok {
		i = len(p.freshWords)
		k := string(key)
		p.fresh[k] = i
		p.freshWords = append(p.freshWords, freshWord{key: k})
	}
	p.freshWords[i].count = bump(p.freshWords[i].count, where)
	return i
}

// han counts each character of a run and each pair of neighbours.
func (p *pageIndex) han(run []rune, where int) {
	for i, r := range run {
		if n, ok := p.dict.hanChar(r); ok {
			p.count(n, where)
		} else {
			p.countFreshHan(hanKey(r, 0), where)
		}
		if i+1 == len(run) {
			break
		}
		key := hanKey(r, run[i+1])
		if n, ok := p.dict.han.get(key); ok {
			p.count(n, where)
		} else {
			p.countFreshHan(key, where)
		}
	}
}

func (p *pageIndex) countFreshHan(key uint64, where int) {
	i, ok := p.freshHanAt.get(key)
	if !ok {
		i = int32(len(p.freshHan))
		p.freshHanAt.put(key, i)
		p.freshHan = append(p.freshHan, freshHan{key: key})
	}
	p.freshHan[i].count = bump(p.freshHan[i].count, where)
}

// count notes one more of a key the index has.
func (p *pageIndex) count(n int32, where int) {
	if int(n) >= len(p.counts) {
		p.counts = append(p.counts, make([]uint32, int(n)+1-len(p.counts)+len(p.counts)/2)...)
	}
	if p.counts[n] == 0 {
		p.touched = append(p.touched, n)
	}
	p.counts[n] = bump(p.counts[n], where)
}

func bump(v uint32, where int) uint32 {
	return (v>>2+1)<<2 | max(v&3, uint32(where))
}

// hasFresh says whether the page has keys new to the index.
func (p *pageIndex) hasFresh() bool {
	return len(p.freshWords) > 0 || len(p.freshHan) > 0
}

// addFreshKeys adds the page's new keys to the index, under b.dictMu's lock,
// and counts them with the others.
func (p *pageIndex) addFreshKeys(b *Builder) {
	// A key new when the page was read may have been added by another
	// page since, and counted there as one the index has.
	merge := func(n int32, v uint32) {
		p.count(n, 0) // makes room for n and lists it, if it is not yet
		w := p.counts[n] - 1<<2
		p.counts[n] = (v>>2+w>>2)<<2 | max(v&3, w&3)
	}
	for _, f := range p.freshWords {
		if strings.HasPrefix(f.key, " ") {
			merge(b.internPair(f.key, f.stems), f.count)
		} else {
			merge(b.internWord(f.key, f.stem), f.count)
		}
	}
	p.addFreshHan(b, merge)
}

// addFreshHan adds the page's new Han keys. Their text is made as one
// string, cut up, rather than a string a key: a page of Chinese new to
// the index has hundreds.
func (p *pageIndex) addFreshHan(b *Builder, merge func(n int32, v uint32)) {
	p.key = p.key[:0]
	for i, f := range p.freshHan {
		if n, ok := b.dict.hanKeyTerm(f.key); ok { // added by another page since
			merge(n, f.count)
			p.freshHan[i].count = 0 // done
			continue
		}
		p.key = appendHanKey(p.key, f.key)
	}
	text := string(p.key)
	for _, f := range p.freshHan {
		if f.count == 0 {
			continue
		}
		n := hanKeyLen(f.key)
		merge(b.addHan(f.key, text[:n]), f.count)
		text = text[n:]
	}
}

// postings lists the document's keys in list.
func (p *pageIndex) postings(list []posting) []posting {
	if cap(list) < len(p.touched) {
		list = make([]posting, 0, len(p.touched)*5/4)
	}
	for _, n := range p.touched {
		v := p.counts[n]
		list = append(list, posting{n, info(int(v&3), int(v>>2))})
	}
	return list
}
