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
		"config.toml":               strings.Replace(fixtureConfig(t), "[languages.en]\n", "[languages.en]\ntypographer = true\n", 1),
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

// fixtureConfig is the fixture site's config.toml.
func fixtureConfig(t *testing.T) string {
	t.Helper()
	data, err := fixtureWith(t, nil).ReadFile("config.toml")
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}
