package load

import (
	"encoding/binary"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/BurntSushi/toml"
)

// keyIndex says where each key of a TOML text is written. BurntSushi/toml
// records key positions while parsing but does not export them (its issue
// #462), so they are found by a second, small scan of text that the
// library has already accepted, and kept as data from then on. Array
// elements are path elements, counted from 0: the second [[figures]]
// table is "figures.1", its id "figures.1.id".
type keyIndex struct {
	entries []keyEntry
	names   string // the entries' names, one after another (see name)
	// paths are the entries' paths, parts apart, in the same order, for
	// checking the keys against the fields they decode into. They are
	// dropped once that is done (see dropPaths): a site's files are all
	// parsed before any is assembled, and their indexes were most of what
	// the parsed files held. decodeDirect, which needs no such check, has
	// none made (see fastParse).
	paths []toml.Key
	// byPath maps path.String() to an entries index once there are more
	// than linearKeys entries; below that a scan is quicker than a map,
	// whose table a site's tens of thousands of small front matters would
	// each allocate.
	byPath map[string]int
	// packed is entries and names in one string, once dropPaths has
	// packed an index of at most linearKeys entries (see pack).
	packed string
}

// linearKeys is how many keys an index scans for a name before it makes a
// map: a zone's facts file has some forty, its figures' keys.
const linearKeys = 64

// lookup returns the entry named name.
func (ix *keyIndex) lookup(name string) (keyEntry, bool) {
	if ix.byPath != nil {
		i, ok := ix.byPath[name]
		if !ok {
			return keyEntry{}, false
		}
		return ix.entries[i], true
	}
	var found keyEntry
	ok := false
	ix.each(func(n []byte, e keyEntry) bool {
		if string(n) == name {
			found, ok = e, true
		}
		return !ok
	})
	return found, ok
}

// each calls fn with each entry's name and entry, in order, until fn
// returns false. The name is fn's only until it returns.
func (ix *keyIndex) each(fn func(name []byte, e keyEntry) bool) {
	if ix.packed != "" {
		unpack(ix.packed, fn)
		return
	}
	var name []byte
	for i, e := range ix.entries {
		name = append(name[:0], ix.name(i)...)
		if !fn(name, e) {
			return
		}
	}
}

// name is entry i's name: path.String(), a part of ix.names.
func (ix *keyIndex) name(i int) string {
	start := uint32(0)
	if i > 0 {
		start = ix.entries[i-1].nameEnd
	}
	return ix.names[start:ix.entries[i].nameEnd]
}

// keyEntry is one key as written; its path, with array indexes, is in
// keyIndex.paths while it is kept.
// An entry is twenty bytes, not the thirty-two it took with its name as a
// string: a site's indexes are all held until its pages are made.
type keyEntry struct {
	nameEnd uint32  // where its name ends in keyIndex.names
	key     textPos // the key's last part (a dotted key's last name)
	value   textPos // the value after "="; zero for a table header
}

// dropPaths lets the entries' paths go, and packs the rest (pack): what
// is left is what errors and KeyPos look up by name. Only decoding reads
// the paths, and it indexes the text afresh each time.
func (ix *keyIndex) dropPaths() {
	ix.paths = nil
	if ix.byPath != nil {
		if n := len(ix.entries); cap(ix.entries) > n+n/8 {
			ix.entries = slices.Clone(ix.entries)
		}
		return
	}
	ix.packed = pack(ix)
	ix.entries, ix.names = nil, ""
}

