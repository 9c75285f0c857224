package load

import (
	"os"
	"reflect"
	"slices"
	"testing"

	"westcoast/generator/model"
)

// agreesDirect checks decodeDirect against decodeReflect, which it stands
// in for: where it takes a text, decodeReflect must take it too and give
// the same front matter, keys set and key index.
func agreesDirect(t *testing.T, text string, sc schema) bool {
	t.Helper()
	fast := &tomlSource{file: "x.md", text: text}
	fm, set, ok := decodeDirect(fast, sc)
	if !ok {
		return false
	}
	slow := &tomlSource{file: "x.md", text: text}
	want, wantSet, err := decodeReflect(slow, sc)
	switch {
	case err != nil:
		t.Fatalf("decodeDirect took text that decodeReflect refuses (%v):\n%s", err, text)
	case !sameFrontMatter(fm, want):
		t.Fatalf("front matter differs for\n%s\n got %#v\nwant %#v", text, fm, want)
	case !reflect.DeepEqual(set, wantSet):
		t.Fatalf("keys set differ for\n%s\n got %v\nwant %v", text, set, wantSet)
	case !reflect.DeepEqual(fast.keys.entries, slow.keys.entries):
		t.Fatalf("key index differs for\n%s\n got %+v\nwant %+v", text, fast.keys.entries, slow.keys.entries)
	}
	return true
}

// sameFrontMatter compares front matter, its dates and params as sameValue
// does and the rest exactly (an empty list is not a missing one).
func sameFrontMatter(a, b frontMatter) bool {
	for _, d := range [][2]any{{a.Date, b.Date}, {a.Lastmod, b.Lastmod}, {a.PublishDate, b.PublishDate},
		{a.ExpiryDate, b.ExpiryDate}, {map[string]any(a.Params), map[string]any(b.Params)}} {
		if !sameValue(d[0], d[1]) {
			return false
		}
	}
	if (a.Params == nil) != (b.Params == nil) {
		return false
	}
	for _, fm := range []*frontMatter{&a, &b} {
		fm.Date, fm.Lastmod, fm.PublishDate, fm.ExpiryDate = fm.Date.UTC(), fm.Lastmod.UTC(), fm.PublishDate.UTC(), fm.ExpiryDate.UTC()
		fm.Params = nil
	}
	return reflect.DeepEqual(a, b)
}

var directSchema = newSchema([]model.Taxonomy{{Singular: "tag", Plural: "tags"}, {Singular: "theme", Plural: "themes"}}, nil)

var directSeeds = []string{
	"title = \"甲\"\nlinkTitle = 'a'\ndescription = \"d\"\nsummary = \"s\"\ndraft = true\nmonolingual = false\nweight = -3\nlayout = \"x\"\nslug = \"y\"\ntranslationKey = \"k\"\n",
	"date = 2024-05-01\nlastmod = 2024-05-01T10:00:00Z\npublishDate = 2024-05-01 10:00:00+08:00\nexpiryDate = 2024-05-01T10:00:00.5-05:30\n",
	"aliases = []\ntags = []\nfigures = []\nthemes = [\"a\", \"b\"]\n",
	"aliases = [\"/a/\", \"/b/\"]\ntags = [\"t\"]\n",
	"weight = 1\n[[figures]]\nid = \"x\"\nkind = \"money\"\nvalue = 42_000\nlabel = { zh = \"甲\", en = \"A\" }\nunit = {}\nperiod = \"h2\"\napprox = \"about\"\nstatus = \"target\"\nchart = \"zone\"\n\n[[figures]]\nid = \"y\"\nvalue = 1.5\n[figures.unit]\nzh = \"个\"\n",
	"figures = [{ id = \"a\", value = 3, label = { zh = \"甲\" } }, {}]\n",
	"[params]\nx = [1, 2]\nwhen = 2024-05-01\n[[params.list]]\na = 1\n[params.t]\n\"q.k\" = 'v'\n",
	"params = {}\n",
	"[params]\n" + manyKeys(20), // more keys than smallTable
	// Left to decodeReflect: each of these must give ok = false.
	"figures.0 = 1\n",
	"title = 1\n",
	"Title = \"x\"\n",
	"weight = 1.5\n",
	"weight = \"1\"\n",
	"date = \"2024-05-01\"\n",
	"tags = [1]\n",
	"tags = \"a\"\n",
	"aliases = [[\"a\"]]\n",
	"figures = [1]\n",
	"figures = { id = \"a\" }\n",
	"[[figures]]\nvalue = \"1\"\n",
	"[[figures]]\nname = \"x\"\n",
	"[[figures]]\nlabel = { zh = 1 }\n",
	"[[figures]]\nlabel = \"x\"\n",
	"params = 1\n",
	"title.x = 1\n",
	"s = \"\"\"multi\"\"\"\n",
	"title = \"a\\u001bb\"\n",
}

func TestDecodeDirect(t *testing.T) {
	for i, seed := range directSeeds {
		if taken := agreesDirect(t, seed, directSchema); taken != (i < 9) {
			t.Errorf("decodeDirect took %q: %v, want %v", seed, taken, i < 9)
		}
	}
}

// Every front matter and facts file of the real site, decoded with its
// own taxonomies, takes the direct path.
func TestDecodeDirectTakesTheRealSite(t *testing.T) {
	cfg, err := readConfig(os.DirFS("../.."), Options{})
	if err != nil {
		t.Fatal(err)
	}
	texts := realSiteTOML(t)
	for p, text := range texts {
		if !agreesDirect(t, text, cfg.schema) {
			t.Errorf("%s: left to decodeReflect", p)
		}
	}
	n := len(texts)
	if n < 50 {
		t.Errorf("only %d files checked", n)
	}
}

func FuzzDecodeDirect(f *testing.F) {
	for _, seed := range slices.Concat(directSeeds, fastSeeds, largeTableSeeds) {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, text string) {
		agreesDirect(t, text, directSchema)
	})
}
