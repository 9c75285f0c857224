package e2e

import (
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// The pages the tests visit, by their path in the default language (zh, at
// the root); the English page is the same path under /en/.
var (
	home = "/"
	zone = "/zones/dongjiakou/"
	// pageTypes has one page of each kind: home, a zone (a regular page),
	// a section, a taxonomy term, and two single pages.
	pageTypes = []string{home, zone, "/zones/", "/industries/finance/", "/commentary/", "/about/"}
)

// en returns the English path of a default-language path.
func en(path string) string { return "/en" + path }

func TestHomeRenders(t *testing.T) {
	s := builtSite(t)
	b := newBrowser(t)
	for _, tc := range []struct{ path, lang string }{{home, "zh"}, {en(home), "en"}} {
		b.open(s.root + tc.path)
		got := eval[struct {
			Lang, Title, H1 string
			Main            bool
		}](b, `({
			Lang: document.documentElement.lang,
			Title: document.title,
			H1: (document.querySelector("h1") || {}).textContent || "",
			Main: document.querySelector("main") !== null,
		})`)
		if primary(got.Lang) != tc.lang {
			t.Errorf("%s: <html lang=%q>, want %s", tc.path, got.Lang, tc.lang)
		}
		if strings.TrimSpace(got.Title) == "" {
			t.Errorf("%s: the page has no title", tc.path)
		}
		if strings.TrimSpace(got.H1) == "" {
			t.Errorf("%s: the page has no <h1> with text", tc.path)
		}
		if !got.Main {
			t.Errorf("%s: the page has no <main>", tc.path)
		}
		// Without a <link rel="icon">, browsers fetch /favicon.ico from the
		// host's root: a 404 and a console error, at a subpath always.
		icon := eval[string](b, `(() => {
			const l = document.querySelector('link[rel~="icon"]');
			if (!l) return "missing";
			if (!l.href.startsWith("http")) return "";
			return fetch(l.href).then(r => r.ok ? "" : "HTTP " + r.status + " for " + l.href);
		})()`, chromedp.EvalAwaitPromise)
		switch icon {
		case "":
		case "missing":
			t.Errorf(`%s: no <link rel="icon">, so browsers ask for /favicon.ico, which is not there`, tc.path)
		default:
			t.Errorf("%s: the icon does not load: %s", tc.path, icon)
		}
		b.clean(tc.path)
	}
}

// primary is the primary subtag of a language tag: "zh" for "zh-CN".
func primary(tag string) string {
	tag, _, _ = strings.Cut(strings.ToLower(tag), "-")
	return tag
}

// switcherJS finds the language switcher: a link in the header (or one
// marked data-lang-switch) whose hreflang is another language than the
// page's. It marks the link so that the test can click it, and returns its
// hreflang and lang attributes.
const switcherJS = `(() => {
	const here = document.documentElement.lang.toLowerCase().split("-")[0];
	const links = [...document.querySelectorAll("a[data-lang-switch], [data-lang-switch] a[hreflang], header a[hreflang]")];
	const other = links.find(a => a.hreflang && a.hreflang.toLowerCase().split("-")[0] !== here);
	if (!other) return "";
	other.setAttribute("data-e2e-switch", "");
	return other.hreflang + " " + (other.getAttribute("lang") || "");
})()`

func TestLanguageSwitcher(t *testing.T) {
	s := builtSite(t)
	b := newBrowser(t)
	for _, zh := range pageTypes {
		for _, hop := range []struct{ from, to, toLang string }{{zh, en(zh), "en"}, {en(zh), zh, "zh"}} {
			b.open(s.root + hop.from)
			b.clean(hop.from)
			found := eval[string](b, switcherJS)
			if found == "" {
				t.Errorf("%s: no language switcher (a[hreflang] in <header>, or [data-lang-switch])", hop.from)
				continue
			}
			hreflang, lang, _ := strings.Cut(found, " ")
			if primary(hreflang) != hop.toLang {
				t.Errorf("%s: the switcher's hreflang is %q, want %s", hop.from, hreflang, hop.toLang)
			}
			if primary(lang) != hop.toLang {
				t.Errorf("%s: the switcher has lang=%q, want %s (its text is in the other language)", hop.from, lang, hop.toLang)
			}
			b.click("[data-e2e-switch]")
			if got := pathOf(t, b.location()); got != hop.to {
				t.Errorf("the language switcher on %s leads to %s, want %s", hop.from, got, hop.to)
			}
			b.clean(hop.to + " (from the switcher on " + hop.from + ")")
		}
	}
}

// pathOf is the path of a URL.
func pathOf(t *testing.T, u string) string {
	t.Helper()
	p, err := url.Parse(u)
	if err != nil {
		t.Fatalf("bad URL %q: %v", u, err)
	}
	return p.Path
}

// searchCases are queries that must find a zone, in each language.
var searchCases = []struct{ search, query, zone string }{
	{"/search/", "芯片", "/zones/sino-german-ecopark/"},
	{"/en/search/", "seed", "/en/zones/modern-agriculture/"},
}

// resultSelector matches a search result that links to a zone's page.
func resultSelector(zonePath string) string {
	_, slug, _ := strings.Cut(zonePath, "/zones/")
	return fmt.Sprintf(`#search-results a[href*="zones/%s"]`, slug)
}

// waitResult waits for the search results to hold a link that matches sel.
func waitResult(b *browser, page, sel string) bool {
	b.t.Helper()
	ctx, cancel := b.step()
	defer cancel()
	js := fmt.Sprintf(`document.querySelector(%q) !== null`, sel)
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](js, chromedp.WithPollingInterval(50*time.Millisecond), chromedp.WithPollingTimeout(10*time.Second))); err != nil {
		results := eval[string](b, `(document.getElementById("search-results") || {outerHTML: "no #search-results element"}).outerHTML.slice(0, 600)`)
		b.t.Errorf("%s: no result matching %s within 10s (%v); #search-results is:\n%s", page, sel, err, results)
		return false
	}
	return true
}