// pack writes an index's entries and names as one string: for each entry
// how much of its name is the last entry's ("figures.0.label" then
// "figures.0.label.zh"), and the rest of the name with its length; then
// its key's line (from the last entry's) and column, and its value's line
// (from the key's, which it never precedes, plus one; 0 for none) and
// column, all as varints. A
// front matter's index so takes a few bytes a key, where entries of
// twenty bytes and whole names were most of what a site's parsed files
// held until its pages were made.
func pack(ix *keyIndex) string {
	b := make([]byte, 0, len(ix.names)/2+6*len(ix.entries))
	last, prev := int32(0), ""
	for i, e := range ix.entries {
		name := ix.name(i)
		shared := 0
		for shared < min(len(name), len(prev)) && name[shared] == prev[shared] {
			shared++
		}
		prev = name
		b = binary.AppendUvarint(b, uint64(shared))
		b = binary.AppendUvarint(b, uint64(len(name)-shared))
		b = append(b, name[shared:]...)
		b = binary.AppendVarint(b, int64(e.key.line-last))
		b = binary.AppendVarint(b, int64(e.key.col))
		last = e.key.line
		if e.value.line == 0 {
			b = append(b, 0)
			continue
		}
		b = binary.AppendUvarint(b, uint64(e.value.line-e.key.line)+1)
		b = binary.AppendVarint(b, int64(e.value.col))
	}
	return string(b)
}

// unpack calls fn with each entry pack wrote, until fn returns false.
func unpack(p string, fn func(name []byte, e keyEntry) bool) {
	last := int32(0)
	var buf [64]byte
	name := buf[:0]
	for len(p) > 0 {
		shared, w := uvarint(p)
		p = p[w:]
		n, w := uvarint(p)
		name = append(name[:shared], p[w:w+int(n)]...)
		p = p[w+int(n):]
		var e keyEntry
		var d, col, v int64
		d, p = varint(p)
		col, p = varint(p)
		e.key = textPos{last + int32(d), int32(col)}
		last = e.key.line
		var vl uint64
		vl, w = uvarint(p)
		p = p[w:]
		if vl > 0 {
			v, p = varint(p)
			e.value = textPos{e.key.line + int32(vl-1), int32(v)}
		}
		if !fn(name, e) {
			return
		}
	}
}

// uvarint and varint read a varint pack wrote at the start of p.
func uvarint(p string) (uint64, int) {
	var x uint64
	for i, s := 0, uint(0); i < len(p); i, s = i+1, s+7 {
		if p[i] < 0x80 {
			return x | uint64(p[i])<<s, i + 1
		}
		x |= uint64(p[i]&0x7f) << s
	}
	return x, len(p)
}

func varint(p string) (int64, string) {
	u, w := uvarint(p)
	x := int64(u >> 1)
	if u&1 != 0 {
		x = ^x
	}
	return x, p[w:]
}

// textPos is a 1-based line and column (in characters) in a text.
type textPos struct{ line, col int32 } // int32: an index holds many, and TOML texts are limited to 1 MB

// pos returns where the key at path is written, if it is.
func (ix *keyIndex) pos(path ...string) (textPos, bool) {
	if ix == nil {
		return textPos{}, false
	}
	e, ok := ix.lookup(toml.Key(path).String())
	return e.key, ok
}

// valuePos returns where the value of the key at path starts, or where the
// key is for a table.
func (ix *keyIndex) valuePos(path ...string) (textPos, bool) {
	if ix == nil {
		return textPos{}, false
	}
	e, ok := ix.lookup(toml.Key(path).String())
	if ok && e.value.line > 0 {
		return e.value, true
	}
	return e.key, ok
}

// indexKeys scans TOML text that parses for where its keys are. It relies
// on the text being valid: on invalid text it stops early, never fails.
func indexKeys(text string) *keyIndex {
	s := newKeyScanner(text, true)
	s.document()
	s.done()
	return s.ix
}

type keyScanner struct {
	src       string
	i         int // byte offset
	line      int
	lineStart int            // byte offset of the current line
	tables    map[string]int // array of tables (path with indexes) → elements so far
	ix        *keyIndex
	noPaths   bool // leave keyIndex.paths empty (see fastParse)
	// names are the entries' names while the text is indexed, one after
	// another, each ending at its entry's nameEnd; done makes them one
	// string, so that a file's names cost one allocation, not one each.
	names []byte
	// headerPath, headerEnds and nameBuf are resolve's buffers.
	headerPath toml.Key
	headerEnds []int
	nameBuf    []byte
}

