package load

import (
	"reflect"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/BurntSushi/toml"
)

// fastDecode parses the TOML that front matter and facts files are made of
// in one pass, values and key positions together; for a site of thousands
// of pages, BurntSushi/toml's parse followed by indexKeys was most of the
// loader's time. It gives the same values as BurntSushi/toml decoding into
// a map (string, int64, float64, bool, time.Time, []any, map[string]any,
// []map[string]any) and the same index as indexKeys.
//
// It knows only the common shape: bare and quoted keys, dotted keys,
// [tables] and [[arrays of tables]], single-line strings with the usual
// escapes, decimal integers and floats, booleans, dates and offset date-
// times, arrays, and inline tables on one line. For anything else (multi-
// line strings, hexadecimal numbers, inf and nan, local times, a table
// defined twice, any error) ok is false, and the caller decodes with
// BurntSushi/toml, which also words every error.
func fastDecode(text string) (doc map[string]any, ix *keyIndex, ok bool) {
	root, ix, ok := fastParse(text, true)
	if !ok {
		return nil, nil, false
	}
	return root.plain(), ix, true
}

// fastParse is fastDecode without the last step: the document as tables,
// whose keys are parts of text. The index has the keys' paths only if
// paths is true: decodeDirect, which knows every key it takes, does not
// look at them.
func fastParse(text string, paths bool) (*table, *keyIndex, bool) {
	if !utf8.ValidString(text) {
		return nil, nil, false
	}
	p := &fastParser{keyScanner: newKeyScanner(text, paths)}
	p.root = p.newTable(tableHeader)
	if !p.document() {
		return nil, nil, false
	}
	p.done()
	return p.root, p.ix, true
}

// fastParser is keyScanner, which knows where keys are, building values.
// It records as new (not looked up in the index) the key that each key
// value pair, table header or element of an array defines: were it not
// new, TOML would not allow it, and the parser fails.
type fastParser struct {
	keyScanner
	root *table
	// names and places are key's buffers: a key's parts are used at once
	// (and copied where they are kept), so each key reuses them.
	names  []string
	places []textPos
	// tableBlock and stringBlock are where tables and strings are put, a
	// block at a time: an allocation for each table (and its map), and
	// each string boxed in an interface, were a third of the parser's.
	tableBlock  []table
	stringBlock []string
}

// boxString returns a string value as the tables hold it.
func (p *fastParser) boxString(s string, ok bool) (any, bool) {
	if len(p.stringBlock) == cap(p.stringBlock) {
		p.stringBlock = make([]string, 0, min(2*cap(p.stringBlock)+4, 32))
	}
	p.stringBlock = append(p.stringBlock, s)
	return &p.stringBlock[len(p.stringBlock)-1], ok
}

// stringOf returns the string that v, a value in a table, holds.
func stringOf(v any) (string, bool) {
	s, ok := v.(*string)
	if !ok {
		return "", false
	}
	return *s, true
}

func (p *fastParser) document() bool {
	// path has room for keys' names: see keyValue.
	current, path := p.root, make(toml.Key, 0, 16)
	for {
		if !p.skipArrayBlank() {
			return false
		}
		if p.i >= len(p.src) {
			return true
		}
		var ok bool
		var header toml.Key
		switch {
		case strings.HasPrefix(p.src[p.i:], "[["):
			p.i += 2
			current, header, ok = p.tableHeader(true)
			path = append(path[:0], header...)
		case p.src[p.i] == '[':
			p.i++
			current, header, ok = p.tableHeader(false)
			path = append(path[:0], header...)
		default:
			ok = p.keyValue(current, path)
		}
		if !ok || !p.endOfLine() {
			return false
		}
	}
}

// endOfLine accepts spaces and a comment up to the end of the line.
func (p *fastParser) endOfLine() bool {
	p.skipSpace()
	if p.i < len(p.src) && p.src[p.i] == '#' {
		for p.i < len(p.src) && p.src[p.i] != '\n' && !strings.HasPrefix(p.src[p.i:], "\r\n") {
			if c := p.src[p.i]; c < 0x20 && c != '\t' || c == 0x7f {
				return false
			}
			p.i++
		}
	}
	if strings.HasPrefix(p.src[p.i:], "\r\n") {
		p.i++
	}
	return p.i == len(p.src) || p.src[p.i] == '\n'
}

