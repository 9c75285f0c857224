package markdown

import (
	"html/template"
	"strings"

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
	anchor := ""
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Heading:
			if id, ok := n.AttributeString("id"); ok {
				anchor = string(id.([]byte))
			}
			out = appendPassage(out, Passage{Text: inlineText(n, src), Anchor: anchor, Heading: true})
			return ast.WalkSkipChildren, nil
		case *ast.Paragraph, *ast.TextBlock, *extast.TableCell:
			out = appendPassage(out, Passage{Text: inlineText(n, src), Anchor: anchor})
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	return out
}

func appendPassage(list []Passage, p Passage) []Passage {
	if p.Text = strings.TrimSpace(p.Text); p.Text == "" {
		return list
	}
	return append(list, p)
}

// inlineText is the plain text of a block's inline content.
func inlineText(block ast.Node, src []byte) string {
	var b strings.Builder
	_ = ast.Walk(block, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Text:
			b.Write(n.Value(src))
			if n.SoftLineBreak() || n.HardLineBreak() {
				b.WriteByte(' ')
			}
		case *ast.String:
			b.Write(n.Value)
		case *ast.AutoLink:
			b.Write(n.Label(src))
			return ast.WalkSkipChildren, nil
		case *extast.FootnoteLink, *extast.FootnoteBacklink:
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	return strings.Join(strings.Fields(b.String()), " ")
}
