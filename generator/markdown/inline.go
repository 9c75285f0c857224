package markdown

import (
	"bytes"
	"fmt"
	"html/template"

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
