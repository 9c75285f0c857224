package markdown

import (
	"bytes"
	"strconv"
	"strings"

	"github.com/yuin/goldmark/ast"
	extast "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// Limits on one Markdown text. goldmark takes time that grows with the
// square of the input, or faster, on some constructs (a thousand-deep list,
// thousands of unclosed "[a](" or "*a_" in one paragraph, thousands of
// footnotes): without these, a few hundred kilobytes of such text stop the
// build for minutes. Each is far beyond what an article needs, and a text
// that passes one is an error at the place where it does; generator/doc.go
// lists them for editors. Together they keep any text to a second or two.
const (
	// MaxBytes is the size of one page's Markdown, after shortcodes.
	MaxBytes = 1 << 20
	// MaxNesting is how deep lists, block quotes and footnotes may nest.
	MaxNesting = 100
	// MaxMarks is how many inline marks one paragraph, heading or table
	// row may hold: each '[', ']' and '<', and each run of '*', '_', '~'
	// or '`', unless escaped with '\'. goldmark matches these against each
	// other, and its time grows with their number times the paragraph.
	MaxMarks = 500
	// MaxLines is how many lines one paragraph or table may have.
	MaxLines = 5000
	// MaxFootnotes is how many footnotes one text may define, and how many
	// references to them it may make.
	MaxFootnotes = 1000
	// MaxShortcodeNesting is how deep paired shortcode calls may nest.
	MaxShortcodeNesting = 20
	// MaxColoured is how many bytes of fenced code with a language one
	// text may hold: chroma colours some languages (sql, bash) at a few
	// tens of kilobytes a second.
	MaxColoured = 64 << 10
)

// checkSize refuses a text over MaxBytes before goldmark sees it, at the
// line where it passes the limit.
func checkSize(src []byte, pr *problems) bool {
	if len(src) <= MaxBytes {
		return true
	}
	off, msg := tooLarge(src)
	pr.add(off, "%s", msg)
	return false
}

// tooLarge places and words the error for a text over MaxBytes.
func tooLarge(src []byte) (int, string) {
	return bytes.LastIndexByte(src[:MaxBytes], '\n') + 1,
		"the text passes the limit of " + thousands(MaxBytes) + " bytes (1 MiB) on this line; it is " + thousands(len(src)) + " bytes in all: split it into several pages"
}

// nestingLimit wraps goldmark's list, block quote and footnote parsers: a
// container that would nest deeper than MaxNesting is not opened (the line
// becomes text) and the text is an error. So is a footnote past
// MaxFootnotes.
type nestingLimit struct {
	parser.BlockParser
}

func (n nestingLimit) Open(parent ast.Node, reader text.Reader, pc parser.Context) (ast.Node, parser.State) {
	line, pos := reader.Position()
	node, state := n.BlockParser.Open(parent, reader, pc)
	if node == nil {
		return node, state
	}
	pr := problemsOf(pc)
	off := pos.Start + max(pc.BlockOffset(), 0)
	switch d := depth(parent, pc) + 1; {
	case d > MaxNesting:
		pr.addOnce("nesting", off, "lists, block quotes and footnotes nest %d deep here; the limit is %d", d, MaxNesting)
	case node.Kind() == extast.KindFootnote && pr.footnotes >= MaxFootnotes:
		pr.addOnce("footnotes", off, "this is footnote %s; a text may define at most %s", thousands(pr.footnotes+1), thousands(MaxFootnotes))
	default:
		if node.Kind() == extast.KindFootnote {
			pr.footnotes++
		}
		return node, state
	}
	reader.SetPosition(line, pos)
	return nil, parser.NoChildren
}

// depth counts the containers that n is in, n included. It cannot be more
// than the blocks open, which is few in any real text: then it is not
// counted at all.
func depth(n ast.Node, pc parser.Context) int {
	if len(pc.OpenedBlocks()) < MaxNesting {
		return 0
	}
	d := 0
	for ; n != nil; n = n.Parent() {
		switch n.Kind() {
		case ast.KindList, ast.KindBlockquote, extast.KindFootnote:
			d++
		}
	}
	return d
}

// footnoteRefLimit wraps goldmark's footnote reference parser, which looks
// each reference up in a list of the definitions: past MaxFootnotes
// references, "[^x]" is left to the link parser and the text is an error.
type footnoteRefLimit struct {
	parser.InlineParser
}

func (f footnoteRefLimit) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	line, seg := block.PeekLine()
	if !bytes.HasPrefix(line, []byte("[^")) && !bytes.HasPrefix(line, []byte("![^")) {
		return nil
	}
	pr := problemsOf(pc)
	if pr.footnoteRefs++; pr.footnoteRefs > MaxFootnotes {
		pr.addOnce("footnote references", seg.Start, "this is footnote reference %s; a text may refer to footnotes at most %s times", thousands(pr.footnoteRefs), thousands(MaxFootnotes))
		return nil
	}
	return f.InlineParser.Parse(parent, block, pc)
}

