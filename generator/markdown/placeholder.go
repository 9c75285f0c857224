package markdown

import (
	"bytes"
	"fmt"
	"html/template"
	"strconv"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// shortcodeExtension puts the HTML of shortcode calls where Expand left
// their placeholders: as an inline node inside text, or, for a call that
// is a paragraph on its own, in place of the paragraph, since a shortcode
// that writes a <figure> or a <div> cannot stand inside a <p>.
type shortcodeExtension struct{}

func (shortcodeExtension) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(
		parser.WithInlineParsers(util.Prioritized(placeholderParser{}, 0)),
		parser.WithASTTransformers(util.Prioritized(shortcodeBlocks{}, 50)),
	)
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(shortcodeRenderer{}, 100)))
}

// shortcodeHTML is a shortcode's output in the text.
type shortcodeHTML struct {
	ast.BaseInline
	html template.HTML
}

var kindShortcode = ast.NewNodeKind("Shortcode")

func (n *shortcodeHTML) Kind() ast.NodeKind { return kindShortcode }

func (n *shortcodeHTML) Dump(src []byte, level int) { ast.DumpHelper(n, src, level, nil, nil) }

// shortcodeBlock is a shortcode's output that stands alone, in place of a
// paragraph.
type shortcodeBlock struct {
	ast.BaseBlock
	html template.HTML
}

var kindShortcodeBlock = ast.NewNodeKind("ShortcodeBlock")

func (n *shortcodeBlock) Kind() ast.NodeKind { return kindShortcodeBlock }

func (n *shortcodeBlock) Dump(src []byte, level int) { ast.DumpHelper(n, src, level, nil, nil) }

// placeholderParser reads "&\x1a7\x1a" as the output of shortcode 7.
type placeholderParser struct{}

func (placeholderParser) Trigger() []byte { return []byte{placeholderStart} }

func (placeholderParser) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	line, _ := block.PeekLine()
	if len(line) < 4 || line[1] != placeholderMark {
		return nil
	}
	end := bytes.IndexByte(line[2:], placeholderMark)
	if end < 1 {
		return nil
	}
	n, err := strconv.Atoi(string(line[2 : 2+end]))
	outputs := pageOf(pc).Shortcodes
	if err != nil || n < 0 || n >= len(outputs) {
		return nil
	}
	block.Advance(end + 3)
	return &shortcodeHTML{html: outputs[n]}
}

// shortcodeBlocks turns a paragraph that is one shortcode's output into
// that output, and refuses a shortcode in a link's destination, which
// would be URL-escaped into nonsense.
type shortcodeBlocks struct{}

func (shortcodeBlocks) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	if len(pageOf(pc).Shortcodes) == 0 {
		return
	}
	src := reader.Source()
	var alone []*ast.Paragraph
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Paragraph:
			if n.ChildCount() == 1 && n.FirstChild().Kind() == kindShortcode {
				alone = append(alone, n)
			}
		case *ast.Link:
			placeholderIn(n.Destination, src, problemsOf(pc))
		case *ast.Image:
			placeholderIn(n.Destination, src, problemsOf(pc))
		}
		return ast.WalkContinue, nil
	})
	for _, p := range alone {
		b := &shortcodeBlock{html: p.FirstChild().(*shortcodeHTML).html}
		p.Parent().ReplaceChild(p.Parent(), p, b)
	}
}

// placeholderIn reports a shortcode written where only text can stand.
func placeholderIn(dest, src []byte, pr *problems) {
	if i := bytes.IndexByte(dest, placeholderMark); i >= 0 {
		pr.add(placeholderOffset(src, dest[i:]), "a shortcode cannot stand in a link's destination; write the address, or the path of the content file")
	}
}

// placeholderOffset finds where the placeholder at the start of p is in
// src; placeholders are unique, so the first match is the one.
func placeholderOffset(src, p []byte) int {
	end := bytes.IndexByte(p[1:], placeholderMark)
	if end < 0 {
		return 0
	}
	return max(bytes.Index(src, p[:end+2]), 0)
}

// strayPlaceholder reports a shortcode whose placeholder ended up in the
// HTML as it was (in code, a title): its output cannot stand there.
func strayPlaceholder(out, src []byte) error {
	i := bytes.IndexByte(out, placeholderMark)
	if i < 0 {
		return nil
	}
	return Errors{errorAt(src, placeholderOffset(src, out[i:]), fmt.Sprint(
		"a shortcode's output cannot stand here (in code, or a link's title); to show the call itself in code, write {{</* name */>}}"))}
}

// shortcodeRenderer writes shortcode output as it is: it is the HTML of a
// template in layouts/shortcodes/, escaped as html/template escapes.
type shortcodeRenderer struct{}

func (shortcodeRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(kindShortcode, func(w util.BufWriter, _ []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			_, _ = w.WriteString(string(n.(*shortcodeHTML).html))
		}
		return ast.WalkSkipChildren, nil
	})
	reg.Register(kindShortcodeBlock, func(w util.BufWriter, _ []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			_, _ = w.WriteString(string(n.(*shortcodeBlock).html) + "\n")
		}
		return ast.WalkSkipChildren, nil
	})
}
