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
