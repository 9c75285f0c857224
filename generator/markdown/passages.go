package markdown

import (
	"html/template"
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
// softBreakTransformer), others are a space.
func passages(doc ast.Node, src []byte) []Passage {
	var out []Passage
	var buf []byte // a passage's text, reused from one to the next
	anchor := ""
	add := func(block ast.Node, heading bool) {
		if buf = appendInlineText(buf[:0], block, src); len(buf) > 0 {
			out = append(out, Passage{Text: string(buf), Anchor: anchor, Heading: heading})
		}
	}
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Heading:
			if id, ok := n.AttributeString("id"); ok {
				anchor = string(id.([]byte))
			}
			add(n, true)
			return ast.WalkSkipChildren, nil
		case *ast.Paragraph, *ast.TextBlock, *extast.TableCell:
			add(n, false)
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	return out
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
	for i := 0; i < len(text); {
		n, isSpace := 1, false
		if c := text[i]; c < utf8.RuneSelf {
			isSpace = asciiSpace[c]
		} else {
			var r rune
			r, n = utf8.DecodeRune(text[i:])
			isSpace = unicode.IsSpace(r)
		}
		if isSpace {
			w.space = true
		} else {
			if w.space && len(w.buf) > w.start {
				w.buf = append(w.buf, ' ')
			}
			w.space = false
			w.buf = append(w.buf, text[i:i+n]...)
		}
		i += n
	}
}

// asciiSpace are the ASCII characters unicode.IsSpace accepts.
var asciiSpace = [utf8.RuneSelf]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true}
