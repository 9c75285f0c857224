package load

import (
	"testing"
	"time"
)

// en adds settings to the English language of testConfig, after its title
// (line 19): what is added starts on line 20.
func en(settings string) map[string]string {
	return config("title = \"Site\"\n", "title = \"Site\"\n"+settings)
}

// atEnd adds tables at the end of testConfig, after line 22.
func atEnd(tables string) map[string]string {
	return config("tags = \"Tags\"\n", "tags = \"Tags\"\n"+tables)
}

// Issue 12: the settings config.toml gained (formats, direction, params,
// menus) and the titles of taxonomy pages, each fault at its place.
func TestEditorConfig(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string
		want  string
	}{
		{"direction", en(`direction = "right"` + "\n"),
			`config.toml:20:13: languages.en.direction = "right": write "ltr" (left to right) or "rtl" (right to left)`},
		{"a date format with no date in it", en("[languages.en.format]\ndate = \"YYYY-MM-DD\"\n"),
			`config.toml:21:8: languages.en.format.date "YYYY-MM-DD" writes no part of a date: write Go's reference date, 2 January 2006, as the language writes it ("2 January 2006", "2006年1月2日")`},
		{"months, not twelve", en("[languages.en.format]\nmonths = [\"Jan\", \"Feb\"]\n"),
			`config.toml:21:10: languages.en.format.months has 2 names: write all 12, January first`},
		{"no decimal mark", en("[languages.en.format]\ndecimalMark = \"\"\n"),
			`config.toml:21:15: languages.en.format.decimalMark is empty: write the mark before decimals ("." or ",")`},
		{"one mark for groups and decimals", en("[languages.en.format]\ndigitGroup = \".\"\n"),
			`config.toml:21:14: languages.en.format.decimalMark and digitGroup are both ".": a reader could not tell 1.500 from one and a half`},
		{"money without its number", en("[languages.en.format]\nmoney = \"CNY\"\n"),
			`config.toml:21:9: languages.en.format.money "CNY" must hold %s once, where the number goes; it holds it 0 times`},
		{"percent with two numbers", en("[languages.en.format]\npercent = \"%s of %s\"\n"),
			`config.toml:21:11: languages.en.format.percent "%s of %s" must hold %s once, where the number goes; it holds it 2 times`},
		{"a scale below one", en("[languages.en.format]\nscale = [{ value = 1e9, name = \"billion\" }, { value = 0.5, name = \"half\" }]\n"),
			`config.toml:21:45: languages.en.format.scale: value 0.5 must be more than 1`},
		{"a scale with no name", en("[languages.en.format]\nscale = [{ value = 1e9 }]\n"),
			`config.toml:21:10: languages.en.format.scale: the value 1e+09 has no name`},
		{"a format key misspelt", en("[languages.en.format]\ndigitgroup = \",\"\n"),
			`config.toml:21:1: unknown key "languages.en.format.digitgroup" (did you mean "languages.en.format.digitGroup"?)`},
		{"a format of the wrong type", en("[languages.en.format]\nunitSpace = 1\n"),
			`config.toml:21:1: languages.en.format.unitSpace: expected a string, found an integer`},
		{"params not a table", config("[taxonomies]", "params = \"x\"\n\n[taxonomies]"),
			`config.toml:5:1: params: expected a table, found a string`},
		{"a menu entry with pageRef and url", atEnd("[[languages.en.menus.main]]\nname = \"A\"\npageRef = \"/a.md\"\nurl = \"https://example.org/\"\n"),
			`config.toml:26:7: languages.en.menus.main: an entry has both pageRef and url: keep one`},
		{"a menu entry with neither", atEnd("[[languages.en.menus.main]]\nname = \"A\"\nweight = 1\n"),
			`config.toml:23:22: languages.en.menus.main: an entry needs pageRef (a page of the site) or url (any address)`},
		{"a menu url relative to nothing", atEnd("[[languages.en.menus.main]]\nname = \"A\"\nurl = \"a/\"\n"),
			`config.toml:25:7: languages.en.menus.main: url "a/": write an address (https://example.org/) or a path in the site (/search/)`},
		{"a menu url of another scheme", atEnd("[[languages.en.menus.main]]\nname = \"A\"\nurl = \"javascript:alert(1)\"\n"),
			`config.toml:25:7: languages.en.menus.main: url "javascript:alert(1)": write an address (https://example.org/) or a path in the site (/search/)`},
		{"a menu url out of the site", atEnd("[[languages.en.menus.main]]\nname = \"A\"\nurl = \"/../../x/\"\n"),
			`config.toml:25:7: languages.en.menus.main: url "/../../x/": write an address (https://example.org/) or a path in the site (/search/)`},
		{"a menu url without a host", atEnd("[[languages.en.menus.main]]\nname = \"A\"\nurl = \"https:evil.example\"\n"),
			`config.toml:25:7: languages.en.menus.main: url "https:evil.example": write an address (https://example.org/) or a path in the site (/search/)`},
		{"a menu url with no name", atEnd("[[languages.en.menus.main]]\nurl = \"/search/\"\n"),
			`config.toml:23:22: languages.en.menus.main: the entry for /search/ has no name`},
		{"a menu pageRef to no page", atEnd("[[languages.en.menus.main]]\npageRef = \"/b.md\"\n"),
			`config.toml:24:11: languages.en.menus.main: pageRef "/b.md": no page /b in en`},
		{"a menu key misspelt", atEnd("[[languages.en.menus.main]]\npageref = \"/a.md\"\n"),
			`config.toml:24:1: unknown key "languages.en.menus.main.pageref" (did you mean "languages.en.menus.main.pageRef"?)`},
		{"a taxonomy with no title", config("tags = \"标签\"\n", "", "tags = \"Tags\"\n", ""),
			"config.toml:6:1: the taxonomy tags has no title in en: write content/tags/_index.en.md, or a UI string \"tags\" in [languages.en.ui]\n" +
				"config.toml:6:1: the taxonomy tags has no title in zh: write content/tags/_index.zh.md, or a UI string \"tags\" in [languages.zh.ui]"},
		{"a term with no title",
			map[string]string{"content/a.zh.md": "+++\ntitle = \"甲\"\ntags = [\"t\"]\n+++\n", "content/a.en.md": "+++\ntitle = \"A\"\ntags = [\"t\"]\n+++\n"},
			"content/a.en.md:3:1: the term \"t\" of tags has no title in en: write content/tags/t/_index.en.md, or a UI string \"tags.t\" in [languages.en.ui]\n" +
				"content/a.zh.md:3:1: the term \"t\" of tags has no title in zh: write content/tags/t/_index.zh.md, or a UI string \"tags.t\" in [languages.zh.ui]"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			wantLoad(t, tt.files, tt.want)
		})
	}
}

