package markdown

import (
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// FuzzSoftBreaksOnlyInLines holds the rule softBreakTransformer skips by:
// a block of text with one line (or none) has no soft line break. The
// text is parsed without the transformer, so that every break is there.
func FuzzSoftBreaksOnlyInLines(f *testing.F) {
	for _, seed := range []string{"一\n二\n\n三", "## 甲\n\n乙\n丙", "标题\n第二行\n===", "- 一\n  二\n- 三", "> 一\n二",
		"| a |\n|---|\n| b |", "[^1]: 注\n  续\n\n正文[^1]", "**重\n点**\n继续", "[链\n接](x)\n中"} {
		f.Add(seed)
	}
	md := goldmark.New(goldmark.WithParser(newParser()), goldmark.WithExtensions(extension.Table, extension.TaskList))
	f.Fuzz(func(t *testing.T, src string) {
		if len(src) > fuzzMaxBytes {
			return
		}
		ctx := parser.NewContext() // as convert makes it, for this package's parsers
		newProblems(ctx)
		ctx.Set(pageKey, &Page{})
		doc := md.Parser().Parse(text.NewReader([]byte(src)), parser.WithContext(ctx))
		_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
			if txt, ok := n.(*ast.Text); !entering || !ok || !txt.SoftLineBreak() {
				return ast.WalkContinue, nil
			}
			block := n.Parent()
			for block.Type() != ast.TypeBlock {
				block = block.Parent()
			}
			if block.Lines().Len() <= 1 && hasInlines(block) {
				t.Errorf("a soft line break in a %s of %d lines", block.Kind(), block.Lines().Len())
			}
			return ast.WalkContinue, nil
		})
	})
}
