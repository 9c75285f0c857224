package markdown

import (
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// typographer is goldmark's typographer, for languages that set
// typographer = true: “curly quotes”, ’ for an apostrophe, – for "--",
// — for "---" and … for "...". It writes the characters themselves, not
// entities, so that search reads them as text; and it leaves "<<" and ">>"
// alone, which are not quotation marks in English.
type typographer struct{}

func (typographer) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithInlineParsers(
		util.Prioritized(besideCJK{extension.NewTypographerParser(extension.WithTypographicSubstitutions(map[extension.TypographicPunctuation][]byte{
			extension.LeftSingleQuote:  []byte("‘"),
			extension.RightSingleQuote: []byte("’"),
			extension.LeftDoubleQuote:  []byte("“"),
			extension.RightDoubleQuote: []byte("”"),
			extension.EnDash:           []byte("–"),
			extension.EmDash:           []byte("—"),
			extension.Ellipsis:         []byte("…"),
			extension.Apostrophe:       []byte("’"),
			extension.LeftAngleQuote:   nil,
			extension.RightAngleQuote:  nil,
		}))}, 9999),
	))
}

// besideCJK keeps the typographer away from Chinese text: punctuation with
// a CJK character on either side is left as typed. Chinese has its own
// full-width marks (“”、……——), and an English page that quotes a Chinese
// name in straight quotes keeps them straight rather than half-converted.
type besideCJK struct {
	parser.InlineParser
}

func (b besideCJK) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	if isCJK(block.PrecendingCharacter()) {
		return nil
	}
	line, _ := block.PeekLine()
	n := 1
	for n < len(line) && n < 3 && line[n] == line[0] {
		n++ // a run such as "--" or "...": the character after it counts
	}
	if n < len(line) {
		if after, _ := utf8.DecodeRune(line[n:]); isCJK(after) {
			return nil
		}
	}
	return b.InlineParser.Parse(parent, block, pc)
}
