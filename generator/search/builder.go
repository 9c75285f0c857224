package search

import (
	"hash/crc32"
	"math/bits"
	"strconv"
	"strings"
	"sync"
)

// Doc is one page as the index sees it.
type Doc struct {
	Title       string
	URL         string // relative to the site's root: "" for the home page, "en/zones/x/"
	Section     string // the title of the page's section, shown beside a result
	Description string
	Passages    []Passage
	// Group is the number of the first document among the page and its
	// translations: its own number when it is the first.
	Group int
}

// Passage is one block of a page's text, under the heading whose id is
// Anchor ("" before the first heading).
type Passage struct {
	Text    string
	Anchor  string
	Heading bool
}

// Where a key is in a document, as its postings record it.
const (
	inText    = 0
	inHeading = 1 // a heading or the description
	inTitle   = 2
)

// Builder makes the index of a given number of documents, added in any
// order from any number of goroutines. It holds only each key's postings,
// a few bytes a document, not the documents' text: Add returns the
// document's own file for the caller to write at once.
type Builder struct {
	groups []int32

	dictMu sync.RWMutex
	dict   dictionary
	terms  termList

	mu      sync.Mutex
	next    int32               // the next document whose postings are due
	pending map[int32][]posting // documents added before their turn
	// spare holds lists drained, for the next documents' postings: at
	// most spareLists, since one goroutine can run far ahead of another,
	// and a pool would keep every list that waited.
	spare    chan []posting
	fragHash []uint64  // each document's file, hashed, for the version
	pages    sync.Pool // *pageIndex
	postings postingStore
}

// term is one key and its postings, kept encoded as the shard will hold
// them, in the Builder's postingStore.
type term struct {
	key         string
	first, tail uint32 // the first and last chunks of its postings
	size        uint32 // bytes of postings; 0 before the first, with no chunk
	last        int32  // the last document in postings; -1 for none
}

// termList holds the terms by number, in blocks that never move, so that
// drain can add to the postings of terms while other goroutines add terms,
// and finds a term with one read from memory fewer than by a pointer.
type termList struct {
	blocks []*[termBlock]term
	n      int32
}

const termBlock = 1 << 12

// at returns term n.
func (l termList) at(n int32) *term { return &l.blocks[n/termBlock][n%termBlock] }

// add adds a term and returns its number.
func (l *termList) add(key string) int32 {
	if l.n%termBlock == 0 {
		l.blocks = append(l.blocks, new([termBlock]term))
	}
	n := l.n
	*l.at(n) = term{key: key, last: -1}
	l.n++
	return n
}

// posting is one key in one document: its term's number, and where and
// how often, packed. It holds no pointer, so that the collector need not
// read the lists.
type posting struct {
	term int32
	info uint8
}

// spareLists is how many drained lists a Builder keeps: enough for the
// goroutines of a build, a few hundred kilobytes.
const spareLists = 64

// NewBuilder returns a Builder for documents 0 to n-1.
func NewBuilder(n int) *Builder {
	b := &Builder{
		groups:   make([]int32, n),
		dict:     newDictionary(),
		pending:  map[int32][]posting{},
		spare:    make(chan []posting, spareLists),
		fragHash: make([]uint64, n),
	}
	b.pages.New = func() any { return newPageIndex() }
	return b
}

// Add indexes document id and returns its file, to be written at
// FragmentPath(id). Every document from 0 to n-1 must be added once; one
// that fails to render is added with what is known of it, so that the
// documents after it are not held back.
func (b *Builder) Add(id int, d Doc) []byte { return b.AppendDoc(nil, id, d) }

// AppendDoc is Add, appending the file to dst: a build writes each file
// at once, and reuses one buffer for them.
func (b *Builder) AppendDoc(dst []byte, id int, d Doc) []byte {
	start := len(dst)
	dst = appendFragment(dst, d)
	frag := dst[start:]
	list := b.read(d)

	sum := uint64(crc32.ChecksumIEEE(frag))
	b.mu.Lock()
	defer b.mu.Unlock()
	b.groups[id] = int32(d.Group)
	b.fragHash[id] = sum
	b.pending[int32(id)] = list
	b.drain()
	return dst
}

// drain appends the postings of the documents whose turn has come, so that
// each key's documents are in order and can be stored as gaps.
func (b *Builder) drain() {
	b.dictMu.RLock()
	terms := b.terms // every list's terms were added before it was made
	b.dictMu.RUnlock()
	for {
		list, ok := b.pending[b.next]
		if !ok {
			return
		}
		delete(b.pending, b.next)
		for _, p := range list {
			b.postings.add(terms.at(p.term), b.next, p.info)
		}
		select {
		case b.spare <- list[:0]:
		default: // enough are spare
		}
		b.next++
	}
}

// read reads a document's text and returns its postings.
func (b *Builder) read(d Doc) []posting {
	p := b.pages.Get().(*pageIndex)
	defer b.pages.Put(p)
	p.reset(&b.dict)
	b.dictMu.RLock()
	p.indexDoc(d)
	b.dictMu.RUnlock()
	if p.hasFresh() {
		b.dictMu.Lock()
		p.addFreshKeys(b)
		b.dictMu.Unlock()
	}
	var list []posting
	select {
	case list = <-b.spare:
	default:
	}
	return p.postings(list)
}

// internWord returns the term of a word, whose stem the page reader
// found, adding it if it is new. The caller holds b.dictMu's lock.
func (b *Builder) internWord(key string, stem stemRef) int32 {
	if e, ok := b.dict.wordString(key); ok {
		return e.term
	}
	n := b.terms.add(key)
	id := stem.id
	if id == 0 { // a stem new when the page was read
		id = b.dict.stem(stem.text)
	}
	b.dict.addWord(key, wordEntry{term: n, stem: id})
	return n
}

// internPair is internWord for a pair of words, " stem stem", whose
// stems' numbers the page reader found (0 for a stem it did not).
func (b *Builder) internPair(key string, stems [2]int32) int32 {
	first, second, _ := strings.Cut(key[1:], " ")
	if stems[0] == 0 {
		stems[0] = b.dict.stem(first)
	}
	if stems[1] == 0 {
		stems[1] = b.dict.stem(second)
	}
	pair := stemPair(stems[0], stems[1])
	if n, ok := b.dict.stemPairs.get(pair); ok {
		return n
	}
	n := b.terms.add(key)
	b.dict.stemPairs.put(pair, n)
	return n
}

// addHan adds a Han key that the index does not have, whose text is key.
// The caller holds b.dictMu's lock.
func (b *Builder) addHan(key uint64, text string) int32 {
	n := b.terms.add(text)
	if first := rune(key >> 32); key&0xFFFFFFFF == 0 && first < 0x10000 {
		b.dict.hanBMP[first] = n + 1
	} else {
		b.dict.han.put(key, n)
	}
	return n
}

// info packs where a key is in a document and how often.
func info(where, count int) uint8 {
	return uint8(where | min(bits.Len(uint(count))-1, 7)<<2)
}

// FragmentPath is where document id's file goes, in the index's folder.
func FragmentPath(id int) string { return "d/" + strconv.Itoa(id) + ".json" }
