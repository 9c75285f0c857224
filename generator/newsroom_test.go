package main

import (
	"strings"
	"testing"
	"time"

	"westcoast/generator/linkcheck"
	"westcoast/generator/load"
)

// Issue 12, item 1: a link to a content file becomes the relative URL of
// its page in the linking page's language; a link that leads nowhere fails
// the build at its file, line and column.
func TestContentLinkErrors(t *testing.T) {
	port := func(body string) map[string]string {
		return map[string]string{"content/news/port.en.md": "+++\ntitle = \"The port expands\"\nslug = \"harbour-expansion\"\n+++\n" + body}
	}
	tests := []struct {
		name  string
		files map[string]string
		want  string
	}{
		{"no such file",
			port("Intro.\n\nSee [the plan](energi.md)."),
			`content/news/port.en.md:7:5: link "energi.md": no such content file: content/news/energi.en.md`},
		{"no such file from content/",
			port("See [it](/news/energy.md) and [this](/energy.md)."),
			`content/news/port.en.md:5:31: link "/energy.md": no such content file: content/energy.en.md`},
		{"no such heading",
			port("## Expansion\n\nSee [the plan](energy.md#plans)."),
			`content/news/port.en.md:7:5: link "energy.md#plans": content/news/energy.en.md has no heading or figure with the id "plans"`},
		{"no such id on the page itself",
			port("See [the figures](#berth)."),
			`content/news/port.en.md:5:5: link "#berth": content/news/port.en.md has no heading or figure with the id "berth"`},
		{"outside content",
			port("See [the code](../../../go.md)."),
			`content/news/port.en.md:5:5: link "../../../go.md": leads outside content/`},
		{"a page in another language only",
			map[string]string{
				"content/solo.zh.md":      "+++\ntitle = \"独页\"\nmonolingual = true\n+++\n",
				"content/news/port.en.md": "+++\ntitle = \"The port expands\"\n+++\nSee [it](../solo.md).",
			},
			`content/news/port.en.md:4:5: link "../solo.md": content/solo.zh.md has no en translation (write ../solo.zh.md to link to it in zh)`},
		{"a page still to come",
			port("See [tomorrow](tomorrow.md)."),
			`content/news/port.en.md:5:5: link "tomorrow.md": content/news/tomorrow.en.md is not in this build: its publishDate, 2099-01-01, is still to come (build with -buildFuture to include it)`},
		{"an expired page",
			port("See [the recall](recall.md)."),
			`content/news/port.en.md:5:5: link "recall.md": content/news/recall.en.md is not in this build: it expired on 2020-02-01 (build with -buildExpired to include it)`},
		{"a draft",
			map[string]string{
				"content/news/draft.zh.md": "+++\ntitle = \"草稿\"\ndraft = true\n+++\n",
				"content/news/draft.en.md": "+++\ntitle = \"Draft\"\ndraft = true\n+++\n",
				"content/news/draft.ar.md": "+++\ntitle = \"مسودة\"\ndraft = true\n+++\n",
				"content/news/port.en.md":  "+++\ntitle = \"The port expands\"\n+++\nSee [the draft](draft.md).\n",
			},
			`content/news/port.en.md:4:5: link "draft.md": content/news/draft.en.md is not in this build: it is a draft (build with -drafts to include it)`},
		{"in a summary",
			map[string]string{"content/news/energy.en.md": "+++\ntitle = \"The energy plan\"\nsummary = \"See [the port](port.md).\"\n+++\n## The plan {#plan}\n"},
			`content/news/energy.en.md:3:1: summary: link "port.md": a summary cannot link to a page: lists show it on pages elsewhere in the site; link to it in the page's text`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := buildInMemory(siteWith(t, "testdata/newsroom", tt.files), load.Options{Now: newsroomNow})
			if err == nil {
				t.Fatal("no error")
			}
			if err.Error() != tt.want {
				t.Errorf("got\n%s\nwant\n%s", err, tt.want)
			}
		})
	}
}

