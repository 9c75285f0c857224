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
type tokenizer struct {
	buf   []byte   // the token being read, folded
	table []uint32 // bmpTable
}

// tokenKind says what a token is.
type tokenKind int

const (
	wordToken tokenKind = iota
	hanToken
	breakToken // a word too long to index: it still parts its neighbours
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

// scan calls emit for each token of text in order. The bytes passed to emit
// are valid only during the call.
func (t *tokenizer) scan(text string, emit func(tok []byte, kind tokenKind)) {
	if t.table == nil {
		t.table = bmpTable()
	}
	kind := breakToken // of the token being read; breakToken: none
	flush := func() {
		if kind == wordToken {
			t.finishWord(emit)
		} else if kind == hanToken {
			emit(t.buf, hanToken)
		}
		t.buf = t.buf[:0]
		kind = breakToken
	}
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		i += n
		r, c := t.foldClass(r)
		if r == '\'' && kind == wordToken && i < len(text) {
			// An apostrophe stays in a word if a letter or digit follows.
			next, _ := utf8.DecodeRuneInString(text[i:])
			if _, nc := t.foldClass(next); nc == wordToken {
				c = wordToken
			}
		}
		if c != kind {
			flush()
		}
		if c != breakToken {
			kind = c
			t.buf = utf8.AppendRune(t.buf, r)
		}
	}
	flush()
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

// finishWord drops a possessive 's and emits the word, or a break if the
// word is too long to index.
func (t *tokenizer) finishWord(emit func(tok []byte, kind tokenKind)) {
	w := t.buf
	if n := len(w); n > 2 && w[n-2] == '\'' && w[n-1] == 's' {
		w = w[:n-2]
	}
	if utf8.RuneCount(w) > maxWordLen {
		emit(nil, breakToken)
		return
	}
	emit(w, wordToken)
}
