package load

import (
	"fmt"
	"io/fs"
	"os"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/BurntSushi/toml"

	"westcoast/generator/model"
)

// agrees checks fastDecode against the two passes it replaces: where it
// takes a text, BurntSushi/toml must take it too and give the same values,
// and indexKeys the same key positions.
func agrees(t *testing.T, text string) bool {
	t.Helper()
	doc, ix, ok := fastDecode(text)
	if !ok {
		return false
	}
	var want map[string]any
	if _, err := toml.Decode(text, &want); err != nil {
		t.Fatalf("fastDecode took text the library refuses (%v):\n%s", err, text)
	}
	if !sameValue(doc, want) {
		t.Fatalf("values differ for\n%s\n got %#v\nwant %#v", text, doc, want)
	}
	if wantIx := indexKeys(text); !reflect.DeepEqual(ix.entries, wantIx.entries) {
		t.Fatalf("key index differs for\n%s\n got %+v\nwant %+v", text, ix.entries, wantIx.entries)
	}
	// Into front matter: the same fields, or a refusal where the library
	// refuses. (Keys spelt otherwise than a field are reported by
	// unknownKeys either way; the library alone would fill the field.)
	typ := withTaxonomies([]model.Taxonomy{{Singular: "tag", Plural: "tags"}})
	if src := (&tomlSource{text: text, keys: ix}); len(src.unknownKeys(reflect.PointerTo(typ))) > 0 {
		return true
	}
	fast, slow := reflect.New(typ), reflect.New(typ)
	fits := assign(fast.Elem(), doc)
	_, err := toml.Decode(text, slow.Interface())
	switch {
	case fits && err != nil:
		t.Fatalf("assign took what the library refuses (%v):\n%s", err, text)
	case fits && !reflect.DeepEqual(fast.Interface(), slow.Interface()):
		t.Fatalf("front matter differs for\n%s\n got %+v\nwant %+v", text, fast.Interface(), slow.Interface())
	}
	return true
}

// sameValue compares decoded TOML, times by instant and zone name (the
// library's zones are its own *time.Location values).
func sameValue(a, b any) bool {
	switch a := a.(type) {
	case time.Time:
		bt, ok := b.(time.Time)
		an, _ := a.Zone()
		bn, _ := bt.Zone()
		return ok && a.Equal(bt) && an == bn
	case map[string]any:
		bm, ok := b.(map[string]any)
		if !ok || len(a) != len(bm) {
			return false
		}
		for k, v := range a {
			if !sameValue(v, bm[k]) {
				return false
			}
		}
		return true
	case []any:
		bl, ok := b.([]any)
		if !ok || len(a) != len(bl) {
			return false
		}
		for i := range a {
			if !sameValue(a[i], bl[i]) {
				return false
			}
		}
		return true
	case []map[string]any:
		bl, ok := b.([]map[string]any)
		if !ok || len(a) != len(bl) {
			return false
		}
		for i := range a {
			if !sameValue(a[i], bl[i]) {
				return false
			}
		}
		return true
	}
	return reflect.DeepEqual(a, b)
}

var fastSeeds = []string{
	"title = \"x\"\nweight = 2\nfigures = [{ id = \"a\", value = 3, label = { zh = \"甲\" } }]\ntags = [\"t\"]\n[params]\nx = [1, 2]\n",
	"title = \"甲\"\nweight = 3\ndraft = true\n",
	"a = 'lit'\nb = \"esc \\\" \\\\ \\n \\u4e2d \\U0001F600\"\nc = -1_000\nd = 1.5e-3\ne = +0.5\n",
	"d = 2024-05-01\nt = 2024-05-01T10:00:00Z\nu = 2024-05-01 10:00:00+08:00\nf = 2024-05-01T10:00:00.25-05:30\n",
	"[params]\nreporters = [\"甲\", \"乙\"]\nbyline.label = \"记者\"\n",
	"weight = 1\nindustries = [\"a\", \"b\"]\n\n[[figures]]\nid = \"x\"\nkind = \"money\"\nvalue = 42_000_000_000\nlabel = { zh = \"甲\", en = \"A\" }\n\n[[figures]]\nid = \"y\"\nunit = { zh = \"个\", en = \"projects\" }\n",
	"a = [\n  1, # one\n  2,\n]\nb = [[1, 2], [\"x\"]]\nc = [{ x = 1 }, { y = { z = 2 } }]\n",
	"\"quoted key\" = 1\n'lit key' = 2\na.\"b.c\".d = 3\n",
	"[a.b]\nx = 1\n[a.c]\ny = 2\n[[a.list]]\nz = 3\n[[a.list]]\nz = 4\n[a.list.sub]\nw = 5\n",
	"x = 1 # comment\r\ny = 2\r\n",
	"e = {}\nf = []\n",
	// Left to the library: each of these must give ok = false.
	"s = \"\"\"multi\nline\"\"\"\n",
	"h = 0x1F\n",
	"i = inf\n",
	"t = 07:32:00\n",
	"l = 1979-05-27T07:32:00\n",
	"a = 1\na = 2\n",
	"[t]\n[t]\n",
	"x = { a = 1, }\n",
	"x = 01\n",
	"bad = \n",
	"x = \"\\e\"\n",
	"a = 1\r b = 2\n",
}

func TestFastDecode(t *testing.T) {
	taken := 0
	for _, seed := range fastSeeds {
		if agrees(t, seed) {
			taken++
		}
	}
	if taken != 11 {
		t.Errorf("fastDecode took %d of the seeds, want the first 11", taken)
	}
}

// Every front matter and facts file of the real site takes the fast path:
// a large site written like it does too.
func TestFastDecodeTakesTheRealSite(t *testing.T) {
	for p, text := range realSiteTOML(t) {
		if !agrees(t, text) {
			t.Errorf("%s: left to the library", p)
		}
	}
}

// realSiteTOML returns the TOML of this repository's site: every facts
// file, and every Markdown file's front matter, by file.
func realSiteTOML(t *testing.T) map[string]string {
	t.Helper()
	texts := map[string]string{}
	err := fs.WalkDir(os.DirFS("../.."), "content", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile("../../" + p)
		if err != nil {
			return err
		}
		switch {
		case strings.HasSuffix(p, ".md"):
			fm, _, _, err := splitFrontMatter(p, data)
			if err != nil {
				return err
			}
			texts[p] = fm
		case strings.HasSuffix(p, ".toml"):
			texts[p] = string(data)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return texts
}

// largeTableSeeds have tables of more keys than smallTable, which are
// looked up in a map; the last two define a key twice.
var largeTableSeeds = []string{
	manyKeys(20) + "[t]\n" + manyKeys(20) + "i = {" + strings.ReplaceAll(strings.TrimSpace(manyKeys(20)), "\n", ",") + "}\n",
	"[t]\n" + manyKeys(20) + "k3 = 1\n",
	"t = {" + strings.ReplaceAll(manyKeys(20), "\n", ",") + "k19 = 1}\n",
}

func TestFastDecodeLargeTables(t *testing.T) {
	for i, seed := range largeTableSeeds {
		if taken := agrees(t, seed); taken != (i == 0) {
			t.Errorf("fastDecode took %q: %v, want %v", seed, taken, i == 0)
		}
	}
}

// manyKeys is n lines k0 = 0, k1 = 1, …
func manyKeys(n int) string {
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, "k%d = %d\n", i, i)
	}
	return b.String()
}

func FuzzFastDecode(f *testing.F) {
	for _, seed := range append(fastSeeds, largeTableSeeds...) {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, text string) {
		agrees(t, text)
	})
}
