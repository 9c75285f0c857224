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
func passages(doc ast.Node, src []byte) ([]Passage, []Heading) {
	var out []Passage
	var heads []Heading
	var ends, headEnds []int // where each text ends in buf, and each heading's starts and ends
	pooled := passageBufs.Get().(*[]byte)
	defer passageBufs.Put(pooled)
	buf := (*pooled)[:0]
	anchor := ""
	add := func(block ast.Node, heading bool) {
		start := len(buf)
		buf = appendInlineText(buf, block, src)
		if heading {
			headEnds = append(headEnds, start, len(buf))
		}
		if len(buf) > start {
			out = append(out, Passage{Anchor: anchor, Heading: heading})
			ends = append(ends, len(buf))
		}
	}
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
			heads = append(heads, Heading{Level: n.Level, ID: id})
			add(n, true)
			return ast.WalkSkipChildren, nil
		case *ast.Paragraph, *ast.TextBlock, *extast.TableCell:
			add(n, false)
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	all, start := string(buf), 0
	for i, end := range ends {
		out[i].Text, start = all[start:end], end
	}
	for i := range heads {
		heads[i].Text = all[headEnds[2*i]:headEnds[2*i+1]]
	}
	*pooled = buf
	return out, heads
}

// passageBufs hold the texts of a page's passages while they are read.
var passageBufs = sync.Pool{New: func() any { return new([]byte) }}

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
