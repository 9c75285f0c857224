package load

import (
	"bytes"
	"strings"
	"testing"
)

func TestFindMore(t *testing.T) {
	tests := []struct {
		name, body string
		want       string // the summary text, or "-" for no divider
		line       int
	}{
		{"none", "a\n\nb\n", "-", 0},
		{"divider", "导语。\n\n<!--more-->\n\n正文。\n", "导语。", 12},
		{"indented, with spaces", "a\n  <!--more-->  \n", "a", 11},
		{"in fenced code", "```\n<!--more-->\n```\n", "-", 0},
		{"after fenced code", "~~~~\n<!--more-->\n~~~\n~~~~\nlead\n<!--more-->\n", "~~~~\n<!--more-->\n~~~\n~~~~\nlead", 15},
		{"inside a line", "a <!--more--> b\n", "-", 0},
		{"at the start", "<!--more-->\nbody", "", 10},
		{"no newline at the end", "lead\n<!--more-->", "lead", 11},
	}
	for _, tt := range tests {
		got := findMore([]byte(tt.body), 10)
		switch {
		case got == nil && tt.want != "-":
			t.Errorf("%s: no divider found", tt.name)
		case got != nil && (tt.want == "-" || string(got.text) != tt.want || got.line != tt.line):
			t.Errorf("%s: found %q at line %d, want %q at %d", tt.name, got.text, got.line, tt.want, tt.line)
		}
	}
}

// FuzzFindMore checks what holds of any text: a divider found is a line of
// the text that reads <!--more-->, at the line number given, and the
// summary is what comes before it.
func FuzzFindMore(f *testing.F) {
	for _, seed := range []string{"a\n<!--more-->\nb", "```\n<!--more-->\n```", "~~~~\n~~~\n<!--more-->", "\n\n  <!--more-->\n", "<!--more--><!--more-->"} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, body string) {
		got := findMore([]byte(body), 1)
		if got == nil {
			return
		}
		lines := strings.Split(body, "\n")
		if got.line < 1 || got.line > len(lines) || strings.TrimSpace(lines[got.line-1]) != MoreDivider {
			t.Fatalf("line %d of %q is no divider", got.line, body)
		}
		before := strings.Join(lines[:got.line-1], "\n")
		if !bytes.Equal(got.text, bytes.TrimSpace([]byte(before))) {
			t.Fatalf("summary %q, want the text before line %d", got.text, got.line)
		}
	})
}
