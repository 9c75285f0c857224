package markdown

import (
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	extast "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// CJK is a goldmark extension for Chinese, Japanese and Korean text:
//
//   - emphasis and strikethrough delimiters follow the CommonMark
//     CJK-friendly amendment (github.com/tats-u/markdown-cjk-friendly), so
//     **“重点”**是, **中文。**中文 and ~~“旧”~~新 are marked up, as writers of
//     Chinese expect;
//   - a soft line break between two Chinese characters, or between one and a
//     quotation mark, is dropped rather than rendered as a space.
var CJK goldmark.Extender = cjkExtension{}

type cjkExtension struct{}

func (cjkExtension) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(
		// Ahead of goldmark's own emphasis parser (priority 500), which then
		// never sees a '*' or '_'.
		parser.WithInlineParsers(
			util.Prioritized(emphasisParser{}, 499),
			util.Prioritized(strikethroughParser{}, 500), // GFM's ~~, which this replaces
		),
		parser.WithASTTransformers(util.Prioritized(softBreakTransformer{}, 999)),
	)
	m.Renderer().AddOptions(renderer.WithNodeRenderers(
		util.Prioritized(extension.NewStrikethroughHTMLRenderer(), 500),
	))
}

// emphasisParser finds runs of '*' and '_' and decides whether they can
// open or close emphasis by the CJK-friendly flanking rules.
type emphasisParser struct{}

func (emphasisParser) Trigger() []byte { return []byte{'*', '_'} }

func (emphasisParser) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	before := block.PrecendingCharacter()
	line, segment := block.PeekLine()
	c := line[0]
	n := 0
	for n < len(line) && line[n] == c {
		n++
	}
	after := rune(' ') // the end of the line counts as white space
	if n < len(line) {
		after, _ = utf8.DecodeRune(line[n:])
	}
	canOpen, canClose := flanking(c, before, after)
	d := parser.NewDelimiter(canOpen, canClose, n, c, emphasisDelimiters{})
	d.Segment = segment.WithStop(segment.Start + n)
	block.Advance(n)
	pc.PushDelimiter(d)
	return d
}

// strikethroughParser is GFM's strikethrough (one or two '~', closed by
// as many) with the flanking rules of emphasisParser, so that ~~“旧”~~新
// strikes through as **“重点”**是 is strong.
type strikethroughParser struct{}

func (strikethroughParser) Trigger() []byte { return []byte{'~'} }

func (strikethroughParser) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	before := block.PrecendingCharacter()
	if before == '~' {
		return nil // inside a run the parser refused: answered in one step, so a long run costs no more than its length
	}
	line, segment := block.PeekLine()
	n := 0
	for n < len(line) && line[n] == '~' {
		n++
	}
	if n > 2 {
		return nil // GFM: three or more tildes are text (or a code fence)
	}
	after := rune(' ')
	if n < len(line) {
		after, _ = utf8.DecodeRune(line[n:])
	}
	canOpen, canClose := flanking('~', before, after)
	if !canOpen && !canClose {
		return nil
	}
	d := parser.NewDelimiter(canOpen, canClose, n, '~', strikeDelimiters{})
	d.Segment = segment.WithStop(segment.Start + n)
	block.Advance(n)
	pc.PushDelimiter(d)
	return d
}

// strikeDelimiters match a run of '~' with one of the same length, as
// GitHub does: ~a~~ is not struck through.
type strikeDelimiters struct{}

func (strikeDelimiters) IsDelimiter(b byte) bool { return b == '~' }

func (strikeDelimiters) CanOpenCloser(opener, closer *parser.Delimiter) bool {
	return opener.Char == closer.Char && opener.Length == closer.Length
}

func (strikeDelimiters) OnMatch(consumes int) ast.Node { return extast.NewStrikethrough() }

// flanking applies the amended definitions of left- and right-flanking
// delimiter runs, and the extra rules for '_'.
func flanking(c byte, before, after rune) (canOpen, canClose bool) {
	left := !isSpace(after) &&
		(!isNonCJKPunct(after) || isSpace(before) || isNonCJKPunct(before) || isCJK(before) || isIVS(before))
	right := !isSpace(before) &&
		(!isNonCJKPunct(before) || isSpace(after) || isNonCJKPunct(after) || isCJK(after))
	if c == '_' {
		return left && (!right || isPunct(before)), right && (!left || isPunct(after))
	}
	return left, right
}

// emphasisDelimiters matches like goldmark's own: same character, and the
// match becomes <em> or <strong>.
type emphasisDelimiters struct{}

func (emphasisDelimiters) IsDelimiter(b byte) bool { return b == '*' || b == '_' }

func (emphasisDelimiters) CanOpenCloser(opener, closer *parser.Delimiter) bool {
	return opener.Char == closer.Char
}

func (emphasisDelimiters) OnMatch(consumes int) ast.Node { return ast.NewEmphasis(consumes) }

func isSpace(r rune) bool { return util.IsSpaceRune(r) || r == 0 }

func isPunct(r rune) bool { return util.IsPunctRune(r) }

func isNonCJKPunct(r rune) bool { return isPunct(r) && !isCJK(r) }

// isIVS reports an ideographic variation selector, which belongs to the CJK
// character before it.
func isIVS(r rune) bool { return r >= 0xE0100 && r <= 0xE01EF }

// isCJK reports a CJK character as the amendment defines it: East Asian
// Width W, F or H (without emoji), or Hangul. The table is the wide and
// fullwidth blocks that Chinese text uses, plus Hangul and halfwidth forms.
func isCJK(r rune) bool {
	return unicode.Is(cjkRanges, r)
}

var cjkRanges = &unicode.RangeTable{
	R16: []unicode.Range16{
		{Lo: 0x1100, Hi: 0x115F, Stride: 1}, // Hangul Jamo (wide)
		{Lo: 0x2E80, Hi: 0x303E, Stride: 1}, // CJK radicals, Kangxi, ideographic description, CJK symbols and punctuation
		{Lo: 0x3041, Hi: 0x33FF, Stride: 1}, // kana, bopomofo, Hangul compatibility, CJK compatibility
		{Lo: 0x3400, Hi: 0x4DBF, Stride: 1}, // CJK extension A
		{Lo: 0x4E00, Hi: 0x9FFF, Stride: 1}, // CJK unified ideographs
		{Lo: 0xA000, Hi: 0xA4CF, Stride: 1}, // Yi
		{Lo: 0xA960, Hi: 0xA97F, Stride: 1}, // Hangul Jamo extended A
		{Lo: 0xAC00, Hi: 0xD7A3, Stride: 1}, // Hangul syllables
		{Lo: 0xF900, Hi: 0xFAFF, Stride: 1}, // CJK compatibility ideographs
		{Lo: 0xFE10, Hi: 0xFE19, Stride: 1}, // vertical forms
		{Lo: 0xFE30, Hi: 0xFE6F, Stride: 1}, // CJK compatibility forms, small form variants
		{Lo: 0xFF01, Hi: 0xFFEE, Stride: 1}, // fullwidth and halfwidth forms
	},
	R32: []unicode.Range32{
		{Lo: 0x1B000, Hi: 0x1B2FF, Stride: 1}, // kana supplement and extensions
		{Lo: 0x20000, Hi: 0x2FFFD, Stride: 1}, // CJK extensions B to F, compatibility supplement
		{Lo: 0x30000, Hi: 0x3FFFD, Stride: 1}, // CJK extensions G and H
	},
}