// tableHeader reads a [table] or [[array]] header (its opening brackets
// read) and returns the table that the following keys go into, with its
// path as indexKeys has it.
func (p *fastParser) tableHeader(array bool) (*table, toml.Key, bool) {
	p.skipSpace()
	names, places, ok := p.key()
	if !ok {
		return nil, nil, false
	}
	p.skipSpace()
	closing := "]"
	if array {
		closing = "]]"
	}
	if !strings.HasPrefix(p.src[p.i:], closing) {
		return nil, nil, false
	}
	p.i += len(closing)
	// Where the keys go, as indexKeys records them.
	path, ends := p.resolve(names)
	for i := range names {
		p.record(path[:ends[i]], places[i], textPos{}, !array && i == len(names)-1)
	}
	parent, ok := p.walk(p.root, names[:len(names)-1], tableImplicit)
	if !ok {
		return nil, nil, false
	}
	last := names[len(names)-1]
	at := parent.find(last)
	if !array {
		if at >= 0 {
			return nil, nil, false // defined before: TOML's rules on that are for the library
		}
		t := p.newTable(tableHeader)
		parent.add(last, t)
		return t, path, true
	}
	var list []*table
	if at >= 0 {
		var isList bool
		if list, isList = parent.entries[at].value.([]*table); !isList {
			return nil, nil, false
		}
	}
	n := p.nextElement(keyName(path))
	path = append(path, strconv.Itoa(n))
	p.headerPath = path // the room it grew into, for the next header
	p.record(path, places[len(places)-1], textPos{}, true)
	if n != len(list) {
		return nil, nil, false
	}
	t := p.newTable(tableHeader)
	if at < 0 {
		parent.add(last, []*table{t})
	} else {
		parent.entries[at].value = append(list, t)
	}
	return t, path, true
}

// walk follows names from t, making the tables that do not exist yet as
// kind; the last element of an array of tables stands for the array.
func (p *fastParser) walk(t *table, names []string, kind tableKind) (*table, bool) {
	for _, name := range names {
		at := t.find(name)
		if at < 0 {
			child := p.newTable(kind)
			t.add(name, child)
			t = child
			continue
		}
		switch next := t.entries[at].value.(type) {
		case *table:
			if next.kind == tableInline || kind == tableDotted && next.kind != tableDotted {
				return nil, false
			}
			t = next
		case []*table:
			if kind == tableDotted {
				return nil, false
			}
			t = next[len(next)-1]
		default:
			return nil, false
		}
	}
	return t, true
}

// keyValue reads key = value into t, whose path (for the index) is path.
func (p *fastParser) keyValue(t *table, path toml.Key) bool {
	names, places, ok := p.key()
	if !ok {
		return false
	}
	// full may write past path's end into the same array: a path is
	// used only while its key is read (record copies what it keeps).
	full := append(path, names...)
	p.skipSpace()
	if p.i >= len(p.src) || p.src[p.i] != '=' {
		return false
	}
	p.i++
	p.skipSpace()
	value := p.pos()
	for i := range names {
		v := textPos{}
		if i == len(names)-1 {
			v = value
		}
		p.record(full[:len(path)+i+1], places[i], v, i == len(names)-1)
	}
	parent, ok := p.walk(t, names[:len(names)-1], tableDotted)
	if !ok {
		return false
	}
	last := names[len(names)-1]
	if parent.find(last) >= 0 {
		return false
	}
	v, ok := p.value(full)
	if !ok {
		return false
	}
	parent.add(last, v)
	return true
}

// key reads a key of bare or quoted names joined by dots.
func (p *fastParser) key() ([]string, []textPos, bool) {
	names, places := p.names[:0], p.places[:0]
	defer func() { p.names, p.places = names, places }()
	for {
		p.skipSpace()
		if p.i >= len(p.src) {
			return nil, nil, false
		}
		places = append(places, p.pos())
		switch c := p.src[p.i]; {
		case c == '"':
			s, ok := p.basicString()
			if !ok {
				return nil, nil, false
			}
			names = append(names, s)
		case c == '\'':
			s, ok := p.literalString()
			if !ok {
				return nil, nil, false
			}
			names = append(names, s)
		default:
			start := p.i
			for p.i < len(p.src) && isBareKeyByte(p.src[p.i]) {
				p.i++
			}
			if p.i == start {
				return nil, nil, false
			}
			names = append(names, p.src[start:p.i]) // see plain
		}
		p.skipSpace()
		if p.i >= len(p.src) || p.src[p.i] != '.' {
			return names, places, true
		}
		p.i++
	}
}

