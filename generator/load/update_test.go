package load

import (
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"westcoast/generator/model"
)

// updateSite is a small site with a section, a facts file and terms.
func updateSite() fstest.MapFS {
	return site(map[string]string{
		"content/zones/_index.zh.md":     "+++\ntitle = \"功能区\"\n+++\n",
		"content/zones/_index.en.md":     "+++\ntitle = \"Zones\"\n+++\n",
		"content/zones/x.toml":           "weight = 1\ntags = [\"port\"]\n",
		"content/zones/x.zh.md":          "+++\ntitle = \"甲区\"\nsummary = \"甲的摘要\"\n+++\n## 标题\n\n正文\n",
		"content/zones/x.en.md":          "+++\ntitle = \"X\"\n+++\nText\n",
		"content/zones/y.toml":           "weight = 2\ntags = [\"port\", \"farm\"]\n",
		"content/zones/y.zh.md":          "+++\ntitle = \"乙区\"\n+++\n正文\n",
		"content/zones/y.en.md":          "+++\ntitle = \"Y\"\n+++\nText\n",
		"content/tags/port/_index.zh.md": "+++\ntitle = \"港口\"\n+++\n",
		"content/tags/port/_index.en.md": "+++\ntitle = \"Port\"\n+++\n",
		"content/tags/farm/_index.zh.md": "+++\ntitle = \"农业\"\n+++\n",
		"content/tags/farm/_index.en.md": "+++\ntitle = \"Farm\"\n+++\n",
	})
}

