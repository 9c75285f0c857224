package e2e

import (
	"fmt"
	"net/url"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
)

// searchResult is what a reader sees of one result.
type searchResult struct {
	Href, Title, Marked, Lang, Label, Snippet string
	Links                                     int
}

// readResultsJS reads the result list and the announcement once the
// script has announced a search.
const readResultsJS = `({
	Status: document.getElementById("search-status").textContent,
	Role: document.getElementById("search-status").getAttribute("role") || "",
	Results: [...document.querySelectorAll("#search-results > li")].map(li => ({
		Href: decodeURI(new URL(li.querySelector("a").href).pathname + new URL(li.querySelector("a").href).hash),
		Title: li.querySelector("a").textContent,
		Marked: [...li.querySelectorAll("a mark")].map(m => m.textContent).join("|"),
		Lang: li.lang,
		Label: (li.querySelector(".result-lang") || {}).textContent || "",
		Snippet: (li.querySelector("p") || {}).textContent || "",
		Links: li.querySelectorAll("a").length,
	})),
})`

type searchPage struct {
	Status, Role string
	Results      []searchResult
}

// search opens a search page with a query in its URL and waits for the
// script to announce the results.
func search(b *browser, s *site, page, query string) searchPage {
	b.t.Helper()
	u := page
	if query != "" {
		u += "?q=" + url.QueryEscape(query)
	}
	b.open(s.root + u)
	waitAnnounced(b, u)
	b.clean(u)
	return eval[searchPage](b, readResultsJS)
}

// waitAnnounced waits until the status line has text.
func waitAnnounced(b *browser, page string) {
	b.t.Helper()
	waitFor(b, page, "the search to announce its results", `(document.getElementById("search-status") || {}).textContent !== ""`)
}

// waitFor waits until a JavaScript expression is true. It asks again and
// again from here, since a page restored from the back-forward cache is
// not one that chromedp.Poll sees.
func waitFor(b *browser, page, what, js string) {
	b.t.Helper()
	for deadline := time.Now().Add(20 * time.Second); ; time.Sleep(25 * time.Millisecond) {
		ctx, cancel := b.step()
		ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](js))
		cancel()
		if err == nil && ok {
			return
		}
		if time.Now().After(deadline) {
			b.t.Fatalf("%s: waited 20s for %s (%v)", page, what, err)
		}
	}
}

func hrefs(rs []searchResult) []string {
	var out []string
	for _, r := range rs {
		out = append(out, r.Href)
	}
	return out
}

