package e2e

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// phone sets the tab to a 360 px wide phone screen; desktop to 1280 px.
func phone(b *browser) {
	b.t.Helper()
	b.do("emulating a phone", chromedp.EmulateViewport(360, 800, chromedp.EmulateMobile, chromedp.EmulateTouch))
}

func desktop(b *browser) {
	b.t.Helper()
	b.do("emulating a desktop", chromedp.EmulateViewport(1280, 800))
}

// layoutPages are the pages whose layout the tests measure: one of each
// kind, the search page and the 404 page, in both languages.
func layoutPages() []string {
	var out []string
	for _, p := range append(append([]string{}, pageTypes...), "/search/", "/404.html") {
		out = append(out, p, en(p))
	}
	return out
}

// TestPhoneLayout: on a 360 px phone the headline starts within 200 px of
// the top (the header and breadcrumbs take no more), and the page's content
// keeps a margin above the footer.
func TestPhoneLayout(t *testing.T) {
	s := builtSite(t)
	b := newBrowser(t)
	phone(b)
	for _, path := range layoutPages() {
		b.open(s.root + path)
		b.clean(path)
		got := eval[struct {
			H1, Gap float64
			Footer  bool
		}](b, `(() => {
			const h1 = document.querySelector("h1"), main = document.querySelector("main"), footer = document.querySelector("footer");
			const bottom = Math.max(...[...main.children].map(e => e.getBoundingClientRect().bottom));
			return {
				H1: h1 ? h1.getBoundingClientRect().top + scrollY : -1,
				Gap: footer ? footer.getBoundingClientRect().top - bottom : 0,
				Footer: footer !== null,
			};
		})()`)
		if got.H1 < 0 {
			t.Errorf("%s: no <h1>", path)
		} else if got.H1 > 200 {
			t.Errorf("%s at 360 px: the headline starts %.0f px from the top, want at most 200", path, got.H1)
		}
		if got.Footer && got.Gap < 16 {
			t.Errorf("%s at 360 px: the content ends %.0f px above the footer, want at least 16", path, got.Gap)
		}
	}
}

// TestNamesDoNotBreak: a list of names wraps between names, never inside
// one (unless it is wider than the line), no line of it starts with a
// separator, and no separator stands on a line of its own.
func TestNamesDoNotBreak(t *testing.T) {
	s := builtSite(t)
	b := newBrowser(t)
	phone(b)
	for _, path := range []string{home, en(home), en(zone), en("/industries/"), "/industries/"} {
		b.open(s.root + path)
		b.clean(path)
		problems := eval[[]string](b, `(() => {
			const out = [];
			for (const li of document.querySelectorAll(".inline-list li")) {
				const a = li.querySelector("a");
				if (a && a.getClientRects().length > 1 && a.getBoundingClientRect().width < li.parentElement.clientWidth) {
					out.push("the name " + JSON.stringify(a.textContent) + " breaks across lines");
				}
				const sep = li.querySelector(".sep");
				if (a && sep) {
					const rects = a.getClientRects(), end = rects[rects.length - 1];
					if (sep.getBoundingClientRect().top > end.bottom - 2) {
						out.push("the separator after " + JSON.stringify(a.textContent) + " stands on a line of its own");
					}
				}
				const prev = li.previousElementSibling;
				if (prev && li.getBoundingClientRect().top > prev.getBoundingClientRect().top + 1 &&
					!prev.textContent.trim().match(/[、,，]$/)) {
					out.push("the line starting " + JSON.stringify(li.textContent) + " follows a name with no separator");
				}
			}
			return out;
		})()`)
		for _, p := range problems {
			t.Errorf("%s at 360 px: %s", path, p)
		}
	}
}

// TestHeadingsLastLine: no heading ends in a line of one character, at a
// phone's and a desktop's width.
func TestHeadingsLastLine(t *testing.T) {
	s := builtSite(t)
	b := newBrowser(t)
	for _, width := range []string{"360", "1280"} {
		if width == "360" {
			phone(b)
		} else {
			desktop(b)
		}
		for _, path := range layoutPages() {
			b.open(s.root + path)
			b.clean(path)
			orphans := eval[[]string](b, `(() => {
				const out = [];
				for (const h of document.querySelectorAll("h1, h2, h3")) {
					const text = h.textContent.trim();
					if (h.offsetParent === null || [...text].length < 3) continue;
					// The last two characters' boxes: on different lines, the last stands alone.
					const walker = document.createTreeWalker(h, NodeFilter.SHOW_TEXT);
					const chars = [];
					while (walker.nextNode()) {
						const n = walker.currentNode;
						for (let i = 0; i < n.data.length; i++) if (n.data[i].trim()) chars.push([n, i]);
					}
					const box = ([n, i]) => { const r = document.createRange(); r.setStart(n, i); r.setEnd(n, i + 1); return r.getBoundingClientRect(); };
					const last = box(chars[chars.length - 1]), before = box(chars[chars.length - 2]);
					if (last.top > before.bottom - 2) out.push(text);
				}
				return out;
			})()`)
			for _, h := range orphans {
				t.Errorf("%s at %s px: the heading %q ends in a line of one character", path, width, h)
			}
		}
	}
}

