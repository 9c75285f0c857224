package markdown

import (
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	extast "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"
)

// tableCells renders table cells as goldmark's table extension does (an
// alignment becomes a style attribute) with less work: goldmark's renderer
// formats every tag with fmt and, for an aligned cell, stores a new style
// attribute on the node before it writes it. Figures tables align every
// cell, so that was some 5% of what a large build allocated. A cell with
// attributes of its own is still goldmark's to render.
type tableCells struct {
	goldmark renderer.NodeRendererFunc
}

// newTableCells returns the renderer, with goldmark's own for the cells
// it leaves.
func newTableCells() tableCells {
	var funcs funcsByKind = map[ast.NodeKind]renderer.NodeRendererFunc{}
	extension.NewTableHTMLRenderer().RegisterFuncs(funcs)
	return tableCells{goldmark: funcs[extast.KindTableCell]}
}

// funcsByKind keeps what a NodeRenderer registers.
type funcsByKind map[ast.NodeKind]renderer.NodeRendererFunc

func (f funcsByKind) Register(k ast.NodeKind, fn renderer.NodeRendererFunc) { f[k] = fn }

// RegisterFuncs implements renderer.NodeRenderer.
func (c tableCells) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(extast.KindTableCell, c.render)
}

func (c tableCells) render(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if node.Attributes() != nil {
		return c.goldmark(w, src, node, entering)
	}
	tag := "<td"
	if node.Parent().Kind() == extast.KindTableHeader {
		tag = "<th"
	}
	if !entering {
		_, _ = w.WriteString("</")
		_, _ = w.WriteString(tag[1:])
		_, _ = w.WriteString(">\n")
		return ast.WalkContinue, nil
	}
	_, _ = w.WriteString(tag)
	if a := node.(*extast.TableCell).Alignment; a != extast.AlignNone {
		_, _ = w.WriteString(` style="text-align:`)
		_, _ = w.WriteString(a.String())
		_ = w.WriteByte('"')
	}
	_ = w.WriteByte('>')
	return ast.WalkContinue, nil
}
