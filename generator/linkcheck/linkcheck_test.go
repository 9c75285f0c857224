package linkcheck

import (
	"testing"

	"westcoast/generator/model"
	"westcoast/generator/render"
)

func TestCheck(t *testing.T) {
	c := New()
	for _, f := range []struct{ path, data string }{
		{"index.html", `<a href="a/">a</a><a href="a/#x">x</a><a href="#top">t</a><p id="top"></p><a href="https://example.com/sub/a/">abs</a><a href="https://other.org/">o</a>`},
		{"a/index.html", `<main id="main"><h2 id="x">x</h2><a href="../">up</a><link href="../site.css"><a href="../b/">b</a><a href="../#nope">n</a><a href="/a/">root</a><a href="../a">noslash</a><h2 id="main">Main</h2><p data-id="x" id="&#20027;"></p><p id="主"></p></main>`},
		{"site.css", `body{}`},
	} {
		c.Write(f.path, []byte(f.data))
	}
	err := c.Check("https://example.com/sub/")
	if err == nil {
		t.Fatal("no error for broken links")
	}
	want := `6 problems in the built pages:
public/a/index.html: id "main" is on 2 elements
public/a/index.html: id "主" is on 2 elements
public/a/index.html: link "../#nope": index.html has no id "nope"
public/a/index.html: link "../a": folder link without a trailing slash
public/a/index.html: link "../b/": no such file
public/a/index.html: link "/a/": site-root link: links must be relative so the site works under a subpath`
	if got := err.Error(); got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
}

// A broken link that a page's text holds is reported where the text has
// it, each place once; one the layouts make, in the built page. A
// fragment in Chinese, which goldmark writes percent-escaped, matches its
// heading's id.
func TestCheckTextLinks(t *testing.T) {
	c := New()
	c.Write("index.html", []byte(`<a href="gone/">layout</a><a href="gone/">text</a><a href="x/#%E6%96%B0%E9%97%BB">zh</a><a href="x/#nope">n</a>`))
	c.Write("x/index.html", []byte(`<h2 id="新闻">新闻</h2>`))
	c.TextLinks("index.html", []render.TextLink{
		{Href: "gone/", Pos: model.Pos{File: "content/_index.zh.md", Line: 5, Col: 3}},
		{Href: "x/#nope", Pos: model.Pos{File: "content/_index.zh.md", Line: 7, Col: 1}},
		{Href: "x/#nope", Pos: model.Pos{File: "content/_index.zh.md", Line: 9, Col: 4}},
	})
	want := `3 problems in the built pages:
content/_index.zh.md:5:3: link "gone/": no such file
content/_index.zh.md:7:1: link "x/#nope": x/index.html has no id "nope"
content/_index.zh.md:9:4: link "x/#nope": x/index.html has no id "nope"`
	if err := c.Check("https://example.com/"); err == nil || err.Error() != want {
		t.Errorf("got:\n%v\nwant:\n%s", err, want)
	}
}