// searchQueries are the queries of issue 11, and what a reader expects:
// the first results in order, pages that must be among the results and
// pages that must not.
var searchQueries = []struct {
	page, query string
	first       []string // the first results, in order
	among, not  []string
	before      [][2]string // pages that must come before others
}{
	{page: "/search/", query: "董家口", first: []string{"/zones/dongjiakou/"},
		among: []string{"/industries/new-materials/", "/industries/petrochemicals/"}},
	// Traditional characters fold to simplified ones.
	{page: "/search/", query: "數字經濟", first: []string{"/industries/digital-economy/"},
		among: []string{"/zones/lingshan-bay/", "/commentary/"}},
	// Every word is a prefix, not only the last.
	{page: "/en/search/", query: "financ bureau", first: []string{"/en/bodies/finance-bureau/"}},
	// A word finds its other forms; the word as typed ranks first.
	{page: "/en/search/", query: "supporting",
		among:  []string{"/en/zones/dongjiakou/", "/en/zones/sino-german-ecopark/", "/en/commentary/", "/en/bodies/finance-bureau/"},
		before: [][2]string{{"/en/zones/dongjiakou/", "/en/commentary/"}, {"/en/zones/sino-german-ecopark/", "/en/commentary/"}}},
	{page: "/en/search/", query: "support",
		among: []string{"/en/zones/dongjiakou/", "/en/zones/sino-german-ecopark/", "/en/commentary/", "/en/bodies/finance-bureau/"}},
	// A phrase in quotes is a phrase: the home page has both words apart.
	{page: "/en/search/", query: `"digital economy"`, first: []string{"/en/industries/digital-economy/"},
		among: []string{"/en/zones/lingshan-bay/", "/en/commentary/"}, not: []string{"/en/"}},
	{page: "/en/search/", query: "digital economy", among: []string{"/en/industries/digital-economy/", "/en/"}},
	// A query in the other language finds the other language's pages, with
	// the reader's own translation first.
	{page: "/search/", query: "Dongjiakou", first: []string{"/zones/dongjiakou/", "/en/zones/dongjiakou/"}},
	{page: "/en/search/", query: "董家口", first: []string{"/en/zones/dongjiakou/", "/zones/dongjiakou/"}},
	// The page about new materials, then the zone whose park they are; the
	// commentary (new… material…) after them.
	{page: "/en/search/", query: "new materials", first: []string{"/en/industries/new-materials/", "/en/zones/dongjiakou/"}},
	{page: "/search/", query: "新材料", first: []string{"/industries/new-materials/", "/zones/dongjiakou/"}},
	// One character; full-width Latin letters; a result under a heading
	// links to the heading.
	{page: "/search/", query: "董", among: []string{"/zones/dongjiakou/", "/about/#来源"}},
	{page: "/en/search/", query: "ＤＯＮＧＪＩＡＫＯＵ", first: []string{"/en/zones/dongjiakou/"}},
	{page: "/en/search/", query: "rejoined", first: []string{"/en/about/#how-the-text-was-extracted-and-mended"}},
	{page: "/search/", query: "芯片", among: []string{"/zones/sino-german-ecopark/"}},
	{page: "/en/search/", query: "seed", among: []string{"/en/zones/modern-agriculture/"}},
	{page: "/en/search/", query: "zzzzqqq"},
}

// TestSearchQueries runs issue 11's queries on the real site's search
// pages, in both languages, as a reader would: the query in the URL.
func TestSearchQueries(t *testing.T) {
	s := builtSite(t)
	if os.Getenv("E2E_SOURCE") != "" {
		t.Skip("the expected results are the real site's")
	}
	b := newBrowser(t)
	for _, tc := range searchQueries {
		got := search(b, s, tc.page, tc.query)
		where := tc.page + " " + tc.query
		list := hrefs(got.Results)
		if got.Role != "status" {
			t.Errorf("%s: the announcement has role=%q, want status (read politely)", where, got.Role)
		}
		if want := fmt.Sprint(len(got.Results)); len(got.Results) > 0 && !strings.Contains(got.Status, want) {
			t.Errorf("%s: the announcement %q does not say %s results", where, got.Status, want)
		}
		if len(list) < len(tc.first) || !equal(list[:len(tc.first)], tc.first) {
			t.Errorf("%s: the results start %v, want %v", where, list, tc.first)
		}
		for _, p := range tc.among {
			if !contains(list, p) {
				t.Errorf("%s: %s is not among the results %v", where, p, list)
			}
		}
		for _, p := range tc.not {
			if contains(list, p) {
				t.Errorf("%s: %s is among the results %v, want it not", where, p, list)
			}
		}
		for _, pair := range tc.before {
			if i, j := index(list, pair[0]), index(list, pair[1]); i < 0 || j < 0 || i > j {
				t.Errorf("%s: %s should come before %s: %v", where, pair[0], pair[1], list)
			}
		}
		if tc.first == nil && tc.among == nil && len(list) != 0 {
			t.Errorf("%s: results %v, want none", where, list)
		}
		checkResults(t, where, tc.page, got.Results)
	}
}

// checkResults checks what every result must be: one link, a language
// label on a page in the other language, a snippet of about 70 Chinese or
// 160 Latin characters.
func checkResults(t *testing.T, where, page string, results []searchResult) {
	t.Helper()
	readerEnglish := strings.HasPrefix(page, "/en/")
	for _, r := range results {
		if r.Links != 1 {
			t.Errorf("%s: result %s has %d links, want 1", where, r.Href, r.Links)
		}
		english := strings.HasPrefix(r.Href, "/en/")
		if other := english != readerEnglish; other != (r.Label != "") || other != (r.Lang != "") {
			t.Errorf("%s: result %s has language label %q and lang=%q", where, r.Href, r.Label, r.Lang)
		}
		text := strings.Trim(r.Snippet, "…")
		if wide := widths(text); wide > 1.1 {
			t.Errorf("%s: the snippet of %s is %.0f%% of the size a snippet should be: %q", where, r.Href, wide*100, r.Snippet)
		}
	}
}

