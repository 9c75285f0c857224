package markdown

import (
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/util"
)

// definitionsBy are the options of a goldmark with its default blocks and
// inlines, tables and footnotes, whose link definitions are found by
// transformer.
func definitionsBy(transformer parser.ParagraphTransformer) []goldmark.Option {
	return []goldmark.Option{
		goldmark.WithParser(parser.NewParser(
			parser.WithBlockParsers(parser.DefaultBlockParsers()...),
			parser.WithInlineParsers(parser.DefaultInlineParsers()...),
			parser.WithParagraphTransformers(util.Prioritized(transformer, 100)),
		)),
		goldmark.WithExtensions(extension.Table, extension.Footnote),
	}
}

// withOurs and withGoldmarks convert src with linkDefinitions and with
// goldmark's own transformer.
func withOurs(t *testing.T, src string) string {
	return convertWith(t, src, definitionsBy(linkDefinitions{})...)
}

func withGoldmarks(t *testing.T, src string) string {
	return convertWith(t, src, definitionsBy(parser.LinkReferenceParagraphTransformer)...)
}

// TestLinkDefinitions holds the transformer to goldmark's: the same HTML
// for definitions wherever they may stand, and for texts that only look
// like them.
func TestLinkDefinitions(t *testing.T) {
	for _, tc := range []struct {
		src  string
		link bool // the reference [a] becomes a link to /x
	}{
		{"[a]: /x\n\n[a]", true},
		{"   [a]: /x\n\n[a]", true},
		{"[a]:\n/x\n\n[a]", true},
		{"[b]: /y\n[a]: /x \"t\"\n\n[a] [b]", true},
		{"[a]: /x\ntext after it\n\n[a]", true},
		{"> [a]: /x\n\n[a]", true},
		{"- [a]: /x\n\n[a]", true},
		{"\t\n[a]: /x\n\n[a]", true},
		{"text\n[a]: /x\n\n[a]", false},
		{"    [a]: /x\n\n[a]", false}, // indented code
		{"\\[a]: /x\n\n[a]", false},
		{"*[a]: /x*\n\n[a]", false},
		{"中文\n[a]: /x\n\n[a]", false},
		{"| [a]: /x |\n| --- |\n| c |\n\n[a]", false},
		{"[a]\n\n[a]: /x", true},
		{"[]: /x\n\n[]", false},
	} {
		got := withOurs(t, tc.src)
		if want := withGoldmarks(t, tc.src); got != want {
			t.Errorf("%q: got %q, goldmark's transformer gives %q", tc.src, got, want)
		}
		if linked := strings.Contains(got, `<a href="/x"`); linked != tc.link {
			t.Errorf("%q: linked %v, want %v: %q", tc.src, linked, tc.link, got)
		}
	}
}

// FuzzLinkDefinitions holds the transformer to goldmark's on any text.
func FuzzLinkDefinitions(f *testing.F) {
	for _, seed := range []string{
		"[a]: /x\n\n[a]", " [a]: <x y>\n[b]: z\n\n[a][b]", "text\n[a]: /x", "> - [a]: /x\n\n[a]",
		"| a |\n| - |\n[a]: /x", "[^1]: note\n\n[^1]", "\v\f[a]: /x\n\n[a]", "\r\n[a]: /x\r\n\r\n[a]",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, src string) {
		if got, want := withOurs(t, src), withGoldmarks(t, src); got != want {
			t.Fatalf("%q: got %q, goldmark's transformer gives %q", src, got, want)
		}
	})
}