// lineLimits checks a paragraph as it closes, before goldmark looks for
// link definitions and tables in it: its number of lines, and the marks on
// each line (a table row is a line, and its cells are parsed one by one).
// A paragraph over a limit is dropped, so that goldmark spends no time on
// it; the text is an error anyway.
type lineLimits struct{}

func (lineLimits) Transform(node *ast.Paragraph, reader text.Reader, pc parser.Context) {
	lines := node.Lines()
	pr := problemsOf(pc)
	if lines.Len() > MaxLines {
		pr.add(lines.At(0).Start, "this paragraph or table has %s lines; the limit is %s", thousands(lines.Len()), thousands(MaxLines))
		drop(node)
		return
	}
	if pr.fewMarks {
		return
	}
	for i := range lines.Len() {
		seg := lines.At(i)
		if n := countMarks(seg.Value(reader.Source())); n > MaxMarks {
			pr.add(seg.Start, "this line has %s inline marks ([, ], <, or runs of *, _, ~, `); the limit is %s", thousands(n), thousands(MaxMarks))
			drop(node)
			return
		}
	}
}

// paragraphLimits checks the marks in a whole paragraph, once tables are
// taken out of it: emphasis and links are matched across its lines.
type paragraphLimits struct{}

func (paragraphLimits) Transform(node *ast.Paragraph, reader text.Reader, pc parser.Context) {
	if problemsOf(pc).fewMarks {
		return
	}
	lines := node.Lines()
	n := 0
	for i := range lines.Len() {
		seg := lines.At(i)
		n += countMarks(seg.Value(reader.Source()))
	}
	if n > MaxMarks {
		problemsOf(pc).add(lines.At(0).Start, "this paragraph has %s inline marks ([, ], <, or runs of *, _, ~, `); the limit is %s", thousands(n), thousands(MaxMarks))
		drop(node)
	}
}

func drop(n ast.Node) { n.Parent().RemoveChild(n.Parent(), n) }

// countMarks counts the characters that goldmark's inline parsers match
// against each other: '[', ']' and '<' one by one, '*', '_', '~' and '`'
// by runs. A backslash escapes the character after it.
func countMarks(b []byte) int {
	n := 0
	for i := 0; i < len(b); i++ {
		c := b[i]
		if !markBytes[c] {
			continue // most bytes: a table lookup, as every paragraph is counted
		}
		switch c {
		case '\\':
			i++
		case '[', ']', '<':
			n++
		default: // '*', '_', '~', '`'
			n++
			for i+1 < len(b) && b[i+1] == c {
				i++
			}
		}
	}
	return n
}

// fewMarks reports a text with at most MaxMarks mark characters in all
// (an upper bound of what countMarks finds in any part of it): most texts,
// whose paragraphs then need no count. bytes.Count is vectorised, and
// eight of its passes cost less than one count byte by byte.
func fewMarks(src []byte) bool {
	n := 0
	for _, c := range []byte(markChars) {
		if n += bytes.Count(src, []byte{c}); n > MaxMarks {
			return false
		}
	}
	return true
}

// markChars are the bytes countMarks looks at, and markBytes the same
// set as a table, for countMarks' byte-by-byte walk.
const markChars = "\\[]<*_~`"

var markBytes = func() (t [256]bool) {
	for _, c := range []byte(markChars) {
		t[c] = true
	}
	return t
}()

// thousands writes a count with commas, as the messages quote limits.
func thousands(n int) string {
	s := strconv.Itoa(n)
	var b strings.Builder
	for i := range len(s) {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteByte(s[i])
	}
	return b.String()
}
