package load

import (
	"reflect"
	"slices"
	"testing"

	"westcoast/generator/model"
)

// Pages of one language filed under the same terms share one Terms map;
// pages under other terms, or in another language, have their own; and
// every map holds the page's terms, whatever order the file gave them in.
func TestSharedTerms(t *testing.T) {
	page := func(title, tags string) string { return "+++\ntitle = \"" + title + "\"\ntags = " + tags + "\n+++\n" }
	s, err := Site(site(map[string]string{
		"content/a.zh.md":             page("甲", `["x", "y"]`),
		"content/a.en.md":             page("A", `["x", "y"]`),
		"content/b.zh.md":             page("乙", `["y", "x"]`),
		"content/b.en.md":             page("B", `["y", "x"]`),
		"content/c.zh.md":             page("丙", `["x"]`),
		"content/c.en.md":             page("C", `["x"]`),
		"content/tags/x/_index.zh.md": "+++\ntitle = \"叉\"\n+++\n",
		"content/tags/x/_index.en.md": "+++\ntitle = \"X\"\n+++\n",
		"content/tags/y/_index.zh.md": "+++\ntitle = \"歪\"\n+++\n",
		"content/tags/y/_index.en.md": "+++\ntitle = \"Y\"\n+++\n",
	}), Options{})
	if err != nil {
		t.Fatal(err)
	}
	same := func(x, y map[string][]*model.Page) bool {
		return reflect.ValueOf(x).UnsafePointer() == reflect.ValueOf(y).UnsafePointer()
	}
	a, b, c, aEn := s.Page("zh", "a"), s.Page("zh", "b"), s.Page("zh", "c"), s.Page("en", "a")
	if !same(a.Terms, b.Terms) {
		t.Error("pages under the same terms have a Terms map each")
	}
	if same(a.Terms, c.Terms) || same(a.Terms, aEn.Terms) {
		t.Error("pages under other terms, or in another language, share a Terms map")
	}
	keys := func(p *model.Page) []string {
		var list []string
		for _, term := range p.Terms["tags"] {
			list = append(list, term.Lang.Code+":"+term.Key)
		}
		return list
	}
	for _, tc := range []struct {
		p    *model.Page
		want []string
	}{
		{a, []string{"zh:tags/x", "zh:tags/y"}},
		{b, []string{"zh:tags/x", "zh:tags/y"}},
		{c, []string{"zh:tags/x"}},
		{aEn, []string{"en:tags/x", "en:tags/y"}},
	} {
		if got := keys(tc.p); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%s %s: terms %v, want %v", tc.p.Lang.Code, tc.p.Key, got, tc.want)
		}
	}
	if n := len(s.Page("zh", "tags/x").Pages); n != 3 {
		t.Errorf("tags/x lists %d pages, want 3", n)
	}
}

// A page's terms and its facts file's are merged; one side alone is
// taken as it is.
func TestMergeTerms(t *testing.T) {
	own := map[string][]string{"tags": {"x"}}
	facts := map[string][]string{"industries": {"y"}}
	for _, tc := range []struct {
		name        string
		own, facts  map[string][]string
		want        map[string][]string
		sharesOwn   bool
		sharesFacts bool
	}{
		{"neither", nil, nil, nil, false, false},
		{"own only", own, nil, own, true, false},
		{"facts only", nil, facts, facts, false, true},
		{"both", own, facts, map[string][]string{"tags": {"x"}, "industries": {"y"}}, false, false},
	} {
		got := mergeTerms(tc.own, tc.facts)
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%s: %v, want %v", tc.name, got, tc.want)
		}
		at := reflect.ValueOf(got).UnsafePointer()
		if (at == reflect.ValueOf(tc.own).UnsafePointer() && at != nil) != tc.sharesOwn ||
			(at == reflect.ValueOf(tc.facts).UnsafePointer() && at != nil) != tc.sharesFacts {
			t.Errorf("%s: shares the wrong map", tc.name)
		}
	}
}