func TestSearch(t *testing.T) {
	s := builtSite(t)
	if os.Getenv("E2E_SOURCE") != "" {
		t.Skip("the expected results are the real site's: on a large site they are past the first ten")
	}
	b := newBrowser(t)
	for _, tc := range searchCases {
		page := tc.search + "?q=" + url.QueryEscape(tc.query)
		b.open(s.root + page)
		sel := resultSelector(tc.zone)
		if !waitResult(b, page, sel) {
			b.clean(page)
			continue
		}
		b.clean(page)
		b.click(sel)
		if got := pathOf(t, b.location()); got != tc.zone {
			t.Errorf("%s: the result link leads to %s, want %s", page, got, tc.zone)
		}
		b.clean(tc.zone + " (from search)")
	}
}

func TestSubpath(t *testing.T) {
	s := builtSite(t)
	b := newBrowser(t)

	// The browser's own font when no stylesheet says otherwise.
	b.do("opening a blank page", chromedp.Navigate("data:text/html,<p>x"))
	defaultFont := eval[string](b, `getComputedStyle(document.body).fontFamily`)
	b.rec.take()

	for _, path := range []string{home, en(zone)} {
		u := s.sub + strings.TrimPrefix(path, "/")
		b.open(u)
		b.clean("/sub" + path)

		sheets := eval[int](b, `document.querySelectorAll('link[rel~="stylesheet"]').length`)
		loaded := eval[int](b, `[...document.querySelectorAll('link[rel~="stylesheet"]')].filter(l => l.sheet && l.sheet.cssRules.length > 0).length`)
		if sheets == 0 || loaded != sheets {
			t.Errorf("/sub%s: %d of %d stylesheets loaded", path, loaded, sheets)
		}
		if font := eval[string](b, `getComputedStyle(document.body).fontFamily`); font == defaultFont {
			t.Errorf("/sub%s: the body's font-family is the browser default %q: the stylesheet did not apply", path, font)
		}
		// Every link on the page must stay under /sub/: relative links do,
		// a root-absolute "/zones/" does not.
		escapes := eval[[]string](b, fmt.Sprintf(`[...document.querySelectorAll("a[href], link[href], script[src], img[src]")]
			.map(e => e.href || e.src)
			.filter(h => h.startsWith(location.origin) && !h.startsWith(%q))`, s.sub))
		for _, e := range escapes {
			t.Errorf("/sub%s: a link leaves the subpath: %s", path, e)
		}
	}

	// Search loads its index relative to the page too.
	tc := searchCases[1]
	page := tc.search + "?q=" + url.QueryEscape(tc.query)
	b.open(s.sub + strings.TrimPrefix(page, "/"))
	if sel := resultSelector(tc.zone); waitResult(b, "/sub"+page, sel) {
		b.click(sel)
		if got, want := pathOf(t, b.location()), "/sub"+tc.zone; got != want {
			t.Errorf("/sub%s: the result link leads to %s, want %s", page, got, want)
		}
	}
	b.clean("/sub" + page)
}

// axePage is a page for axe-core, and what to wait for before running it.
type axePage struct{ path, wait string }

// axeViolation is what the test keeps of an axe-core result.
type axeViolation struct {
	ID, Impact, Help, HelpURL string
	Nodes                     []struct{ Target, HTML, Summary string }
}

