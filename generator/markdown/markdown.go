// Package markdown converts page text to HTML with goldmark, configured once
// for this site: GitHub tables, strikethrough, task lists, linked bare URLs
// and footnotes, code highlighted by chroma as CSS classes, typographic
// punctuation where the language wants it, no raw HTML, and the rules
// Chinese text needs (emphasis and strikethrough next to Chinese
// punctuation, no space where a line breaks between Chinese characters,
// Unicode heading IDs, no typographic quotes or dashes beside Chinese).
//
// Content cannot restyle or break the page it is on: a heading may set only
// an id and classes, each a plain name; heading ids never take an id the
// layouts use; and limits on size and nesting (see MaxBytes and the rest)
// keep any text from holding up a build. What breaks these rules is an
// error at its line and column, not silently dropped.
package markdown

import (
	"bufio"
	"bytes"
	"html/template"
	"sync"

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
	// Typographer turns straight quotes into curly ones, "--" and "---"
	// into dashes and "..." into an ellipsis, as English wants; never
	// beside a Chinese character, whose own punctuation is already typed.
	Typographer bool
}

// Converter turns Markdown into HTML. It is safe for concurrent use.
type Converter struct {
	md goldmark.Markdown
	// noLinks is md's parser without linkify, for a text in which it
	// cannot find a link (see mayLink).
	noLinks     parser.Parser
	reserved    map[string]string
	typographer bool // whether '\'' becomes ’
}

// New returns a Converter. Build it once: goldmark's setup is not free.
func New(opts Options) *Converter {
	return &Converter{md: newMarkdown(opts, true), noLinks: newMarkdown(opts, false).Parser(),
		reserved: opts.ReservedIDs, typographer: opts.Typographer}
}

// newMarkdown is goldmark set up for opts, with linkify or without.
func newMarkdown(opts Options, withLinkify bool) goldmark.Markdown {
	var links goldmark.Extender = noExtension{}
	if withLinkify {
		links = linkify{} // a bare https://… or www.… is a link
	}
	extensions := []goldmark.Extender{
		extension.Table,    // editors tabulate figures
		extension.TaskList, // - [x] done, as on GitHub
		links,
		CJK, // emphasis, strikethrough and line breaks for Chinese
		shortcodeExtension{},
		imageExtension{},
		highlighting{}, // fenced code as chroma's CSS classes
	}
	if opts.Typographer {
		extensions = append(extensions, typographer{})
	}
	return goldmark.New(
		goldmark.WithParser(newParser()),
		goldmark.WithExtensions(extensions...),
		goldmark.WithRendererOptions(renderer.WithNodeRenderers(
			// sources and notes in the about page
			util.Prioritized(extension.NewFootnoteHTMLRenderer(), 500),
			util.Prioritized(newTableCells(), 100), // before the table extension's (500)
		)),
		// html.WithUnsafe is left out on purpose: raw HTML in content is
		// dropped, so content can never break the page or inject script.
	)
}

// noExtension extends nothing.
type noExtension struct{}

func (noExtension) Extend(goldmark.Markdown) {}

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
		parser.WithParagraphTransformers(
			util.Prioritized(lineLimits{}, 0),        // before link definitions and tables (200)
			util.Prioritized(linkDefinitions{}, 100), // goldmark's, at its priority
			util.Prioritized(paragraphLimits{}, 300), // after them
		),
		parser.WithASTTransformers(util.Prioritized(extension.NewFootnoteASTTransformer(), 999)),
	)
}

// Convert renders a whole document. pageIDs are ids the page gives its own
// elements (its figures), each with what uses it; headings never take them
// either. The error, if any, is Errors.
func (c *Converter) Convert(src []byte, pageIDs map[string]string) (template.HTML, error) {
	doc, _, err := c.convert(src, &Page{IDs: idMap(pageIDs)})
	return doc, err
}

// ConvertDoc renders a whole document, as Convert does, and reads its
// passages for search and its headings from the same parse.
func (c *Converter) ConvertDoc(src []byte, pageIDs map[string]string) (Doc, error) {
	return c.ConvertPage(src, Page{IDs: idMap(pageIDs)})
}

// Page is what a conversion knows of the page the text is on.
type Page struct {
	// IDs are ids the page gives its own elements (its figures), each
	// with what uses it: headings never take them.
	IDs IDUsers
	// Shortcodes are the outputs of the shortcode calls that Expand
	// replaced with placeholders, by placeholder number.
	Shortcodes []template.HTML
	// Image tells what is known of an image the text shows, by its
	// destination as written; nil knows nothing of any image.
	Image ImageResolver
	// Links resolves the text's links to content files; nil leaves links
	// as written.
	Links *Links
	// NoPassages: the caller has no use for the text's passages (there is
	// no search index), so ConvertPage reads its headings alone.
	NoPassages bool
}

// ConvertPage renders a whole document on a page, as ConvertDoc does, with
// the shortcode outputs and images of that page.
func (c *Converter) ConvertPage(src []byte, pg Page) (Doc, error) {
	html, root, err := c.convert(src, &pg)
	if err != nil {
		return Doc{}, err
	}
	doc := Doc{HTML: html}
	doc.Passages, doc.Headings = passages(root, src, pg.NoPassages)
	if pg.Links != nil {
		doc.HeadingIDs, doc.Links = pg.Links.headings, pg.Links.found
	}
	return doc, nil
}

func (c *Converter) convert(src []byte, pg *Page) (template.HTML, ast.Node, error) {
	ctx := parser.NewContext()
	pr := newProblems(ctx)
	if !checkSize(src, pr) {
		return "", nil, pr.errors(src)
	}
	pr.fewMarks = fewMarks(src)
	if pg == nil {
		pg = &Page{}
	}
	ctx.Set(pageKey, pg)
	p := c.md.Parser()
	if !mayLink(src) {
		p = c.noLinks
	}
	doc := p.Parse(text.NewReader(src), parser.WithContext(ctx))
	assignIDs(doc.(*ast.Document), src, idSet{idMap(c.reserved), pg.IDs, idMap(tocIDs)}, pr)
	pg.Links.apply(doc, src, pr) // once ids are known
	if err := pr.errors(src); err != nil {
		return "", nil, err
	}
	out := outputs.Get().(*output)
	defer outputs.Put(out)
	out.buf.Reset()
	out.w.Reset(&out.buf)
	if err := c.md.Renderer().Render(out.w, src, doc); err != nil {
		return "", nil, err
	}
	if err := out.w.Flush(); err != nil {
		return "", nil, err
	}
	if len(pg.Shortcodes) > 0 {
		if err := strayPlaceholder(out.buf.Bytes(), src); err != nil {
			return "", nil, err
		}
	}
	return template.HTML(out.buf.String()), doc, nil
}

// output is where a conversion's HTML is written. goldmark wraps any
// writer that is not buffered in a new bufio.Writer on every call; giving
// it one, kept from call to call with its buffer, saves both allocations.
type output struct {
	buf bytes.Buffer
	w   *bufio.Writer
}

var outputs = sync.Pool{New: func() any {
	o := &output{}
	o.w = bufio.NewWriterSize(&o.buf, 8<<10)
	return o
}}

var pageKey = parser.NewContextKey()

// pageOf is the page a conversion is for.
func pageOf(pc parser.Context) *Page { return pc.Get(pageKey).(*Page) }
