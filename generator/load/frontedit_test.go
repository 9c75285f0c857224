package load

import (
	"reflect"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"westcoast/generator/model"
)

// frontEditSite is a site whose lists, related pages and menu a title can
// reorder or rename: c and d tie but for their titles in their section
// and term; e and f tie but for their titles among g's related pages,
// sharing no list; a is in the menu by its title.
func frontEditSite() fstest.MapFS {
	files := map[string]string{
		"config.toml":                    testConfig + "[[languages.en.menus.main]]\npageRef = \"/news/a.md\"\n",
		"layouts/assets/og.png":          "png",
		"content/news/_index.zh.md":      "+++\ntitle = \"新闻\"\n+++\n",
		"content/news/_index.en.md":      "+++\ntitle = \"News\"\n+++\n",
		"content/news/a.toml":            "weight = 1\ndate = 2024-05-01\ntags = [\"x\"]\n",
		"content/news/b.toml":            "weight = 2\ndate = 2024-05-02\ntags = [\"x\", \"y\"]\n",
		"content/news/b.zh.md":           "+++\ntitle = \"乙\"\nsummary = \"乙的**摘要**\"\n+++\n正文\n",
		"content/news/b.en.md":           "+++\ntitle = \"B\"\nsummary = \"B's **summary**\"\n+++\nText\n",
		"content/news/h.zh.md":           "+++\ntitle = \"辛\"\n+++\n导语。\n\n<!--more-->\n\n正文\n",
		"content/news/h.en.md":           "+++\ntitle = \"H\"\n+++\nLead.\n\n<!--more-->\n\nText\n",
		"content/news/g.toml":            "weight = 1\ndate = 2024-05-05\ntags = [\"z\", \"w\"]\n",
		"content/news/later.zh.md":       "+++\ntitle = \"后\"\npublishDate = 2024-06-01\n+++\n",
		"content/news/later.en.md":       "+++\ntitle = \"Later\"\npublishDate = 2024-06-01\n+++\n",
		"content/other/e.toml":           "date = 2024-05-04\ntags = [\"z\"]\n",
		"content/more/f.toml":            "date = 2024-05-04\ntags = [\"w\"]\n",
		"content/tags/x/_index.zh.md":    "+++\ntitle = \"X\"\n+++\n",
		"content/tags/x/_index.en.md":    "+++\ntitle = \"X\"\n+++\n",
		"content/tags/y/_index.zh.md":    "+++\ntitle = \"Y\"\n+++\n",
		"content/tags/y/_index.en.md":    "+++\ntitle = \"Y\"\n+++\n",
		"content/tags/z/_index.zh.md":    "+++\ntitle = \"Z\"\n+++\n",
		"content/tags/z/_index.en.md":    "+++\ntitle = \"Z\"\n+++\n",
		"content/tags/w/_index.zh.md":    "+++\ntitle = \"W\"\n+++\n",
		"content/tags/w/_index.en.md":    "+++\ntitle = \"W\"\n+++\n",
		"content/news/c.zh.md":           "+++\ntitle = \"C\"\ndate = 2024-05-03\ntags = [\"y\"]\n+++\n正文\n",
		"content/news/c.en.md":           "+++\ntitle = \"C\"\ndate = 2024-05-03\ntags = [\"y\"]\n+++\nText\n",
		"content/news/d.zh.md":           "+++\ntitle = \"D\"\ndate = 2024-05-03\ntags = [\"y\"]\n+++\n正文\n",
		"content/news/d.en.md":           "+++\ntitle = \"D\"\ndate = 2024-05-03\ntags = [\"y\"]\n+++\nText\n",
		"content/other/e.zh.md":          "+++\ntitle = \"E\"\n+++\n",
		"content/other/e.en.md":          "+++\ntitle = \"E\"\n+++\n",
		"content/more/f.zh.md":           "+++\ntitle = \"F\"\n+++\n",
		"content/more/f.en.md":           "+++\ntitle = \"F\"\n+++\n",
		"content/news/g.zh.md":           "+++\ntitle = \"G\"\n+++\n",
		"content/news/g.en.md":           "+++\ntitle = \"G\"\n+++\n",
		"content/news/a.zh.md":           "+++\ntitle = \"甲\"\n+++\n正文\n",
		"content/news/a.en.md":           "+++\ntitle = \"A\"\n+++\nText\n",
		"content/news/a/cover.png":       "png",
		"content/news/figures.zh.md":     "+++\ntitle = \"数\"\n[[figures]]\nid = \"n\"\nkind = \"count\"\nvalue = 3\nlabel = {zh = \"数\", en = \"Number\"}\n+++\n",
		"content/news/figures.en.md":     "+++\ntitle = \"Figures\"\n[[figures]]\nid = \"n\"\nkind = \"count\"\nvalue = 3\nlabel = {zh = \"数\", en = \"Number\"}\n+++\n",
		"content/news/quotes.en.md":      "+++\ntitle = \"Quotes\"\nsummary = \"{{< figure \\\"/news/figures/#n\\\" >}}\"\nmonolingual = true\n+++\n",
		"content/news/monolingual.zh.md": "+++\ntitle = \"单\"\nmonolingual = true\n+++\n",
		"content/news/solo.en.md":        "+++\ntitle = \"Solo\"\nmonolingual = true\n+++\n",
	}
	return site(files)
}

