package markdown

import (
	"slices"
	"strings"
	"testing"

	"github.com/yuin/goldmark/ast"
	extast "github.com/yuin/goldmark/extension/ast"
)

// The space folder writes what strings.Fields and a join would make of the
// text, however it arrives in pieces.
func TestSpaceFolder(t *testing.T) {
	tests := []struct {
		pieces []string
		want   string
	}{
		{[]string{""}, ""},
		{[]string{"  \t\n "}, ""},
		{[]string{" a  b "}, "a b"},
		{[]string{"a", "b"}, "ab"},
		{[]string{"a ", " b"}, "a b"},
		{[]string{"港口\u3000物流"}, "港口 物流"},                // ideographic space
		{[]string{"a\u00a0b\u2028c\u0085d"}, "a b c d"},  // no-break space, line separator, next line
		{[]string{"a\xffb \xe6\x97"}, "a\xffb \xe6\x97"}, // broken UTF-8 is kept as it is
		{[]string{"x", "  ", "y"}, "x y"},
		{[]string{"a\u1680b\u205fc\u2009d\u200be"}, "a b c d\u200be"}, // ogham, math and thin spaces; a zero-width space is not white space
		{[]string{"\u3000\u3001港\u3000"}, "\u3001港"},                  // E3 starts spaces and punctuation
	}
	for _, tt := range tests {
		if got := folded("pre", tt.pieces); got != "pre"+tt.want {
			t.Errorf("%q: got %q, want %q", tt.pieces, got, "pre"+tt.want)
		}
	}
}

// folded writes pieces after prefix, as appendInlineText does after what a
// caller's buffer holds.
func folded(prefix string, pieces []string) string {
	w := spaceFolder{buf: []byte(prefix), start: len(prefix)}
	for _, p := range pieces {
		w.write([]byte(p))
	}
	return string(w.buf)
}

func FuzzSpaceFolder(f *testing.F) {
	f.Add("a  b\u3000c", 2)
	f.Add(" \xe3\x80\x80x", 1)
	f.Fuzz(func(t *testing.T, text string, cut int) {
		// Cut the text in two between characters, as goldmark cuts text
		// into nodes.
		cut = min(max(cut, 0), len(text))
		want := strings.Join(strings.Fields(text), " ")
		if cut == 0 || cut == len(text) || !splitsRune(text, cut) {
			if got := folded("", []string{text[:cut], text[cut:]}); got != want {
				t.Errorf("%q cut at %d: got %q, want %q", text, cut, got, want)
			}
		}
	})
}

// splitsRune reports whether cutting text at i splits a valid character.
func splitsRune(text string, i int) bool {
	for j := range text {
		if j == i {
			return false
		}
	}
	return true
}

// FuzzPassages holds the walk that reads a text's passages and headings at
// once, into one string, to the two walks it replaced: the passages, each
// its own string, and the headings, each with its inlineText.
func FuzzPassages(f *testing.F) {
	for _, seed := range []string{"## 甲 {#a}\n\n正文\n\n### 乙\n\n- 一\n- 二\n\n> ## 引\n", "#\n\n## \n\n| a | b |\n|---|---|\n| 1 | 2 |\n",
		"## *强调* 和 [链接](x)[^1]\n\n[^1]: 注\n", "标题\n===\n\n段落\n第二行\n\n- ## 列表中的标题\n"} {
		f.Add(seed)
	}
	c := New(Options{ReservedIDs: testReserved})
	f.Fuzz(func(t *testing.T, src string) {
		if len(src) > fuzzMaxBytes {
			return
		}
		_, root, err := c.convert([]byte(src), nil)
		if err != nil {
			return
		}
		gotPassages, gotHeadings := passages(root, []byte(src), false)
		if want := referencePassages(root, []byte(src)); !slices.Equal(gotPassages, want) {
			t.Errorf("passages %+v\nwant %+v", gotPassages, want)
		}
		if want := referenceHeadings(root, []byte(src)); !slices.Equal(gotHeadings, want) {
			t.Errorf("headings %+v\nwant %+v", gotHeadings, want)
		}
		if none, headings := passages(root, []byte(src), true); none != nil || !slices.Equal(headings, gotHeadings) {
			t.Errorf("headings only: passages %+v, headings %+v\nwant none and %+v", none, headings, gotHeadings)
		}
	})
}

// referencePassages is the walk passages replaced, each passage's text a
// string of its own.
func referencePassages(doc ast.Node, src []byte) []Passage {
	var out []Passage
	anchor := ""
	add := func(block ast.Node, heading bool) {
		if text := inlineText(block, src); text != "" {
			out = append(out, Passage{Text: text, Anchor: anchor, Heading: heading})
		}
	}
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Heading:
			if id, ok := n.AttributeString("id"); ok {
				anchor = string(id.([]byte))
			}
			add(n, true)
			return ast.WalkSkipChildren, nil
		case *ast.Paragraph, *ast.TextBlock, *extast.TableCell:
			add(n, false)
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	return out
}

// referenceHeadings is the walk that listed the headings before passages
// did.
func referenceHeadings(doc ast.Node, src []byte) []Heading {
	var out []Heading
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Heading:
			id, _ := n.AttributeString("id")
			idBytes, _ := id.([]byte)
			out = append(out, Heading{Level: n.Level, ID: string(idBytes), Text: inlineText(n, src)})
			return ast.WalkSkipChildren, nil
		case *ast.Paragraph, *ast.TextBlock:
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	return out
}
