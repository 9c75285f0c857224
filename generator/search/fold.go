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
// shifted left by two and its class. It is made the first time a page is
// indexed, in every build, so it is made by ranges (bmpTableOf) rather
// than by folding each of the 65,536 characters, which took a tenth of
// the real site's build.
var bmpTable = sync.OnceValue(bmpTableOf)

// bmpTableOf makes bmpTable: every character first as itself with its
// class, the classes set by unicode's range tables as classOf reads them;
// then the characters that Fold changes, which are among those its cases
// name, the traditional characters and those with a lower case.
func bmpTableOf() *[0x10000]uint32 {
	t := new([0x10000]uint32)
	for r := range t {
		t[r] = uint32(r)<<2 | uint32(breakToken)
	}
	classRanges(t, unicode.Letter, wordToken)
	classRanges(t, unicode.Number, wordToken)
	classRanges(t, unicode.Han, hanToken) // last: classOf tests Han before letters
	refold := func(r rune) {
		if f := Fold(r); f != r {
			t[r] = uint32(f)<<2 | uint32(classOf(f))
		}
	}
	for r := range rune(0x80) {
		refold(r)
	}
	for r := rune(0xFF01); r <= 0xFF5E; r++ {
		refold(r)
	}
	for _, r := range []rune{0x3000, '‘', '’'} {
		refold(r)
	}
	for r := range simplified() {
		if r < 0x10000 {
			refold(r)
		}
	}
	for _, c := range unicode.CaseRanges { // where unicode.ToLower looks
		for r := c.Lo; r <= c.Hi && r < 0x10000; r++ {
			refold(rune(r))
		}
	}
	return t
}

// classRanges gives the characters below U+10000 of table class c.
func classRanges(t *[0x10000]uint32, table *unicode.RangeTable, c tokenKind) {
	for _, r := range table.R16 {
		for x := uint32(r.Lo); x <= uint32(r.Hi); x += uint32(r.Stride) {
			t[x] = t[x]&^3 | uint32(c)
		}
	}
	for _, r := range table.R32 {
		for x := r.Lo; x <= r.Hi && x < 0x10000; x += r.Stride {
			t[x] = t[x]&^3 | uint32(c)
		}
	}
}

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