// value reads a value; path is its key's, for the index of what is in it.
func (p *fastParser) value(path toml.Key) (any, bool) {
	if p.i >= len(p.src) {
		return nil, false
	}
	switch c := p.src[p.i]; {
	case c == '"':
		return p.boxString(p.basicString())
	case c == '\'':
		return p.boxString(p.literalString())
	case c == '[':
		return p.array(path)
	case c == '{':
		return p.inlineTable(path)
	case c == 't' || c == 'f':
		return p.boolean()
	case c >= '0' && c <= '9' || c == '+' || c == '-':
		return p.numberOrDate()
	}
	return nil, false
}

func (p *fastParser) basicString() (string, bool) {
	if strings.HasPrefix(p.src[p.i:], `"""`) {
		return "", false
	}
	p.i++
	var b strings.Builder
	start := p.i
	for p.i < len(p.src) {
		switch c := p.src[p.i]; {
		case c == '"':
			if b.Len() == 0 {
				// A copy: the text holds the whole file, which a title
				// must not keep in memory.
				s := strings.Clone(p.src[start:p.i])
				p.i++
				return s, true
			}
			b.WriteString(p.src[start:p.i])
			p.i++
			return b.String(), true
		case c == '\\':
			b.WriteString(p.src[start:p.i])
			if !p.escape(&b) {
				return "", false
			}
			start = p.i
		case c < 0x20 && c != '\t' || c == 0x7f:
			return "", false
		default:
			p.i++
		}
	}
	return "", false
}

