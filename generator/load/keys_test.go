package load

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"
)

func TestIndexKeys(t *testing.T) {
	text := `title = "标题 # not a comment" # comment
a.b."c.d" = 1
s = """
x = "not a key"
"""

[languages.zh]
name = '中文'
ui = { "period.h2" = "下半年", home = "首页",
  about = "关于" }

[[figures]]
id = "x"
label = { zh = "甲" }
[[figures]]
id = "y"
[figures.unit]
zh = "个"

[params]
list = [{ id = "p" }, { id = "q" }]
when = 1979-05-27 07:32:00Z
after = true
`
	ix := indexKeys(text)
	tests := []struct {
		path       string
		key, value textPos
	}{
		{"title", textPos{1, 1}, textPos{1, 9}},
		{"a", textPos{2, 1}, textPos{}},
		{"a.b", textPos{2, 3}, textPos{}},
		{`a.b."c.d"`, textPos{2, 5}, textPos{2, 13}},
		{"s", textPos{3, 1}, textPos{3, 5}},
		{"languages.zh", textPos{7, 12}, textPos{}},
		{"languages.zh.name", textPos{8, 1}, textPos{8, 8}},
		{`languages.zh.ui."period.h2"`, textPos{9, 8}, textPos{9, 22}},
		{"languages.zh.ui.home", textPos{9, 29}, textPos{9, 36}},
		{"languages.zh.ui.about", textPos{10, 3}, textPos{10, 11}},
		{"figures", textPos{12, 3}, textPos{}},
		{"figures.0", textPos{12, 3}, textPos{}},
		{"figures.0.id", textPos{13, 1}, textPos{13, 6}},
		{"figures.0.label.zh", textPos{14, 11}, textPos{14, 16}},
		{"figures.1", textPos{15, 3}, textPos{}},
		{"figures.1.id", textPos{16, 1}, textPos{16, 6}},
		{"figures.1.unit", textPos{17, 10}, textPos{}},
		{"figures.1.unit.zh", textPos{18, 1}, textPos{18, 6}},
		{"params.list.0", textPos{21, 9}, textPos{}},
		{"params.list.1.id", textPos{21, 25}, textPos{21, 30}},
		{"params.when", textPos{22, 1}, textPos{22, 8}},
		{"params.after", textPos{23, 1}, textPos{23, 9}},
	}
	packed := &keyIndex{packed: pack(ix)}
	for _, ix := range []*keyIndex{ix, packed} {
		for _, tt := range tests {
			e, ok := ix.lookup(tt.path)
			if !ok {
				t.Errorf("%s: not indexed", tt.path)
				continue
			}
			if e.key != tt.key || e.value != tt.value {
				t.Errorf("%s: key at %v, value at %v; want %v, %v", tt.path, e.key, e.value, tt.key, tt.value)
			}
		}
		if _, ok := ix.lookup("x"); ok {
			t.Error("a line inside a multi-line string was taken for a key")
		}
	}
}

// samePacked checks that an index packed (dropPaths) has the same entries,
// by the same names, in the same order.
func samePacked(t *testing.T, ix *keyIndex) {
	t.Helper()
	type named struct {
		name string
		e    keyEntry
	}
	var want, got []named
	// nameEnd is where a name ends in the unpacked form alone.
	ix.each(func(name []byte, e keyEntry) bool {
		want = append(want, named{string(name), keyEntry{key: e.key, value: e.value}})
		return true
	})
	if len(ix.entries) <= linearKeys && len(want) > 0 && ix.packed != "" {
		t.Fatal("an index packed before dropPaths")
	}
	ix.dropPaths()
	ix.each(func(name []byte, e keyEntry) bool {
		got = append(got, named{string(name), keyEntry{key: e.key, value: e.value}})
		return true
	})
	if !slices.Equal(got, want) {
		t.Fatalf("packed, the index reads\n%v\nnot\n%v", got, want)
	}
	for i, n := range want {
		first := slices.IndexFunc(want, func(m named) bool { return m.name == n.name })
		if e, ok := ix.lookup(n.name); !ok || e.key != want[first].e.key || e.value != want[first].e.value {
			t.Fatalf("entry %d, %q: found %v, %v; want %v", i, n.name, e, ok, want[first].e)
		}
	}
}

