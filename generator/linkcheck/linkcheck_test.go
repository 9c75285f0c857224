package linkcheck

import "testing"

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
