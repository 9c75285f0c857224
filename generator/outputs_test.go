package main

import (
	"encoding/xml"
	"os"
	"strings"
	"testing"

	"westcoast/generator/load"
)

// atomTitles are the titles of a built feed's entries, in order.
func atomTitles(t *testing.T, res *result, path string) []string {
	t.Helper()
	var feed struct {
		Entries []struct {
			Title string `xml:"title"`
		} `xml:"entry"`
	}
	data := res.file(path)
	if data == "" {
		t.Fatalf("no feed %s", path)
	}
	if err := xml.Unmarshal([]byte(data), &feed); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	var titles []string
	for _, e := range feed.Entries {
		titles = append(titles, e.Title)
	}
	return titles
}

// Issue 12, item 10: every section and every taxonomy term has its own
// feed at <URL>index.xml, as the language has at its root: the latest of
// its pages (a section's, with those of its subsections; a term's
// members), newest first, services.rss.limit of them.
func TestListFeeds(t *testing.T) {
	res, err := buildInMemory(siteWith(t, "testdata/newsroom", map[string]string{
		"content/news/world/_index.en.md": "+++\ntitle = \"World\"\n+++\n",
		"content/news/world/_index.zh.md": "+++\ntitle = \"国际\"\n+++\n",
		"content/news/world/_index.ar.md": "+++\ntitle = \"العالم\"\n+++\n",
		"content/news/world/ship.en.md":   "+++\ntitle = \"A ship\"\ndate = 2024-05-30\n+++\n",
		"content/news/world/ship.zh.md":   "+++\ntitle = \"一艘船\"\ndate = 2024-05-30\n+++\n",
		"content/news/world/ship.ar.md":   "+++\ntitle = \"سفينة\"\ndate = 2024-05-30\n+++\n",
	}), load.Options{Now: newsroomNow})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		feed string
		want []string
	}{
		{"en/index.xml", []string{"A ship", "The energy plan", "The port expands", "About us"}},
		{"en/news/index.xml", []string{"A ship", "The energy plan", "The port expands"}},
		{"en/news/world/index.xml", []string{"A ship"}},
		{"en/topics/port/index.xml", []string{"The energy plan", "The port expands"}},
		{"en/topics/energy/index.xml", []string{"The energy plan"}},
		{"topics/port/index.xml", []string{"能源计划", "港口扩建"}},
	}
	for _, tt := range tests {
		if got := atomTitles(t, res, tt.feed); strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("%s lists %q, want %q", tt.feed, got, tt.want)
		}
	}
	if got := res.file("en/topics/index.xml"); got != "" {
		t.Error("a taxonomy's page has a feed; only its terms should")
	}
	if err := res.CheckLinks(); err != nil {
		t.Error(err)
	}
}

// A feed holds services.rss.limit entries, the newest.
func TestListFeedLimit(t *testing.T) {
	res, err := buildInMemory(siteWith(t, "testdata/newsroom", map[string]string{
		"config.toml": strings.Replace(readFile(t, "testdata/newsroom/config.toml"), "[params]", "[services.rss]\nlimit = 1\n\n[params]", 1),
	}), load.Options{Now: newsroomNow})
	if err != nil {
		t.Fatal(err)
	}
	for feed, want := range map[string]string{"en/news/index.xml": "The energy plan", "en/topics/port/index.xml": "The energy plan", "en/index.xml": "The energy plan"} {
		if got := atomTitles(t, res, feed); len(got) != 1 || got[0] != want {
			t.Errorf("%s lists %q, want only %q", feed, got, want)
		}
	}
}

// The site's own layouts link a section's and a term's feed from its head,
// and the home page's feed (the language's) once.
func TestListFeedLinks(t *testing.T) {
	res := buildRealSite(t)
	tests := []struct{ page, want string }{
		{"zones/index.html", `<link rel="alternate" type="application/atom+xml" title="功能区 · 西海岸新区功能区 · 现代产业体系" href="../zones/index.xml">`},
		{"en/industries/finance/index.html", `<link rel="alternate" type="application/atom+xml" title="Finance · West Coast New Area: Functional Zones and a Modern Industrial System" href="../../../en/industries/finance/index.xml">`},
	}
	for _, tt := range tests {
		if got := res.file(tt.page); !strings.Contains(got, tt.want) {
			t.Errorf("%s does not link its feed:\nwant %s", tt.page, tt.want)
		}
	}
	if got := strings.Count(res.file("index.html"), `<link rel="alternate" type="application/atom+xml"`); got != 1 {
		t.Errorf("the home page links %d feeds, want 1 (the language's)", got)
	}
	if got := atomTitles(t, res, "zones/index.xml"); len(got) != 7 {
		t.Errorf("the zones' feed lists %d zones, want 7", len(got))
	}
}

// readFile is a file's text, or the test fails.
func readFile(t *testing.T, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// A zone's page lists the pages that share its terms, the most first
// (.Related, worked out at load).
func TestRelatedOnZonePages(t *testing.T) {
	res := buildRealSite(t)
	zh, en := res.Site.Page("zh", "zones/dongjiakou"), res.Site.Page("en", "zones/dongjiakou")
	if len(en.Related) == 0 || len(en.Related) != len(zh.Related) {
		t.Fatalf("Dongjiakou has %d related pages in English, %d in Chinese", len(en.Related), len(zh.Related))
	}
	page := res.file("en/zones/dongjiakou/index.html")
	want := `<h2 id="related-heading">Related zones and bodies</h2>`
	for _, q := range en.Related {
		want += "\n" + `<li><a href="../../../` + strings.TrimPrefix(q.URL, "/") + `">` + q.Title + `</a></li>`
	}
	want = strings.Replace(want, "\n", "\n<ul>\n", 1)
	if !strings.Contains(page, want) {
		t.Errorf("the zone's page does not list its related pages:\nwant\n%s", want)
	}
}