// TestUpdateFrontMatter: an edit to pages' own front matter makes the new
// site from the last one's graph (and any other edit does not), and either
// way the site is the one a whole load of the edited files gives.
func TestUpdateFrontMatter(t *testing.T) {
	loaded := time.Date(2024, 5, 15, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		name  string
		files map[string]string
		own   bool      // the edit is to the pages' own fields alone
		now   time.Time // of the update, if not loaded
		err   string    // what the update reports
		twice bool      // the files are named twice
	}{
		{name: "a title", own: true, files: map[string]string{"content/news/b.en.md": "+++\ntitle = \"Bee\"\nsummary = \"B's **summary**\"\n+++\nText\n"}},
		{name: "both titles of a pair", own: true, files: map[string]string{
			"content/news/b.en.md": "+++\ntitle = \"Bee\"\nsummary = \"B's **summary**\"\n+++\nText\n",
			"content/news/b.zh.md": "+++\ntitle = \"乙乙\"\nsummary = \"乙的**摘要**\"\n+++\n正文\n"}},
		{name: "a title and the text", own: true, files: map[string]string{"content/news/b.zh.md": "+++\ntitle = \"乙乙\"\nsummary = \"乙的**摘要**\"\n+++\n新的正文，长一点。\n"}},
		{name: "a summary", own: true, files: map[string]string{"content/news/b.en.md": "+++\ntitle = \"B\"\nsummary = \"A *new* summary\"\n+++\nText\n"}},
		{name: "a summary gone", own: true, files: map[string]string{"content/news/b.en.md": "+++\ntitle = \"B\"\n+++\nText\n"}},
		{name: "a summary before more", own: true, files: map[string]string{"content/news/h.en.md": "+++\ntitle = \"H\"\n+++\nAnother lead.\n\n<!--more-->\n\nText\n"}},
		{name: "a description", own: true, files: map[string]string{"content/news/a.en.md": "+++\ntitle = \"A\"\ndescription = \"About A\"\n+++\nText\n"}},
		{name: "params", own: true, files: map[string]string{"content/news/a.en.md": "+++\ntitle = \"A\"\n[params]\nkicker = \"K\"\nimages = [\"/og.png\"]\n+++\nText\n"}},
		{name: "a layout", own: true, files: map[string]string{"content/news/g.en.md": "+++\ntitle = \"G\"\nlayout = \"wide\"\n+++\n"}},
		{name: "a title that keeps its place", own: true, files: map[string]string{"content/news/d.en.md": "+++\ntitle = \"Dee\"\ndate = 2024-05-03\ntags = [\"y\"]\n+++\nText\n"}},
		{name: "a section's title", own: true, files: map[string]string{"content/news/_index.en.md": "+++\ntitle = \"Newsroom\"\n+++\n"}},
		{name: "a term's title that keeps its place", own: true, files: map[string]string{"content/tags/x/_index.en.md": "+++\ntitle = \"Xx\"\n+++\n"}},
		{name: "a title that reorders a list", files: map[string]string{"content/news/c.en.md": "+++\ntitle = \"Sea\"\ndate = 2024-05-03\ntags = [\"y\"]\n+++\nText\n"}},
		{name: "a title that reorders a list, named twice", twice: true, files: map[string]string{"content/news/c.en.md": "+++\ntitle = \"Sea\"\ndate = 2024-05-03\ntags = [\"y\"]\n+++\nText\n"}},
		{name: "a title that reorders related pages", files: map[string]string{"content/other/e.en.md": "+++\ntitle = \"Zed\"\n+++\n"}},
		{name: "a term's title that reorders a page's terms", files: map[string]string{"content/tags/x/_index.en.md": "+++\ntitle = \"Zz\"\n+++\n"}},
		{name: "a title in a menu", files: map[string]string{"content/news/a.en.md": "+++\ntitle = \"Ay\"\n+++\nText\n"}},
		{name: "a link title in a menu", files: map[string]string{"content/news/a.en.md": "+++\ntitle = \"A\"\nlinkTitle = \"Ay\"\n+++\nText\n"}},
		{name: "a weight", files: map[string]string{"content/news/c.en.md": "+++\ntitle = \"C\"\nweight = 5\ndate = 2024-05-03\ntags = [\"y\"]\n+++\nText\n"}},
		{name: "terms", files: map[string]string{"content/news/c.en.md": "+++\ntitle = \"C\"\ndate = 2024-05-03\ntags = [\"y\", \"x\"]\n+++\nText\n"}},
		{name: "a draft", files: map[string]string{
			"content/news/c.en.md": "+++\ntitle = \"C\"\ndraft = true\ndate = 2024-05-03\ntags = [\"y\"]\n+++\nText\n",
			"content/news/c.zh.md": "+++\ntitle = \"C\"\ndraft = true\ndate = 2024-05-03\ntags = [\"y\"]\n+++\n正文\n"}},
		{name: "a slug", files: map[string]string{"content/news/c.en.md": "+++\ntitle = \"C\"\nslug = \"sea\"\ndate = 2024-05-03\ntags = [\"y\"]\n+++\nText\n"}},
		{name: "a date", files: map[string]string{"content/news/c.en.md": "+++\ntitle = \"C\"\ndate = 2024-05-07\ntags = [\"y\"]\n+++\nText\n"}},
		{name: "aliases", files: map[string]string{"content/news/c.en.md": "+++\ntitle = \"C\"\naliases = [\"/old/\"]\ndate = 2024-05-03\ntags = [\"y\"]\n+++\nText\n"}},
		{name: "a translation key", files: map[string]string{"content/news/monolingual.zh.md": "+++\ntitle = \"单\"\nmonolingual = true\ntranslationKey = \"news/solo\"\n+++\n"}},
		{name: "monolingual", files: map[string]string{"content/news/g.en.md": "+++\ntitle = \"G\"\nmonolingual = true\n+++\n"}},
		{name: "a figure another page quotes", files: map[string]string{"content/news/figures.en.md": "+++\ntitle = \"Figures\"\n[[figures]]\nid = \"n\"\nkind = \"count\"\nvalue = 4\nlabel = {zh = \"数\", en = \"Number\"}\n+++\n"}},
		{name: "a facts file", files: map[string]string{"content/news/a.toml": "weight = 3\ndate = 2024-05-01\ntags = [\"x\"]\n"}},
		{name: "a title while a page comes due", now: time.Date(2024, 6, 2, 0, 0, 0, 0, time.UTC),
			files: map[string]string{"content/news/b.en.md": "+++\ntitle = \"Bee\"\nsummary = \"B's **summary**\"\n+++\nText\n"}},
		{name: "a title gone", err: "content/news/b.en.md:1:1: title is missing from the front matter",
			files: map[string]string{"content/news/b.en.md": "+++\nsummary = \"B's **summary**\"\n+++\nText\n"}},
		{name: "a summary that does not convert", err: "content/news/b.en.md:3:1: summary: found a list; a summary is one paragraph of inline Markdown (text, emphasis, links)",
			files: map[string]string{"content/news/b.en.md": "+++\ntitle = \"B\"\nsummary = \"- a\\n- b\"\n+++\nText\n"}},
		{name: "an image that is not there", err: "content/news/a.en.md:4:1: params.images: \"/gone.png\" is no file of the site: a site path names a file of layouts/assets/ or content/",
			files: map[string]string{"content/news/a.en.md": "+++\ntitle = \"A\"\n[params]\nimages = [\"/gone.png\"]\n+++\nText\n"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := frontEditSite()
			opts := Options{Cache: NewCache(), Now: loaded}
			old, _, err := Update(fsys, opts, nil, nil)
			if err != nil {
				t.Fatal(err)
			}
			before := snapshot(old)
			var changed []string
			for name, data := range tt.files {
				changed = append(changed, name)
				fsys[name] = &fstest.MapFile{Data: []byte(data)}
			}
			slices.Sort(changed)
			if tt.twice {
				changed = append(changed, changed...)
			}
			if !tt.now.IsZero() {
				opts.Now = tt.now
			}
			want, wantErr := Site(fsys, Options{Now: opts.Now})
			got := opts.Cache.frontMatterOnly(fsys, old, changed, opts.Now)
			if own := got != nil; own != tt.own {
				t.Errorf("taken as an edit to the pages' own fields: %v, want %v", own, tt.own)
			}
			if got != nil && wantErr != nil {
				t.Fatalf("the edit was taken, but a whole load reports %v", wantErr)
			}
			if got == nil {
				got, _, err = Update(fsys, opts, old, changed)
				if msg := errString(err); msg != tt.err || errString(wantErr) != tt.err {
					t.Fatalf("the update reports %q, a whole load %q, want %q", msg, errString(wantErr), tt.err)
				}
			}
			if err != nil {
				return
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("the updated site differs from a whole load:\n%s", siteDiff(got, want))
			}
			if err := closed(got); err != nil {
				t.Error(err)
			}
			if snapshot(old) != before {
				t.Error("the old site changed")
			}
		})
	}
}