// Issue 12: the front matter keys content gained (dates, slug, aliases,
// translationKey), each fault at its place.
func TestEditorContent(t *testing.T) {
	page := func(lang, title, keys string) string {
		return "+++\ntitle = \"" + title + "\"\n" + keys + "+++\n"
	}
	tests := []struct {
		name  string
		files map[string]string
		want  string
	}{
		{"a date in quotes", map[string]string{"content/a.en.md": page("en", "A", "date = \"2024-05-01\"\n")},
			`content/a.en.md:3:1: date: expected a date such as 2024-01-31 (without quotes), found a string`},
		{"a date misspelt", map[string]string{"content/a.en.md": page("en", "A", "publishdate = 2024-05-01\n")},
			`content/a.en.md:3:1: unknown key "publishdate" (did you mean "publishDate"?)`},
		{"expired before it is published", map[string]string{"content/a.toml": "publishDate = 2024-05-01\nexpiryDate = 2024-04-01\n"},
			"content/a.toml:2:1: expiryDate 2024-04-01 is not after the page is published (2024-05-01): it would never be shown"},
		{"expired as it is published", map[string]string{"content/a.en.md": page("en", "A", "date = 2024-05-01T08:00:00Z\nexpiryDate = 2024-05-01T08:00:00Z\n")},
			"content/a.en.md:4:1: expiryDate 2024-05-01T08:00:00Z is not after the page is published (2024-05-01T08:00:00Z): it would never be shown"},
		{"a slug not for a URL", map[string]string{"content/a.en.md": page("en", "A", "slug = \"Über uns\"\n")},
			`content/a.en.md:3:1: slug "Über uns" cannot be part of a URL: use lower-case ASCII letters, digits and '-'`},
		{"a slug on a section", map[string]string{"content/s/_index.en.md": page("en", "S", "slug = \"x\"\n"), "content/s/_index.zh.md": page("zh", "区", "")},
			`content/s/_index.en.md:3:1: slug sets the URL of a page, not of a section: a section's URL is its folder's name`},
		{"a slug that another page has", map[string]string{
			"content/b.zh.md": page("zh", "乙", ""), "content/b.en.md": page("en", "B", "slug = \"a\"\n")},
			`content/b.en.md:3:1: slug "a" gives this page the URL /en/a/, which content/a.en.md has too`},
		{"a slug in a facts file", map[string]string{"content/a.toml": "slug = \"x\"\n"},
			`content/a.toml:1:1: "slug" depends on language: set it in each Markdown file, not here`},
		{"a translationKey in a facts file", map[string]string{"content/a.toml": "translationKey = \"x\"\n"},
			`content/a.toml:1:1: "translationKey" depends on language: set it in each Markdown file, not here`},
		{"an alias relative to nothing", map[string]string{"content/a.en.md": page("en", "A", "aliases = [\"old/\"]\n")},
			`content/a.en.md:3:1: alias "old/": write a path in the site that starts with "/", such as "/old/path/"`},
		{"an alias up and out", map[string]string{"content/a.en.md": page("en", "A", "aliases = [\"/../../etc/\"]\n")},
			`content/a.en.md:3:1: alias "/../../etc/": each part of the path must be a name: no empty part, "." or ".."`},
		{"an alias to another host", map[string]string{"content/a.en.md": page("en", "A", "aliases = [\"//evil.example/\"]\n")},
			`content/a.en.md:3:1: alias "//evil.example/": write a path in the site that starts with "/", such as "/old/path/"`},
		{"an alias with a query", map[string]string{"content/a.en.md": page("en", "A", "aliases = [\"/old?id=1\"]\n")},
			`content/a.en.md:3:1: alias "/old?id=1": a path has no "?", "#", "%" or "\"`},
		{"an alias with a space", map[string]string{"content/a.en.md": page("en", "A", "aliases = [\"/old page/\"]\n")},
			`content/a.en.md:3:1: alias "/old page/": a path has no spaces or control characters`},
		{"an alias to a file that is not a page", map[string]string{"content/a.en.md": page("en", "A", "aliases = [\"/index.xml\"]\n")},
			`content/a.en.md:3:1: alias "/index.xml": a name with a "." is a file, which must be the last part and end in ".html"`},
		{"an alias for the home page", map[string]string{"content/a.en.md": page("en", "A", "aliases = [\"/\"]\n")},
			`content/a.en.md:3:1: alias "/": the home page's own URL cannot redirect`},
		{"an alias that is a page's URL", map[string]string{"content/b.en.md": page("en", "B", "aliases = [\"/a/\"]\n"), "content/b.zh.md": page("zh", "乙", "")},
			`content/b.en.md:3:1: alias "/a/" is the URL of content/a.en.md`},
		{"an alias that is the page's own URL", map[string]string{"content/a.en.md": page("en", "A", "aliases = [\"/a\"]\n")},
			`content/a.en.md:3:1: alias "/a/" is the page's own URL`},
		{"an alias two pages have", map[string]string{
			"content/b.en.md": page("en", "B", "aliases = [\"/old/\"]\n"), "content/b.zh.md": page("zh", "乙", ""),
			"content/a.en.md": page("en", "A", "aliases = [\"/old/\"]\n")},
			`content/b.en.md:3:1: alias "/old/" is an alias of content/a.en.md too`},
		{"two files, one translationKey", map[string]string{
			"content/b.en.md": page("en", "B", "translationKey = \"a\"\n"), "content/b.zh.md": page("zh", "乙", "")},
			"content/b.en.md:3:1: translationKey \"a\": content/a.en.md is its en page already; a page has one file per language\n" +
				"content/b.zh.md: missing translation: content/b.en.md does not exist (write it, or set monolingual = true)"},
		{"a translationKey that pairs a page with a section", map[string]string{
			"content/s/_index.en.md": page("en", "S", "translationKey = \"a\"\n"), "content/s/_index.zh.md": page("zh", "区", ""),
			"content/a.en.md": ""},
			"content/a.zh.md: missing translation: content/a.en.md does not exist (write it, or set monolingual = true)\n" +
				"content/s/_index.en.md:3:1: translationKey \"a\" pairs this section with content/a.zh.md, a page: translations are pages of one kind\n" +
				"content/s/_index.zh.md: missing translation: content/s/_index.en.md does not exist (write it, or set monolingual = true)"},
		{"a translation that translationKey alone could name", map[string]string{
			"content/b.en.md": page("en", "B", "translationKey = \"x\"\n")},
			`content/b.en.md: missing translation: no zh file has translationKey "x" (write it, or set monolingual = true)`},
		{"two facts files for one page", map[string]string{
			"content/a.toml": "weight = 1\n", "content/b.toml": "weight = 2\n",
			"content/b.en.md": page("en", "B", "translationKey = \"a\"\n"), "content/a.en.md": "", "content/b.zh.md": ""},
			`content/b.en.md:3:1: translationKey "a" pairs this page with one whose facts are in content/a.toml, but its own are in content/b.toml: keep one facts file`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Site(site(tt.files), Options{Now: time.Date(2024, 6, 1, 0, 0, 0, 0, time.UTC), BuildFuture: true})
			got := ""
			if err != nil {
				got = err.Error()
			}
			if got != tt.want {
				t.Errorf("got:\n%s\nwant:\n%s", got, tt.want)
			}
		})
	}
}

