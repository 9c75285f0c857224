package search

import (
	"strings"
	"unicode/utf8"
)

// referenceTokens is tokens by the tokenizer as it was first written, one
// character at a time with no fast paths, kept to check the fast one
// against (FuzzTokens).
func referenceTokens(text string) string {
	var out []string
	table := bmpTable()
	foldClass := func(r rune) (rune, tokenKind) {
		if r < 0x10000 {
			v := table[r]
			return rune(v >> 2), tokenKind(v & 3)
		}
		f := Fold(r)
		return f, classOf(f)
	}
	var buf []byte
	kind := breakToken
	flush := func() {
		switch kind {
		case wordToken:
			w := buf
			if n := len(w); n > 2 && w[n-2] == '\'' && w[n-1] == 's' {
				w = w[:n-2]
			}
			if utf8.RuneCount(w) > maxWordLen {
				out = append(out, "|")
			} else {
				out = append(out, string(w))
			}
		case hanToken:
			out = append(out, "["+string(buf)+"]")
		}
		buf = buf[:0]
		kind = breakToken
	}
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		i += n
		r, c := foldClass(r)
		if r == '\'' && kind == wordToken && i < len(text) {
			next, _ := utf8.DecodeRuneInString(text[i:])
			if _, nc := foldClass(next); nc == wordToken {
				c = wordToken
			}
		}
		if c != kind {
			flush()
		}
		if c != breakToken {
			kind = c
			buf = utf8.AppendRune(buf, r)
		}
	}
	flush()
	return strings.Join(out, " ")
}
