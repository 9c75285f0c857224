package model

import (
	"strings"
	"testing"
)

// linkSite is a small site in two languages: about (the Chinese file
// without a suffix), news/port.zh.md whose English is news/harbour.en.md,
// a Chinese page alone, an English section, and a draft left out.
func linkSite() (*Site, map[string]*Page) {
	zhL := &Language{Code: "zh", Default: true}
	enL := &Language{Code: "en", Prefix: "/en"}
	site := &Site{Languages: []*Language{zhL, enL}, Unpublished: map[string]string{"content/news/draft.en.md": "it is a draft"}}
	views := map[*Language]*LangSite{zhL: {Site: site, Language: zhL}, enL: {Site: site, Language: enL}}
	pages := map[string]*Page{}
	add := func(name string, l *Language, key, source string) {
		p := &Page{Lang: l, Key: key, Source: source, URL: l.Prefix + "/" + key + "/", Site: views[l]}
		pages[name] = p
		site.Pages = append(site.Pages, p)
	}
	add("about.zh", zhL, "about", "content/about.md")
	add("about.en", enL, "about", "content/about.en.md")
	add("port.zh", zhL, "news/port", "content/news/port.zh.md")
	add("hafen.en", enL, "news/harbour", "content/news/harbour.en.md")
	add("solo.zh", zhL, "solo", "content/solo.zh.md")
	add("news.en", enL, "news", "content/news/_index.en.md")
	pages["about.zh"].Translations = []*Page{pages["about.en"]}
	pages["about.en"].Translations = []*Page{pages["about.zh"]}
	pages["port.zh"].Translations = []*Page{pages["hafen.en"]}
	pages["hafen.en"].Translations = []*Page{pages["port.zh"]}
	site.Index()
	return site, pages
}

func TestContentLink(t *testing.T) {
	_, pages := linkSite()
	from := pages["hafen.en"] // content/news/harbour.en.md
	tests := []struct {
		dest, want string
	}{
		{"../about.md", "content/about.en.md"},
		{"/about.md", "content/about.en.md"},
		{"/about.zh.md", "content/about.md"},
		{"../about.en.md", "content/about.en.md"},
		{"port.md", "content/news/harbour.en.md"}, // the English of port.zh.md, named otherwise
		{"_index.md", "content/news/_index.en.md"},
		{"./../news/../about.md", "content/about.en.md"},
		{"../solo.md", "error: content/solo.zh.md has no en translation (write ../solo.zh.md to link to it in zh)"},
		{"draft.md", "error: content/news/draft.en.md is not in this build: it is a draft"},
		{"gone.md", "error: no such content file: content/news/gone.en.md"},
		{"gone.zh.md", "error: no such content file: content/news/gone.zh.md"},
		{"../../x.md", "error: leads outside content/"},
		{"/../x.md", "error: leads outside content/"},
	}
	for _, tt := range tests {
		got := ""
		p, err := from.ContentLink(tt.dest)
		if err != nil {
			got = "error: " + err.Error()
		} else {
			got = p.Source
		}
		if got != tt.want {
			t.Errorf("%q: got %s, want %s", tt.dest, got, tt.want)
		}
	}
	if p, err := pages["about.zh"].ContentLink("news/port.md"); err != nil || p != pages["port.zh"] {
		t.Errorf("from the default language's file without a suffix: %v, %v", p, err)
	}
}

// FuzzContentLink: whatever a link says, it leads to a page of the site in
// a language, or is an error; never anywhere outside content/.
func FuzzContentLink(f *testing.F) {
	for _, seed := range []string{"../about.md", "/about.zh.md", "port.md", "../../x.md", "a/../../../b.md", ".md", "/.md", "....md", "/news/_index.md"} {
		f.Add(seed)
	}
	site, pages := linkSite()
	f.Fuzz(func(t *testing.T, dest string) {
		p, err := pages["hafen.en"].ContentLink(dest)
		switch {
		case err != nil:
			if p != nil {
				t.Fatalf("%q: a page and an error", dest)
			}
		case p == nil:
			t.Fatalf("%q: neither a page nor an error", dest)
		case site.PageBySource(p.Source) != p || !strings.HasPrefix(p.Source, ContentDir+"/"):
			t.Fatalf("%q: a page not of the site: %+v", dest, p)
		}
	})
}

// TestSiteIndex: Page and PageBySource find every page of a site whose
// pages are in no particular order, and nothing else.
func TestSiteIndex(t *testing.T) {
	site, pages := linkSite()
	for name, p := range pages {
		if got := site.Page(p.Lang.Code, p.Key); got != p {
			t.Errorf("Page(%q, %q) = %v, want %s", p.Lang.Code, p.Key, got, name)
		}
		if got := site.PageBySource(p.Source); got != p {
			t.Errorf("PageBySource(%q) = %v, want %s", p.Source, got, name)
		}
	}
	for _, k := range [][2]string{{"zh", "news/harbour"}, {"en", "solo"}, {"en", ""}, {"fr", "about"}, {"zh", "news"}, {"zh", "aboutx"}, {"", ""}} {
		if got := site.Page(k[0], k[1]); got != nil {
			t.Errorf("Page(%q, %q) = %v, want none", k[0], k[1], got.Source)
		}
	}
	for _, file := range []string{"", "content/about.zh.md", "content/news", "content/zzz.md", "content/a"} {
		if got := site.PageBySource(file); got != nil {
			t.Errorf("PageBySource(%q) = %v, want none", file, got.Source)
		}
	}
}
