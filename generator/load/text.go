package load

import (
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	extast "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"

	"westcoast/generator/model"
)

// checkText finds the first byte of a Markdown body that is not text:
// invalid UTF-8 (a file saved in GBK, say), or a control character other
// than tab and line breaks, which would be published as it is. Front
// matter is checked by the TOML library, which rejects both.
func checkText(path string, body []byte, firstLine int) *model.Error {
	line, col := firstLine, 1
	for i := 0; i < len(body); {
		r, size := utf8.DecodeRune(body[i:])
		switch {
		case r == utf8.RuneError && size <= 1:
			return model.Errorf(path, line, col, "invalid UTF-8 (byte 0x%02x): save the file as UTF-8", body[i])
		case r == '\n':
			line, col = line+1, 0
		case r != '\t' && r != '\r' && unicode.IsControl(r):
			return model.Errorf(path, line, col, "control character U+%04X is not allowed in text: remove it", r)
		}
		i += size
		col++
	}
	return nil
}

// blockParser parses Markdown blocks as the site's converter does: its
// block-level extensions are tables and footnotes.
var blockParser = sync.OnceValue(func() parser.Parser {
	return goldmark.New(goldmark.WithExtensions(extension.Table, extension.Footnote)).Parser()
})

// blockIn names the first thing in a summary that cannot go inside a
// paragraph (a heading, a list, a second paragraph...), or returns "". A
// summary is shown inside <p>, so it must be one paragraph of inline text.
func blockIn(summary string) string {
	if summary == "" {
		return ""
	}
	doc := blockParser().Parse(text.NewReader([]byte(summary)))
	paragraphs := 0
	for n := doc.FirstChild(); n != nil; n = n.NextSibling() {
		if n.Kind() == ast.KindParagraph && paragraphs == 0 {
			paragraphs++
			continue
		}
		return blockName(n.Kind())
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
