package markdown

import (
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// softBreakTransformer drops soft line breaks that a browser would show as a
// stray space in Chinese text. It looks through emphasis, links and empty
// text for the characters on either side, since "**重点**\n继续" breaks after
// </strong>; but not beyond the paragraph, heading or table cell.
//
// It reads the text in one pass: a break waits for the next character, so
// a paragraph of a thousand breaks between empty links costs a thousand
// steps, not a million.
type softBreakTransformer struct{}

func (softBreakTransformer) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	src := reader.Source()
	var before rune         // the last character so far in this block
	var waiting []*ast.Text // breaks that wait for the character after them
	resolve := func(after rune) {
		for _, t := range waiting {
			if joinsWithoutSpace(before, after) {
				t.SetSoftLineBreak(false)
			}
		}
		waiting = waiting[:0]
	}
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if n.Type() == ast.TypeBlock {
			resolve(0) // a block's start or end: nothing joins across it
			before = 0
			if entering && n.Lines().Len() <= 1 && hasInlines(n) {
				return ast.WalkSkipChildren, nil // one line has no line break
			}
			return ast.WalkContinue, nil
		}
		t, ok := n.(*ast.Text)
		if !entering || !ok {
			return ast.WalkContinue, nil
		}
		if v := t.Segment.Value(src); len(v) > 0 {
			first, _ := utf8.DecodeRune(v)
			resolve(first)
			before, _ = utf8.DecodeLastRune(v)
		}
		if t.SoftLineBreak() {
			waiting = append(waiting, t)
		}
		return ast.WalkContinue, nil
	})
	resolve(0)
}

// hasInlines says whether a block holds text (inline nodes) rather than
// other blocks.
func hasInlines(n ast.Node) bool {
	_, heading := n.(*ast.Heading)
	return heading || isTextBlock(n)
}

// joinsWithoutSpace says whether a line break between a and b is no space:
// both are CJK, or one is CJK and the other a quotation mark, which Chinese
// sets against the characters it quotes. Between Latin words it stays a space.
func joinsWithoutSpace(a, b rune) bool {
	switch {
	case a == 0 || b == 0:
		return false
	case isCJK(a) && isCJK(b):
		return true
	case isCJK(a) && isQuote(b), isQuote(a) && isCJK(b):
		return true
	}
	return false
}

func isQuote(r rune) bool {
	switch r {
	case '“', '”', '‘', '’':
		return true
	}
	return false
}
