package markdown

import (
	"strings"
	"testing"
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
