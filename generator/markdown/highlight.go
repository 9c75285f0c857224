package markdown

import (
	"bytes"
	"html"
	"strings"
	"sync"

	"github.com/alecthomas/chroma/v2"
	"github.com/alecthomas/chroma/v2/lexers"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// highlighting colours fenced code by its language (```go), as chroma
// lexes it, with CSS classes (chroma's own short names, such as "k" for a
// keyword) that the site's stylesheet colours: no inline style, so content
// still sets nothing but ids and classes. A language chroma does not know
// is an error at the fence, since a typo would otherwise quietly lose the
// colours; "text" (or no language) is code without colours.
type highlighting struct{}

func (highlighting) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithASTTransformers(util.Prioritized(codeLanguages{}, 100)))
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(codeRenderer{}, 100)))
}

// plainLanguages are the names for code without colours.
var plainLanguages = map[string]bool{"text": true, "txt": true, "plain": true, "plaintext": true}

// codeLanguages checks the language of every fenced code block as the
// text is parsed, so that a wrong one is an error with the others.
type codeLanguages struct{}

func (codeLanguages) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	src := reader.Source()
	if !bytes.Contains(src, []byte("```")) && !bytes.Contains(src, []byte("~~~")) {
		return // no fence, no walk: most pages have no code
	}
	coloured := 0
	for n := range codeBlocks(doc) {
		if n.Info == nil {
			continue
		}
		lang := codeLanguage(n, src)
		if lang == "" || plainLanguages[lang] {
			continue
		}
		if !plainName(lang) || lexerFor(lang) == nil {
			problemsOf(pc).add(n.Info.Segment.Start, "code language %q: chroma has no lexer of that name; write a language such as go, python, toml or html, or text for no colours", lang)
			continue
		}
		for i := range n.Lines().Len() {
			seg := n.Lines().At(i)
			coloured += seg.Len()
		}
		if coloured > MaxColoured {
			problemsOf(pc).addOnce("coloured", n.Info.Segment.Start, "code to colour passes the limit of %s bytes (64 KiB) in this block: write text as the language of long listings", thousands(MaxColoured))
		}
	}
}

// codeBlocks lists the fenced code blocks wherever they stand (in lists,
// quotes, footnotes).
func codeBlocks(doc ast.Node) func(func(*ast.FencedCodeBlock) bool) {
	return func(yield func(*ast.FencedCodeBlock) bool) {
		_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
			if !entering || n.Type() != ast.TypeBlock {
				return ast.WalkContinue, nil
			}
			if c, ok := n.(*ast.FencedCodeBlock); ok && !yield(c) {
				return ast.WalkStop, nil
			}
			if n.Kind() == ast.KindParagraph || n.Kind() == ast.KindHeading {
				return ast.WalkSkipChildren, nil // no blocks inside
			}
			return ast.WalkContinue, nil
		})
	}
}

// codeLanguage is the first word of a fence's info string, lower-cased.
func codeLanguage(n *ast.FencedCodeBlock, src []byte) string {
	return strings.ToLower(string(n.Language(src)))
}

// plainName reports a language name that can stand in a class:
// "language-go", "language-c++", "language-objective-c". No language has
// a long name, and chroma's search by file name takes time that grows
// with the name's length for each lexer it tries.
func plainName(s string) bool {
	if len(s) > 40 {
		return false
	}
	for _, r := range s {
		if !('a' <= r && r <= 'z' || '0' <= r && r <= '9' || strings.ContainsRune("+#-_.", r)) {
			return false
		}
	}
	return s != ""
}

// lexers found by name, nil for none: chroma's lookup by a name it does
// not know tries every file pattern of every lexer.
var lexerCache sync.Map

func lexerFor(lang string) chroma.Lexer {
	if v, ok := lexerCache.Load(lang); ok {
		l, _ := v.(chroma.Lexer) // nil: known to have none
		return l
	}
	l := lexers.Get(lang)
	if l != nil {
		l = chroma.Coalesce(l)
	}
	lexerCache.Store(lang, l)
	return l
}

