// Package markdown converts page text to HTML with goldmark, configured once
// for this site: GitHub tables, strikethrough and footnotes, no raw HTML, and
// the rules Chinese text needs (emphasis next to Chinese punctuation, no space
// where a line breaks between Chinese characters, Unicode heading IDs).
//
// Content cannot restyle or break the page it is on: a heading may set only
// an id and classes, each a plain name; heading ids never take an id the
// layouts use; and limits on size and nesting (see MaxBytes and the rest)
// keep any text from holding up a build. What breaks these rules is an
// error at its line and column, not silently dropped.
package markdown

import (
	"bytes"
	"html/template"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Options configure a Converter.
type Options struct {
	// ReservedIDs are the element ids the layouts use, each with the
	// layout file that uses it (for messages): headings never take them.
	ReservedIDs map[string]string
}

// Converter turns Markdown into HTML. It is safe for concurrent use.
type Converter struct {
	md       goldmark.Markdown
	reserved map[string]string
}

// New returns a Converter. Build it once: goldmark's setup is not free.
func New(opts Options) *Converter {
	md := goldmark.New(
		goldmark.WithParser(newParser()),
		goldmark.WithExtensions(
			extension.Table,         // editors tabulate figures
			extension.Strikethrough, // GFM habit; harmless
			CJK,                     // emphasis and line breaks for Chinese
		),
		goldmark.WithRendererOptions(renderer.WithNodeRenderers(
			// sources and notes in the about page
			util.Prioritized(extension.NewFootnoteHTMLRenderer(), 500),
		)),
		// html.WithUnsafe is left out on purpose: raw HTML in content is
		// dropped, so content can never break the page or inject script.
	)
	return &Converter{md: md, reserved: opts.ReservedIDs}
}

// newParser is goldmark's parser with its list, block quote and heading
// parsers wrapped to enforce this package's rules, and footnotes added the
// same way. goldmark's attribute and heading-id options are off: headings
// read their own attributes (headingParser) and get ids once the whole
// text is known (assignIDs).
func newParser() parser.Parser {
	// goldmark's DefaultBlockParsers, at the same priorities, plus footnotes.
	blocks := []util.PrioritizedValue{
		util.Prioritized(headingParser{BlockParser: parser.NewSetextHeadingParser()}, 100),
		util.Prioritized(parser.NewThematicBreakParser(), 200),
		util.Prioritized(nestingLimit{parser.NewListParser()}, 300),
		util.Prioritized(parser.NewListItemParser(), 400),
		util.Prioritized(parser.NewCodeBlockParser(), 500),
		util.Prioritized(headingParser{BlockParser: parser.NewATXHeadingParser(), atx: true}, 600),
		util.Prioritized(parser.NewFencedCodeBlockParser(), 700),
		util.Prioritized(nestingLimit{parser.NewBlockquoteParser()}, 800),
		util.Prioritized(parser.NewHTMLBlockParser(), 900),
		util.Prioritized(nestingLimit{extension.NewFootnoteBlockParser()}, 999),
		util.Prioritized(parser.NewParagraphParser(), 1000),
	}
	return parser.NewParser(
		parser.WithBlockParsers(blocks...),
		parser.WithInlineParsers(append(parser.DefaultInlineParsers(),
			util.Prioritized(footnoteRefLimit{extension.NewFootnoteParser()}, 101))...),
		parser.WithParagraphTransformers(append(parser.DefaultParagraphTransformers(),
			util.Prioritized(lineLimits{}, 0),        // before link definitions (100) and tables (200)
			util.Prioritized(paragraphLimits{}, 300), // after them
		)...),
		parser.WithASTTransformers(util.Prioritized(extension.NewFootnoteASTTransformer(), 999)),
	)
}

// Convert renders a whole document. pageIDs are ids the page gives its own
// elements (its figures), each with what uses it; headings never take them
// either. The error, if any, is Errors.
func (c *Converter) Convert(src []byte, pageIDs map[string]string) (template.HTML, error) {
	doc, _, err := c.convert(src, pageIDs, nil)
	return doc, err
}

// ConvertDoc renders a whole document, as Convert does, and reads its
// passages for search from the same parse.
func (c *Converter) ConvertDoc(src []byte, pageIDs map[string]string) (Doc, error) {
	html, root, err := c.convert(src, pageIDs, nil)
	if err != nil {
		return Doc{}, err
	}
	return Doc{HTML: html, Passages: passages(root, src)}, nil
}

func (c *Converter) convert(src []byte, pageIDs map[string]string, links *Links) (template.HTML, ast.Node, error) {
	ctx := parser.NewContext()
	pr := newProblems(ctx)
	if !checkSize(src, pr) {
		return "", nil, pr.errors(src)
	}
	doc := c.md.Parser().Parse(text.NewReader(src), parser.WithContext(ctx))
	assignIDs(doc.(*ast.Document), src, idSet{c.reserved, pageIDs}, pr)
	links.apply(doc, src, pr) // once ids are known
	if err := pr.errors(src); err != nil {
		return "", nil, err
	}
	var buf bytes.Buffer
	if err := c.md.Renderer().Render(&buf, src, doc); err != nil {
		return "", nil, err
	}
	return template.HTML(buf.String()), doc, nil
}