// TestManyKeys checks an index past linearKeys, where it finds names by a
// map rather than a scan: every key is found at its line, the first time
// it is written.
func TestManyKeys(t *testing.T) {
	for _, n := range []int{linearKeys - 1, linearKeys, linearKeys + 1, 5 * linearKeys} {
		var text strings.Builder
		for i := range n {
			fmt.Fprintf(&text, "k%d = %d\n", i, i)
		}
		text.WriteString("[t]\nk0 = 1\n")
		ix := indexKeys(text.String())
		if n%2 == 1 {
			samePacked(t, ix)
		}
		for i := range n {
			pos, ok := ix.pos(fmt.Sprintf("k%d", i))
			if !ok || pos != (textPos{int32(i + 1), 1}) {
				t.Errorf("%d keys: k%d at %v, %v; want line %d", n, i, pos, ok, i+1)
			}
		}
		if pos, ok := ix.valuePos("t", "k0"); !ok || pos != (textPos{int32(n + 2), 6}) {
			t.Errorf("%d keys: t.k0's value at %v, %v; want %d:6", n, pos, ok, n+2)
		}
		if _, ok := ix.pos("k" + fmt.Sprint(n)); ok {
			t.Errorf("%d keys: found a key that is not there", n)
		}
	}
}

// FuzzIndexKeys checks the index against the TOML library itself: every
// key the library reads is indexed, at a place where its name is written.
func FuzzIndexKeys(f *testing.F) {
	for _, seed := range []string{
		testConfig,
		"a.b.c = 1\na.d = 2\n",
		"[[a]]\n0 = 1\n[[a]]\n[a.b]\nc = 2\n[[a.d]]\ne = 3\n",
		"x = [{ a = 1 }, [ { b = 2 } ]]\n",
		"'lit.key' = '''\n'''''\n\"\\u00e9\" = 1\n",
		"t = 1979-05-27 07:32:00Z # c\nu = -inf\n",
		"x = { a = 1,\n b = 2, }\n",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, text string) {
		var v map[string]any
		md, err := toml.Decode(text, &v)
		if err != nil {
			return
		}
		ix := indexKeys(text)
		lines := strings.Split(text, "\n")
		for _, key := range md.Keys() {
			if err := indexed(ix, lines, key); err != nil {
				t.Fatalf("key %q: %v", key, err)
			}
		}
		samePacked(t, ix)
	})
}

// indexed checks that a library key, which has no array indexes, has an
// entry where its name is written. A key named "0" in an array of tables
// matches two paths; one of them must do.
func indexed(ix *keyIndex, lines []string, key toml.Key) error {
	err := fmt.Errorf("not indexed")
	for i, e := range ix.entries {
		if matchesKey(ix.paths[i], key) {
			if err = writtenAt(lines, e.key, key[len(key)-1]); err == nil {
				return nil
			}
		}
	}
	return err
}

// matchesKey reports whether path is key with array indexes added.
func matchesKey(path, key toml.Key) bool {
	switch {
	case len(key) == 0:
		return len(path) == 0
	case len(path) == 0:
		return false
	case path[0] == key[0] && matchesKey(path[1:], key[1:]):
		return true
	}
	return isIndex(path[0]) && matchesKey(path[1:], key)
}

// writtenAt checks that name (bare or quoted) is written at p.
func writtenAt(lines []string, p textPos, name string) error {
	line, col := int(p.line), int(p.col)
	if line < 1 || line > len(lines) {
		return fmt.Errorf("line %d out of range", line)
	}
	runes := []rune(lines[line-1])
	if col < 1 || col > len(runes) {
		return fmt.Errorf("column %d out of range on line %d", col, line)
	}
	at := string(runes[col-1:])
	if !strings.HasPrefix(at, name) && !strings.HasPrefix(at, `"`) && !strings.HasPrefix(at, `'`) {
		return fmt.Errorf("%d:%d holds %q", line, col, at)
	}
	return nil
}