// widths is how much of a snippet text takes: a Chinese character 1/70, a
// Latin one 1/160.
func widths(s string) float64 {
	w := 0.0
	for _, r := range s {
		if r >= 0x2e80 {
			w += 1.0 / 70
		} else {
			w += 1.0 / 160
		}
	}
	return w
}

func equal(a, b []string) bool {
	return fmt.Sprint(a) == fmt.Sprint(b)
}

func contains(list []string, s string) bool { return index(list, s) >= 0 }

func index(list []string, s string) int {
	for i, x := range list {
		if x == s {
			return i
		}
	}
	return -1
}

// TestSearchMarks: every match is marked in the title and the snippet, and
// an English snippet starts and ends at whole words.
func TestSearchMarks(t *testing.T) {
	s := builtSite(t)
	if os.Getenv("E2E_SOURCE") != "" {
		t.Skip("the expected results are the real site's")
	}
	b := newBrowser(t)
	got := search(b, s, "/en/search/", "dong econ")
	if len(got.Results) == 0 || got.Results[0].Marked != "Dongjiakou|Economic" {
		t.Fatalf("dong econ: the first result's title marks %q, want Dongjiakou|Economic (%v)", got.Results[0].Marked, got.Results)
	}
	marks := eval[[]string](b, `[...document.querySelectorAll("#search-results > li:first-child p mark")].map(m => m.textContent)`)
	if len(marks) < 2 {
		t.Errorf("dong econ: the first snippet marks %v, want both words", marks)
	}
	// Each English snippet, without its ellipses, is whole words of the
	// page's text: it starts after a space or at a sentence's start.
	bad := eval[[]string](b, `Promise.all([...document.querySelectorAll("#search-results > li")].map(li =>
		fetch(li.querySelector("a").href).then(r => r.text()).then(html => {
			const page = new DOMParser().parseFromString(html, "text/html");
			const text = (page.querySelector('meta[name="description"]').content + " " + page.querySelector("main").textContent).replace(/\s+/g, " ");
			const snippet = li.querySelector("p").textContent.replace(/^…|…$/g, "").replace(/\s+/g, " ").trim();
			const at = text.indexOf(snippet);
			if (at < 0) return "not in the page: " + snippet;
			const before = text[at - 1] || " ", after = text[at + snippet.length] || " ";
			return /\p{L}/u.test(before) || /\p{L}/u.test(after) ? "cut inside a word: " + snippet : "";
		}))).then(list => list.filter(Boolean))`, chromedp.EvalAwaitPromise)
	for _, msg := range bad {
		t.Errorf("dong econ: %s", msg)
	}
	b.clean("/en/search/?q=dong+econ")
}

