package load

import (
	"strings"
	"testing"
	"testing/fstest"

	"westcoast/generator/model"
)

const testConfig = `baseURL = "https://example.com/"
defaultLanguage = "zh"
updated = 2024-05-01

[taxonomies]
tag = "tags"

[languages.zh]
name = "中文"
weight = 1
title = "站"
[languages.zh.ui]
"period.h2" = "下半年"
tags = "标签"

[languages.en]
name = "English"
weight = 2
title = "Site"
[languages.en.ui]
"period.h2" = "Second half"
tags = "Tags"
`

// site returns a small valid site with files replaced or added.
func site(files map[string]string) fstest.MapFS {
	fsys := fstest.MapFS{
		"config.toml":          {Data: []byte(testConfig)},
		"content/_index.zh.md": {Data: []byte("+++\ntitle = \"首页\"\n+++\n")},
		"content/_index.en.md": {Data: []byte("+++\ntitle = \"Home\"\n+++\n")},
		"content/a.zh.md":      {Data: []byte("+++\ntitle = \"甲\"\n+++\n正文\n")},
		"content/a.en.md":      {Data: []byte("+++\ntitle = \"A\"\n+++\nText\n")},
	}
	for name, data := range files {
		if data == "" {
			delete(fsys, name)
			continue
		}
		fsys[name] = &fstest.MapFile{Data: []byte(data)}
	}
	return fsys
}

func TestErrors(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string
		want  string
	}{
		{"misspelt config key",
			map[string]string{"config.toml": strings.Replace(testConfig, "title = \"Site\"", "titel = \"Site\"", 1)},
			`config.toml:19:1: unknown key "languages.en.titel" (did you mean "languages.en.title"?)`},
		{"config syntax",
			map[string]string{"config.toml": "baseURL = \"x\nfoo"},
			`config.toml:1:13: baseURL: strings cannot contain newlines`},
		{"config wrong type",
			map[string]string{"config.toml": strings.Replace(testConfig, "weight = 2", "weight = \"2\"", 1)},
			`config.toml:18:1: languages.en.weight: expected an integer, found a string`},
		{"UI string missing in one language",
			map[string]string{"config.toml": strings.Replace(testConfig, "\"period.h2\" = \"Second half\"\n", "", 1)},
			`config.toml:13:1: UI string "period.h2" has no translation in languages.en.ui`},
		{"unknown front matter key",
			map[string]string{"content/a.zh.md": "+++\ntitle = \"甲\"\nsumary = \"x\"\n+++\n"},
			`content/a.zh.md:3:1: unknown key "sumary" (did you mean "summary"?)`},
		{"front matter wrong type",
			map[string]string{"content/a.zh.md": "+++\ntitle = \"甲\"\nweight = \"1\"\n+++\n"},
			`content/a.zh.md:3:1: weight: expected an integer, found a string`},
		{"front matter not closed",
			map[string]string{"content/a.zh.md": "+++\ntitle = \"甲\"\n"},
			`content/a.zh.md:1:1: front matter is not closed: no line "+++" after the first`},
		{"no front matter",
			map[string]string{"content/a.zh.md": "正文"},
			`content/a.zh.md:1:1: front matter missing: the file must start with a line "+++"`},
		{"missing title",
			map[string]string{"content/a.zh.md": "+++\nweight = 1\n+++\n"},
			`content/a.zh.md:1:1: title is missing from the front matter`},
		{"missing translation",
			map[string]string{"content/a.en.md": ""},
			`content/a.zh.md: missing translation: content/a.en.md does not exist (write it, or set monolingual = true)`},
		{"fact entered twice",
			map[string]string{"content/a.toml": "weight = 2\n", "content/a.zh.md": "+++\ntitle = \"甲\"\nweight = 1\n+++\n"},
			`content/a.zh.md:3:1: "weight" is also set in content/a.toml: enter a fact once`},
		{"language-dependent key in facts",
			map[string]string{"content/a.toml": "weight = 2\ntitle = \"x\"\n"},
			`content/a.toml:2:1: "title" depends on language: set it in each Markdown file, not here`},
		{"bad figure",
			map[string]string{"content/a.toml": "[[figures]]\nid = \"x\"\nkind = \"money\"\nvalue = 1\nperiod = \"h3\"\nlabel = { zh = \"甲\" }\n"},
			"content/a.toml:5:1: figure \"x\": period \"h3\" needs the UI string \"period.h3\" in languages.en.ui\n" +
				"content/a.toml:5:1: figure \"x\": period \"h3\" needs the UI string \"period.h3\" in languages.zh.ui\n" +
				"content/a.toml:6:1: figure \"x\": label has no \"en\""},
		{"file name not a slug",
			map[string]string{"content/Big File.zh.md": "+++\ntitle = \"x\"\n+++\n"},
			`content/Big File.zh.md: "Big File" cannot be part of a URL: use lower-case ASCII letters, digits and '-'`},
		{"unconfigured language",
			map[string]string{"content/a.fr.md": "+++\ntitle = \"x\"\n+++\n"},
			`content/a.fr.md: language "fr" in the file name is not configured in config.toml`},
		{"taxonomy not a list",
			map[string]string{"content/a.toml": "tags = \"x\"\n"},
			`content/a.toml:1:1: tags: expected an array, found a string`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			wantLoad(t, tt.files, tt.want)
		})
	}
}

