package main

import (
	"strings"
	"testing"

	"westcoast/generator/load"
)

// TestMarkdownErrors checks that the converter's errors, met as pages are
// rendered, name the content file and its line, not the line in the text,
// and that a heading cannot take an id the layouts or the page's figures
// use.
func TestMarkdownErrors(t *testing.T) {
	figures := "[[figures]]\nid = \"tax-share\"\nkind = \"percent\"\nvalue = 1\nlabel = { zh = \"甲\", en = \"A\" }\n"
	tests := []struct {
		name  string
		files map[string]string
		want  string
	}{
		{"attribute in the body",
			map[string]string{"content/a.zh.md": "+++\ntitle = \"甲\"\n+++\n正文\n\n## 标题 {style=\"position:fixed\"}\n"},
			`content/a.zh.md:6:8: heading attribute "style" is not allowed: content may set only {#id} and {.class}`},
		{"layout id",
			map[string]string{"content/a.en.md": "+++\ntitle = \"A\"\n+++\n## Skip {#main}\n"},
			`content/a.en.md:4:11: heading id "main" is already used by layouts/_default/baseof.html`},
		{"figure id",
			map[string]string{"content/a.toml": figures, "content/a.en.md": "+++\ntitle = \"A\"\n+++\n\n## Tax {#tax-share}\n"},
			`content/a.en.md:5:10: heading id "tax-share" is already used by figure "tax-share" of this page`},
		{"nesting",
			map[string]string{"content/a.zh.md": "+++\ntitle = \"甲\"\n+++\n" + strings.Repeat(">", 101) + "\n"},
			`content/a.zh.md:4:101: lists, block quotes and footnotes nest 101 deep here; the limit is 100`},
		{"unknown figure",
			map[string]string{"content/a.zh.md": "+++\ntitle = \"甲\"\n+++\n第一行\n总投资{{< figure \"nope\" >}}。\n"},
			`content/a.zh.md:5:4: figure "nope": content/a.zh.md has no figure with that id`},
		{"unknown shortcode",
			map[string]string{"content/a.zh.md": "+++\ntitle = \"甲\"\n+++\n{{< video \"x\" >}}\n"},
			`content/a.zh.md:4:1: unknown shortcode "video": there is no layouts/shortcodes/video.html (nor is it the built-in figure)`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.files["layouts/_default/baseof.html"] = `<main id="main">{{block "main" .}}{{end}}</main>`
			for _, f := range []string{"content/a.zh.md", "content/a.en.md"} {
				if _, ok := tt.files[f]; !ok {
					tt.files[f] = "+++\ntitle = \"A\"\n+++\n"
				}
			}
			_, err := buildInMemory(fixtureWith(t, tt.files), load.Options{})
			if err == nil {
				t.Fatal("no error")
			}
			if got := err.Error(); got != tt.want {
				t.Errorf("got:\n%s\nwant:\n%s", got, tt.want)
			}
		})
	}
}

// TestHeadingIDsAvoidFigures checks that a generated id steps around a
// figure's.
func TestHeadingIDsAvoidFigures(t *testing.T) {
	res, err := buildInMemory(fixtureWith(t, map[string]string{
		"content/a.toml":             "[[figures]]\nid = \"tax-share\"\nkind = \"percent\"\nvalue = 1\nchart = \"zone\"\nlabel = { zh = \"甲\", en = \"A\" }\n[[figures]]\nid = \"other\"\nkind = \"percent\"\nvalue = 2\nchart = \"zone\"\nlabel = { zh = \"乙\", en = \"B\" }\n",
		"content/a.en.md":            "+++\ntitle = \"A\"\n+++\n## Tax share\n\n## Chart zone title\n",
		"content/a.zh.md":            "+++\ntitle = \"甲\"\n+++\n",
		"layouts/_default/page.html": `{{define "main"}}{{.Content}}{{end}}`,
	}), load.Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := `<h2 id="tax-share-1">Tax share</h2>` + "\n" + `<h2 id="chart-zone-title-1">Chart zone title</h2>`
	if got := res.file("en/a/index.html"); !strings.Contains(got, want) {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}
