package load

import (
	"reflect"
	"strings"
	"testing"
	"time"

	"westcoast/generator/model"
)

// config returns testConfig with each old string replaced by the new one
// after it.
func config(pairs ...string) map[string]string {
	text := testConfig
	for i := 0; i+1 < len(pairs); i += 2 {
		if !strings.Contains(text, pairs[i]) {
			panic("testConfig has no " + pairs[i])
		}
		text = strings.Replace(text, pairs[i], pairs[i+1], 1)
	}
	return map[string]string{"config.toml": text}
}

const paramsConfig = "[pageParams]\nreporters = \"strings\"\nseries = \"string\"\nshare = \"float\"\nsince = \"date\"\nterms = \"tables\"\n\n[taxonomies]"

// Issue 8: what config.toml may say, and where it is blamed when it may not.
func TestConfigChecks(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string
		opts  Options
		want  string
	}{
		// Names that become paths are slugs (issue 8, item 2).
		{"taxonomy up a folder", config(`tag = "tags"`, `a1 = ".."`), Options{},
			`config.toml:6:6: taxonomy name ".." must be a slug: lower-case ASCII letters, digits and '-'`},
		{"taxonomy out of the destination", config(`tag = "tags"`, `a1 = "../../escape"`), Options{},
			`config.toml:6:6: taxonomy name "../../escape" must be a slug: lower-case ASCII letters, digits and '-'`},
		{"taxonomy with a slash", config(`tag = "tags"`, `a1 = "a/b"`), Options{},
			`config.toml:6:6: taxonomy name "a/b" must be a slug: lower-case ASCII letters, digits and '-'`},
		{"taxonomy singular with a space", config(`tag = "tags"`, `"Bad Name" = "bad"`), Options{},
			`config.toml:6:1: taxonomy name "Bad Name" must be a slug: lower-case ASCII letters, digits and '-'`},
		{"taxonomy without a name", config(`tag = "tags"`, `tag = ""`), Options{},
			`config.toml:6:7: taxonomy name "" must be a slug: lower-case ASCII letters, digits and '-'`},
		{"taxonomy named like a front matter key", config(`tag = "tags"`, `tag = "title"`), Options{},
			`config.toml:6:7: taxonomy "title" has the name of a front matter key: choose another name`},
		{"taxonomy named params", config(`tag = "tags"`, `tag = "params"`), Options{},
			`config.toml:6:7: taxonomy "params" has the name of a front matter key: choose another name`},
		{"taxonomy named like a language", config(`tag = "tags"`, `tag = "en"`), Options{},
			`config.toml:6:7: taxonomy "en" has the name of a language, whose pages are under /en/: choose another name`},
		{"two taxonomies, one plural", config(`tag = "tags"`, "tag = \"tags\"\nlabel = \"tags\""), Options{},
			`config.toml:6:7: taxonomies label and tag have the same plural "tags"`},
		{"language code with a path", config(`[languages.en]`, `[languages."../en"]`), Options{},
			"config.toml:16:12: language code \"../en\" is not a lower-case code such as \"en\"\n" +
				"config.toml:20:12: languages.en.title is missing"},
		// Keys are spelt as documented (item 5).
		{"key in another case", config(`baseURL`, `baseUrl`), Options{},
			`config.toml:1:1: unknown key "baseUrl" (did you mean "baseURL"?)`},
		{"key in capitals", config(`defaultLanguage`, `DEFAULTLANGUAGE`), Options{},
			`config.toml:2:1: unknown key "DEFAULTLANGUAGE" (did you mean "defaultLanguage"?)`},
		{"key beside its other case", config(`title = "Site"`, "title = \"Site\"\nTitle = \"Other\""), Options{},
			`config.toml:20:1: unknown key "languages.en.Title" (did you mean "languages.en.title"?)`},
		{"key with letters swapped", config(`updated`, `upadted`), Options{},
			`config.toml:3:1: unknown key "upadted" (did you mean "updated"?)`},
		{"unknown table, once", config(`[languages.en.ui]`, `[languages.en.iu]`), Options{},
			`config.toml:20:15: unknown key "languages.en.iu" (did you mean "languages.en.ui"?)`},
		// Values that make no sense (item 6).
		{"baseURL javascript", config(`https://example.com/`, `javascript://example.com/`), Options{},
			`config.toml:1:11: baseURL: "javascript://example.com/" must start with http:// or https://`},
		{"baseURL with a query", config(`https://example.com/`, `https://example.com/?a=1`), Options{},
			`config.toml:1:11: baseURL: "https://example.com/?a=1" has a query (?a=1): a base URL ends with its path`},
		{"baseURL with no such port", config(`https://example.com/`, `https://example.com:99999/`), Options{},
			`config.toml:1:11: baseURL: "https://example.com:99999/" has the port 99999: a port is a number from 1 to 65535`},
		{"baseURL with a fragment", config(`https://example.com/`, `https://example.com/#top`), Options{},
			`config.toml:1:11: baseURL: "https://example.com/#top" has a fragment (#top): a base URL ends with its path`},
		{"baseURL with a password", config(`https://example.com/`, `https://user:pw@example.com/`), Options{},
			`config.toml:1:11: baseURL: "https://user:pw@example.com/" holds a user name, which every page would publish`},
		{"baseURL empty", config(`https://example.com/`, ``), Options{},
			`config.toml:1:1: baseURL is missing: set baseURL = "https://example.org/", the address the site is published at`},
		{"baseURL not a URL", config(`https://example.com/`, `example.com`), Options{},
			`config.toml:1:11: baseURL: "example.com" is not an absolute URL such as https://example.org/`},
		{"UI placeholder only in one language", config(`"Second half"`, `"Second half %s"`), Options{},
			`config.toml:21:1: UI string "period.h2" in languages.en.ui has %s, but languages.zh.ui has no placeholder: each translation needs the same placeholders, in the same order`},
		{"UI placeholders of another kind", config(`"下半年"`, `"下半年%d"`, `"Second half"`, `"Second half %s"`), Options{},
			`config.toml:21:1: UI string "period.h2" in languages.en.ui has %s, but languages.zh.ui has %d: each translation needs the same placeholders, in the same order`},
		{"UI percent sign is not a placeholder", config(`"下半年"`, `"下半年100%%"`), Options{}, ""},
		// Errors that name the cause (item 9).
		{"duplicate key column", config(`defaultLanguage = "zh"`, "defaultLanguage = \"zh\"\ndefaultLanguage = \"en\""), Options{},
			`config.toml:3:1: Key 'defaultLanguage' has already been defined.`},
		{"duplicate key after Chinese", config(`title = "站"`, "title = \"站\"\ntitle = \"站\""), Options{},
			`config.toml:12:1: Key 'languages.zh.title' has already been defined.`},
		{"updated in words", config(`updated = 2024-05-01`, `updated = "yesterday"`), Options{},
			`config.toml:3:1: updated: expected a date such as 2024-01-31 (without quotes), found a string`},
		{"bad -baseURL flag", config(), Options{BaseURL: "ftp://example.com/"},
			`-baseURL: "ftp://example.com/" must start with http:// or https://`},
		{"-baseURL flag not a URL", config(), Options{BaseURL: "example.com"},
			`-baseURL: "example.com" is not an absolute URL such as https://example.org/`},
		// Declared page params (item 5 of the brief).
		{"page param of an unknown type", config(`[taxonomies]`, "[pageParams]\nreporters = \"strng\"\n\n[taxonomies]"), Options{},
			`config.toml:6:13: pageParams.reporters: unknown type "strng" (did you mean "string"?); the types are bool, date, float, int, string, strings, table, tables`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Site(site(tt.files), tt.opts)
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

// Issue 8: what content may say, and where it is blamed when it may not.
func TestContentChecks(t *testing.T) {
	figure := func(id, kind, value, extra string) string {
		return "[[figures]]\nid = \"" + id + "\"\nkind = \"" + kind + "\"\nvalue = " + value + "\n" + extra + "label = { zh = \"甲\", en = \"A\" }\n"
	}
	tests := []struct {
		name  string
		files map[string]string
		want  string
	}{
		{"taxonomy named like a section",
			map[string]string{"content/tags/a.zh.md": "+++\ntitle = \"x\"\n+++\n", "content/tags/a.en.md": "+++\ntitle = \"x\"\n+++\n"},
			`config.toml:6:7: taxonomy "tags" clashes with the section content/tags/: content/tags/a.en.md is a page, but a taxonomy's folder holds only _index files of the taxonomy and its terms`},
		{"taxonomy and term text are not a section",
			map[string]string{"content/tags/_index.zh.md": "+++\ntitle = \"标签\"\n+++\n", "content/tags/_index.en.md": "+++\ntitle = \"Tags\"\n+++\n",
				"content/tags/t/_index.zh.md": "+++\ntitle = \"标\"\n+++\n", "content/tags/t/_index.en.md": "+++\ntitle = \"T\"\n+++\n"},
			""},
		{"folder named like a language",
			map[string]string{"content/en/a.zh.md": "+++\ntitle = \"x\"\n+++\n", "content/en/a.en.md": "+++\ntitle = \"x\"\n+++\n"},
			`content/en/a.en.md: the folder "en" has the name of a language, whose pages are under /en/: rename the folder`},
		{"front matter key beside its other case",
			map[string]string{"content/a.zh.md": "+++\nTitle = \"甲\"\ntitle = \"甲\"\n+++\n"},
			`content/a.zh.md:2:1: unknown key "Title" (did you mean "title"?)`},
		{"facts key in another case",
			map[string]string{"content/a.toml": "Weight = 1\n"},
			`content/a.toml:1:1: unknown key "Weight" (did you mean "weight"?)`},
		{"taxonomy key in another case",
			map[string]string{"content/a.zh.md": "+++\ntitle = \"甲\"\nTags = [\"x\"]\n+++\n"},
			`content/a.zh.md:3:1: unknown key "Tags" (did you mean "tags"?)`},
		{"term not a slug, at its key",
			map[string]string{"content/a.zh.md": "+++\ntitle = \"甲\"\ntags = [\"Big Tag\"]\n+++\n"},
			`content/a.zh.md:3:1: tags: "Big Tag" is not a slug (lower-case ASCII letters, digits and '-')`},
		{"layout that is a path",
			map[string]string{"content/a.zh.md": "+++\ntitle = \"甲\"\nlayout = \"../partials/nav\"\n+++\n"},
			`content/a.zh.md:3:1: layout "../partials/nav" is not a template's name: write the name alone, such as "fancy" for layouts/_default/fancy.html`},
		{"key named like an untagged field",
			map[string]string{"content/a.zh.md": "+++\ntitle = \"甲\"\n\"-\" = 1\n+++\n"},
			`content/a.zh.md:3:1: unknown key "-"`},
		{"figure key misspelt",
			map[string]string{"content/a.toml": "[[figures]]\nid = \"x\"\nkid = \"money\"\n"},
			`content/a.toml:3:1: unknown key "figures.kid" (did you mean "figures.kind"?)`},
		{"summary with a heading",
			map[string]string{"content/a.zh.md": "+++\ntitle = \"甲\"\nsummary = \"# 标题\"\n+++\n"},
			`content/a.zh.md:3:1: summary: found a heading; a summary is one paragraph of inline Markdown (text, emphasis, links)`},
		{"summary with a list",
			map[string]string{"content/a.zh.md": "+++\ntitle = \"甲\"\nsummary = \"- a\\n- b\"\n+++\n"},
			`content/a.zh.md:3:1: summary: found a list; a summary is one paragraph of inline Markdown (text, emphasis, links)`},
		{"summary with a quote",
			map[string]string{"content/a.zh.md": "+++\ntitle = \"甲\"\nsummary = \"> 引文\"\n+++\n"},
			`content/a.zh.md:3:1: summary: found a block quote; a summary is one paragraph of inline Markdown (text, emphasis, links)`},
		{"summary of two paragraphs",
			map[string]string{"content/a.zh.md": "+++\ntitle = \"甲\"\nsummary = \"\"\"\n甲\n\n乙\"\"\"\n+++\n"},
			`content/a.zh.md:3:1: summary: found a second paragraph; a summary is one paragraph of inline Markdown (text, emphasis, links)`},
		{"summary with a table",
			map[string]string{"content/a.zh.md": "+++\ntitle = \"甲\"\nsummary = \"a | b\\n--|--\\n1 | 2\"\n+++\n"},
			`content/a.zh.md:3:1: summary: found a table; a summary is one paragraph of inline Markdown (text, emphasis, links)`},
		{"summary inline", map[string]string{"content/a.zh.md": "+++\ntitle = \"甲\"\nsummary = \"**重点**，[链接](/)\\n第二行\"\n+++\n"}, ""},
		{"control character in the body",
			map[string]string{"content/a.zh.md": "+++\ntitle = \"甲\"\n+++\n正文\n中文\x07x\n"},
			`content/a.zh.md:5:3: control character U+0007 is not allowed in text: remove it`},
		{"invalid UTF-8 in the body",
			map[string]string{"content/a.zh.md": "+++\ntitle = \"甲\"\n+++\n正文\n中文\xffx\n"},
			`content/a.zh.md:5:3: invalid UTF-8 (byte 0xff): save the file as UTF-8`},
		{"tab and CRLF are text", map[string]string{"content/a.zh.md": "+++\r\ntitle = \"甲\"\r\n+++\r\n\t正文\r\n"}, ""},
		{"draft in one language",
			map[string]string{"content/a.zh.md": "+++\ntitle = \"甲\"\ndraft = true\n+++\n"},
			`content/a.zh.md:3:1: draft = true here but not in content/a.en.md: a page is a draft in every language or in none (or build with -drafts)`},
		{"figure value nan",
			map[string]string{"content/a.toml": figure("x", "money", "nan", "")},
			`content/a.toml:4:1: figure "x": value must be a number, not nan`},
		{"figure value -inf",
			map[string]string{"content/a.toml": figure("x", "percent", "-inf", "")},
			`content/a.toml:4:1: figure "x": value must be a number, not -inf`},
		{"count not whole",
			map[string]string{"content/a.toml": figure("x", "count", "2.5", "")},
			`content/a.toml:4:1: figure "x": a count must be a whole number, not 2.5`},
		{"duplicate figure id at the second",
			map[string]string{"content/a.toml": figure("x", "money", "1", "") + figure("y", "money", "1", "") + figure("x", "money", "1", "")},
			`content/a.toml:12:1: figure "x": id used twice in this page (first at line 2)`},
		{"duplicate figure id in an inline array",
			map[string]string{"content/a.toml": "figures = [\n  { id = \"x\", kind = \"money\", value = 1, label = { zh = \"甲\", en = \"A\" } },\n  { id = \"x\", kind = \"money\", value = 1, label = { zh = \"甲\" } },\n]\n"},
			"content/a.toml:3:5: figure \"x\": id used twice in this page (first at line 2)\n" +
				"content/a.toml:3:42: figure \"x\": label has no \"en\""},
		{"figure status without its UI string",
			map[string]string{"content/a.toml": figure("x", "money", "1", "status = \"target\"\n")},
			"content/a.toml:5:1: figure \"x\": status \"target\" needs the UI string \"status.target\" in languages.en.ui\n" +
				"content/a.toml:5:1: figure \"x\": status \"target\" needs the UI string \"status.target\" in languages.zh.ui"},
		{"page param of the wrong type",
			map[string]string{"config.toml": config(`[taxonomies]`, paramsConfig)["config.toml"],
				"content/a.zh.md": "+++\ntitle = \"甲\"\n\n[params]\nseries = \"系列\"\nreporters = 42\n+++\n"},
			`content/a.zh.md:6:1: params.reporters: expected a list of strings ([pageParams] in config.toml), found an integer`},
		{"page param list of the wrong type",
			map[string]string{"config.toml": config(`[taxonomies]`, paramsConfig)["config.toml"],
				"content/a.toml": "params = { reporters = [\"甲\", 2] }\n"},
			`content/a.toml:1:12: params.reporters: expected a list of strings ([pageParams] in config.toml), found an array holding an integer`},
		{"page param that is a table, not a list of tables",
			map[string]string{"config.toml": config(`[taxonomies]`, paramsConfig)["config.toml"],
				"content/a.zh.md": "+++\ntitle = \"甲\"\n[params.terms]\nterm = \"x\"\n+++\n"},
			`content/a.zh.md:3:9: params.terms: expected a list of tables ([pageParams] in config.toml), found a table`},
		{"page param list of tables holding a string",
			map[string]string{"config.toml": config(`[taxonomies]`, paramsConfig)["config.toml"],
				"content/a.zh.md": "+++\ntitle = \"甲\"\nparams.terms = [{ term = \"x\" }, \"y\"]\n+++\n"},
			`content/a.zh.md:3:8: params.terms: expected a list of tables ([pageParams] in config.toml), found an array holding a string`},
		{"page param not declared",
			map[string]string{"config.toml": config(`[taxonomies]`, paramsConfig)["config.toml"],
				"content/a.zh.md": "+++\ntitle = \"甲\"\nparams.reportrs = [\"甲\"]\nparams.byline = \"x\"\n+++\n"},
			"content/a.zh.md:3:8: unknown key \"params.reportrs\" (did you mean \"params.reporters\"?): page params are declared in [pageParams] in config.toml\n" +
				"content/a.zh.md:4:8: unknown key \"params.byline\": page params are declared in [pageParams] in config.toml"},
		{"page params free-form without [pageParams]",
			map[string]string{"content/a.zh.md": "+++\ntitle = \"甲\"\nparams.anything = [1, \"x\"]\n+++\n"}, ""},
		{"fact entered twice, at the key",
			map[string]string{"content/a.toml": "weight = 2\n", "content/a.en.md": "+++\ntitle = \"A\"\n\nweight = 1\n+++\n"},
			`content/a.en.md:4:1: "weight" is also set in content/a.toml: enter a fact once`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			wantLoad(t, tt.files, tt.want)
		})
	}
}

// Issue 8, item 9: every key's place is known, params and facts included,
// and a page keeps the places a later stage may blame (layout, summary,
// draft), from its own file or its facts file.
func TestKeyPositions(t *testing.T) {
	zh := "+++\ntitle = \"甲\"\nsummary = \"摘要\"\n\n[params]\nreporters = [\"甲\"]\nbyline.label = \"记者\"\n+++\n"
	facts := "weight = 1\nlayout = \"page\"\n\n[[figures]]\nid = \"x\"\nkind = \"money\"\nvalue = 1\nlabel = { zh = \"甲\", en = \"A\" }\n"
	sf, err := parseFile("content/a.zh.md", []byte(zh), newSchema(nil, nil))
	if err != nil {
		t.Fatal(err)
	}
	fa, err := parseFacts("content/a.toml", []byte(facts), newSchema(nil, nil))
	if err != nil {
		t.Fatal(err)
	}
	all := func(src *tomlSource) model.KeyPositions {
		var keys []string
		src.keys.each(func(name []byte, _ keyEntry) bool {
			keys = append(keys, string(name))
			return true
		})
		return src.positions(keys...)
	}
	got := map[string]model.Pos{}
	for _, e := range append(all(sf.src), all(fa.src)...) {
		got[e.Key] = e.Pos
	}
	want := map[string]model.Pos{
		"title":               {File: "content/a.zh.md", Line: 2, Col: 1},
		"params":              {File: "content/a.zh.md", Line: 5, Col: 2},
		"params.reporters":    {File: "content/a.zh.md", Line: 6, Col: 1},
		"params.byline.label": {File: "content/a.zh.md", Line: 7, Col: 8},
		"weight":              {File: "content/a.toml", Line: 1, Col: 1},
		"figures.0.id":        {File: "content/a.toml", Line: 5, Col: 1},
		"figures.0.label.en":  {File: "content/a.toml", Line: 8, Col: 21},
	}
	for key, pos := range want {
		if got[key] != pos {
			t.Errorf("position of %q = %+v, want %+v", key, got[key], pos)
		}
	}
	s, err := Site(site(map[string]string{"content/a.zh.md": zh, "content/a.toml": facts}), Options{})
	if err != nil {
		t.Fatal(err)
	}
	p := s.Page("zh", "a")
	kept := model.KeyPositions{
		{Key: "summary", Pos: model.Pos{File: "content/a.zh.md", Line: 3, Col: 1}},
		{Key: "layout", Pos: model.Pos{File: "content/a.toml", Line: 2, Col: 1}},
	}
	if !reflect.DeepEqual(p.KeyPos, kept) {
		t.Errorf("the page keeps %+v, want %+v", p.KeyPos, kept)
	}
}

// Declared params reach layouts as the declared type.
func TestPageParams(t *testing.T) {
	s, err := Site(site(map[string]string{
		"config.toml":     config(`[taxonomies]`, paramsConfig)["config.toml"],
		"content/a.zh.md": "+++\ntitle = \"甲\"\n[params]\nreporters = [\"甲\", \"乙\"]\nshare = 3\nsince = 2024-05-01\n[[params.terms]]\nterm = \"x\"\n[[params.terms]]\nterm = \"y\"\n+++\n",
	}), Options{})
	if err != nil {
		t.Fatal(err)
	}
	params := s.Page("zh", "a").Params
	if v, ok := params["share"].(float64); !ok || v != 3 {
		t.Errorf("share = %#v, want float64 3", params["share"])
	}
	if v, ok := params["since"].(time.Time); !ok || !v.Equal(time.Date(2024, 5, 1, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("since = %#v, want 2024-05-01 UTC", params["since"])
	}
	if v, ok := params["reporters"].([]any); !ok || len(v) != 2 {
		t.Errorf("reporters = %#v", params["reporters"])
	}
	if v, ok := params["terms"].([]map[string]any); !ok || len(v) != 2 || v[1]["term"] != "y" {
		t.Errorf("terms = %#v", params["terms"])
	}
}

// A figure's status reaches the model once both languages label it.
func TestFigureStatus(t *testing.T) {
	s, err := Site(site(map[string]string{
		"config.toml": config(`"period.h2" = "下半年"`, "\"period.h2\" = \"下半年\"\n\"status.target\" = \"目标\"",
			`"period.h2" = "Second half"`, "\"period.h2\" = \"Second half\"\n\"status.target\" = \"Target\"")["config.toml"],
		"content/a.toml": "[[figures]]\nid = \"x\"\nkind = \"count\"\nvalue = 3\nstatus = \"target\"\nlabel = { zh = \"甲\", en = \"A\" }\n",
	}), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if f := s.Page("en", "a").Figures; len(f) != 1 || f[0].Status != "target" {
		t.Errorf("figures: %+v", f)
	}
}

func TestDidYouMean(t *testing.T) {
	known := []string{"title", "linkTitle", "id", "kind", "weight", "baseURL"}
	for _, tt := range []struct{ name, want string }{
		{"titel", "title"},
		{"Title", "title"},
		{"baseUrl", "baseURL"},
		{"kid", "kind"},
		{"linktitle", "linkTitle"},
		{"wieght", "weight"},
		{"colour", ""},
		{"x", ""},
	} {
		if got := closest(tt.name, known); got != tt.want {
			t.Errorf("closest(%q) = %q, want %q", tt.name, got, tt.want)
		}
	}
}
