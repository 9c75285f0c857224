package markdown

import (
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// softBreakTransformer drops soft line breaks that a browser would show as a
// stray space in Chinese text. It looks through emphasis and links for the
// characters on either side, since "**重点**\n继续" breaks after </strong>.
type softBreakTransformer struct{}

func (softBreakTransformer) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	src := reader.Source()
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		t, ok := n.(*ast.Text)
		if !entering || !ok || !t.SoftLineBreak() {
			return ast.WalkContinue, nil
		}
		if joinsWithoutSpace(runeBefore(t, src), runeAfter(t, src)) {
			t.SetSoftLineBreak(false)
		}
		return ast.WalkContinue, nil
	})
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

// runeBefore is the last character of t, or of whatever stands before it
// when t itself is empty (the text after a closing </strong> or </a>).
func runeBefore(t *ast.Text, src []byte) rune {
	if v := t.Segment.Value(src); len(v) > 0 {
		r, _ := utf8.DecodeLastRune(v)
		return r
	}
	for n := t.PreviousSibling(); n != nil; n = n.PreviousSibling() {
		if r := lastRune(n, src); r != 0 {
			return r
		}
	}
	return 0
}

// runeAfter is the first character after the break: in the next sibling, or
// after the parent when t ends an emphasis or link.
func runeAfter(t *ast.Text, src []byte) rune {
	for n := ast.Node(t); n != nil && n.Kind() != ast.KindParagraph; n = n.Parent() {
		for s := n.NextSibling(); s != nil; s = s.NextSibling() {
			if r := firstRune(s, src); r != 0 {
				return r
			}
		}
	}
	return 0
}

func lastRune(n ast.Node, src []byte) rune {
	if t, ok := n.(*ast.Text); ok {
		r, _ := utf8.DecodeLastRune(t.Segment.Value(src))
		if r == utf8.RuneError {
			return 0
		}
		return r
	}
	for c := n.LastChild(); c != nil; c = c.PreviousSibling() {
		if r := lastRune(c, src); r != 0 {
			return r
		}
	}
	return 0
}

func firstRune(n ast.Node, src []byte) rune {
	if t, ok := n.(*ast.Text); ok {
		r, _ := utf8.DecodeRune(t.Segment.Value(src))
		if r == utf8.RuneError {
			return 0
		}
		return r
	}
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if r := firstRune(c, src); r != 0 {
			return r
		}
	}
	return 0
}
