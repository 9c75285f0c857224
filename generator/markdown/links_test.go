package markdown

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"
)

// ConvertPage resolves each link as it is written, reports a link it cannot
// resolve at its '[', and lists the links and the headings' ids.
func TestConvertPage(t *testing.T) {
	c := New(Options{})
	src := "## 标题\n\n见[甲](a.md#x)和**[乙](b.md)**。\n\n![图](p.png)\n\n[ref]: c.md\n\nSee [c][ref] and [](d.md).\n"
	resolve := func(l Link) (string, error) {
		if l.Dest == "d.md" {
			return "", errors.New("no such page")
		}
		return "r:" + l.Dest, nil
	}
	_, err := c.ConvertPage([]byte(src), Page{Links: &Links{Resolve: resolve}})
	if err == nil || err.Error() != `9:18: link "d.md": no such page` {
		t.Errorf("an unresolved link: %v", err)
	}
	src = strings.Replace(src, " and [](d.md)", "", 1)
	doc, err := c.ConvertPage([]byte(src), Page{Links: &Links{Resolve: resolve, Record: true}})
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`<a href="r:a.md#x">甲</a>`, `<strong><a href="r:b.md">乙</a></strong>`, `<a href="r:c.md">c</a>`, `<img src="p.png" alt="图" loading="lazy" decoding="async">`} {
		if !strings.Contains(string(doc.HTML), want) {
			t.Errorf("no %s in:\n%s", want, doc.HTML)
		}
	}
	var got []string
	for _, l := range doc.Links {
		got = append(got, fmt.Sprintf("%s %s %d:%d", l.Dest, l.Href, l.Line, l.Col))
	}
	want := "r:a.md#x r:a.md#x 3:2|r:b.md r:b.md 3:16|p.png p.png 5:1|r:c.md r:c.md 9:5"
	if strings.Join(got, "|") != want {
		t.Errorf("links: got %s, want %s", strings.Join(got, "|"), want)
	}
	if strings.Join(doc.HeadingIDs, ",") != "标题" {
		t.Errorf("heading ids: %v", doc.HeadingIDs)
	}
}

// Issue 8: a link or image that could run a script or stand for a document
// is an error at its place; goldmark would publish it as href="" or src="",
// a link that quietly leads nowhere. Images as data: and other addresses
// are as written.
func TestDangerousAddresses(t *testing.T) {
	const link = ": a %s address is not published; link to a page, a file or an https: or mailto: address"
	tests := []struct{ src, want string }{
		{"[a](javascript:alert(1))", `1:1: link "javascript:alert(1)"` + fmt.Sprintf(link, "javascript:")},
		{"见[甲](JaVaScRiPt:x)。", `1:2: link "JaVaScRiPt:x"` + fmt.Sprintf(link, "javascript:")},
		{"[a](&#106;avascript:x)", `1:1: link "&#106;avascript:x"` + fmt.Sprintf(link, "javascript:")},
		{"x <vbscript:x>", `1:3: link "vbscript:x"` + fmt.Sprintf(link, "vbscript:")},
		{"[a][r]\n\n[r]: data:text/html,x", `1:1: link "data:text/html,x"` + fmt.Sprintf(link, "data:")},
		{"[a](file:///etc/passwd)", `1:1: link "file:///etc/passwd"` + fmt.Sprintf(link, "file:")},
		{"![a](javascript:x)", "1:1: image javascript:x: a javascript: address is not published; show a file of the page's bundle or an https: address"},
		{"![a](data:image/png;base64,AAAA) [b](https://example.org/) <mailto:a@example.org> [c](java%09script:x)", ""},
	}
	c := New(Options{})
	for _, tt := range tests {
		_, err := c.ConvertPage([]byte(tt.src), Page{Links: &Links{}})
		if got := errText(err); got != tt.want {
			t.Errorf("%s:\ngot  %s\nwant %s", tt.src, got, tt.want)
		}
	}
}

func errText(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}

// FuzzConvertPage: every link of any text is given to the resolver and
// recorded at a place inside the text.
func FuzzConvertPage(f *testing.F) {
	for _, seed := range []string{"[a](b.md)", "**[乙](b.md)**", "[](x)", "[ref]: c.md\n\n[c][ref]", "![i](p.png)", "[`x`](y#z)", "中\n[a\nb](c)"} {
		f.Add(seed)
	}
	c := New(Options{})
	f.Fuzz(func(t *testing.T, src string) {
		if len(src) > 1<<14 || !utf8.ValidString(src) {
			return
		}
		calls := 0
		doc, err := c.ConvertPage([]byte(src), Page{Links: &Links{Record: true, Resolve: func(l Link) (string, error) { calls++; return l.Dest, nil }}})
		if err != nil {
			return
		}
		lines := strings.Split(src, "\n")
		for _, l := range doc.Links {
			if l.Line < 1 || l.Line > len(lines) || l.Col < 1 || l.Col > utf8.RuneCountInString(lines[l.Line-1])+1 {
				t.Fatalf("link %q at %d:%d, outside the text", l.Dest, l.Line, l.Col)
			}
		}
		if calls > len(doc.Links) {
			t.Fatalf("%d links resolved, %d recorded", calls, len(doc.Links))
		}
	})
}