// codeRenderer writes fenced code, highlighted when it has a language.
type codeRenderer struct{}

func (codeRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindFencedCodeBlock, renderFencedCode)
}

// renderFencedCode writes <pre><code class="language-go"> with the code's
// tokens in <span class="…">. The <pre> can be focused, so that a reader
// without a mouse can scroll a long line.
func renderFencedCode(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkSkipChildren, nil
	}
	n := node.(*ast.FencedCodeBlock)
	var code strings.Builder
	for i := range n.Lines().Len() {
		seg := n.Lines().At(i)
		code.Write(seg.Value(src))
	}
	lang := ""
	if n.Info != nil {
		lang = codeLanguage(n, src)
	}
	var lexer chroma.Lexer
	if lang != "" && !plainLanguages[lang] && plainName(lang) {
		lexer = lexerFor(lang)
	}
	if lexer == nil {
		_, _ = w.WriteString(`<pre tabindex="0"><code`)
		if lang != "" && plainName(lang) {
			_, _ = w.WriteString(` class="language-` + lang + `"`)
		}
		_, _ = w.WriteString(">" + html.EscapeString(code.String()) + "</code></pre>\n")
		return ast.WalkSkipChildren, nil
	}
	_, _ = w.WriteString(`<pre class="chroma" tabindex="0"><code class="language-` + lang + `">`)
	if err := writeTokens(w, lexer, code.String()); err != nil {
		return ast.WalkStop, err
	}
	_, _ = w.WriteString("</code></pre>\n")
	return ast.WalkSkipChildren, nil
}

// writeTokens writes code as chroma lexes it: each run of tokens of one
// class in a span, text that no rule colours as it is. White space between
// two tokens of one class joins their run; other white space is outside
// any span.
func writeTokens(w util.BufWriter, lexer chroma.Lexer, code string) error {
	it, err := lexer.Tokenise(nil, code)
	if err != nil {
		return err
	}
	open, space := "", ""
	var run strings.Builder
	flush := func() {
		if run.Len() > 0 && open != "" {
			_, _ = w.WriteString(`<span class="` + open + `">` + html.EscapeString(run.String()) + "</span>")
		} else {
			_, _ = w.WriteString(html.EscapeString(run.String()))
		}
		run.Reset()
	}
	for t := it(); t != chroma.EOF; t = it() {
		if strings.TrimSpace(t.Value) == "" {
			space += t.Value
			continue
		}
		if class := tokenClass(t.Type); class != open {
			flush()
			_, _ = w.WriteString(html.EscapeString(space))
			open, space = class, ""
		}
		run.WriteString(space + t.Value)
		space = ""
	}
	flush()
	_, _ = w.WriteString(html.EscapeString(space))
	return nil
}

// coloured are the token types the stylesheet colours (site.css, "code
// highlighting"); any other token takes the class of the nearest of these
// above it (a KeywordType is a Keyword), or none.
var coloured = map[chroma.TokenType]bool{
	chroma.Keyword: true, chroma.OperatorWord: true,
	chroma.NameFunction: true, chroma.NameBuiltin: true, chroma.NameClass: true,
	chroma.NameTag: true, chroma.NameAttribute: true, chroma.NameDecorator: true,
	chroma.NameVariable: true, chroma.NameConstant: true,
	chroma.LiteralString: true, chroma.LiteralStringEscape: true, chroma.LiteralNumber: true,
	chroma.Comment: true, chroma.CommentPreproc: true,
	chroma.GenericDeleted: true, chroma.GenericInserted: true, chroma.GenericHeading: true,
	chroma.GenericSubheading: true, chroma.GenericEmph: true, chroma.GenericStrong: true,
	chroma.GenericPrompt: true, chroma.Error: true,
}

// tokenClass is chroma's class name for the nearest coloured type.
func tokenClass(t chroma.TokenType) string {
	for ; t != 0; t = t.Parent() {
		if coloured[t] {
			return chroma.StandardTypes[t]
		}
	}
	return ""
}