// TestSearchKeepsQuery: the query survives the language switcher, a
// result and the back button, and a new search.
func TestSearchKeepsQuery(t *testing.T) {
	s := builtSite(t)
	b := newBrowser(t)
	search(b, s, "/search/", "董家口")
	b.click(`.lang-switch a[hreflang="en"]`)
	waitAnnounced(b, "/en/search/ (from the switcher)")
	if u := b.location(); !strings.HasSuffix(u, "/en/search/?q="+url.QueryEscape("董家口")) {
		t.Errorf("the switcher on /search/?q=董家口 leads to %s, want /en/search/?q=董家口", u)
	}
	if v := eval[string](b, `document.getElementById("q").value`); v != "董家口" {
		t.Errorf("after the switcher, the search box holds %q, want 董家口", v)
	}
	// A new query, submitted; then a result, and back.
	b.do("searching again", chromedp.SetValue("#q", "seed"),
		chromedp.Evaluate[chromedp.Void](`document.getElementById("q").form.requestSubmit()`))
	waitResult(b, "/en/search/?q=seed", `#search-results a[href*="modern-agriculture"]`)
	b.click(`#search-results a[href*="modern-agriculture"]`)
	back(b)
	waitFor(b, "/en/search/?q=seed (back)", "the results", `document.querySelector('#search-results a[href*="modern-agriculture"]') !== null`)
	if u := b.location(); !strings.HasSuffix(u, "?q=seed") {
		t.Errorf("back from a result: the page is %s, want /en/search/?q=seed", u)
	}
	if v := eval[string](b, `document.getElementById("q").value`); v != "seed" {
		t.Errorf("back from a result, the search box holds %q, want seed", v)
	}
	// Back once more: the query before.
	back(b)
	waitFor(b, "/en/search/?q=董家口 (back)", "the results", `document.querySelector('#search-results a[href*="dongjiakou"]') !== null`)
	if v := eval[string](b, `document.getElementById("q").value`); v != "董家口" {
		t.Errorf("back twice, the search box holds %q, want 董家口", v)
	}
	b.clean("/en/search/")
}

// back goes back in the tab's history, as the browser's back button does.
func back(b *browser) {
	b.t.Helper()
	before := b.location()
	b.do("going back", chromedp.Evaluate[chromedp.Void](`history.back()`))
	for deadline := time.Now().Add(10 * time.Second); b.location() == before; time.Sleep(50 * time.Millisecond) {
		if time.Now().After(deadline) {
			b.t.Fatalf("going back from %s: still there after 10s", before)
		}
	}
	b.settle()
}

// clearCache empties the browser's cache, as for a reader's first visit.
func clearCache(b *browser) {
	b.t.Helper()
	ctx, cancel := b.step()
	defer cancel()
	if _, err := chromedp.Call(ctx, network.ClearBrowserCache, cdp.Empty{}); err != nil {
		b.t.Fatalf("clearing the cache: %v", err)
	}
}

// firstQueryBytes is what the first query costs: everything fetched from
// the index's folder, headers included, as the browser counts it.
const firstQueryBytesJS = `performance.getEntriesByType("resource")
	.filter(e => e.name.includes("/search-index/"))
	.reduce((sum, e) => sum + e.transferSize, 0)`

// TestSearchFetches: a reader's first query fetches at most 150 KB of the
// index. On the real site that is one small fetch or a few; run it on the
// 10,000-pair site with E2E_SOURCE (see ../../README.md, Search).
func TestSearchFetches(t *testing.T) {
	s := builtSite(t)
	b := newBrowser(t)
	for _, q := range []struct{ page, query string }{
		{"/search/", "董家口"}, {"/search/", "数字经济"}, {"/search/", "數字經濟"}, {"/search/", "Dongjiakou"},
		{"/en/search/", "financ bureau"}, {"/en/search/", "supporting"}, {"/en/search/", `"digital economy"`},
		{"/en/search/", "new materials"}, {"/en/search/", "董家口"},
	} {
		clearCache(b)
		search(b, s, q.page, q.query)
		got := eval[int](b, firstQueryBytesJS)
		t.Logf("%s %s: %d bytes", q.page, q.query, got)
		if got > 150<<10 {
			t.Errorf("%s %s: the first query fetched %d bytes of the index, want at most 150 KB", q.page, q.query, got)
		}
	}
}

// timeQueryJS submits a query and resolves to the milliseconds until the
// results are announced, timed in the page (the DevTools round trip is
// not counted).
const timeQueryJS = `new Promise(resolve => {
	const status = document.getElementById("search-status"), q = document.getElementById("q");
	status.textContent = "";
	const t0 = performance.now();
	const seen = new MutationObserver(() => {
		if (status.textContent) { seen.disconnect(); resolve(performance.now() - t0); }
	});
	seen.observe(status, {childList: true, characterData: true, subtree: true});
	q.value = %q;
	q.form.requestSubmit();
})`

// benchQueries are the queries the benchmarks time, per search page.
var benchQueries = []struct{ lang, page string }{{"zh", "/search/"}, {"en", "/en/search/"}}