// newKeyScanner makes a scanner of text, which keeps paths (for
// keyIndex.paths) if paths is true.
func newKeyScanner(text string, paths bool) keyScanner {
	// Nearly every entry is a key with "=" or a header with "[", so the
	// entries are seldom grown or, in dropPaths, copied; a name is some
	// sixteen bytes ("figures.0.label").
	n := strings.Count(text, "=") + strings.Count(text, "[")
	return keyScanner{src: text, line: 1, ix: &keyIndex{entries: make([]keyEntry, 0, n)},
		noPaths: !paths, names: make([]byte, 0, 16*n)}
}

// nextElement counts an element of the array of tables named name (a
// path with indexes) and returns its index.
func (s *keyScanner) nextElement(name string) int {
	if s.tables == nil {
		s.tables = map[string]int{} // most texts have no array of tables
	}
	n := s.tables[name]
	s.tables[name] = n + 1
	return n
}

func (s *keyScanner) document() {
	var table toml.Key
	for s.skipBlank(); s.i < len(s.src); s.skipBlank() {
		start := s.i
		switch {
		case strings.HasPrefix(s.src[s.i:], "[["):
			s.i += 2
			table = s.header(true)
		case s.src[s.i] == '[':
			s.i++
			table = s.header(false)
		default:
			s.keyValue(table)
		}
		if s.i == start {
			return // not valid TOML: stop rather than loop
		}
	}
}

// header reads a [table] or [[array]] header and returns its path.
func (s *keyScanner) header(array bool) toml.Key {
	s.skipSpace()
	names, places := s.dottedKey()
	path, ends := s.resolve(names)
	for i := range names {
		s.record(path[:ends[i]], places[i], textPos{}, false)
	}
	if array {
		path = append(path, strconv.Itoa(s.nextElement(path.String())))
		s.record(path, places[len(places)-1], textPos{}, false)
	}
	for s.i < len(s.src) && s.src[s.i] != '\n' && s.src[s.i] != '#' {
		s.i++ // "]" or "]]" and spaces
	}
	return path
}

// resolve turns a header's names into a path: a name that is an array of
// tables means its last element so far, as TOML does. ends[i] is the
// length of the path up to and including names[i], the indexes resolve
// inserted before it counted. Both are the scanner's buffers, which the
// next header reuses: a header's path is used only until then.
func (s *keyScanner) resolve(names []string) (path toml.Key, ends []int) {
	path, ends = s.headerPath[:0], s.headerEnds[:0]
	for i, name := range names {
		path = append(path, name)
		ends = append(ends, len(path))
		if i < len(names)-1 {
			s.nameBuf = appendKeyName(s.nameBuf[:0], path)
			if n, ok := s.tables[string(s.nameBuf)]; ok {
				path = append(path, strconv.Itoa(n-1))
			}
		}
	}
	s.headerPath, s.headerEnds = path, ends
	return path, ends
}

// keyValue reads key = value, the key relative to table.
func (s *keyScanner) keyValue(table toml.Key) {
	names, places := s.dottedKey()
	if len(names) == 0 {
		return
	}
	path := append(table[:len(table):len(table)], names...)
	s.skipSpace()
	if s.i < len(s.src) && s.src[s.i] == '=' {
		s.i++
	}
	s.skipSpace()
	value := s.pos()
	for i := range names {
		v := textPos{}
		if i == len(names)-1 {
			v = value
		}
		s.record(path[:len(table)+i+1], places[i], v, false)
	}
	s.value(path)
}

