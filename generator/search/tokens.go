package search

import (
	"unicode"
	"unicode/utf8"
)

// maxWordLen is the longest word indexed, in characters: longer ones are
// codes and addresses no one types.
const maxWordLen = 40

// tokenizer cuts folded text into the units the index keeps: words (runs of
// letters and digits, with an apostrophe inside a word kept and a final
// possessive 's dropped) and runs of Han characters. Everything else
// separates them. The search script cuts text by the same rules.
//
// It is read like a scanner, a token a call to next, so that the page
// reader's work on each token is not behind a function value, and each
// character of English is read without decoding UTF-8.
type tokenizer struct {
	text  string
	pos   int
	word  []byte           // the last word read, folded
	han   []rune           // the last Han run read, folded
	table *[0x10000]uint32 // bmpTable
}

// tokenKind says what a token is.
type tokenKind int

const (
	wordToken tokenKind = iota
	hanToken
	breakToken // a word too long to index: it still parts its neighbours
	endToken   // the end of the text
)

// classOf says which kind of token a folded character belongs in.
func classOf(r rune) tokenKind {
	switch {
	case unicode.Is(unicode.Han, r):
		return hanToken
	case unicode.IsLetter(r) || unicode.IsNumber(r):
		return wordToken
	}
	return breakToken
}

// reset starts reading text.
func (t *tokenizer) reset(text string) {
	if t.table == nil {
		t.table = bmpTable()
	}
	t.text, t.pos = text, 0
}

// next reads the next token: a word into t.word, a Han run into t.han.
// Characters that part tokens are passed over.
func (t *tokenizer) next() tokenKind {
	for t.pos < len(t.text) {
		n := 1
		c := tokenKind(t.table[t.text[t.pos]&0x7F] & 3)
		if t.text[t.pos] >= utf8.RuneSelf {
			_, c, n = t.atMultibyte(t.pos)
		}
		switch c {
		case wordToken:
			return t.readWord()
		case hanToken:
			t.readHan()
			return hanToken
		}
		t.pos += n
	}
	return endToken
}

// at folds and classes the character at byte i, and says how many bytes
// it has.
func (t *tokenizer) at(i int) (rune, tokenKind, int) {
	if b := t.text[i]; b < utf8.RuneSelf {
		v := t.table[b]
		return rune(v >> 2), tokenKind(v & 3), 1
	}
	return t.atMultibyte(i)
}

// atMultibyte is at for a character of more than one byte. The three-byte
// characters of Chinese are read here, by the table, without a call to
// the utf8 package.
func (t *tokenizer) atMultibyte(i int) (rune, tokenKind, int) {
	if s := t.text; threeBytes(s, i) {
		v := t.table[uint16(s[i]&0x0F)<<12|uint16(s[i+1]&0x3F)<<6|uint16(s[i+2]&0x3F)]
		return rune(v >> 2), tokenKind(v & 3), 3
	}
	r, n := utf8.DecodeRuneInString(t.text[i:])
	f, c := t.foldClass(r)
	return f, c, n
}

// threeBytes says whether s[i:] starts with a valid three-byte character
// whose lead byte is neither E0 nor ED: those have a narrower second byte,
// the others make a character with any two continuation bytes.
func threeBytes(s string, i int) bool {
	return i+2 < len(s) && 0xE1 <= s[i] && s[i] <= 0xEF && s[i] != 0xED && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80
}

// foldClass is Fold and classOf together, by one table lookup for the
// characters of the Basic Multilingual Plane, which is nearly all text.
func (t *tokenizer) foldClass(r rune) (rune, tokenKind) {
	if r < 0x10000 {
		v := t.table[r]
		return rune(v >> 2), tokenKind(v & 3)
	}
	f := Fold(r)
	return f, classOf(f)
}

// readWord reads a word, drops a possessive 's, and says whether it is
// one to index or a break, for a word too long. It works on locals, which
// the compiler keeps in registers, rather than on t's fields.
func (t *tokenizer) readWord() tokenKind {
	text, table, pos := t.text, t.table, t.pos
	word, chars := t.word[:0], 0
	for pos < len(text) {
		if b := text[pos]; b < utf8.RuneSelf && tokenKind(table[b]&3) == wordToken {
			// An ASCII letter or digit, most of English, read here.
			word = append(word, byte(table[b]>>2))
			chars++
			pos++
			continue
		}
		r, c, n := t.at(pos)
		if c != wordToken && !t.apostropheInWord(r, pos+n) {
			break
		}
		word = utf8.AppendRune(word, r)
		chars++
		pos += n
	}
	if n := len(word); n > 2 && word[n-2] == '\'' && word[n-1] == 's' {
		word = word[:n-2]
		chars -= 2
	}
	t.pos, t.word = pos, word
	if chars > maxWordLen {
		return breakToken
	}
	return wordToken
}

// apostropheInWord: an apostrophe r, followed by byte next, stays in a
// word if a letter or digit follows.
func (t *tokenizer) apostropheInWord(r rune, next int) bool {
	if r != '\'' || next >= len(t.text) {
		return false
	}
	_, c, _ := t.at(next)
	return c == wordToken
}

// readHan reads a run of Han characters.
func (t *tokenizer) readHan() {
	pos, run := t.pos, t.han[:0]
	for pos < len(t.text) && t.text[pos] >= utf8.RuneSelf {
		r, c, n := t.atMultibyte(pos)
		if c != hanToken {
			break
		}
		run = append(run, r)
		pos += n
	}
	t.pos, t.han = pos, run
}
