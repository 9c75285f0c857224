package markdown

import (
	"fmt"
	"strings"
	"testing"
)

// The worst inputs found for goldmark and this package: each fills a page
// to MaxBytes with a construct that costs more than linear time, shaped to
// pass every limit (or to trip one, where the cost is in getting there).
// BenchmarkWorst measures them, once it has checked that each passes or
// fails as it should, so that it measures what the build really does.
//
//	go test ./generator/markdown -run '^$' -bench Worst -benchtime 1x
var worstInputs = []struct {
	name string
	src  func() string
	ok   bool // converts without error
}{
	// Each "]" tries a link destination, which goldmark scans to the end of
	// the line: marks times line length.
	{"unclosed links", func() string {
		return fill(strings.Repeat("[a](", MaxMarks/2) + strings.Repeat("x", 64<<10) + "\n\n")
	}, true},
	// Openers and closers that never match: goldmark compares each closer
	// with every opener.
	{"unmatched emphasis", func() string { return fill(strings.Repeat("*a_", MaxMarks/2) + "\n\n") }, true},
	// Code spans of every length up to the limit: each opener looks for its
	// closer to the end of the paragraph.
	{"code span openers", func() string {
		var b strings.Builder
		for i := 1; i <= MaxMarks; i++ {
			b.WriteString(strings.Repeat("`", i) + "a")
		}
		return fill(b.String() + "\n\n")
	}, true},
	{"unclosed raw HTML", func() string {
		return fill(strings.Repeat(`<a b="`, MaxMarks) + strings.Repeat("x", 64<<10) + "\n\n")
	}, true},
	// Each reference searches the list of definitions.
	{"footnote references", func() string {
		var b strings.Builder
		for i := range MaxFootnotes {
			fmt.Fprintf(&b, "[^%d]: x\n", i)
		}
		b.WriteString("\n" + strings.Repeat(strings.Repeat("[^999]", MaxMarks/2)+"\n\n", MaxFootnotes*2/MaxMarks))
		return fill(b.String(), "中文"+strings.Repeat("[a]", MaxMarks/2)+"\n\n")
	}, true},
	{"footnote references past the limit", func() string {
		var b strings.Builder
		for i := range MaxFootnotes {
			fmt.Fprintf(&b, "[^%d]: x\n", i)
		}
		b.WriteString("\n")
		return fill(b.String(), strings.Repeat("[^999]", MaxMarks/2)+"\n\n")
	}, false},
	// goldmark rereads a paragraph's remaining lines for each definition.
	{"link definitions", func() string {
		var b strings.Builder
		for i := range MaxLines {
			fmt.Fprintf(&b, "[%d]: /u\n", i)
		}
		return fill(b.String() + "\n")
	}, true},
	{"deep block quotes, lazy lines", func() string {
		return fill(strings.Repeat(">", MaxNesting) + " a\n" + strings.Repeat("a\n", MaxLines-1) + "\n")
	}, true},
	{"deep lists", func() string {
		return fill(strings.Repeat("- ", MaxNesting) + "a\n")
	}, true},
	{"deep lists, indented", func() string {
		var b strings.Builder
		for i := range MaxNesting {
			b.WriteString(strings.Repeat("  ", i) + "- a\n")
		}
		return fill(b.String())
	}, true},
	{"nesting past the limit", func() string {
		var b strings.Builder
		for i := 0; b.Len() < MaxBytes-4000; i++ {
			b.WriteString(strings.Repeat("  ", i) + "- a\n")
		}
		return b.String()
	}, false},
	{"wide table", func() string {
		row := strings.Repeat("|a", 2000) + "|\n"
		return fill("|h|\n|-|\n", row)
	}, true},
	{"table of links", func() string {
		return fill("|h|h|\n|-|-|\n", "|[a](b)|"+strings.Repeat("[a](", MaxMarks/2-1)+strings.Repeat("x", 400)+"|\n")
	}, true},
	{"equal headings", func() string { return fill("## a\n") }, true},
	{"heading of braces", func() string { return fill("## h " + strings.Repeat("{a=", 20000) + "\n") }, true},
	{"soft breaks", func() string { return fill(strings.Repeat("中\n[](x)", MaxMarks/2) + "\n\n") }, true},
	{"paragraphs", func() string { return fill("中\n\n") }, true},
	{"list items", func() string { return fill("- a\n") }, true},
	{"one line", func() string { return fill("中文") }, true},
	{"code block", func() string { return fill("```\n", "中*_[\n") }, true},
	{"thematic breaks", func() string { return fill("***\n") }, true},
	{"HTML blocks", func() string { return fill("<div>\n") }, true},
	{"too many marks", func() string { return fill(strings.Repeat("[a](", 20000) + "\n\n") }, false},
	{"too long", func() string { return strings.Repeat("a", MaxBytes+1) }, false},
}

// fill repeats unit after head until the text is as long as a page may be.
func fill(parts ...string) string {
	head, unit := "", parts[0]
	if len(parts) == 2 {
		head, unit = parts[0], parts[1]
	}
	n := (MaxBytes - len(head)) / len(unit)
	return head + strings.Repeat(unit, n)
}

func BenchmarkWorst(b *testing.B) {
	c := New(Options{})
	for _, tt := range worstInputs {
		src := []byte(tt.src())
		b.Run(strings.ReplaceAll(tt.name, " ", "_"), func(b *testing.B) {
			// Measure what the build does with the input: pass or fail.
			if _, err := c.Convert(src, nil); (err == nil) != tt.ok {
				b.Fatalf("%d bytes: error %v, want ok=%v", len(src), firstLine(err), tt.ok)
			}
			b.SetBytes(int64(len(src)))
			for b.Loop() {
				_, _ = c.Convert(src, nil)
			}
		})
	}
}

func firstLine(err error) string {
	if err == nil {
		return "<nil>"
	}
	s, _, _ := strings.Cut(err.Error(), "\n")
	return s
}