// The translations of a page take their figures from its facts file: one
// list, made once; a page's own figures are its own.
func TestSharedFigures(t *testing.T) {
	facts := "[[figures]]\nid = \"x\"\nkind = \"count\"\nvalue = 3\nunit = { zh = \"个\", en = \"projects\", fr = \"projets\" }\nlabel = { en = \"Projects\", zh = \"项目\" }\n"
	own := "+++\ntitle = \"乙\"\n[[figures]]\nid = \"y\"\nkind = \"money\"\nvalue = 1\nlabel = { zh = \"乙\", en = \"B\" }\n+++\n"
	s, err := Site(site(map[string]string{"content/a.toml": facts, "content/b.zh.md": own,
		"content/b.en.md": "+++\ntitle = \"B\"\n+++\n"}), Options{})
	if err != nil {
		t.Fatal(err)
	}
	zh, en := s.Page("zh", "a"), s.Page("en", "a")
	if len(zh.Figures) != 1 || len(en.Figures) != 1 || zh.Figures[0] != en.Figures[0] {
		t.Fatalf("translations have figures %v and %v, want one list of one", zh.Figures, en.Figures)
	}
	f := zh.Figures[0]
	// In the site's languages' order; a language the site has not is left out.
	wantUnit := model.Texts{{Lang: "zh", Text: "个"}, {Lang: "en", Text: "projects"}}
	wantLabel := model.Texts{{Lang: "zh", Text: "项目"}, {Lang: "en", Text: "Projects"}}
	if !reflect.DeepEqual(f.Unit, wantUnit) || !reflect.DeepEqual(f.Label, wantLabel) {
		t.Errorf("unit %v, label %v; want %v, %v", f.Unit, f.Label, wantUnit, wantLabel)
	}
	if b := s.Page("zh", "b"); len(b.Figures) != 1 || b.Figures[0].ID != "y" || len(s.Page("en", "b").Figures) != 0 {
		t.Errorf("a page's own figures are not its own")
	}
}

// TestFactsForEveryTranslation: a build lets a facts file go once the last
// page that takes it is made, so every translation must still find it,
// also one paired by translationKey from far before or after it in the
// files' order.
func TestFactsForEveryTranslation(t *testing.T) {
	facts := "weight = 7\n[[figures]]\nid = \"x\"\nkind = \"count\"\nvalue = 3\nlabel = { en = \"Projects\", zh = \"项目\" }\n"
	for _, far := range []string{"content/a0/far.en.md", "content/z9/far.en.md"} {
		s, err := Site(site(map[string]string{
			"content/m/p.zh.md": "+++\ntitle = \"甲\"\n+++\n", "content/m/p.toml": facts,
			far: "+++\ntitle = \"P\"\ntranslationKey = \"m/p\"\n+++\n",
		}), Options{})
		if err != nil {
			t.Fatalf("%s: %v", far, err)
		}
		key := far[len("content/") : len(far)-len(".en.md")]
		for _, p := range []*model.Page{s.Page("zh", "m/p"), s.Page("en", key)} {
			if p == nil {
				t.Fatalf("%s: a translation is missing", far)
			}
			if len(p.Figures) != 1 || p.Figures[0].ID != "x" || p.Weight != 7 {
				t.Errorf("%s: %s has figures %v and weight %d, want figure x and weight 7", far, p.Source, p.Figures, p.Weight)
			}
		}
	}
}

