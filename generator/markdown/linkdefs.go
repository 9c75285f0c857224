package markdown

import (
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// linkDefinitions is goldmark's link reference definition transformer,
// asked only about paragraphs that can start with a definition. A
// definition ("[label]: /url") begins its paragraph, after white space,
// with "["; goldmark reads every paragraph through a new block reader to
// find that out, which was 1.3% of the CPU time of a build of 10,000
// pairs, and 4% of the allocations in converting the real site's pages.
type linkDefinitions struct{}

func (linkDefinitions) Transform(node *ast.Paragraph, reader text.Reader, pc parser.Context) {
	if startsWithBracket(node.Lines(), reader.Source()) {
		parser.LinkReferenceParagraphTransformer.Transform(node, reader, pc)
	}
}

// startsWithBracket reports whether the first byte of lines that is not
// white space (as goldmark skips it before a definition) is "[".
func startsWithBracket(lines *text.Segments, src []byte) bool {
	for i := range lines.Len() {
		seg := lines.At(i)
		for _, c := range seg.Value(src) {
			if !util.IsSpace(c) {
				return c == '['
			}
		}
	}
	return false
}
