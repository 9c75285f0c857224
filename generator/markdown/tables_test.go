package markdown

import (
	"bytes"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	extast "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// cellAttributes gives the cells of a table's first column an attribute,
// as an extension might, so that tableCells hands them to goldmark.
type cellAttributes struct{}

func (cellAttributes) Transform(doc *ast.Document, _ text.Reader, _ parser.Context) {
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if c, ok := n.(*extast.TableCell); ok && entering && c.PreviousSibling() == nil {
			c.SetAttributeString("class", []byte("first"))
		}
		return ast.WalkContinue, nil
	})
}

// TestTableCellsAsGoldmark holds tableCells to the HTML of goldmark's own
// table renderer, cell for cell.
func TestTableCellsAsGoldmark(t *testing.T) {
	tables := []struct{ name, src string }{
		{"no alignment", "| 项 | 值 |\n| --- | --- |\n| 甲 | 1 |\n| 乙 | 2 |"},
		{"every alignment", "| a | b | c | d |\n| :-- | :-: | --: | --- |\n| 1 | 2 | 3 | 4 |"},
		{"header only", "| 区域 | 产值（亿元） |\n| :-- | --: |"},
		{"inline content", "| *a* | `b` |\n| --: | :-: |\n| [c](/d) | e\\|f |"},
		{"short and long rows", "| a | b |\n| --: | --- |\n| 1 |\n| 1 | 2 | 3 |"},
		{"two tables", "| a |\n| :-: |\n| 1 |\n\ntext\n\n| b |\n| --- |\n| 2 |"},
	}
	plain := []goldmark.Option{goldmark.WithExtensions(extension.Table)}
	withAttributes := goldmark.WithParserOptions(parser.WithASTTransformers(util.Prioritized(cellAttributes{}, 100)))
	for _, tt := range tables {
		for _, attrs := range []bool{false, true} {
			opts := plain
			if attrs {
				opts = append(opts[:len(opts):len(opts)], withAttributes)
			}
			want := convertWith(t, tt.src, opts...)
			got := convertWith(t, tt.src, append(opts[:len(opts):len(opts)],
				goldmark.WithRendererOptions(renderer.WithNodeRenderers(util.Prioritized(newTableCells(), 100))))...)
			if got != want {
				t.Errorf("%s (cell attributes %v):\ngot  %q\nwant %q", tt.name, attrs, got, want)
			}
		}
	}
}

func convertWith(t *testing.T, src string, opts ...goldmark.Option) string {
	t.Helper()
	var out bytes.Buffer
	if err := goldmark.New(opts...).Convert([]byte(src), &out); err != nil {
		t.Fatal(err)
	}
	return out.String()
}