func TestPageGraph(t *testing.T) {
	config := strings.Replace(testConfig, "tags = \"标签\"\n", "tags = \"标签\"\n\"tags.t\" = \"丁类\"\n", 1)
	config = strings.Replace(config, "tags = \"Tags\"\n", "tags = \"Tags\"\n\"tags.t\" = \"Type T\"\n", 1)
	s, err := Site(site(map[string]string{
		"config.toml":             config,
		"content/z/_index.zh.md":  "+++\ntitle = \"区\"\n+++\n",
		"content/z/_index.en.md":  "+++\ntitle = \"Zones\"\n+++\n",
		"content/z/b.zh.md":       "+++\ntitle = \"乙\"\nweight = 2\ntags = [\"t\"]\n+++\n",
		"content/z/b.en.md":       "+++\ntitle = \"B\"\nweight = 2\ntags = [\"t\"]\n+++\n",
		"content/z/c/index.zh.md": "+++\ntitle = \"丙\"\nweight = 1\n+++\n",
		"content/z/c/index.en.md": "+++\ntitle = \"C\"\nweight = 1\n+++\n",
		"content/z/c/pic.txt":     "x",
		// Hidden files and folders are no part of the site.
		"content/z/c/.pic.txt.swp": "draft",
		"content/z/c/.git/config":  "[remote]",
		"content/.hidden/e.zh.md":  "not a page",
		"content/solo.en.md":       "+++\ntitle = \"Solo\"\nmonolingual = true\n+++\n",
		"content/y/d.zh.md":        "+++\ntitle = \"丁\"\ntags = [\"t\"]\n+++\n",
		"content/y/d.en.md":        "+++\ntitle = \"D\"\ntags = [\"t\"]\n+++\n",
	}), Options{})
	if err != nil {
		t.Fatal(err)
	}
	b := s.Page("en", "z/b")
	c := s.Page("en", "z/c")
	if b == nil || c == nil {
		t.Fatal("pages z/b and z/c not loaded")
	}
	if b.URL != "/en/z/b/" || s.Page("zh", "z/b").URL != "/z/b/" {
		t.Errorf("URLs: en %q, zh %q", b.URL, s.Page("zh", "z/b").URL)
	}
	if c.Next != b || b.Prev != c {
		t.Errorf("order by weight: c.Next = %v, b.Prev = %v", c.Next, b.Prev)
	}
	// Issue: a term's member list once linked neighbours across sections.
	if b.Next != nil || s.Page("en", "y/d").Prev != nil {
		t.Errorf("neighbours cross sections: b.Next = %v, d.Prev = %v", b.Next, s.Page("en", "y/d").Prev)
	}
	if b.Parent != s.Page("en", "z") || s.Page("en", "z").Parent != s.Page("en", "") {
		t.Error("parents not linked")
	}
	if len(b.Translations) != 1 || b.Translations[0] != s.Page("zh", "z/b") {
		t.Error("translations not paired")
	}
	term := s.Page("zh", "tags/t")
	if term == nil || term.Kind != model.KindTerm || len(term.Pages) != 2 || term.Pages[0] != s.Page("zh", "z/b") {
		t.Errorf("term page tags/t: %+v", term)
	}
	if tax := s.Page("en", "tags"); tax == nil || tax.Kind != model.KindTaxonomy || tax.Title != "Tags" {
		t.Errorf("taxonomy page tags: %+v", tax)
	}
	if term.Title != "丁类" || s.Page("en", "tags/t").Title != "Type T" {
		t.Errorf("term titles: %q and %q, want the UI strings tags.t", term.Title, s.Page("en", "tags/t").Title)
	}
	if s.Page("zh", "solo") != nil || s.Page("en", "solo") == nil {
		t.Error("monolingual page: want en only")
	}
	var assets []string
	for _, a := range s.Assets {
		assets = append(assets, a.Path)
	}
	if strings.Join(assets, " ") != "z/c/pic.txt en/z/c/pic.txt" {
		t.Errorf("bundle resources copied to %v", assets)
	}
}

