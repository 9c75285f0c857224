package main

import (
	"strings"
	"testing"

	"westcoast/generator/load"
)

// The Markdown that editors coming from Hugo reach for (issue 12, item 4),
// each over the fixture site with a page added.

// page is a content file with a title and a text.
func page(title, text string) string { return "+++\ntitle = \"" + title + "\"\n+++\n" + text }

// build builds the fixture with files added and fails the test on an error.
func build(t *testing.T, files map[string]string) *result {
	t.Helper()
	res, err := buildInMemory(fixtureWith(t, files), load.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// buildErr builds the fixture with files added and returns the error.
func buildErr(t *testing.T, files map[string]string) string {
	t.Helper()
	_, err := buildInMemory(fixtureWith(t, files), load.Options{})
	if err == nil {
		t.Fatal("no error")
	}
	return err.Error()
}

func contains(t *testing.T, file, got string, want ...string) {
	t.Helper()
	for _, w := range want {
		if !strings.Contains(got, w) {
			t.Errorf("%s lacks\n%s\nin\n%s", file, w, got)
		}
	}
}

// Issue 12: <!--more--> ends the summary of a page whose front matter sets
// none; the text before it stays in the page.
func TestMoreDivider(t *testing.T) {
	res := build(t, map[string]string{
		"content/posts/gamma.zh.md": page("丙", "导语**重点**，\n继续。\n\n<!--more-->\n\n正文。\n\n```\n<!--more-->\n```\n"),
		"content/posts/gamma.en.md": page("C", "```\n<!--more-->\n```\n\nLead.\n"),
	})
	contains(t, "posts/index.html", res.file("posts/index.html"), `>丙</a>: 导语<strong>重点</strong>，继续。</li>`)
	contains(t, "posts/gamma/index.html", res.file("posts/gamma/index.html"), "<p>导语<strong>重点</strong>，继续。</p>\n<!-- raw HTML omitted -->\n<p>正文。</p>")
	if got := res.file("en/posts/index.html"); strings.Contains(got, "Lead") {
		t.Errorf("a divider in code ended the summary:\n%s", got)
	}
	err := buildErr(t, map[string]string{
		"content/posts/gamma.zh.md": page("丙", "第一段。\n\n第二段{{< figure \"nope\" >}}。\n<!--more-->\n"),
		"content/posts/gamma.en.md": page("C", "One {{< note >}}.\n\n<!--more-->\n"),
	})
	want := `content/posts/gamma.en.md:4:5: shortcode "note" in a summary: a summary can quote figures ({{< figure "id" >}}) but runs no other shortcode; set summary in the front matter
content/posts/gamma.zh.md:6:4: figure "nope": content/posts/gamma.zh.md has no figure with that id`
	if err != want {
		t.Errorf("got:\n%s\nwant:\n%s", err, want)
	}
	err = buildErr(t, map[string]string{"content/posts/gamma.zh.md": page("丙", "第一段。\n\n第二段。\n<!--more-->\n"), "content/posts/gamma.en.md": page("C", "")})
	if want := "content/posts/gamma.zh.md:7:1: the summary, the text before <!--more-->, is one paragraph of inline Markdown: found a second paragraph; end the first paragraph with <!--more-->, or set summary in the front matter"; err != want {
		t.Errorf("got:\n%s\nwant:\n%s", err, want)
	}
}

// Issue 12: .TableOfContents lists the ## and ### headings of the page's
// text, with the ids the headings got.
func TestTableOfContents(t *testing.T) {
	res := build(t, map[string]string{
		"layouts/_default/page.html": `{{define "main"}}{{with .TableOfContents}}{{.}}{{else}}<p>no contents</p>{{end}}{{.Content}}{{end}}`,
		"content/posts/alpha.zh.md":  page("甲", "正文\n"),
		"content/posts/alpha.en.md":  page("Alpha", "## One *a*\n\n### One.1\n\n### One.2 {#x}\n\n#### deep\n\n## Two[^1]\n\n[^1]: note\n"),
	})
	contains(t, "en/posts/alpha/index.html", res.file("en/posts/alpha/index.html"),
		`<nav id="TableOfContents"><ul><li><a href="#one-a">One a</a><ul><li><a href="#one1">One.1</a></li><li><a href="#x">One.2</a></li></ul></li><li><a href="#two1">Two</a></li></ul></nav>`)
	contains(t, "posts/alpha/index.html", res.file("posts/alpha/index.html"), "<p>no contents</p>")
	if got := buildErr(t, map[string]string{"content/posts/alpha.en.md": page("Alpha", "## Contents {#TableOfContents}\n")}); got !=
		`content/posts/alpha.en.md:4:15: heading id "TableOfContents" is already used by the table of contents (.TableOfContents)` {
		t.Errorf("got %s", got)
	}
}

// Issue 12: task lists, bare URLs, highlighted code, typographic
// punctuation in English only, and strikethrough by the CJK rule.
func TestMarkdownEditorsExpect(t *testing.T) {
	text := "- [x] 完成\n- [ ] todo\n\n见 https://example.org/a。\n\n" +
		"```go\nfunc f() { return \"s\" } // c\n```\n\n" +
		"\"Quoted\" -- it's 1990s... \"东家口\" 港\n\n~~“旧”~~新\n"
	res := build(t, map[string]string{
		"config.toml":               strings.Replace(fixtureConfig(t, ""), "[languages.en]\n", "[languages.en]\ntypographer = true\n", 1),
		"content/posts/alpha.en.md": page("Alpha", text),
		"content/posts/alpha.zh.md": page("甲", text),
	})
	both := []string{
		`<li><input checked="" disabled="" type="checkbox"> 完成</li>`,
		`<li><input disabled="" type="checkbox"> todo</li>`,
		`见 <a href="https://example.org/a">https://example.org/a</a>。`,
		`<pre class="chroma" tabindex="0"><code class="language-go"><span class="k">func</span> <span class="nf">f</span>() { <span class="k">return</span> <span class="s">&#34;s&#34;</span> } <span class="c">// c</span>` + "\n</code></pre>",
		`<p><del>“旧”</del>新</p>`,
	}
	contains(t, "en/posts/alpha/index.html", res.file("en/posts/alpha/index.html"), append(both, `“Quoted” – it’s 1990s… &quot;东家口&quot; 港`)...)
	contains(t, "posts/alpha/index.html", res.file("posts/alpha/index.html"), append(both, `&quot;Quoted&quot; -- it's 1990s... &quot;东家口&quot; 港`)...)
	if got := buildErr(t, map[string]string{"content/posts/alpha.en.md": page("Alpha", "Text\n\n```pyhton\nx\n```\n")}); got !=
		`content/posts/alpha.en.md:6:4: code language "pyhton": chroma has no lexer of that name; write a language such as go, python, toml or html, or text for no colours` {
		t.Errorf("got %s", got)
	}
}

// Issue 12, item 5: an editor's shortcode in layouts/shortcodes/, called
// with parameters by position or by name, alone on a line (in place of the
// paragraph), inside text, and paired with Markdown inside; the built-in
// figure still works beside them.
func TestShortcodes(t *testing.T) {
	res := build(t, map[string]string{
		"layouts/shortcodes/note.html":  `<aside class="note {{.Get "kind"}}"><b>{{.Page.Title}}</b> {{.Inner}}</aside>`,
		"layouts/shortcodes/abbr.html":  `<abbr title="{{.Get 1}}">{{.Get 0}}</abbr>`,
		"layouts/shortcodes/count.html": `{{.Ordinal}}/{{.Name}}/{{.IsNamedParams}}/{{len .Params}}`,
		"content/posts/alpha.en.md": page("Alpha", "Made in the {{< abbr \"PRC\" `People's Republic <of> China` >}}.\n\n"+
			"{{< note kind=\"warn\" >}}\nSee **this**: {{< abbr \"EU\" \"European Union\" >}}, {{< figure \"projects\" >}}.\n{{< /note >}}\n\n"+
			"{{< note kind=\"big\" >}}\n## Inside\n\nTwo\n\nparagraphs\n{{< /note >}}\n\n"+
			"A {{< count a=\"1\" b=\"2\" >}} and {{< count />}}; shown: {{</* note kind=\"x\" */>}}\n"),
	})
	contains(t, "en/posts/alpha/index.html", res.file("en/posts/alpha/index.html"),
		`<p>Made in the <abbr title="People&#39;s Republic &lt;of&gt; China">PRC</abbr>.</p>`,
		"<aside class=\"note warn\"><b>Alpha</b> See <strong>this</strong>: <abbr title=\"European Union\">EU</abbr>, 14\u00a0projects.</aside>\n",
		"<aside class=\"note big\"><b>Alpha</b> <h2 id=\"inside\">Inside</h2>\n<p>Two</p>\n<p>paragraphs</p></aside>\n",
		`<p>A 3/count/true/2 and 4/count/false/0; shown: {{&lt; note kind=&quot;x&quot; &gt;}}</p>`,
	)
}

// Issue 12, item 5: a shortcode's faults name the content file and the
// line of the call, with the template's position when the template fails.
func TestShortcodeErrors(t *testing.T) {
	layouts := map[string]string{
		"layouts/shortcodes/note.html": `<aside>{{.Get 0}}{{.Inner}}</aside>`,
		"layouts/shortcodes/bad.html":  "<b>\n{{.Page.Nope}}</b>",
	}
	tests := []struct{ name, text, want string }{
		{"unknown", "Text\n\n{{< nte \"a\" >}}\n", `content/posts/alpha.en.md:6:1: unknown shortcode "nte": there is no layouts/shortcodes/nte.html (nor is it the built-in figure)`},
		{"template fault", "Text {{< bad >}}\n", `content/posts/alpha.en.md:4:6: shortcode "bad": layouts/shortcodes/bad.html:2:8: .Page.Nope: a page has no field or method Nope`},
		{"named where positional", "{{< note key=\"a\" >}}\n", `content/posts/alpha.en.md:4:1: shortcode "note": layouts/shortcodes/note.html:1:10: .Get: position 0 asked for, but the call names its parameters: use .Get "key"`},
		{"mixed parameters", "x\n{{< note \"a\" key=\"b\" >}}\n", `content/posts/alpha.en.md:5:1: shortcode "note" mixes positional and named parameters: use one kind`},
		{"not closed", "x {{< note \"a\"\n\ny\n", `content/posts/alpha.en.md:4:3: shortcode "note" is not closed with >}}`},
		{"stray closing tag", "x\n\n{{< /note >}}\n", `content/posts/alpha.en.md:6:1: {{< /note >}} closes no {{< note >}} before it`},
		{"fault in the inner text", "{{< note \"a\" >}}\nline\n\n## H {style=\"x\"}\n{{< /note >}}\n", `content/posts/alpha.en.md:7:7: heading attribute "style" is not allowed: content may set only {#id} and {.class}`},
		{"in code", "```\n{{< note \"a\" >}}\n```\n", `content/posts/alpha.en.md:5:1: a shortcode's output cannot stand here (in code, or a link's title); to show the call itself in code, write {{</* name */>}}`},
		{"in a link", "[x]({{< note \"a\" >}})\n", `content/posts/alpha.en.md:4:5: a shortcode cannot stand in a link's destination; write the address, or the path of the content file`},
		{"Hugo's figure", "{{< figure src=\"a.jpg\" >}}\n", `content/posts/alpha.en.md:4:1: figure quotes a number of the page: {{< figure "id" >}}; for an image write ![what it shows](photo.jpg)`},
		{"percent shortcode", "{{% note %}}\n", `content/posts/alpha.en.md:4:1: {{% … %}} shortcodes are not supported: write {{< … >}} (the inner text of a paired call is Markdown already)`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			files := map[string]string{"content/posts/alpha.en.md": page("Alpha", tt.text)}
			for k, v := range layouts {
				files[k] = v
			}
			if got := buildErr(t, files); got != tt.want {
				t.Errorf("got:\n%s\nwant:\n%s", got, tt.want)
			}
		})
	}
	got := buildErr(t, map[string]string{"layouts/shortcodes/figure.html": "<img>"})
	if want := `layouts/shortcodes/figure.html: figure is the built-in shortcode that quotes a figure ({{< figure "id" >}}): give this template another name`; got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
}