// value skips a value, indexing the keys of inline tables in it.
func (s *keyScanner) value(path toml.Key) {
	if s.i >= len(s.src) {
		return
	}
	switch c := s.src[s.i]; {
	case c == '"' || c == '\'':
		s.str()
	case c == '[':
		s.i++
		for n := 0; ; n++ {
			s.skipBlank()
			if s.i >= len(s.src) || s.src[s.i] == ']' {
				break
			}
			start := s.i
			elem := append(path[:len(path):len(path)], strconv.Itoa(n))
			if s.src[s.i] == '{' {
				s.record(elem, s.pos(), textPos{}, false) // a figure in figures = [{...}]
			}
			s.value(elem)
			s.skipBlank()
			if s.i < len(s.src) && s.src[s.i] == ',' {
				s.i++
			} else if s.i == start {
				return
			}
		}
		s.i++
	case c == '{':
		s.i++
		for {
			s.skipBlank()
			if s.i >= len(s.src) || s.src[s.i] == '}' {
				break
			}
			start := s.i
			s.keyValue(path)
			s.skipBlank()
			if s.i < len(s.src) && s.src[s.i] == ',' {
				s.i++
			} else if s.i == start {
				return
			}
		}
		s.i++
	default:
		// A number, boolean or date: up to a delimiter. A date may hold
		// a space ("1979-05-27 07:32:00"), so spaces do not end it.
		for s.i < len(s.src) && !strings.ContainsRune(",]}#\r\n", rune(s.src[s.i])) {
			s.i++
		}
	}
}

// dottedKey reads a.b."c.d" and where each name starts.
func (s *keyScanner) dottedKey() ([]string, []textPos) {
	var names []string
	var places []textPos
	for {
		s.skipSpace()
		if s.i >= len(s.src) {
			break
		}
		places = append(places, s.pos())
		switch s.src[s.i] {
		case '"', '\'':
			names = append(names, s.str())
		default:
			start := s.i
			for s.i < len(s.src) && isBareKeyByte(s.src[s.i]) {
				s.i++
			}
			if s.i == start {
				return names, places[:len(names)]
			}
			names = append(names, s.src[start:s.i])
		}
		s.skipSpace()
		if s.i >= len(s.src) || s.src[s.i] != '.' {
			break
		}
		s.i++
	}
	return names, places[:len(names)]
}

func isBareKeyByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-'
}

// str reads a basic, literal or multi-line string and returns its value,
// unescaped as far as keys need (escapes in key names are rare).
func (s *keyScanner) str() string {
	q := s.src[s.i]
	delim := string(q)
	if strings.HasPrefix(s.src[s.i:], strings.Repeat(delim, 3)) {
		delim = strings.Repeat(delim, 3)
	}
	s.i += len(delim)
	var b strings.Builder
	for s.i < len(s.src) {
		c := s.src[s.i]
		switch {
		case q == '"' && c == '\\' && s.i+1 < len(s.src):
			s.i++
			s.escape(&b)
			continue
		case strings.HasPrefix(s.src[s.i:], delim):
			s.i += len(delim)
			// A multi-line string may end in up to two more quotes.
			for n := 0; len(delim) == 3 && n < 2 && s.i < len(s.src) && s.src[s.i] == q; n++ {
				b.WriteByte(q)
				s.i++
			}
			return b.String()
		}
		b.WriteByte(c)
		s.advance()
	}
	return b.String()
}