// escape reads one escape of a basic string into b: TOML 1.0's, no more.
func (p *fastParser) escape(b *strings.Builder) bool {
	if p.i+1 >= len(p.src) {
		return false
	}
	c := p.src[p.i+1]
	p.i += 2
	if i := strings.IndexByte(`btnfr"\`, c); i >= 0 {
		b.WriteByte("\b\t\n\f\r\"\\"[i])
		return true
	}
	digits := map[byte]int{'u': 4, 'U': 8}[c]
	if digits == 0 || p.i+digits > len(p.src) {
		return false
	}
	r, err := strconv.ParseUint(p.src[p.i:p.i+digits], 16, 32)
	if err != nil || !utf8.ValidRune(rune(r)) {
		return false
	}
	b.WriteRune(rune(r))
	p.i += digits
	return true
}

func (p *fastParser) literalString() (string, bool) {
	if strings.HasPrefix(p.src[p.i:], "'''") {
		return "", false
	}
	p.i++
	start := p.i
	for p.i < len(p.src) {
		switch c := p.src[p.i]; {
		case c == '\'':
			p.i++
			return strings.Clone(p.src[start : p.i-1]), true
		case c < 0x20 && c != '\t' || c == 0x7f:
			return "", false
		}
		p.i++
	}
	return "", false
}

func (p *fastParser) array(path toml.Key) (any, bool) {
	p.i++
	list := []any{}
	for n := 0; ; n++ {
		if !p.skipArrayBlank() {
			return nil, false
		}
		if p.i < len(p.src) && p.src[p.i] == ']' {
			p.i++
			return list, true
		}
		elem := append(path, strconv.Itoa(n)) // as in keyValue
		if p.i < len(p.src) && p.src[p.i] == '{' {
			p.record(elem, p.pos(), textPos{}, true)
		}
		v, ok := p.value(elem)
		if !ok {
			return nil, false
		}
		list = append(list, v)
		if !p.skipArrayBlank() {
			return nil, false
		}
		switch {
		case p.i < len(p.src) && p.src[p.i] == ',':
			p.i++
		case p.i < len(p.src) && p.src[p.i] == ']':
			p.i++
			return list, true
		default:
			return nil, false
		}
	}
}

// skipArrayBlank skips white space, line breaks and comments between an
// array's values; a comment may not hold control characters.
func (p *fastParser) skipArrayBlank() bool {
	for p.i < len(p.src) {
		switch p.src[p.i] {
		case ' ', '\t', '\n':
			p.advance()
		case '\r':
			if !strings.HasPrefix(p.src[p.i:], "\r\n") {
				return false
			}
			p.advance()
		case '#':
			if !p.endOfLine() {
				return false
			}
		default:
			return true
		}
	}
	return true
}

// inlineTable reads { k = v, ... } on one line, with no trailing comma.
func (p *fastParser) inlineTable(path toml.Key) (any, bool) {
	p.i++
	t := p.newTable(tableInline)
	p.skipSpace()
	if p.i < len(p.src) && p.src[p.i] == '}' {
		p.i++
		return t, true
	}
	for {
		if !p.keyValue(t, path) {
			return nil, false
		}
		p.skipSpace()
		if p.i >= len(p.src) {
			return nil, false
		}
		switch p.src[p.i] {
		case ',':
			p.i++
			p.skipSpace()
		case '}':
			p.i++
			return t, true
		default:
			return nil, false
		}
	}
}

func (p *fastParser) boolean() (any, bool) {
	for _, w := range []string{"true", "false"} {
		if strings.HasPrefix(p.src[p.i:], w) {
			p.i += len(w)
			return w == "true", p.atDelimiter()
		}
	}
	return nil, false
}

// atDelimiter reports whether a value ends here.
func (p *fastParser) atDelimiter() bool {
	return p.i == len(p.src) || strings.IndexByte(" \t\r\n,]}#", p.src[p.i]) >= 0
}

// numberOrDate reads a decimal integer or float, a date, or a date and
// time with an offset.
func (p *fastParser) numberOrDate() (any, bool) {
	start := p.i
	for p.i < len(p.src) && strings.IndexByte("0123456789+-._eE:TZ", p.src[p.i]) >= 0 {
		p.i++
	}
	word := p.src[start:p.i]
	// "1979-05-27 07:32:00Z": a space may stand for T.
	if len(word) == 10 && p.i+1 < len(p.src) && p.src[p.i] == ' ' && isDigit(p.src[p.i+1]) {
		p.i++
		for p.i < len(p.src) && strings.IndexByte("0123456789+-.:Z", p.src[p.i]) >= 0 {
			p.i++
		}
		word = p.src[start:p.i]
	}
	if !p.atDelimiter() {
		return nil, false
	}
	if len(word) >= 10 && word[4] == '-' && isDigit(word[0]) {
		return parseDate(word)
	}
	return parseNumber(word)
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// localDate is the zone BurntSushi/toml gives a date without a time: the
// machine's offset, under a name that says the date is local.
var localDate = func() *time.Location { _, o := time.Now().Zone(); return time.FixedZone("date-local", o) }()

func parseDate(word string) (any, bool) {
	if len(word) == 10 {
		d, err := time.Parse(time.DateOnly, word)
		if err != nil {
			return nil, false
		}
		return time.Date(d.Year(), d.Month(), d.Day(), 0, 0, 0, 0, localDate), true
	}
	if word[10] == ' ' {
		word = word[:10] + "T" + word[11:]
	}
	if !offsetDateTime(word) {
		return nil, false // a local date and time, or not a date: the library's
	}
	t, err := time.Parse(time.RFC3339Nano, word)
	if err != nil {
		return nil, false
	}
	return t, true
}

// offsetDateTime reports whether word has the exact shape
// YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM), digit for digit: time.Parse
// alone takes "0:00:00", which TOML does not.
func offsetDateTime(word string) bool {
	shape := "dddd-dd-ddTdd:dd:dd"
	if len(word) < len(shape)+1 {
		return false
	}
	for i := range len(shape) {
		if shape[i] == 'd' && !isDigit(word[i]) || shape[i] != 'd' && shape[i] != word[i] {
			return false
		}
	}
	rest := word[len(shape):]
	if rest[0] == '.' {
		n := 1
		for n < len(rest) && isDigit(rest[n]) {
			n++
		}
		if n == 1 {
			return false
		}
		rest = rest[n:]
	}
	if rest == "Z" {
		return true
	}
	return len(rest) == 6 && (rest[0] == '+' || rest[0] == '-') && isDigit(rest[1]) && isDigit(rest[2]) &&
		rest[3] == ':' && isDigit(rest[4]) && isDigit(rest[5])
}

// parseNumber reads a decimal integer or float in TOML's syntax: no
// leading zeros, underscores only between digits.
func parseNumber(word string) (any, bool) {
	digits := strings.TrimLeft(word, "+-")
	if len(word)-len(digits) > 1 || digits == "" || !isDigit(digits[0]) {
		return nil, false
	}
	intPart := digits
	if i := strings.IndexAny(digits, ".eE"); i >= 0 {
		intPart = digits[:i]
	}
	if len(intPart) > 1 && intPart[0] == '0' || !underscoresBetweenDigits(word) {
		return nil, false
	}
	clean := strings.ReplaceAll(word, "_", "")
	if intPart == digits {
		n, err := strconv.ParseInt(clean, 10, 64)
		return n, err == nil
	}
	// A float: digits on both sides of the point, an exponent of digits.
	rest := digits[len(intPart):]
	if rest[0] == '.' && (len(rest) < 2 || !isDigit(rest[1])) {
		return nil, false
	}
	if i := strings.IndexAny(rest, "eE"); i >= 0 {
		exp := strings.TrimLeft(rest[i+1:], "+-")
		if len(rest[i+1:])-len(exp) > 1 || exp == "" || !isDigit(exp[0]) {
			return nil, false
		}
	}
	f, err := strconv.ParseFloat(clean, 64)
	return f, err == nil
}

func underscoresBetweenDigits(word string) bool {
	for i := 0; i < len(word); i++ {
		if word[i] == '_' && (i == 0 || i == len(word)-1 || !isDigit(word[i-1]) || !isDigit(word[i+1])) {
			return false
		}
	}
	return true
}

// assign stores a value of fastDecode in dst as BurntSushi/toml would
// decode it: keys by their exact TOML names (unknown keys are left for
// unknownKeys to report), integers into floats too. It returns false where
// a value does not fit: the library then decodes the text again and says
// why.
func assign(dst reflect.Value, v any) bool {
	switch dst.Kind() {
	case reflect.Interface:
		dst.Set(reflect.ValueOf(v))
		return true
	case reflect.String:
		s, ok := v.(string)
		dst.SetString(s)
		return ok
	case reflect.Bool:
		b, ok := v.(bool)
		dst.SetBool(b)
		return ok
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		n, ok := v.(int64)
		if !ok || dst.OverflowInt(n) {
			return false
		}
		dst.SetInt(n)
		return true
	case reflect.Float32, reflect.Float64:
		switch n := v.(type) {
		case int64:
			dst.SetFloat(float64(n))
		case float64:
			dst.SetFloat(n)
		default:
			return false
		}
		return true
	case reflect.Pointer:
		dst.Set(reflect.New(dst.Type().Elem()))
		return assign(dst.Elem(), v)
	case reflect.Struct:
		return assignStruct(dst, v)
	case reflect.Map:
		return assignMap(dst, v)
	case reflect.Slice:
		return assignSlice(dst, v)
	}
	return false
}

func assignStruct(dst reflect.Value, v any) bool {
	if dst.Type() == timeType {
		t, ok := v.(time.Time)
		dst.Set(reflect.ValueOf(t))
		return ok
	}
	m, ok := v.(map[string]any)
	if !ok {
		return false
	}
	fields := fieldsOf(dst.Type())
	for k, val := range m {
		if f, ok := fields.byName[k]; ok && !assign(dst.FieldByIndex(f.Index), val) {
			return false
		}
	}
	return true
}

func assignMap(dst reflect.Value, v any) bool {
	m, ok := v.(map[string]any)
	if !ok || dst.Type().Key().Kind() != reflect.String {
		return false
	}
	out := reflect.MakeMapWithSize(dst.Type(), len(m))
	for k, val := range m {
		elem := reflect.New(dst.Type().Elem()).Elem()
		if !assign(elem, val) {
			return false
		}
		out.SetMapIndex(reflect.ValueOf(k).Convert(dst.Type().Key()), elem)
	}
	dst.Set(out)
	return true
}

func assignSlice(dst reflect.Value, v any) bool {
	var list []any
	switch l := v.(type) {
	case []any:
		list = l
	case []map[string]any:
		for _, m := range l {
			list = append(list, m)
		}
	default:
		return false
	}
	out := reflect.MakeSlice(dst.Type(), len(list), len(list))
	for i, val := range list {
		if !assign(out.Index(i), val) {
			return false
		}
	}
	dst.Set(out)
	return true
}
