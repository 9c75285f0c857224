package build

import (
	"testing"

	"westcoast/generator/model"
	"westcoast/generator/render"
)

func TestCheckLinks(t *testing.T) {
	res := &Result{
		Site: &model.Site{Config: &model.Config{BaseURL: "https://example.com/sub/"}},
		Files: []render.File{
			{Path: "index.html", Data: []byte(`<a href="a/">a</a><a href="a/#x">x</a><a href="#top">t</a><p id="top"></p><a href="https://example.com/sub/a/">abs</a><a href="https://other.org/">o</a>`)},
			{Path: "a/index.html", Data: []byte(`<main id="main"><h2 id="x">x</h2><a href="../">up</a><link href="../site.css"><a href="../b/">b</a><a href="../#nope">n</a><a href="/a/">root</a><a href="../a">noslash</a><h2 id="main">Main</h2><p data-id="x" id="&#20027;"></p><p id="主"></p></main>`)},
			{Path: "site.css", Data: []byte(`body{}`)},
		},
	}
	err := res.CheckLinks()
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