// TestPlaceholdersFit: the search boxes show their whole placeholder, on a
// phone (the search page) and on a desktop (the header's box too).
func TestPlaceholdersFit(t *testing.T) {
	s := builtSite(t)
	b := newBrowser(t)
	const fits = `[...document.querySelectorAll("input[placeholder]")].filter(i => i.offsetParent !== null).map(i => {
		const cs = getComputedStyle(i), ctx = document.createElement("canvas").getContext("2d");
		ctx.font = cs.font;
		const room = i.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight);
		const need = ctx.measureText(i.placeholder).width;
		return need <= room ? "" : i.id + ": " + JSON.stringify(i.placeholder) + " needs " + need.toFixed(0) + " px, the box has " + room.toFixed(0);
	}).filter(Boolean)`
	for _, width := range []string{"360", "1280"} {
		if width == "360" {
			phone(b)
		} else {
			desktop(b)
		}
		for _, path := range []string{home, en(home), "/search/", en("/search/")} {
			b.open(s.root + path)
			b.clean(path)
			for _, p := range eval[[]string](b, fits) {
				t.Errorf("%s at %s px: the placeholder is cut off: %s", path, width, p)
			}
		}
	}
}

// TestCharts: a chart's text is at the body's size, each value stays on one
// line beside its bar inside the column, and the bars share one scale (a
// bar's length is its share of the track).
func TestCharts(t *testing.T) {
	s := builtSite(t)
	b := newBrowser(t)
	for _, width := range []string{"360", "1280"} {
		if width == "360" {
			phone(b)
		} else {
			desktop(b)
		}
		for _, path := range []string{home, en(home)} {
			b.open(s.root + path)
			b.clean(path)
			got := eval[struct {
				Rows     int
				Problems []string
			}](b, `(() => {
				const body = parseFloat(getComputedStyle(document.body).fontSize), out = [];
				const rows = [...document.querySelectorAll(".bar-row")];
				for (const row of rows) {
					const label = row.querySelector("dt"), value = row.querySelector(".bar-value");
					const bar = row.querySelector(".bar"), track = row.querySelector(".bar-track");
					const name = JSON.stringify(label.textContent);
					for (const [what, el] of [["label", label], ["value", value]]) {
						const size = parseFloat(getComputedStyle(el).fontSize);
						if (Math.abs(size - body) > 0.5) out.push(name + ": the " + what + " is " + size + " px, the body " + body + " px");
					}
					if (value.getClientRects().length !== 1) out.push(name + ": the value " + JSON.stringify(value.textContent) + " wraps");
					const column = row.closest(".bars").getBoundingClientRect();
					if (value.getBoundingClientRect().right > column.right + 0.5) out.push(name + ": the value runs past the chart");
					// A bar is its share of the track, or 2 px at least, so that a zero shows.
					const share = parseFloat(bar.style.getPropertyValue("--share")), full = track.getBoundingClientRect().width;
					const drawn = bar.getBoundingClientRect().width, want = Math.max(share * full, 2);
					if (!(full > 100) || Math.abs(drawn - want) > 1) out.push(name + ": the bar is " + drawn.toFixed(1) + " px of a " + full.toFixed(1) + " px track, want " + want.toFixed(1));
				}
				return {Rows: rows.length, Problems: out};
			})()`)
			if got.Rows == 0 {
				t.Errorf("%s at %s px: no chart", path, width)
			}
			for _, p := range got.Problems {
				t.Errorf("%s at %s px: %s", path, width, p)
			}
		}
	}
}

// TestNotFoundSpeaksEveryLanguage: a host that serves only the root
// 404.html shows it for a missing English page too, so it carries every
// language's message, each marked with its language, linking to that
// language's pages.
func TestNotFoundSpeaksEveryLanguage(t *testing.T) {
	s := builtSite(t)
	b := newBrowser(t)
	type message struct{ Lang, Heading, Home string }
	read := func(path string) []message {
		b.open(s.root + path)
		b.clean(path)
		return eval[[]message](b, `[document.documentElement, ...document.querySelectorAll("main [lang]")].map(e => {
			const scope = e === document.documentElement ? document.querySelector("main") : e;
			const h = scope.querySelector("h1, h2"), a = scope.querySelector("ul a");
			return {Lang: e.lang, Heading: h ? h.textContent.trim() : "", Home: a ? new URL(a.href).pathname : ""};
		})`)
	}
	zh, english := read("/404.html"), read(en("/404.html"))
	if len(zh) != 2 || len(english) != 2 {
		t.Fatalf("the 404 pages carry %d and %d languages, want 2 each:\n%v\n%v", len(zh), len(english), zh, english)
	}
	// Each page puts its own language first and the other second, with the
	// same words as the other language's own 404 page.
	for _, tc := range []struct {
		path        string
		got         []message
		first, next message
	}{
		{"/404.html", zh, message{"zh", "", "/"}, message{"en", english[0].Heading, "/en/"}},
		{en("/404.html"), english, message{"en", "", "/en/"}, message{"zh", zh[0].Heading, "/"}},
	} {
		if tc.got[0].Lang != tc.first.Lang || tc.got[0].Home != tc.first.Home || tc.got[0].Heading == "" {
			t.Errorf("%s: its own message is %+v, want lang %s and a link home to %s", tc.path, tc.got[0], tc.first.Lang, tc.first.Home)
		}
		if tc.got[1] != tc.next {
			t.Errorf("%s: the other language's message is %+v, want %+v", tc.path, tc.got[1], tc.next)
		}
	}
	if strings.EqualFold(zh[0].Heading, english[0].Heading) {
		t.Errorf("the two 404 pages have the same heading %q", zh[0].Heading)
	}
}
