package markdown

import (
	"bytes"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// linkify is goldmark's Linkify (a bare https://…, www.… or e-mail address
// becomes a link), asked only about words that can be one. goldmark's
// parser runs at every space and scans each word for an e-mail address:
// a tenth of the time of converting an English page, for pages that
// rarely hold an address.
type linkify struct{}

var linkifyParser = extension.NewLinkifyParser()

func (linkify) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithInlineParsers(util.Prioritized(maybeLink{linkifyParser}, 999)))
}

type maybeLink struct {
	parser.InlineParser
}

func (l maybeLink) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	line, _ := block.PeekLine()
	word := line
	if len(word) > 0 && bytes.IndexByte([]byte(" *_~("), word[0]) >= 0 || len(word) > 0 && util.IsSpace(word[0]) {
		word = word[1:] // the character the parser was triggered by
	}
	if !couldLink(word) {
		return nil
	}
	return l.InlineParser.Parse(parent, block, pc)
}

// mayLink reports a text in which linkify might find a link: goldmark's
// finds one only at "http:", "https:", "ftp:", "www." or an '@'. A text
// with none is parsed without linkify, whose parser goldmark would call at
// every space (2% of a large build, for the few pages with an address).
// So is a text with a blank (a space or tab) at a line's end: goldmark
// trims the blanks before a line break differently when a parser is
// called at one ("a  \n" keeps a space before the <br> with linkify, none
// without), and a page must not render so because another of its lines
// holds an address.
func mayLink(src []byte) bool {
	return bytes.IndexByte(src, '@') >= 0 || follows(src, ':', "http", "https", "ftp") || follows(src, '.', "www") ||
		blankEndsLine(src)
}

// blankEndsLine reports a blank (space, tab, \v or \f) right before a
// line break or the end of src.
func blankEndsLine(src []byte) bool {
	blankBefore := func(end int) bool {
		if end == 0 {
			return false
		}
		switch src[end-1] {
		case ' ', '\t', '\v', '\f':
			return true
		}
		return false
	}
	return blankBefore(len(src)) || anyAt(src, '\n', blankBefore) || anyAt(src, '\r', blankBefore)
}

// follows reports a mark in src that comes right after one of words. It
// looks only where the mark is: far fewer places in a text than its 'h's
// and 'w's, where a search for "http" or "www." would stop.
func follows(src []byte, mark byte, words ...string) bool {
	return anyAt(src, mark, func(i int) bool {
		for _, w := range words {
			if bytes.HasSuffix(src[:i], []byte(w)) {
				return true
			}
		}
		return false
	})
}

// anyAt reports whether found holds at some index of b in src.
func anyAt(src []byte, b byte, found func(i int) bool) bool {
	for i := 0; ; {
		j := bytes.IndexByte(src[i:], b)
		if j < 0 {
			return false
		}
		if found(i + j) {
			return true
		}
		i += j + 1
	}
}

// couldLink reports a word that starts like a URL or an e-mail address.
func couldLink(word []byte) bool {
	if len(word) < 4 {
		return false
	}
	switch word[0] {
	case 'h', 'f', 'w':
		if bytes.HasPrefix(word, []byte("http")) || bytes.HasPrefix(word, []byte("ftp:")) || bytes.HasPrefix(word, []byte("www.")) {
			return true
		}
	}
	// An address's name is letters, digits and ".-_+" (GFM): a word of
	// other characters is answered at its first, so a long run of marks
	// costs no more than its length.
	for _, c := range word {
		switch {
		case c == '@':
			return true
		case !util.IsAlphaNumeric(c) && c != '.' && c != '-' && c != '_' && c != '+':
			return false
		}
	}
	return false
}