func errString(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}

// siteDiff names the pages of two sites that differ, and how, briefly.
func siteDiff(got, want *model.Site) string {
	var b strings.Builder
	if len(got.Pages) != len(want.Pages) {
		b.WriteString("different numbers of pages\n")
	}
	for _, w := range want.Pages {
		g := got.Page(w.Lang.Code, w.Key)
		if g == nil {
			b.WriteString(w.Source + ": missing\n")
			continue
		}
		gv, wv := reflect.ValueOf(g).Elem(), reflect.ValueOf(w).Elem()
		for i := range gv.NumField() {
			if !reflect.DeepEqual(gv.Field(i).Interface(), wv.Field(i).Interface()) {
				b.WriteString(w.Lang.Code + " " + w.Key + ": " + gv.Type().Field(i).Name + "\n")
			}
		}
	}
	return b.String()
}

// TestUpdateFrontMatterAgain: edits to texts and own fields, one after
// another, each from the last, each taken the short way, give what whole
// loads give: the cache keeps up with them.
func TestUpdateFrontMatterAgain(t *testing.T) {
	fsys := frontEditSite()
	opts := Options{Cache: NewCache(), Now: time.Date(2024, 5, 15, 0, 0, 0, 0, time.UTC)}
	old, _, err := Update(fsys, opts, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	name := "content/news/b.en.md"
	for _, step := range []struct{ title, text string }{{"B1", "one"}, {"B1", "two"}, {"B2", "two"}, {"B2", "three"}, {"B3", "four"}} {
		before := old.PageBySource(name)
		fsys[name] = &fstest.MapFile{Data: []byte("+++\ntitle = \"" + step.title + "\"\n+++\n" + step.text + "\n")}
		var got *model.Site
		if before.Title == step.title {
			var texts []*model.Page
			got, texts, err = Update(fsys, opts, old, []string{name})
			if err != nil {
				t.Fatal(err)
			}
			if len(texts) != 1 || texts[0].Source != name {
				t.Errorf("%+v: the text alone changed, but the pages whose text changed are %v", step, texts)
			}
		} else if got = opts.Cache.frontMatterOnly(fsys, old, []string{name}, opts.Now); got == nil {
			t.Fatalf("%+v: an edit to the title is not taken as one", step)
		}
		want, err := Site(fsys, Options{Now: opts.Now})
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%+v: the updated site differs from a whole load:\n%s", step, siteDiff(got, want))
		}
		old = got
	}
}

