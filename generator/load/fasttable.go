package load

import "strings"

// tableKind says how a table came to be, which decides whether TOML lets
// it be added to later.
type tableKind int

const (
	tableImplicit tableKind = iota // a prefix of a header or dotted key
	tableHeader                    // [a.b], or the root
	tableDotted                    // a.b = 1 made a
	tableInline                    // { ... }: closed
)

// table is a TOML table while fastParse builds it. Its entries are plain
// values (but a string is a *string: see fastParser.stringBlock), *table
// or []*table (an array of tables), as they are written. Nearly every
// table has a few keys, looked up in a list more cheaply than in a map;
// one of more than smallTable keys has a map too, since a hostile text
// may hold thousands.
type table struct {
	kind    tableKind
	entries []tableEntry
	index   map[string]int // entries by key, in a large table
	// first is where the first entries go: a table's list is made with
	// it, not on its own.
	first [4]tableEntry
}

type tableEntry struct {
	key   string
	value any
}

const smallTable = 16

func (p *fastParser) newTable(kind tableKind) *table {
	if len(p.tableBlock) == cap(p.tableBlock) {
		// Blocks grow: front matter has one table, a facts file a dozen.
		p.tableBlock = make([]table, 0, min(2*cap(p.tableBlock)+1, 16))
	}
	p.tableBlock = append(p.tableBlock, table{kind: kind})
	t := &p.tableBlock[len(p.tableBlock)-1]
	t.entries = t.first[:0]
	return t
}

// find returns the index of key's entry, or -1.
func (t *table) find(key string) int {
	if t.index != nil {
		if i, ok := t.index[key]; ok {
			return i
		}
		return -1
	}
	for i := range t.entries {
		if t.entries[i].key == key {
			return i
		}
	}
	return -1
}

// add adds key, which t does not have.
func (t *table) add(key string, value any) {
	t.entries = append(t.entries, tableEntry{key, value})
	switch {
	case t.index != nil:
		t.index[key] = len(t.entries) - 1
	case len(t.entries) > smallTable:
		t.index = make(map[string]int, 2*len(t.entries))
		for i, e := range t.entries {
			t.index[e.key] = i
		}
	}
}

// plain turns a table into the map BurntSushi/toml would give. Its keys
// are copied: the parser's are parts of the text, which a page's params
// must not keep in memory.
func (t *table) plain() map[string]any {
	m := make(map[string]any, len(t.entries))
	for _, e := range t.entries {
		m[strings.Clone(e.key)] = plainValue(e.value)
	}
	return m
}

func plainValue(v any) any {
	switch v := v.(type) {
	case *string:
		return *v
	case *table:
		return v.plain()
	case []*table:
		out := make([]map[string]any, len(v))
		for i, t := range v {
			out[i] = t.plain()
		}
		return out
	case []any:
		for i, e := range v {
			v[i] = plainValue(e)
		}
	}
	return v
}