// TestNestedParams: params is free-form, so tables, arrays of tables and
// inline tables inside it load as they are, from front matter and from a
// facts file alike, and none of their keys is reported as unknown.
func TestNestedParams(t *testing.T) {
	const nested = "[[params.glossary]]\nterm = { zh = \"新区\", en = \"New Area\" }\nnote = { en = \"n\" }\n" +
		"[[params.glossary]]\nterm = { zh = \"全会\", en = \"plenary session\" }\n" +
		"[params.box]\ninner = { deep = [1, 2] }\n"
	s, err := Site(site(map[string]string{
		"content/a.zh.md": "+++\ntitle = \"甲\"\n" + nested + "+++\n",
		"content/b.toml":  nested,
		"content/b.zh.md": "+++\ntitle = \"乙\"\n+++\n",
		"content/b.en.md": "+++\ntitle = \"B\"\n+++\n",
	}), Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range []*model.Page{s.Page("zh", "a"), s.Page("en", "b")} {
		list, ok := p.Params["glossary"].([]map[string]any)
		if !ok || len(list) != 2 {
			t.Fatalf("%s: params.glossary = %#v", p.Source, p.Params["glossary"])
		}
		if got := list[1]["term"].(map[string]any)["en"]; got != "plenary session" {
			t.Errorf("%s: glossary[1].term.en = %v", p.Source, got)
		}
	}
}

func FuzzFrontMatter(f *testing.F) {
	for _, seed := range []string{
		"+++\ntitle = \"甲\"\n+++\n正文",
		"+++\r\ntitle = \"x\"\r\n+++\r\n",
		"+++\ntags = [\"a\", 1]\n+++\n",
		"+++\n[[figures]]\nid = \"x\"\nlabel = { zh = \"甲\" }\n+++\n",
		"+++\nweight = \"1\"\n+++\n",
		"\ufeff+++\n+++\n",
		"+++\nTitle = \"x\"\n[params]\na = [\"x\"]\nb = 3\nc = { d = 1 }\n+++\n",
		"+++\nsummary = \"# x\"\n+++\n\x07",
	} {
		f.Add(seed)
	}
	sc := newSchema([]model.Taxonomy{{Singular: "tag", Plural: "tags"}},
		map[string]string{"a": "strings", "b": "float", "c": "table"})
	f.Fuzz(func(t *testing.T, data string) {
		sf, err := parseFile("content/x.zh.md", []byte(data), sc)
		if err != nil {
			var e *model.Error
			var list model.Errors
			if !asModelError(err, &e, &list) {
				t.Fatalf("error without a position type: %T %v", err, err)
			}
			if !strings.HasPrefix(err.Error(), "content/x.zh.md") {
				t.Fatalf("error does not name the file: %v", err)
			}
			return
		}
		if sf.body.Line < 2 {
			t.Fatalf("body line %d: the body starts after the front matter", sf.body.Line)
		}
		if b := sf.body; b.Offset+b.Length != len(data) || !strings.HasSuffix(data, data[b.Offset:]) {
			t.Fatalf("body at %d+%d in %d bytes", b.Offset, b.Length, len(data))
		}
	})
}

func asModelError(err error, e **model.Error, list *model.Errors) bool {
	switch v := err.(type) {
	case *model.Error:
		*e = v
		return true
	case model.Errors:
		*list = v
		return true
	}
	return false
}

// wantLoad loads the test site with files over it and compares the whole
// error report with want ("" for a site that loads).
func wantLoad(t *testing.T, files map[string]string, want string) {
	t.Helper()
	_, err := Site(site(files), Options{})
	got := ""
	if err != nil {
		got = err.Error()
	}
	if got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
}