// A link by content path may name the file with its language, name a
// bundle or a section, and reach a translation that translationKey pairs
// with a file of another name.
func TestContentLinks(t *testing.T) {
	res, err := buildInMemory(siteWith(t, "testdata/newsroom", map[string]string{
		"content/news/port.en.md": "+++\ntitle = \"The port expands\"\nslug = \"harbour-expansion\"\n+++\n" +
			"[zh](port.zh.md) [section](_index.md) [home](../_index.md) [about](/about.md) [query](energy.md?x=1#plan) [plain](../about/)\n",
	}), load.Options{Now: newsroomNow})
	if err != nil {
		t.Fatal(err)
	}
	page := res.file("en/news/harbour-expansion/index.html")
	want := `<a href="../../../news/port/">zh</a> <a href="../../../en/news/">section</a> <a href="../../../en/">home</a> <a href="../../../en/about/">about</a> <a href="../../../en/news/energy/?x=1#plan">query</a> <a href="../about/">plain</a>`
	if !strings.Contains(page, want) {
		t.Errorf("links not resolved; the page has:\n%s", page)
	}
	if about := res.file("ar/man-nahnu/index.html"); !strings.Contains(about, `<a href="../../ar/news/energy/">`) {
		t.Errorf("a page paired by translationKey links by path from content/:\n%s", about)
	}
}

// check reports a broken link of a page's text at its file and line, not
// in the built page.
func TestCheckAtContentLine(t *testing.T) {
	fsys := siteWith(t, "testdata/newsroom", map[string]string{
		"content/news/energy.en.md": "+++\ntitle = \"The energy plan\"\n+++\n## The plan {#plan}\n\nBack to [the port](../port/) and [the desk](../../desk/).\n",
	})
	checker := linkcheck.New()
	site, err := renderSite(fsys, load.Options{Now: newsroomNow}, checker)
	if err != nil {
		t.Fatal(err)
	}
	want := `2 problems in the built pages:
content/news/energy.en.md:6:9: link "../port/": no such file
content/news/energy.en.md:6:34: link "../../desk/": no such file`
	if err := checker.Check(site.Config.BaseURL); err == nil || err.Error() != want {
		t.Errorf("got:\n%v\nwant:\n%s", err, want)
	}
}

// Issue 12, item 2: a page whose publishDate is to come, or whose
// expiryDate has passed, is left out unless the build asks for it; "now"
// decides which, and nothing else.
func TestScheduledPages(t *testing.T) {
	tests := []struct {
		name        string
		opts        load.Options
		in, out     []string
		firstInFeed string
	}{
		{"as of June 2024", load.Options{Now: newsroomNow},
			[]string{"news/port/index.html", "news/energy/index.html"}, []string{"news/tomorrow/index.html", "news/recall/index.html"}, "能源计划"},
		{"on the day energy is published", load.Options{Now: time.Date(2024, 5, 10, 0, 0, 0, 0, time.UTC)},
			[]string{"news/energy/index.html"}, nil, "能源计划"},
		{"with -buildFuture", load.Options{Now: newsroomNow, BuildFuture: true},
			[]string{"news/tomorrow/index.html", "en/news/tomorrow/index.html"}, []string{"news/recall/index.html"}, "tomorrow zh"},
		{"with -buildExpired", load.Options{Now: newsroomNow, BuildExpired: true},
			[]string{"news/recall/index.html"}, []string{"news/tomorrow/index.html"}, "能源计划"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := buildInMemory(siteWith(t, "testdata/newsroom", nil), tt.opts)
			if err != nil {
				t.Fatal(err)
			}
			for _, p := range tt.in {
				if res.file(p) == "" {
					t.Errorf("%s not built", p)
				}
			}
			for _, p := range tt.out {
				if res.file(p) != "" {
					t.Errorf("%s built", p)
				}
			}
			feed := res.file("index.xml")
			if first := between(feed, "<entry>\n    <title>", "</title>"); first != tt.firstInFeed {
				t.Errorf("the feed starts with %q, want %q", first, tt.firstInFeed)
			}
			if sitemap := res.file("sitemap.xml"); strings.Contains(sitemap, "/old/") || strings.Contains(sitemap, "who-we-are") {
				t.Error("an alias is in the sitemap")
			}
		})
	}
	// Before energy's date, the pages that link to it fail: a published
	// page never links to one that is not.
	_, err := buildInMemory(siteWith(t, "testdata/newsroom", nil), load.Options{Now: time.Date(2024, 5, 9, 23, 59, 0, 0, time.UTC)})
	if err == nil || !strings.Contains(err.Error(), `content/_index.zh.md:4:29: link "/news/energy.md#plan": content/news/energy.zh.md is not in this build: its publishDate, 2024-05-10, is still to come (build with -buildFuture to include it)`) {
		t.Errorf("a link to a page still to come: %v", err)
	}
}