// axeRunJS runs axe-core's default rules and target-size (WCAG 2.2: a link
// or button is 24 px or has room around it), which Lighthouse also runs.
const axeRunJS = `axe.run(document, {resultTypes: ["violations"], rules: {"target-size": {enabled: true}}}).then(r => r.violations.map(v => ({
	ID: v.id, Impact: v.impact || "", Help: v.help, HelpURL: v.helpUrl,
	Nodes: v.nodes.map(n => ({Target: n.target.join(" "), HTML: n.html, Summary: n.failureSummary || ""})),
})))`

func TestAxe(t *testing.T) {
	s := builtSite(t)
	axePath := filepath.Join("..", "..", "node_modules", "axe-core", "axe.min.js")
	axeJS, err := os.ReadFile(axePath)
	if err != nil {
		needCI(t, "axe-core not installed (%v): run npm ci --ignore-scripts", err)
	}
	b := newBrowser(t)
	var pages []axePage
	for _, p := range []string{home, zone} {
		pages = append(pages, axePage{p, ""}, axePage{en(p), ""})
	}
	// The search pages are checked with their results showing.
	for _, tc := range searchCases {
		pages = append(pages, axePage{tc.search + "?q=" + url.QueryEscape(tc.query), resultSelector(tc.zone)})
	}
	pages = append(pages, axePage{"/404.html", ""}, axePage{en("/404.html"), ""})

	for _, screen := range []struct {
		name string
		set  func(*browser)
	}{{"phone", phone}, {"desktop", desktop}} {
		screen.set(b)
		for _, scheme := range []string{"light", "dark"} {
			setScheme(b, scheme)
			axePages(t, b, s, axeJS, pages, screen.name+", "+scheme+" scheme")
		}
	}
}

// axePages runs axe-core on each page and reports its violations.
func axePages(t *testing.T, b *browser, s *site, axeJS []byte, pages []axePage, where string) {
	t.Helper()
	for _, p := range pages {
		b.open(s.root + p.path)
		if p.wait != "" {
			waitResult(b, p.path, p.wait)
		}
		b.clean(p.path)
		b.do("injecting axe-core", chromedp.Evaluate[chromedp.Void](string(axeJS)))
		vs := eval[[]axeViolation](b, axeRunJS, chromedp.EvalAwaitPromise)
		for _, v := range vs {
			var nodes strings.Builder
			for _, n := range v.Nodes {
				fmt.Fprintf(&nodes, "\n\t\t%s\n\t\t\t%s\n\t\t\t%s", n.Target, n.HTML, strings.ReplaceAll(n.Summary, "\n", "\n\t\t\t"))
			}
			t.Errorf("%s (%s): axe %s [%s]: %s (%s)%s", p.path, where, v.ID, v.Impact, v.Help, v.HelpURL, nodes.String())
		}
	}
}

// setScheme makes the tab prefer a light or a dark colour scheme.
func setScheme(b *browser, scheme string) {
	b.t.Helper()
	ctx, cancel := b.step()
	defer cancel()
	_, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
		Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: scheme}},
	})
	if err != nil {
		b.t.Fatalf("emulating prefers-color-scheme: %s: %v", scheme, err)
	}
}

func TestScreenshots(t *testing.T) {
	s := builtSite(t)
	dir := os.Getenv("SCREENSHOT_DIR")
	if dir == "" {
		dir = t.TempDir()
	} else if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	b := newBrowser(t)
	shots := []struct{ name, path string }{
		{"home-zh", home}, {"home-en", en(home)}, {"zone-zh", zone}, {"zone-en", en(zone)},
	}
	for _, width := range []int64{360, 1280} {
		var opts []chromedp.EmulateViewportOption
		if width < 600 {
			opts = append(opts, chromedp.EmulateMobile, chromedp.EmulateTouch)
		}
		b.do("setting the viewport", chromedp.EmulateViewport(width, 800, opts...))
		for _, sh := range shots {
			b.open(s.root + sh.path)
			b.clean(sh.path)
			// A page wider than the screen scrolls sideways on a phone.
			if w := eval[int64](b, `document.documentElement.scrollWidth`); w > width {
				t.Errorf("%s at %d px: the page is %d px wide and scrolls sideways", sh.path, width, w)
			}
			ctx, cancel := b.step()
			png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
			cancel()
			if err != nil {
				t.Fatalf("screenshot of %s: %v", sh.path, err)
			}
			file := filepath.Join(dir, fmt.Sprintf("%s-%d.png", sh.name, width))
			if err := os.WriteFile(file, png, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	t.Logf("screenshots of the home and a zone page at 360 and 1280 px are in %s", dir)
}