// TestUpdate: after each edit, Update gives the site a whole load gives,
// and the site it started from is left as it was.
func TestUpdate(t *testing.T) {
	edits := []struct {
		name  string
		files map[string]string // "" removes the file
	}{
		// The first two are edits to texts alone.
		{"text of a page", map[string]string{"content/zones/x.zh.md": "+++\ntitle = \"甲区\"\nsummary = \"甲的摘要\"\n+++\n## 新标题\n\n新的正文，更长。\n"}},
		{"texts of two pages", map[string]string{"content/zones/x.en.md": "+++\ntitle = \"X\"\n+++\nNew text\n", "content/a.zh.md": "+++\ntitle = \"甲\"\n+++\n"}},
		{"a title", map[string]string{"content/zones/y.en.md": "+++\ntitle = \"Why\"\n+++\nText\n"}},
		{"front matter and text", map[string]string{"content/zones/y.zh.md": "+++\ntitle = \"乙区\"\ndescription = \"乙\"\n+++\n改了\n"}},
		{"a facts file", map[string]string{"content/zones/x.toml": "weight = 3\ntags = [\"farm\"]\n"}},
		{"a new pair", map[string]string{"content/zones/z.zh.md": "+++\ntitle = \"丙\"\n+++\n", "content/zones/z.en.md": "+++\ntitle = \"Z\"\n+++\n"}},
		{"a removed pair", map[string]string{"content/zones/z.zh.md": "", "content/zones/z.en.md": ""}},
		{"a draft's text", map[string]string{"content/zones/d.zh.md": "+++\ntitle = \"草稿\"\ndraft = true\n+++\n", "content/zones/d.en.md": "+++\ntitle = \"Draft\"\ndraft = true\n+++\n"}},
		{"a draft's text again", map[string]string{"content/zones/d.zh.md": "+++\ntitle = \"草稿\"\ndraft = true\n+++\n正文\n"}},
		{"config", map[string]string{"config.toml": strings.Replace(testConfig, `title = "Site"`, `title = "The site"`, 1)}},
		{"a layout only", map[string]string{"layouts/_default/page.html": "x"}},
		{"a summary", map[string]string{"content/zones/x.zh.md": "+++\ntitle = \"甲区\"\nsummary = \"新摘要\"\n+++\n正文\n"}},
	}
	fsys := updateSite()
	opts := Options{Cache: NewCache()}
	old, _, err := Update(fsys, opts, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	for i, e := range edits {
		before := snapshot(old)
		var changed []string
		for name, data := range e.files {
			changed = append(changed, name)
			if data == "" {
				delete(fsys, name)
			} else {
				fsys[name] = &fstest.MapFile{Data: []byte(data)}
			}
		}
		got, texts, err := Update(fsys, opts, old, changed)
		if err != nil {
			t.Fatalf("%s: %v", e.name, err)
		}
		want, err := Site(fsys, Options{})
		if err != nil {
			t.Fatalf("%s: a whole load: %v", e.name, err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: the updated site differs from a whole load", e.name)
		}
		if err := closed(got); err != nil {
			t.Errorf("%s: %v", e.name, err)
		}
		if snapshot(old) != before {
			t.Errorf("%s: the old site changed", e.name)
		}
		var sources []string
		for _, p := range texts {
			if got.Page(p.Lang.Code, p.Key) != p {
				t.Errorf("%s: %s is not a page of the new site", e.name, p.Source)
			}
			sources = append(sources, p.Source)
		}
		slices.Sort(sources)
		slices.Sort(changed)
		if textOnly := i < 2; textOnly && !slices.Equal(sources, changed) || !textOnly && texts != nil {
			t.Errorf("%s: pages whose text alone changed: %v", e.name, sources)
		}
		old = got
	}
}

// snapshot lists what a site's pages say, to notice a change to a site
// that must stay as it was.
func snapshot(s *model.Site) string {
	var b strings.Builder
	for _, p := range s.Pages {
		b.WriteString(p.Source + " " + p.Title + " " + p.URL)
		for _, q := range p.Pages {
			b.WriteString(" " + q.Key)
		}
		b.WriteString(" " + strings.Repeat("x", p.Body.Length) + "\n")
	}
	return b.String()
}

// TestUpdateTextOnly: an edit to a page's text alone does not load the
// site again. The proof: a file broken behind the cache's back (not named
// as changed) goes unnoticed, where a load would report it.
func TestUpdateTextOnly(t *testing.T) {
	fsys := updateSite()
	opts := Options{Cache: NewCache()}
	old, _, err := Update(fsys, opts, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	fsys["content/zones/y.toml"] = &fstest.MapFile{Data: []byte("weight = \"broken\"\n")}
	fsys["content/zones/x.en.md"] = &fstest.MapFile{Data: []byte("+++\ntitle = \"X\"\n+++\nOther text\n")}
	// An editor's file that came and went in the same moment (vim writes
	// 4913 to see that it may write) is no reason to load either.
	got, texts, err := Update(fsys, opts, old, []string{"content/zones/x.en.md", "content/zones/4913"})
	if err != nil {
		t.Fatalf("an edit to a text loaded the site again: %v", err)
	}
	if len(texts) != 1 || texts[0] != got.Page("en", "zones/x") {
		t.Errorf("pages whose text alone changed: %v", texts)
	}
	p := got.Page("en", "zones/x")
	if p == old.Page("en", "zones/x") || p.Body.Length != len("Other text\n") || p.Parent != got.Page("en", "zones") {
		t.Errorf("the page's text is not updated in a copy of the graph: %+v", p.Body)
	}
	if _, err := Site(fsys, Options{}); err == nil {
		t.Fatal("the broken facts file is not broken")
	}
	// Named, it is loaded, and reported.
	if _, _, err := Update(fsys, opts, got, []string{"content/zones/y.toml"}); err == nil {
		t.Error("the broken facts file, named as changed, was not reported")
	}
}

// TestUpdateAfterFailure: after a load that failed, the cache may hold
// files the last good site was not made from; an edit to a text must
// then not be laid on that site alone.
func TestUpdateAfterFailure(t *testing.T) {
	fsys := updateSite()
	opts := Options{Cache: NewCache()}
	old, _, err := Update(fsys, opts, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	// One batch: a good title change and a broken file.
	fsys["content/zones/y.en.md"] = &fstest.MapFile{Data: []byte("+++\ntitle = \"Why\"\n+++\nText\n")}
	fsys["content/zones/x.toml"] = &fstest.MapFile{Data: []byte("weight = \"broken\"\n")}
	if _, _, err := Update(fsys, opts, old, []string{"content/zones/y.en.md", "content/zones/x.toml"}); err == nil {
		t.Fatal("the broken file was not reported")
	}
	// The fix, and an edit to a text, with the last good site.
	fsys["content/zones/x.toml"] = &fstest.MapFile{Data: []byte("weight = 1\ntags = [\"port\"]\n")}
	fsys["content/zones/x.zh.md"] = &fstest.MapFile{Data: []byte("+++\ntitle = \"甲区\"\nsummary = \"甲的摘要\"\n+++\n改\n")}
	got, _, err := Update(fsys, opts, old, []string{"content/zones/x.toml", "content/zones/x.zh.md"})
	if err != nil {
		t.Fatal(err)
	}
	if title := got.Page("en", "zones/y").Title; title != "Why" {
		t.Errorf("the title changed in the failed batch is %q, want %q", title, "Why")
	}
}

func TestCloneSite(t *testing.T) {
	s, err := Site(updateSite(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	c := cloneSite(s)
	if !reflect.DeepEqual(s, c) {
		t.Fatal("the copy differs")
	}
	olds := map[*model.Page]bool{}
	for _, p := range s.Pages {
		olds[p] = true
	}
	for _, p := range c.Pages {
		for _, q := range append(append([]*model.Page{p, p.Parent, p.Prev, p.Next, p.Lang.Home, c.Page(p.Lang.Code, p.Key)}, p.Pages...), p.Breadcrumbs...) {
			if olds[q] {
				t.Fatalf("%s: the copy leads back to the old page %s", p.Source, q.Key)
			}
		}
		if p.Site.Site != c || !slices.Contains(c.Views, p.Site) {
			t.Fatalf("%s: the copy's site is not the copied site", p.Source)
		}
	}
}

// closed reports an error if a page, language or site that s leads to is
// not s's own: one left over from an earlier load, which a comparison of
// values alone would not notice.
func closed(s *model.Site) error {
	own := map[any]bool{s: true}
	for _, p := range s.Pages {
		own[p] = true
	}
	for _, l := range s.Languages {
		own[l] = true
	}
	for _, v := range s.Views {
		own[v] = true
	}
	for _, p := range s.Pages {
		if s.Page(p.Lang.Code, p.Key) != p {
			return fmt.Errorf("the site's index does not lead to its page %s", p.Source)
		}
	}
	seen := map[any]bool{}
	var walk func(v reflect.Value) error
	walk = func(v reflect.Value) error {
		switch v.Kind() {
		case reflect.Pointer:
			if v.IsNil() || !v.CanInterface() {
				return nil
			}
			key := v.Interface()
			if !graphTypes[v.Type().Elem()] {
				return walk(v.Elem())
			}
			if !own[key] {
				return fmt.Errorf("%s leads to a %s that is not the site's own", v.Type(), v.Type().Elem())
			}
			if seen[key] {
				return nil
			}
			seen[key] = true
			return walk(v.Elem())
		case reflect.Struct:
			for i := range v.NumField() {
				if err := walk(v.Field(i)); err != nil {
					return err
				}
			}
		case reflect.Slice, reflect.Array:
			for i := range v.Len() {
				if err := walk(v.Index(i)); err != nil {
					return err
				}
			}
		case reflect.Map:
			for it := v.MapRange(); it.Next(); {
				if err := walk(it.Value()); err != nil {
					return err
				}
			}
		}
		return nil
	}
	return walk(reflect.ValueOf(s))
}

// TestCloneEmptyLists: a list that is empty but not nil stays so, and a
// nil one nil: a template may tell them apart.
func TestCloneEmptyLists(t *testing.T) {
	s, err := Site(updateSite(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	p := s.Pages[0]
	p.Related, p.Breadcrumbs = []*model.Page{}, nil
	c := cloneSite(s).Page(p.Lang.Code, p.Key)
	if c.Related == nil || len(c.Related) != 0 || c.Breadcrumbs != nil {
		t.Errorf("Related %#v, Breadcrumbs %#v", c.Related, c.Breadcrumbs)
	}
}