var benchQueryText = map[string][]string{
	"zh": {"董家口", "数字经济", "新材料", "金融", "Dongjiakou", "產業"},
	"en": {"financ bureau", "supporting", `"digital economy"`, "new materials", "董家口", "seed"},
}

// BenchmarkSearchQuery measures what a reader waits for once the index
// files a query needs are in the browser's cache: from submitting a query
// to the results being announced. It reports ms/query per language; run it
// on the 10,000-pair site with E2E_SOURCE (see ../../README.md, Search).
func BenchmarkSearchQuery(b *testing.B) {
	s := builtSite(b)
	br := newBrowser(b)
	for _, tc := range benchQueries {
		b.Run(tc.lang, func(b *testing.B) {
			br.open(s.root + tc.page)
			queries := benchQueryText[tc.lang]
			for _, q := range queries { // every file these queries need, in the cache
				eval[float64](br, fmt.Sprintf(timeQueryJS, q), chromedp.EvalAwaitPromise)
			}
			total, n := 0.0, 0
			for i := 0; b.Loop(); i++ {
				total += eval[float64](br, fmt.Sprintf(timeQueryJS, queries[i%len(queries)]), chromedp.EvalAwaitPromise)
				n++
			}
			b.ReportMetric(total/float64(n), "ms/query")
		})
	}
}

// BenchmarkSearchFirstQuery measures a reader's first query: the page
// loaded and its manifest read, the cache empty of everything else, so
// that the time includes fetching the shards and the results' files (from
// a server on this machine). It reports ms/query and the bytes fetched.
func BenchmarkSearchFirstQuery(b *testing.B) {
	s := builtSite(b)
	br := newBrowser(b)
	for _, tc := range benchQueries {
		b.Run(tc.lang, func(b *testing.B) {
			queries := benchQueryText[tc.lang]
			total, bytes, n := 0.0, 0, 0
			for i := 0; b.Loop(); i++ {
				b.StopTimer()
				clearCache(br)
				br.open(s.root + tc.page)
				b.StartTimer()
				total += eval[float64](br, fmt.Sprintf(timeQueryJS, queries[i%len(queries)]), chromedp.EvalAwaitPromise)
				bytes += eval[int](br, firstQueryBytesJS)
				n++
			}
			b.ReportMetric(total/float64(n), "ms/query")
			b.ReportMetric(float64(bytes)/float64(n)/1024, "KB/query")
		})
	}
}

// TestSearchMore: ten results at a time; More results adds the rest and
// moves the keyboard to the first of them.
func TestSearchMore(t *testing.T) {
	s := builtSite(t)
	b := newBrowser(t)
	got := search(b, s, "/search/", "经济")
	if len(got.Results) != 10 {
		t.Fatalf("经济: %d results shown, want the first 10 (%s)", len(got.Results), got.Status)
	}
	if hidden := eval[bool](b, `document.getElementById("search-more").hidden`); hidden {
		t.Fatalf("经济: %s, 10 shown, and no More results button", got.Status)
	}
	b.do("clicking More results", chromedp.Click("#search-more", chromedp.NodeVisible))
	waitFor(b, "/search/?q=经济", "more results", `document.querySelectorAll("#search-results > li").length > 10`)
	state := eval[struct {
		Shown   int
		Focused string
		Hidden  bool
	}](b, `({
		Shown: document.querySelectorAll("#search-results > li").length,
		Focused: document.activeElement === document.querySelector("#search-results > li:nth-child(11) a") ? "the 11th" : document.activeElement.outerHTML.slice(0, 80),
		Hidden: document.getElementById("search-more").hidden,
	})`)
	if !strings.Contains(got.Status, fmt.Sprint(state.Shown)) || state.Focused != "the 11th" || !state.Hidden {
		t.Errorf("经济 (%s), after More results: %d shown, focus on %s, button hidden %v; want all, the 11th, true", got.Status, state.Shown, state.Focused, state.Hidden)
	}
	b.clean("/search/?q=经济")
}
