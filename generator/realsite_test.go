package main

import (
	"html"
	"os"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"westcoast/generator/load"
	"westcoast/generator/model"
)

// buildRealSite builds the repository's own site, once per test binary.
func buildRealSite(t *testing.T) *result {
	t.Helper()
	res, err := buildInMemory(os.DirFS(".."), load.Options{})
	if err != nil {
		t.Fatalf("the real site does not build:\n%v", err)
	}
	return res
}

func TestRealSite(t *testing.T) {
	res := buildRealSite(t)
	if err := res.CheckLinks(); err != nil {
		t.Error(err)
	}
	for _, p := range res.Site.Pages {
		if len(p.Translations) == 0 && !p.Monolingual {
			t.Errorf("%s (%s) has no translation", p.URL, p.Source)
		}
	}
	zh := res.Site.Page("zh", "zones")
	if zh == nil || len(zh.Pages) != 7 {
		t.Fatalf("want 7 zones in the zones section")
	}
}

var (
	scripts    = regexp.MustCompile(`(?s)<script[^>]*>.*?</script>`)
	tags       = regexp.MustCompile(`<[^>]*>`)
	whitespace = regexp.MustCompile(`\s+`)
)

// pageText is a built HTML page's text with tags, scripts (JSON-LD is data,
// not text) and all white space removed, so sentences can be looked for
// whatever the markup around them.
func pageText(data []byte) string {
	text := tags.ReplaceAllString(scripts.ReplaceAllString(string(data), ""), "")
	return whitespace.ReplaceAllString(html.UnescapeString(text), "")
}

// articleMends undo the print layout: the commentary's continuation mark,
// the byline's box, the three words cut across print columns (the
// character at each cut stands twice), and the extraction's narrow brackets,
// which the site sets full-width as Chinese text does: 工委（区委）.
var articleMends = strings.NewReplacer(
	"(上接第一版)", "",
	"□", "",
	"(", "（",
	")", "）",
	"在加快构建现代\n\n代产业体系", "在加快构建现代产业体系",
	"抢占新赛道、培\n\n育新动能", "抢占新赛道、培育新动能",
	"努力实现更高质量发展\n\n展。", "努力实现更高质量发展。",
)

// TestArticleCoverage proves that every sentence of the article is on the
// Chinese site: the article is split on 。！？ and line breaks, and each
// piece must appear in the text of some Chinese page.
func TestArticleCoverage(t *testing.T) {
	raw, err := os.ReadFile("testdata/article.zh.txt")
	if err != nil {
		t.Fatal(err)
	}
	res := buildRealSite(t)
	var site strings.Builder
	for _, f := range res.Files {
		if strings.HasSuffix(f.Path, ".html") && !strings.HasPrefix(f.Path, "en/") {
			site.WriteString(pageText(f.Data))
			site.WriteString("\n")
		}
	}
	text := site.String()
	sentences := regexp.MustCompile(`[。！？\n]`).Split(articleMends.Replace(string(raw)), -1)
	checked := 0
	for _, s := range sentences {
		s = strings.TrimPrefix(whitespace.ReplaceAllString(s, ""), "——")
		if s == "" {
			continue
		}
		checked++
		if !strings.Contains(text, s) {
			t.Errorf("not on the Chinese site: %s", s)
		}
	}
	if checked < 60 {
		t.Errorf("only %d sentences checked: the article was not split as expected", checked)
	}
}

// TestZoneFigures checks that every zone page shows every figure of its
// zone, written the way its language writes it.
func TestZoneFigures(t *testing.T) {
	res := buildRealSite(t)
	files := map[string]string{}
	for _, f := range res.Files {
		files[f.Path] = string(f.Data)
	}
	for _, p := range res.Site.Pages {
		if p.Section != "zones" || p.Kind != model.KindPage {
			continue
		}
		page := files[strings.TrimPrefix(p.URL, "/")+"index.html"]
		for _, f := range p.Figures {
			want := html.EscapeString(f.Format(p.Lang, ""))
			if !strings.Contains(page, want) {
				t.Errorf("%s: figure %s (%q) is not on the page", p.URL, f.ID, want)
			}
		}
	}
	dongjiakou := files["zones/dongjiakou/index.html"]
	for _, want := range []string{"420亿元", "14个", "164亿元"} {
		if !strings.Contains(dongjiakou, want) {
			t.Errorf("zones/dongjiakou: %s missing", want)
		}
	}
	if en := files["en/zones/dongjiakou/index.html"]; !strings.Contains(en, "CNY 42 billion") {
		t.Error("en/zones/dongjiakou: CNY 42 billion missing")
	}
}

var (
	// otherLanguage is an element marked as written in another language:
	// a word or name, or a whole section (the 404 page's).
	otherLanguage = regexp.MustCompile(`<(span|a)\b[^>]*\blang="zh"[^>]*>[^<]*</(span|a)>|(?s)<section\b[^>]*\blang="zh"[^>]*>.*?</section>`)
	han           = regexp.MustCompile(`\p{Han}`)
	narrowBracket = regexp.MustCompile(`\p{Han}[()]|[()]\p{Han}`)
)

// TestTypography checks the typesetting each language expects: English
// text has curly quotes and apostrophes and marks any Chinese in it with
// lang="zh"; Chinese text has full-width brackets (工委（区委）).
func TestTypography(t *testing.T) {
	res := buildRealSite(t)
	for _, f := range res.Files {
		if !strings.HasSuffix(f.Path, ".html") {
			continue
		}
		if strings.HasPrefix(f.Path, "en/") {
			text := pageText([]byte(otherLanguage.ReplaceAllString(string(f.Data), "")))
			if i := strings.IndexAny(text, `"'`); i >= 0 {
				t.Errorf("%s: straight quote in %q", f.Path, around(text, i))
			}
			if loc := han.FindStringIndex(text); loc != nil {
				t.Errorf("%s: Chinese without lang=\"zh\" in %q", f.Path, around(text, loc[0]))
			}
			continue
		}
		text := pageText(f.Data)
		if loc := narrowBracket.FindStringIndex(text); loc != nil {
			t.Errorf("%s: narrow bracket in Chinese text: %q", f.Path, around(text, loc[0]))
		}
	}
}

// around is the text near byte i, for an error message.
func around(s string, i int) string {
	from, to := max(0, i-40), min(len(s), i+40)
	for from > 0 && !utf8.RuneStart(s[from]) {
		from--
	}
	for to < len(s) && !utf8.RuneStart(s[to]) {
		to++
	}
	return s[from:to]
}
