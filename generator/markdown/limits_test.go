package markdown

import (
	"strconv"
	"strings"
	"testing"
)

// TestLimits checks that each limit is an error, exactly where the text
// passes it, with the message an editor sees.
func TestLimits(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"size", strings.Repeat("a\n", MaxBytes/2) + "b",
			"524289:1: the text passes the limit of 1,048,576 bytes (1 MiB) on this line; it is 1,048,577 bytes in all: split it into several pages"},
		{"size at the limit", "```\n" + strings.Repeat("a\n", (MaxBytes-4)/2), ""},
		{"lists", strings.Repeat("- ", MaxNesting+1) + "a",
			"1:201: lists, block quotes and footnotes nest 101 deep here; the limit is 100"},
		{"lists at the limit", strings.Repeat("- ", MaxNesting) + "a", ""},
		{"indented lists", indentedList(MaxNesting + 5),
			"101:201: lists, block quotes and footnotes nest 101 deep here; the limit is 100"},
		{"block quotes", "正文\n\n" + strings.Repeat(">", MaxNesting+1) + " a",
			"3:101: lists, block quotes and footnotes nest 101 deep here; the limit is 100"},
		{"lists in block quotes", strings.Repeat("> - ", MaxNesting/2) + "> a",
			"1:201: lists, block quotes and footnotes nest 101 deep here; the limit is 100"},
		{"footnotes", footnotes(MaxFootnotes + 1),
			"1001:1: this is footnote 1,001; a text may define at most 1,000"},
		{"footnote references", "[^1]: x\n\n" + strings.Repeat(strings.Repeat("[^1]", MaxMarks/2)+"\n\n", 5),
			"11:1: this is footnote reference 1,001; a text may refer to footnotes at most 1,000 times"},
		{"marks on a line", "正文\n" + strings.Repeat("*a ", MaxMarks+1),
			"2:1: this line has 501 inline marks ([, ], <, or runs of *, _, ~, `); the limit is 500"},
		{"marks in a paragraph", "正文\n\n" + strings.Repeat(strings.Repeat("[", 100)+"\n", 6),
			"3:1: this paragraph has 600 inline marks ([, ], <, or runs of *, _, ~, `); the limit is 500"},
		{"escaped marks do not count", strings.Repeat(`\[`, MaxMarks+1), ""},
		{"marks in a table row", "|a|\n|-|\n|" + strings.Repeat("[", MaxMarks+1) + "|",
			"3:1: this line has 501 inline marks ([, ], <, or runs of *, _, ~, `); the limit is 500"},
		{"marks in a table", "|a|\n|-|\n" + strings.Repeat("|"+strings.Repeat("[", MaxMarks)+"|\n", 3), ""},
		{"marks in a heading", "## " + strings.Repeat("`a", MaxMarks+1),
			"1:4: this heading has 501 inline marks ([, ], <, or runs of *, _, ~, `); the limit is 500"},
		{"lines", strings.Repeat("a\n", MaxLines+1),
			"1:1: this paragraph or table has 5,001 lines; the limit is 5,000"},
		{"code to colour", "```sql\n" + strings.Repeat("select 1;\n", MaxColoured/10+1) + "```",
			"1:4: code to colour passes the limit of 65,536 bytes (64 KiB) in this block: write text as the language of long listings"},
		{"code to colour at the limit", "```sql\n" + strings.Repeat("select 1;\n", MaxColoured/10) + "```", ""},
		{"code to colour in two blocks", "```go\n" + strings.Repeat("x\n", MaxColoured/4) + "```\n\n```go\n" + strings.Repeat("x\n", MaxColoured/4+1) + "```",
			"16388:4: code to colour passes the limit of 65,536 bytes (64 KiB) in this block: write text as the language of long listings"},
		{"code without colours", "```text\n" + strings.Repeat("select 1;\n", MaxColoured) + "```", ""},
		{"many errors", strings.Repeat("## a {#x}\n", maxErrors+3), strings.Join(manyErrors(), "\n")},
		{"several limits", strings.Repeat(">", MaxNesting+1) + "\n\n" + strings.Repeat("a\n", MaxLines+1),
			"1:101: lists, block quotes and footnotes nest 101 deep here; the limit is 100\n" +
				"3:1: this paragraph or table has 5,001 lines; the limit is 5,000"},
	}
	c := New(Options{})
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := c.Convert([]byte(tt.in), nil)
			got := ""
			if err != nil {
				got = err.Error()
			}
			if got != tt.want {
				t.Errorf("got:\n%s\nwant:\n%s", got, tt.want)
			}
		})
	}
}

func indentedList(depth int) string {
	var b strings.Builder
	for i := range depth {
		b.WriteString(strings.Repeat("  ", i) + "- a\n")
	}
	return b.String()
}

func footnotes(n int) string {
	var b strings.Builder
	for i := range n {
		b.WriteString("[^" + strconv.Itoa(i) + "]: x\n")
	}
	return b.String()
}

// TestPositions checks that columns count characters, so that a Chinese
// line points where an editor's cursor would.
func TestPositions(t *testing.T) {
	_, err := New(Options{}).Convert([]byte("第一段。\n\n### 第二段：标题 {#x onclick=y}"), nil)
	var list Errors
	if !asErrors(err, &list) || len(list) != 1 {
		t.Fatalf("got %v, want one Error", err)
	}
	if e := list[0]; e.Line != 3 || e.Col != 16 {
		t.Errorf("at %d:%d, want 3:16", e.Line, e.Col)
	}
}

// manyErrors is what a text of maxErrors+3 headings {#x} gives: the first
// is fine, the next maxErrors are listed, and a line says how many more.
func manyErrors() []string {
	var lines []string
	for i := 2; i <= maxErrors+1; i++ {
		lines = append(lines, strconv.Itoa(i)+`:8: heading id "x" is already used by an earlier heading`)
	}
	return append(lines, strconv.Itoa(maxErrors+2)+":8: 2 more problems from here on are not listed")
}

// fewMarks may skip the counts only where no count could pass MaxMarks:
// it looks for the bytes countMarks counts, and bounds its count.
func TestFewMarks(t *testing.T) {
	for c := range 256 {
		if markBytes[c] != strings.ContainsRune(markChars, rune(c)) {
			t.Errorf("byte %q: countMarks counts it %v, fewMarks %v", rune(c), markBytes[c], !markBytes[c])
		}
	}
	for _, tc := range []struct {
		src  string
		want bool
	}{
		{"", true},
		{strings.Repeat("[", MaxMarks), true},
		{strings.Repeat("[", MaxMarks+1), false},
		{strings.Repeat("*", MaxMarks+1), false}, // one run to countMarks, but a bound must count bytes
		{strings.Repeat("a `b` ", MaxMarks/2) + "<", false},
		{strings.Repeat("中文 text, ", 1000), true},
	} {
		if got := fewMarks([]byte(tc.src)); got != tc.want {
			t.Errorf("fewMarks(%.20q… %d bytes) = %v, want %v", tc.src, len(tc.src), got, tc.want)
		}
		if fewMarks([]byte(tc.src)) && countMarks([]byte(tc.src)) > MaxMarks {
			t.Errorf("fewMarks(%.20q…), but countMarks finds %d", tc.src, countMarks([]byte(tc.src)))
		}
	}
}
