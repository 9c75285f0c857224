package markdown

import (
	"bytes"
	"html/template"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	extast "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/util"
)

// Links says what ConvertPage does with the links of a text.
type Links struct {
	// Resolve gives the destination to publish for a link as the text
	// writes it (l.Dest), or an error, which is reported at the link.
	// Nil publishes every destination as written.
	Resolve func(l Link) (string, error)
	// Record lists every link and image in Doc.Links, with where it is.
	Record bool

	found    []Link
	headings []string
}

// Link is a link of a text: its destination as written, as published
// (escaped as the href or src of the HTML holds it), and where it is in
// the text (its '[').
type Link struct {
	Dest, Href string
	Line, Col  int
}

// ConvertInlineLinks renders a short text as ConvertInline does, with its
// links resolved as links says.
func (c *Converter) ConvertInlineLinks(src []byte, links Links) (template.HTML, error) {
	return c.convertInline(src, &links)
}

// apply resolves and records the links of a parsed text, and lists its
// headings' ids. A text with no "](" and no "]:" has no links, and only
// its blocks are visited.
func (l *Links) apply(doc ast.Node, src []byte, pr *problems) {
	if l == nil {
		return
	}
	inline := bytes.Contains(src, []byte("](")) || bytes.Contains(src, []byte("]:")) || mayAutolink(src)
	var lines lineIndex
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Heading:
			if id, ok := n.AttributeString("id"); ok {
				l.headings = append(l.headings, string(id.([]byte)))
			}
		case *ast.Link:
			l.link(n, &n.Destination, src, &lines, pr)
			return ast.WalkContinue, nil
		case *ast.AutoLink:
			url := n.URL(src)
			if scheme := dangerous(url); scheme != "" {
				off := blockStart(n)
				if i := bytes.Index(src[off:], append([]byte("<"), url...)); i >= 0 {
					off += i
				}
				pr.add(off, "link %q: %s", url, refusedAddress(scheme, "link to a page, a file or an https: or mailto: address"))
			}
		case *ast.Image:
			if l.Record {
				l.found = append(l.found, lines.link(src, linkStart(n, src)-1, n.Destination))
			}
			return ast.WalkContinue, nil
		}
		if !inline && isTextBlock(n) {
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
}

// link resolves one link, in place, and records it.
func (l *Links) link(n ast.Node, dest *[]byte, src []byte, lines *lineIndex, pr *problems) {
	off := linkStart(n, src)
	if scheme := dangerous(*dest); scheme != "" {
		pr.add(off, "link %q: %s", *dest, refusedAddress(scheme, "link to a page, a file or an https: or mailto: address"))
		return
	}
	if l.Resolve != nil {
		out, err := l.Resolve(lines.link(src, off, *dest))
		if err != nil {
			pr.add(off, "link %q: %v", *dest, err)
			return
		}
		*dest = []byte(out)
	}
	if l.Record {
		link := lines.link(src, off, *dest)
		l.found = append(l.found, link)
	}
}

func isTextBlock(n ast.Node) bool {
	switch n.(type) {
	case *ast.Paragraph, *ast.TextBlock, *extast.TableCell:
		return true
	}
	return false
}

// linkStart is the offset of a link's '[': back from its first text to the
// bracket. goldmark keeps no place for a link, so one without text ("[](x)")
// is found by its destination in its block, or else is placed at the
// block's start.
func linkStart(n ast.Node, src []byte) int {
	stop := blockStart(n)
	for c := n.FirstChild(); c != nil; c = c.FirstChild() {
		t, ok := c.(*ast.Text)
		if !ok {
			continue
		}
		for i := t.Segment.Start - 1; i >= stop; i-- {
			if src[i] == '[' {
				return i
			}
		}
		return t.Segment.Start
	}
	var dest []byte
	switch n := n.(type) {
	case *ast.Link:
		dest = n.Destination
	case *ast.Image:
		dest = n.Destination
	}
	if i := bytes.Index(src[stop:], append([]byte("[]("), dest...)); i >= 0 && len(dest) > 0 {
		return stop + i
	}
	return stop
}

// lineIndex finds the line and column of offsets in a text, its line
// starts counted once, when the first link asks.
type lineIndex []int

func (x *lineIndex) link(src []byte, off int, dest []byte) Link {
	if *x == nil {
		*x = append(*x, 0)
		for i, c := range src {
			if c == '\n' {
				*x = append(*x, i+1)
			}
		}
	}
	off = max(0, min(off, len(src)))
	line := sort.SearchInts(*x, off+1) // lines starting at or before off
	start := (*x)[line-1]
	return Link{Dest: string(dest), Href: string(util.URLEscape(dest, true)), Line: line, Col: utf8.RuneCount(src[start:off]) + 1}
}

// mayAutolink reports whether src may hold an autolink, <scheme:…>: a '<'
// followed by letters and a ':'. Most texts hold no '<' but <!--more-->.
func mayAutolink(src []byte) bool {
	for i := bytes.IndexByte(src, '<'); i >= 0; {
		j := i + 1
		for j < len(src) && ('a' <= src[j]|0x20 && src[j]|0x20 <= 'z') {
			j++
		}
		if j > i+1 && j < len(src) && src[j] == ':' {
			return true
		}
		next := bytes.IndexByte(src[j:], '<')
		if next < 0 {
			return false
		}
		i = j + next
	}
	return false
}

// dangerous names the scheme of an address that goldmark would publish as
// an empty href or src, since it could run a script or stand for a
// document (javascript:, vbscript:, file:, data: other than an image), or
// returns "". Such a link would quietly lead nowhere.
func dangerous(dest []byte) string {
	if bytes.IndexByte(dest, '&') >= 0 { // "&#106;avascript:" as goldmark writes it
		dest = util.URLEscape(dest, true)
	}
	if !html.IsDangerousURL(dest) {
		return ""
	}
	scheme, _, _ := bytes.Cut(dest, []byte(":"))
	return strings.ToLower(string(scheme)) + ":"
}

// refusedAddress says why an address with scheme is not published, and
// what to write instead.
func refusedAddress(scheme, instead string) string {
	return "a " + scheme + " address is not published; " + instead
}