// TestTextsShared: figures whose labels or units say the same share one
// list, and lists that say different things never do, whatever the texts
// hold.
func TestTextsShared(t *testing.T) {
	b := &assembler{langs: []*model.Language{{Code: "zh"}, {Code: "en"}}}
	text := func(pairs ...string) model.Texts {
		var t model.Texts
		for i := 0; i < len(pairs); i += 2 {
			t = append(t, model.LangText{Lang: pairs[i], Text: pairs[i+1]})
		}
		return t
	}
	a := b.texts(text("en", "projects", "zh", "个"))
	again := b.texts(text("zh", "个", "en", "projects"))
	if want := text("zh", "个", "en", "projects"); !reflect.DeepEqual(a, want) || !reflect.DeepEqual(again, want) {
		t.Fatalf("texts = %v and %v, want %v", a, again, want)
	}
	if &a[0] != &again[0] {
		t.Errorf("two figures with the same unit keep two lists")
	}
	// Joined with NULs between, without lengths, these two would read the same.
	one := b.texts(text("zh", "p\x00en\x00q"))
	two := b.texts(text("zh", "p", "en", "q"))
	if len(one) != 1 || len(two) != 2 || one[0].Text != "p\x00en\x00q" {
		t.Errorf("different texts shared a list: %q and %q", one, two)
	}
}

// TestTermKeysShared: pages filed under the same terms share one map,
// whatever the order of their taxonomies, and terms that would read the
// same run together are not taken for one another.
func TestTermKeysShared(t *testing.T) {
	b := &assembler{}
	a := b.sharedTerms(map[string][]string{"tags": {"x", "y"}, "themes": {"z"}})
	again := b.sharedTerms(map[string][]string{"themes": {"z"}, "tags": {"x", "y"}})
	if reflect.ValueOf(a).UnsafePointer() != reflect.ValueOf(again).UnsafePointer() {
		t.Errorf("two pages filed under the same terms keep two maps")
	}
	for _, terms := range []map[string][]string{{"tags": {"xy"}}, {"tags": {"x", "y"}}, {"tagsx": {"y"}}, {"tags": {"x"}, "y": nil}} {
		if got := b.sharedTerms(terms); !reflect.DeepEqual(got, terms) {
			t.Errorf("sharedTerms(%v) = %v", terms, got)
		}
	}
	if got := b.sharedTerms(map[string][]string{}); got != nil {
		t.Errorf("a page filed under no terms keeps a map: %v", got)
	}
}

// TestMeasuresShared: figures that measure the same thing share one
// Measure, and a figure that differs from another in any of its measure's
// fields has its own.
func TestMeasuresShared(t *testing.T) {
	b := &assembler{langs: []*model.Language{{Code: "zh"}, {Code: "en"}}}
	unit := model.Texts{{Lang: "en", Text: "projects"}, {Lang: "zh", Text: "个"}}
	label := model.Texts{{Lang: "zh", Text: "项目"}, {Lang: "en", Text: "Projects"}}
	base := figureConfig{ID: "a", Kind: "count", Value: 1, Period: "h1", Chart: "c", units: unit, labels: label}
	a := b.measure(base)
	again := base
	again.ID, again.Value, again.units = "b", 2, slices.Clone(unit) // the same texts, from another file
	if b.measure(again) != a {
		t.Error("two figures of the same measure keep one each")
	}
	want := &model.Measure{Kind: "count", Period: "h1", Chart: "c", Unit: model.Texts{{Lang: "zh", Text: "个"}, {Lang: "en", Text: "projects"}}, Label: label}
	if !reflect.DeepEqual(a, want) {
		t.Errorf("measure = %+v, want %+v", *a, *want)
	}
	for _, change := range []func(*figureConfig){
		func(f *figureConfig) { f.Kind = "money" },
		func(f *figureConfig) { f.Period = "h2" },
		func(f *figureConfig) { f.Approx = "about" },
		func(f *figureConfig) { f.Status = "target" },
		func(f *figureConfig) { f.Chart = "d" },
		func(f *figureConfig) { f.units = nil },
		func(f *figureConfig) {
			f.labels = model.Texts{{Lang: "zh", Text: "项目"}, {Lang: "en", Text: "Items"}}
		},
	} {
		other := base
		change(&other)
		if m := b.measure(other); m == a || reflect.DeepEqual(m, a) {
			t.Errorf("%+v shares the measure of %+v", other, base)
		}
	}
}