// TestExtraShared: pages that set none of model.Extra share one, which an
// edit to one page's layout, taken the short way, does not change: that
// page is given an Extra of its own, and neither the other pages nor the
// last site see its layout.
func TestExtraShared(t *testing.T) {
	fsys := frontEditSite()
	opts := Options{Cache: NewCache(), Now: time.Date(2024, 5, 15, 0, 0, 0, 0, time.UTC)}
	old, _, err := Update(fsys, opts, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	plain, dated := old.PageBySource("content/news/_index.en.md"), old.PageBySource("content/news/c.en.md")
	if other := old.PageBySource("content/news/h.en.md"); plain.Extra != other.Extra {
		t.Error("two pages that set none of Extra keep one each")
	}
	if dated.Extra == plain.Extra || dated.Date.IsZero() {
		t.Errorf("a page with a date shares its Extra, or lost its date: %v", dated.Date)
	}
	name := "content/news/h.en.md"
	fsys[name] = &fstest.MapFile{Data: []byte("+++\ntitle = \"H\"\nlayout = \"wide\"\n+++\nLead.\n\n<!--more-->\n\nText\n")}
	got := opts.Cache.frontMatterOnly(fsys, old, []string{name}, opts.Now)
	if got == nil {
		t.Fatal("an edit to a layout is not taken as one to the page's own fields")
	}
	for _, s := range []*model.Site{old, got} {
		for _, p := range s.Pages {
			if want := ""; p.Layout != want && (s == old || p.Source != name) {
				t.Errorf("%s has the layout %q", p.Source, p.Layout)
			}
		}
	}
	if p := got.PageBySource(name); p.Layout != "wide" {
		t.Errorf("the edited page's layout is %q, want wide", p.Layout)
	}
	if !reflect.ValueOf(*plain.Extra).IsZero() {
		t.Errorf("the Extra that pages share was changed: %+v", *plain.Extra)
	}
}

// TestListsShared: the translations of a page share its alternates, the
// members of a section their breadcrumbs, and a page whose switcher leads
// to its translations shares that list, each without room to grow.
func TestListsShared(t *testing.T) {
	site, err := Site(frontEditSite(), Options{Now: time.Date(2024, 5, 15, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	same := func(a, b []*model.Page) bool { return len(a) > 0 && len(b) > 0 && &a[0] == &b[0] }
	zh, en := site.PageBySource("content/news/c.zh.md"), site.PageBySource("content/news/c.en.md")
	d := site.PageBySource("content/news/d.en.md")
	if !same(zh.Alternates, en.Alternates) || len(en.Alternates) != 2 || en.Alternates[0] != zh || en.Alternates[1] != en {
		t.Errorf("alternates of two translations: %v and %v", zh.Alternates, en.Alternates)
	}
	if !same(en.Breadcrumbs, d.Breadcrumbs) || len(d.Breadcrumbs) != 2 || d.Breadcrumbs[1] != d.Parent {
		t.Errorf("breadcrumbs of two pages of a section: %v and %v", en.Breadcrumbs, d.Breadcrumbs)
	}
	if !same(en.Switcher, en.Translations) || en.Switcher[0] != zh {
		t.Errorf("switcher %v, translations %v", en.Switcher, en.Translations)
	}
	solo := site.PageBySource("content/news/solo.en.md")
	if len(solo.Switcher) != 1 || solo.Switcher[0] != site.PageBySource("content/news/_index.zh.md") || solo.Translations != nil {
		t.Errorf("a page without a translation: switcher %v, translations %v", solo.Switcher, solo.Translations)
	}
	for _, list := range [][]*model.Page{en.Alternates, en.Breadcrumbs, solo.Switcher} {
		if cap(list) != len(list) {
			t.Errorf("a shared list has room to grow: %v", list)
		}
	}
}
