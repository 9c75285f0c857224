package search

//go:generate go run t2s_gen.go

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// Fold maps a character to the one form the index keeps of it, so that
// readers find text however they type it: full-width Latin letters, digits
// and punctuation (Ａ, ５) become half-width, the ideographic space a space,
// curly apostrophes straight ones, letters lower case, and traditional
// Chinese characters simplified (數 → 数), by OpenCC's table. The search
// script folds queries and passages the same way, with the part of the
// table that the index needs (see Index.foldTable).
func Fold(r rune) rune {
	switch {
	case r < 0x80:
		if 'A' <= r && r <= 'Z' {
			return r + 'a' - 'A'
		}
		return r
	case 0xFF01 <= r && r <= 0xFF5E: // full-width forms of ASCII
		return Fold(r - 0xFEE0)
	case r == 0x3000:
		return ' '
	case r == '‘' || r == '’':
		return '\''
	case r == 'İ':
		// The one letter whose lower case is two characters in JavaScript.
		return r
	}
	if s, ok := simplified()[r]; ok {
		return s
	}
	return unicode.ToLower(r)
}

// bmpTable holds, for each character below U+10000, its folded form
// shifted left by two and its class.
var bmpTable = sync.OnceValue(func() *[0x10000]uint32 {
	t := new([0x10000]uint32)
	for r := range rune(0x10000) {
		f := Fold(r)
		t[r] = uint32(f)<<2 | uint32(classOf(f))
	}
	return t
})

// FoldString folds every character of s.
func FoldString(s string) string {
	return strings.Map(Fold, s)
}

// simplified is OpenCC's table as a map, made the first time it is needed.
var simplified = sync.OnceValue(func() map[rune]rune {
	m := make(map[rune]rune, utf8.RuneCountInString(t2sPairs)/2)
	rest := t2sPairs
	for rest != "" {
		from, n := utf8.DecodeRuneInString(rest)
		to, m2 := utf8.DecodeRuneInString(rest[n:])
		m[from] = to
		rest = rest[n+m2:]
	}
	return m
})

// foldPairs returns the pairs of OpenCC's table whose simplified character
// keep(s) accepts, as one string of traditional, simplified, traditional,
// simplified…, in the table's order: the script needs only the characters
// whose simplified form is in the index, since no other can match.
func foldPairs(keep func(simplified rune) bool) string {
	var b strings.Builder
	rest := t2sPairs
	for rest != "" {
		from, n := utf8.DecodeRuneInString(rest)
		to, m := utf8.DecodeRuneInString(rest[n:])
		if keep(to) {
			b.WriteRune(from)
			b.WriteRune(to)
		}
		rest = rest[n+m:]
	}
	return b.String()
}