// Issue 12, item 3: .Site is the page's language's: its params over the
// site's, its menus, in order, each entry with its page or address; an
// entry for a page still to come is left out until it is published.
func TestParamsAndMenus(t *testing.T) {
	res, err := buildInMemory(siteWith(t, "testdata/newsroom", nil), load.Options{Now: newsroomNow})
	if err != nil {
		t.Fatal(err)
	}
	zh := res.Site.Pages[0].Site
	en := res.Site.Page("en", "").Site
	if zh.Params["brand"] != "港城日报" || en.Params["brand"] != "Harbour Daily" {
		t.Errorf("brand: zh %v, en %v", zh.Params["brand"], en.Params["brand"])
	}
	social := zh.Params["social"].(map[string]any)
	if social["label"] != "订阅" || social["feed"] != true {
		t.Errorf("tables merge key by key: %v", social)
	}
	var names []string
	for _, e := range zh.Menus["main"] {
		names = append(names, e.Name)
	}
	if got := strings.Join(names, ","); got != "新闻,关于我们,投稿" {
		t.Errorf("zh menu: %s", got)
	}
	if e := en.Menus["main"][0]; e.Name != "News" || e.Page != res.Site.Page("en", "news") {
		t.Errorf("en menu sorted by weight: %+v", e)
	}
	if ar := res.Site.Page("ar", "").Site.Menus["main"]; len(ar) != 2 || ar[1].Page.Source != "content/man-nahnu.ar.md" || ar[1].Name != "من نحن" {
		t.Errorf("ar menu: a pageRef reaches the page translationKey pairs, named by its title: %+v", ar)
	}
	if page := res.file("en/about/index.html"); !strings.Contains(page, `<a href="../../en/about/" aria-current="page">About</a>`) {
		t.Errorf("IsMenuCurrent: %s", page)
	}
	future, err := buildInMemory(siteWith(t, "testdata/newsroom", nil), load.Options{Now: newsroomNow, BuildFuture: true})
	if err != nil {
		t.Fatal(err)
	}
	if n := len(future.Site.Pages[0].Site.Menus["main"]); n != 4 {
		t.Errorf("with -buildFuture the zh menu has %d entries, want 4", n)
	}
}

// between is the text of s after the first start and before the next end.
func between(s, start, end string) string {
	_, after, ok := strings.Cut(s, start)
	if !ok {
		return ""
	}
	text, _, _ := strings.Cut(after, end)
	return text
}

// A link may lead to an id that another page's figures bring to its
// layout (a figure's row, a chart's title) as to a heading; an id that no
// figure of that page has is an error at the link.
func TestLinkToFigureIDs(t *testing.T) {
	about := readFile(t, "../content/about.en.md")
	for _, tc := range []struct {
		link, want string // want: "" for a build that passes
	}{
		{"/_index.md#tax-share", ""},
		{"/_index.md#chart-shares-title", ""},
		{"/_index.md#tax", `link "/_index.md#tax": content/_index.en.md has no heading or figure with the id "tax"`},
		{"/_index.md#chart-share-title", `link "/_index.md#chart-share-title": content/_index.en.md has no heading or figure with the id "chart-share-title"`},
	} {
		_, err := buildInMemory(realSiteWith(t, map[string]string{
			"content/about.en.md": about + "\nSee [the figure](" + tc.link + ").\n",
		}), load.Options{})
		switch {
		case tc.want == "" && err != nil:
			t.Errorf("%s: %v", tc.link, err)
		case tc.want != "" && (err == nil || !strings.Contains(err.Error(), tc.want)):
			t.Errorf("%s: got %v, want an error with %q", tc.link, err, tc.want)
		}
	}
}
