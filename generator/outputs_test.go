package main

import (
	"encoding/json"
	"encoding/xml"
	"image"
	_ "image/png"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

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

// realSiteWith is the repository's own site (config.toml, content/,
// layouts/) in memory, with some files replaced.
func realSiteWith(t *testing.T, files map[string]string) fstest.MapFS {
	t.Helper()
	fsys := fstest.MapFS{}
	for _, top := range []string{"config.toml", "content", "layouts"} {
		err := fs.WalkDir(os.DirFS(".."), top, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			data, err := os.ReadFile(filepath.Join("..", p))
			fsys[p] = &fstest.MapFile{Data: data}
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	for name, data := range files {
		fsys[name] = &fstest.MapFile{Data: []byte(data)}
	}
	return fsys
}

var jsonLD = regexp.MustCompile(`(?s)<script type="application/ld\+json">(.*?)</script>`)

// newsArticle is the JSON-LD of a built page, or nil if it has none.
func newsArticle(t *testing.T, res *result, path string) map[string]any {
	t.Helper()
	m := jsonLD.FindAllStringSubmatch(res.file(path), -1)
	switch len(m) {
	case 0:
		return nil
	case 1:
	default:
		t.Fatalf("%s has %d JSON-LD scripts", path, len(m))
	}
	var v map[string]any
	if err := json.Unmarshal([]byte(m[0][1]), &v); err != nil {
		t.Fatalf("%s: the JSON-LD is not JSON: %v\n%s", path, err, m[0][1])
	}
	return v
}

// Issue 12, item 10: the site's articles (the zones and district bodies
// of the feature, and the commentary) carry JSON-LD NewsArticle, valid
// JSON whatever their text; the feature's name its reporters, the
// commentary no author, since it has none we know; dates only where the
// page has them. Every page names the site's image as og:image.
func TestNewsArticle(t *testing.T) {
	res := buildRealSite(t)
	const base = "https://example.org/westcoast/"
	zone := newsArticle(t, res, "en/zones/dongjiakou/index.html")
	want := map[string]any{
		"@context": "https://schema.org", "@type": "NewsArticle",
		"headline":         "Dongjiakou Economic Zone",
		"description":      res.Site.Page("en", "zones/dongjiakou").Description,
		"inLanguage":       "en",
		"url":              base + "en/zones/dongjiakou/",
		"mainEntityOfPage": map[string]any{"@type": "WebPage", "@id": base + "en/zones/dongjiakou/"},
		"image":            []any{base + "og-image.png"},
		"author": []any{
			map[string]any{"@type": "Person", "name": "Sang Ming"}, map[string]any{"@type": "Person", "name": "Liu Teng"},
			map[string]any{"@type": "Person", "name": "Chen Wei"}, map[string]any{"@type": "Person", "name": "Wang Xue"},
			map[string]any{"@type": "Person", "name": "Dong Meixue"}, map[string]any{"@type": "Person", "name": "Yi Bowen"},
		},
		"translator":  map[string]any{"@type": "Organization", "name": res.Site.LanguageByCode("en").Title, "url": base + "en/"},
		"sdPublisher": map[string]any{"@type": "Organization", "name": res.Site.LanguageByCode("en").Title, "url": base + "en/"},
		"isPartOf":    map[string]any{"@type": "WebSite", "name": res.Site.LanguageByCode("en").Title, "url": base + "en/"},
	}
	if !reflect.DeepEqual(zone, want) {
		t.Errorf("Dongjiakou's JSON-LD:\n%v\nwant\n%v", zone, want)
	}
	body := newsArticle(t, res, "bodies/finance-bureau/index.html")
	if body == nil || body["translator"] != nil || len(body["author"].([]any)) != 6 ||
		body["author"].([]any)[0].(map[string]any)["name"] != "桑鸣" {
		t.Errorf("the Chinese bureau's page: %v, want the reporters' Chinese names and no translator", body)
	}
	commentary := newsArticle(t, res, "en/commentary/index.html")
	if commentary == nil || commentary["author"] != nil || commentary["headline"] != res.Site.Page("en", "commentary").Title {
		t.Errorf("the commentary's JSON-LD: %v, want a NewsArticle without an author", commentary)
	}
	for _, p := range res.Site.Pages {
		article := p.Kind == "page" && (p.Section == "zones" || p.Section == "bodies" || p.Key == "commentary")
		if got := newsArticle(t, res, p.OutPath()); (got != nil) != article {
			t.Errorf("%s: JSON-LD %v, want it only on articles", p.URL, got)
		} else if got != nil && (got["datePublished"] != nil || got["dateModified"] != nil) {
			t.Errorf("%s: dates %v, %v for a page without any", p.URL, got["datePublished"], got["dateModified"])
		}
		if !strings.Contains(res.file(p.OutPath()), `<meta property="og:image" content="`+base+`og-image.png">`) {
			t.Errorf("%s has not the site's og:image", p.URL)
		}
	}
	cfg, format, err := image.DecodeConfig(strings.NewReader(res.file("og-image.png")))
	if err != nil || format != "png" || cfg.Width != 1200 || cfg.Height != 630 {
		t.Errorf("og-image.png: %s %dx%d, %v; want a PNG of 1200 by 630 pixels", format, cfg.Width, cfg.Height, err)
	}
}

// A title with quotes, a backslash and a closing script tag still gives
// valid JSON that says it; a page with dates says them.
func TestNewsArticleEscapes(t *testing.T) {
	title := `The "zone" \ </script><script>alert(1)</script> & co`
	res, err := buildInMemory(realSiteWith(t, map[string]string{
		"content/zones/dongjiakou.en.md": "+++\ntitle = " + strconv.Quote(title) + "\n+++\nText.\n",
		"content/zones/dongjiakou.toml":  "date = 2024-05-01\nlastmod = 2024-05-20T08:30:00+08:00\n" + readFile(t, "../content/zones/dongjiakou.toml"),
	}), load.Options{})
	if err != nil {
		t.Fatal(err)
	}
	got := newsArticle(t, res, "en/zones/dongjiakou/index.html")
	if got["headline"] != title {
		t.Errorf("headline %q, want %q", got["headline"], title)
	}
	if got["datePublished"] != "2024-05-01T00:00:00Z" || got["dateModified"] != "2024-05-20T08:30:00+08:00" {
		t.Errorf("dates %v and %v, want the page's date and lastmod", got["datePublished"], got["dateModified"])
	}
	if strings.Count(res.file("en/zones/dongjiakou/index.html"), "</script>") != 1 {
		t.Error("the title closed the script element")
	}
}
