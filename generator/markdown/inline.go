package markdown

import (
	"bytes"
	"fmt"
	"html/template"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	extast "github.com/yuin/goldmark/extension/ast"
)

// NotInline is the error of ConvertInline for a text that is more than one
// paragraph of inline Markdown: it names what it found (a heading, a list,
// a second paragraph...), which inside a <p> would break the page.
type NotInline struct {
	Found string
}

func (e *NotInline) Error() string {
	return fmt.Sprintf("found %s; the text must be one paragraph of inline Markdown (text, emphasis, links)", e.Found)
}

// ConvertInline renders a short text, such as a summary, without the
// paragraph around it. The text must be one paragraph at most; the error
// is a *NotInline otherwise, or Errors.
func (c *Converter) ConvertInline(src []byte) (template.HTML, error) {
	return c.convertInline(src, nil)
}

func (c *Converter) convertInline(src []byte, links *Links) (template.HTML, error) {
	if c.isPlainText(src) {
		return template.HTML(src), nil
	}
	return c.parseInline(src, links)
}

// parseInline is convertInline by goldmark's parse.
func (c *Converter) parseInline(src []byte, links *Links) (template.HTML, error) {
	out, doc, err := c.convert(src, &Page{Links: links})
	if err != nil {
		return "", err
	}
	if found := blockIn(doc); found != "" {
		return "", &NotInline{Found: found}
	}
	s := bytes.TrimSpace([]byte(out))
	s = bytes.TrimPrefix(s, []byte("<p>"))
	s = bytes.TrimSuffix(s, []byte("</p>"))
	return template.HTML(s), nil
}

// blockIn names the first thing in a document that cannot go inside a
// paragraph, or returns "".
func blockIn(doc ast.Node) string {
	for n := doc.FirstChild(); n != nil; n = n.NextSibling() {
		if n.Kind() != ast.KindParagraph || n != doc.FirstChild() {
			return blockName(n.Kind())
		}
	}
	return ""
}

func blockName(k ast.NodeKind) string {
	switch k {
	case ast.KindParagraph:
		return "a second paragraph"
	case ast.KindHeading:
		return "a heading"
	case ast.KindList:
		return "a list"
	case ast.KindBlockquote:
		return "a block quote"
	case ast.KindCodeBlock, ast.KindFencedCodeBlock:
		return "a code block"
	case ast.KindThematicBreak:
		return "a thematic break (---)"
	case ast.KindHTMLBlock:
		return "an HTML block"
	case extast.KindTable:
		return "a table"
	case extast.KindFootnoteList:
		return "a footnote"
	}
	return "a " + k.String() + " block"
}

// isPlainText reports a short text that converts to itself: one line of
// words and plain punctuation, which no Markdown rule, HTML escape,
// linkify or typographer changes. Most summaries are such a line, and a
// site lists every page's: goldmark's parse of one costs tens of times
// more than this look (FuzzPlainText holds the two to the same output).
func (c *Converter) isPlainText(src []byte) bool {
	if len(src) == 0 || len(src) > plainTextMax || !startsPlainText(src[0]) || src[len(src)-1] == ' ' {
		return false
	}
	for i, b := range src {
		switch {
		case b >= utf8.RuneSelf || 'a' <= b|0x20 && b|0x20 <= 'z' || '0' <= b && b <= '9':
		case b == ' ' || b == ',' || b == ';' || b == '?' || b == '%' || b == '(' || b == ')' || b == '/':
		case b == '.' || b == '-': // not as "..", "--": the typographer's
			if i+1 < len(src) && src[i+1] == b {
				return false
			}
		case b == '\'' && !c.typographer:
		default:
			return false
		}
	}
	// "www." would be a link (linkify; ':' and '@' are refused above).
	www := anyAt(src, '.', func(i int) bool { return i >= 3 && bytes.EqualFold(src[i-3:i], []byte("www")) })
	return !www && utf8.Valid(src)
}

// plainTextMax is the longest text isPlainText looks at: a summary is a
// sentence or two, and a longer text takes goldmark's way with its limits.
const plainTextMax = 2 << 10

// startsPlainText reports a first byte that cannot begin a block (a list
// item, a heading, a quote, code) or be space goldmark trims.
func startsPlainText(b byte) bool {
	return b >= utf8.RuneSelf || 'a' <= b|0x20 && b|0x20 <= 'z'
}