// escape reads the escape after a backslash into b. A backslash at the
// end of a line in a multi-line string joins lines; only values use that,
// and their text is not needed.
func (s *keyScanner) escape(b *strings.Builder) {
	c := s.src[s.i]
	s.advance()
	digits := 0
	switch c {
	case 'x':
		digits = 2
	case 'u':
		digits = 4
	case 'U':
		digits = 8
	default:
		if i := strings.IndexByte(`btnfre"\`, c); i >= 0 {
			b.WriteByte("\b\t\n\f\r\x1b\"\\"[i])
		}
		return
	}
	if s.i+digits <= len(s.src) {
		if r, err := strconv.ParseUint(s.src[s.i:s.i+digits], 16, 32); err == nil {
			b.WriteRune(rune(r))
			s.i += digits
		}
	}
}

// advance moves past one byte, counting lines.
func (s *keyScanner) advance() {
	if s.src[s.i] == '\n' {
		s.line++
		s.lineStart = s.i + 1
	}
	s.i++
}

// skipSpace skips spaces and tabs.
func (s *keyScanner) skipSpace() {
	for s.i < len(s.src) && (s.src[s.i] == ' ' || s.src[s.i] == '\t') {
		s.i++
	}
}

// skipBlank skips white space, line breaks and comments.
func (s *keyScanner) skipBlank() {
	for s.i < len(s.src) {
		switch s.src[s.i] {
		case ' ', '\t', '\r', '\n':
			s.advance()
		case '#':
			for s.i < len(s.src) && s.src[s.i] != '\n' {
				s.i++
			}
		default:
			return
		}
	}
}

func (s *keyScanner) pos() textPos {
	return textPos{line: int32(s.line), col: int32(utf8.RuneCountInString(s.src[s.lineStart:s.i]) + 1)}
}

// record notes where path is written, the first time it is seen: a table
// made by dotted keys (a.b = 1, a.c = 2) is where it first appears. A
// caller that knows path to be new says so, and saves a look-up.
func (s *keyScanner) record(path toml.Key, key, value textPos, isNew bool) {
	start := len(s.names)
	s.names = appendKeyName(s.names, path)
	name := s.names[start:]
	if !isNew && s.indexed(name) {
		s.names = s.names[:start]
		return
	}
	ix := s.ix
	ix.entries = append(ix.entries, keyEntry{nameEnd: uint32(len(s.names)), key: key, value: value})
	if !s.noPaths {
		ix.paths = append(ix.paths, append(toml.Key(nil), path...))
	}
	switch {
	case ix.byPath != nil:
		ix.byPath[string(name)] = len(ix.entries) - 1
	case len(ix.entries) > linearKeys:
		ix.byPath = make(map[string]int, 2*len(ix.entries))
		for i := range ix.entries {
			ix.byPath[string(s.name(i))] = i
		}
	}
}

// indexed reports whether an entry is named name, while the text is
// indexed.
func (s *keyScanner) indexed(name []byte) bool {
	if s.ix.byPath != nil {
		_, ok := s.ix.byPath[string(name)]
		return ok
	}
	for i := range s.ix.entries {
		if string(s.name(i)) == string(name) {
			return true
		}
	}
	return false
}

// name is the name of entry i while the text is indexed.
func (s *keyScanner) name(i int) []byte {
	start := uint32(0)
	if i > 0 {
		start = s.ix.entries[i-1].nameEnd
	}
	return s.names[start:s.ix.entries[i].nameEnd]
}

// done names the entries once the text is indexed.
func (s *keyScanner) done() {
	s.ix.names = string(s.names)
	s.names = nil
}

// appendKeyName appends path.String(), the name a key is looked up by, to
// b, part by part when every part is a bare key, as nearly all are.
func appendKeyName(b []byte, path toml.Key) []byte {
	start := len(b)
	for i, part := range path {
		if !isBareKey(part) {
			return append(b[:start], path.String()...)
		}
		if i > 0 {
			b = append(b, '.')
		}
		b = append(b, part...)
	}
	return b
}

// keyName is path.String(), made in one step when every part is a bare key.
func keyName(path toml.Key) string {
	for _, part := range path {
		if !isBareKey(part) {
			return path.String()
		}
	}
	return strings.Join(path, ".")
}

// isBareKey reports whether a key's part is written as it is, unquoted.
func isBareKey(part string) bool {
	if part == "" {
		return false
	}
	for i := 0; i < len(part); i++ {
		if !isBareKeyByte(part[i]) {
			return false
		}
	}
	return true
}
