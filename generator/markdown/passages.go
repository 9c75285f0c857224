package markdown

import (
	"html/template"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	extast "github.com/yuin/goldmark/extension/ast"
)

// Doc is a converted text: its HTML, its passages for search, its headings
// for a table of contents and, from ConvertPage, its headings' ids and, if
// asked for, its links.
type Doc struct {
	HTML       template.HTML
	Passages   []Passage
	Headings   []Heading
	HeadingIDs []string
	Links      []Link
}

// Passage is one block of a text as plain words: a heading, a paragraph,
// a list item's text, a table cell. Anchor is the id of the heading it is
// under ("" before the first), so that search can lead to the passage.
type Passage struct {
	Text    string
	Anchor  string
	Heading bool
}

// passages reads the text's blocks in order, as a reader sees them: soft
// line breaks between Chinese characters are already gone (see
// softBreakTransformer), others are a space. It lists the headings too, in
// the same walk, with the ids assignIDs gave them and the texts their
// passages have. The texts are written one after the other into one buffer
// and made one string, which each passage's and heading's text is a part
// of: a page has tens of passages, and every page of a site is read.
// With headingsOnly it reads the headings alone, and lists no passage.
func passages(doc ast.Node, src []byte, headingsOnly bool) ([]Passage, []Heading) {
	r := passageReaders.Get().(*passageReader)
	defer passageReaders.Put(r)
	r.reset(headingsOnly)
	anchor := ""
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Heading:
			attr, _ := n.AttributeString("id")
			idBytes, _ := attr.([]byte)
			id := string(idBytes)
			if attr != nil {
				anchor = id
			}
			r.heads = append(r.heads, Heading{Level: n.Level, ID: id})
			r.add(n, src, anchor, true)
			return ast.WalkSkipChildren, nil
		case *ast.Paragraph, *ast.TextBlock, *extast.TableCell:
			if !headingsOnly {
				r.add(n, src, anchor, false)
			}
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	return r.results()
}

// passageReader is what passages writes into as it walks, kept from page
// to page: the texts, one after the other, and the lists, which are copied
// out at the end at their length.
type passageReader struct {
	buf   []byte
	out   []Passage
	heads []Heading
	ends  []int // where each passage's text ends in buf
	spans []int // where each heading's text starts and ends in buf
	// headingsOnly: a heading's text is read for the heading, not
	// listed as a passage.
	headingsOnly bool
}

var passageReaders = sync.Pool{New: func() any { return new(passageReader) }}

func (r *passageReader) reset(headingsOnly bool) {
	r.buf, r.out, r.heads, r.ends, r.spans = r.buf[:0], r.out[:0], r.heads[:0], r.ends[:0], r.spans[:0]
	r.headingsOnly = headingsOnly
}

// add reads a block's text; an empty one is no passage, but a heading
// still has it.
func (r *passageReader) add(block ast.Node, src []byte, anchor string, heading bool) {
	start := len(r.buf)
	r.buf = appendInlineText(r.buf, block, src)
	if heading {
		r.spans = append(r.spans, start, len(r.buf))
	}
	if len(r.buf) > start && !r.headingsOnly {
		r.out = append(r.out, Passage{Anchor: anchor, Heading: heading})
		r.ends = append(r.ends, len(r.buf))
	}
}

// results makes the texts one string and gives each passage and heading
// its part of it, in lists of their own.
func (r *passageReader) results() ([]Passage, []Heading) {
	all, start := string(r.buf), 0
	var out []Passage
	if len(r.out) > 0 {
		out = make([]Passage, len(r.out))
	}
	for i, end := range r.ends {
		out[i], out[i].Text, start = r.out[i], all[start:end], end
	}
	var heads []Heading
	if len(r.heads) > 0 {
		heads = make([]Heading, len(r.heads))
	}
	for i, h := range r.heads {
		h.Text = all[r.spans[2*i]:r.spans[2*i+1]]
		heads[i] = h
	}
	// Strings the pool would keep alive are let go.
	clear(r.out)
	clear(r.heads)
	return out, heads
}

// inlineText is the plain text of a block's inline content, each run of
// white space one space, none at either end.
func inlineText(block ast.Node, src []byte) string {
	return string(appendInlineText(nil, block, src))
}

// appendInlineText appends inlineText(block, src) to buf: every passage of
// every page goes through here, so it writes once into a buffer the caller
// keeps, rather than joining the fields of a string it made.
func appendInlineText(buf []byte, block ast.Node, src []byte) []byte {
	w := spaceFolder{buf: buf, start: len(buf)}
	_ = ast.Walk(block, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Text:
			w.write(n.Value(src))
			if n.SoftLineBreak() || n.HardLineBreak() {
				w.space = true
			}
		case *ast.String:
			w.write(n.Value)
		case *ast.AutoLink:
			w.write(n.Label(src))
			return ast.WalkSkipChildren, nil
		case *extast.FootnoteLink, *extast.FootnoteBacklink:
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	return w.buf
}

// spaceFolder appends text with each run of white space (as unicode.IsSpace
// has it, as strings.Fields splits) written as one space, and none before
// the first word or after the last.
type spaceFolder struct {
	buf   []byte
	start int  // where the text began in buf
	space bool // white space since the last word
}

func (w *spaceFolder) write(text []byte) {
	for len(text) > 0 {
		if n := spaceAt(text); n > 0 {
			w.space = true
			text = text[n:]
			continue
		}
		end := wordEnd(text)
		if w.space && len(w.buf) > w.start {
			w.buf = append(w.buf, ' ')
		}
		w.space = false
		w.buf = append(w.buf, text[:end]...)
		text = text[end:]
	}
}

// spaceAt is the length of the white-space character text starts with, or
// 0 if it starts with another.
func spaceAt(text []byte) int {
	c := text[0]
	if c < utf8.RuneSelf {
		if asciiSpace[c] {
			return 1
		}
		return 0
	}
	if !mayStartSpace(c) {
		return 0
	}
	if r, n := utf8.DecodeRune(text); unicode.IsSpace(r) {
		return n
	}
	return 0
}

// wordEnd is where the first white space in text starts, or len(text). It
// decodes only the characters that may be white space: nearly all text is
// letters, and a continuation byte is never one that starts a space.
func wordEnd(text []byte) int {
	for i := 0; i < len(text); i++ {
		if c := text[i]; (c < utf8.RuneSelf && asciiSpace[c]) || (mayStartSpace(c) && spaceAt(text[i:]) > 0) {
			return i
		}
	}
	return len(text)
}

// mayStartSpace reports whether c is the first byte of a white-space
// character beyond ASCII: U+0085 and U+00A0 (C2), U+1680 (E1), U+2000 to
// U+205F (E2) and U+3000 (E3).
func mayStartSpace(c byte) bool { return c == 0xC2 || c == 0xE1 || c == 0xE2 || c == 0xE3 }

// asciiSpace are the ASCII characters unicode.IsSpace accepts.
var asciiSpace = [utf8.RuneSelf]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true}