// translationKey pairs files of different names, which then share the
// facts file of either; slug sets the last part of one language's URL.
func TestTranslationKeyAndSlug(t *testing.T) {
	s, err := Site(site(map[string]string{
		"content/a.toml":         "weight = 3\n",
		"content/a.en.md":        "",
		"content/a-propos.en.md": "+++\ntitle = \"About\"\ntranslationKey = \"a\"\nslug = \"about-us\"\n+++\n",
	}), Options{})
	if err != nil {
		t.Fatal(err)
	}
	zh, en := s.Page("zh", "a"), s.Page("en", "a-propos")
	if zh == nil || en == nil || len(zh.Translations) != 1 || zh.Translations[0] != en {
		t.Fatalf("not paired: zh %+v, en %+v", zh, en)
	}
	if en.URL != "/en/about-us/" || zh.URL != "/a/" || en.Weight != 3 {
		t.Errorf("en at %s with weight %d, zh at %s", en.URL, en.Weight, zh.URL)
	}
	if len(en.Alternates) != 2 || en.Switcher[0] != zh {
		t.Errorf("alternates %v, switcher %v", en.Alternates, en.Switcher)
	}
}

// Dates fall back on each other as in Hugo; a local date is in UTC.
func TestDates(t *testing.T) {
	day := func(d string) time.Time { t, _ := time.Parse(time.DateOnly, d); return t }
	tests := []struct {
		keys                           string
		date, lastmod, publish, expiry string
	}{
		{"date = 2024-05-01\n", "2024-05-01", "2024-05-01", "2024-05-01", ""},
		{"publishDate = 2024-05-01\n", "2024-05-01", "2024-05-01", "2024-05-01", ""},
		{"lastmod = 2024-05-03\n", "2024-05-03", "2024-05-03", "", ""},
		{"date = 2024-05-01\nlastmod = 2024-05-03\nexpiryDate = 2024-05-09\n", "2024-05-01", "2024-05-03", "2024-05-01", "2024-05-09"},
		{"date = 2024-05-01\npublishDate = 2024-05-02\n", "2024-05-01", "2024-05-01", "2024-05-02", ""},
	}
	for _, tt := range tests {
		s, err := Site(site(map[string]string{"content/a.toml": tt.keys}), Options{Now: day("2024-05-05")})
		if err != nil {
			t.Fatal(err)
		}
		p := s.Page("en", "a")
		for _, d := range []struct {
			name string
			got  time.Time
			want string
		}{{"date", p.Date, tt.date}, {"lastmod", p.Lastmod, tt.lastmod}, {"publishDate", p.PublishDate, tt.publish}, {"expiryDate", p.ExpiryDate, tt.expiry}} {
			want := time.Time{}
			if d.want != "" {
				want = day(d.want)
			}
			if !d.got.Equal(want) || d.got.Location() != time.UTC {
				t.Errorf("%q: %s = %v, want %v in UTC", tt.keys, d.name, d.got, want)
			}
		}
	}
}

// Each page's Site is its language's view of the site, which Site.View
// finds for pages made later (a list's further pages, say).
func TestViews(t *testing.T) {
	s, err := Site(site(nil), Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range s.Pages {
		if p.Site != s.View(p.Lang.Code) || p.Site.Site != s || p.Site.Language != p.Lang {
			t.Errorf("%s %s: its Site is not its language's view", p.Lang.Code, p.Key)
		}
	}
	if len(s.Views) != len(s.Languages) || s.View("fr") != nil {
		t.Errorf("views: %v", s.Views)
	}
}
