package search

import "slices"

// Stem returns the Porter2 (Snowball English) stem of a lower-case word:
// "supporting", "supported" and "supports" all stem to "support". Words
// that are not plain a–z letters (numbers, accented or other scripts) are
// returned as they are. The search script has a copy of it, step by step;
// TestStemAgreesWithScript keeps the two the same.
//
// A stem that is the start of the word, as most are, is returned as part
// of word, so that Stem allocates only for the others ("happy", "happi"):
// it is run on every word the index has not seen.
func Stem(word string) string {
	if len(word) < 3 || !isASCIIWord(word) {
		return word
	}
	if s, ok := stemException(word); ok {
		return s
	}
	base := word
	if base[0] == '\'' {
		base = base[1:]
	}
	var buf [48]byte // longer than any word the index keeps (maxWordLen)
	s := stemmer{w: append(buf[:0], base...)}
	s.markY()
	s.regions()
	s.step1a()
	if !s.invariantAfter1a() {
		s.step1b()
		s.step1c()
		s.step2()
		s.step3()
		s.step4()
		s.step5()
	}
	return s.result(base)
}

// stemException returns the stem of a word the algorithm does not apply to.
func stemException(word string) (string, bool) {
	switch word {
	case "skis":
		return "ski", true
	case "skies":
		return "sky", true
	case "dying":
		return "die", true
	case "lying":
		return "lie", true
	case "tying":
		return "tie", true
	case "idly":
		return "idl", true
	case "gently":
		return "gentl", true
	case "ugly":
		return "ugli", true
	case "early":
		return "earli", true
	case "only":
		return "onli", true
	case "singly":
		return "singl", true
	case "sky", "news", "howe", "atlas", "cosmos", "bias", "andes":
		return word, true
	}
	return "", false
}

func isASCIIWord(w string) bool {
	for i := 0; i < len(w); i++ {
		if c := w[i]; (c < 'a' || c > 'z') && c != '\'' {
			return false
		}
	}
	return true
}

// vowels has bit c-'a' set for each vowel c.
const vowels = 1<<('a'-'a') | 1<<('e'-'a') | 1<<('i'-'a') | 1<<('o'-'a') | 1<<('u'-'a') | 1<<('y'-'a')

// isVowel: y is a vowel, Y (a y that acts as a consonant) is not.
func isVowel(c byte) bool {
	return c-'a' < 26 && vowels>>(c-'a')&1 != 0
}

type stemmer struct {
	w      []byte
	r1, r2 int
}

// markY writes a y at the start of the word or after a vowel as Y.
func (s *stemmer) markY() {
	w := s.w
	for i, c := range w {
		if c == 'y' && (i == 0 || isVowel(w[i-1])) {
			w[i] = 'Y'
		}
	}
}

// regions finds where R1 and R2 start: R1 after the first non-vowel that
// follows a vowel (or after one of three prefixes, unless it is the whole
// word), R2 the same within R1.
func (s *stemmer) regions() {
	w := s.w
	s.r1 = len(w)
	for _, p := range [...]string{"gener", "commun", "arsen"} {
		if len(w) >= len(p) && string(w[:len(p)]) == p {
			s.r1 = len(p)
			break
		}
	}
	if s.r1 == len(w) {
		s.r1 = afterVowelConsonant(w, 0)
	}
	s.r2 = afterVowelConsonant(w, s.r1)
}

func afterVowelConsonant(w []byte, from int) int {
	for i := from + 1; i < len(w); i++ {
		if !isVowel(w[i]) && isVowel(w[i-1]) {
			return i + 1
		}
	}
	return len(w)
}

// ends tells whether the word ends in suffix.
func (s *stemmer) ends(suffix string) bool {
	n := len(s.w) - len(suffix)
	return n >= 0 && string(s.w[n:]) == suffix
}

// replace puts with in place of the word's last n letters. No step makes
// the word longer than it was, so it stays in its buffer: reslicing it,
// unlike appending to it, lets the buffer stay on Stem's stack.
func (s *stemmer) replace(n int, with string) {
	end := len(s.w) - n
	s.w = s.w[:end+len(with)]
	copy(s.w[end:], with)
}

// inR1 and inR2 tell whether a suffix of n letters lies in the region.
func (s *stemmer) inR1(n int) bool { return len(s.w)-n >= s.r1 }
func (s *stemmer) inR2(n int) bool { return len(s.w)-n >= s.r2 }

// hasVowel tells whether w[:end] has a vowel.
func (s *stemmer) hasVowel(end int) bool {
	for _, c := range s.w[:end] {
		if isVowel(c) {
			return true
		}
	}
	return false
}

// endsShort tells whether w[:end] ends in a short syllable: a vowel between
// two non-vowels, the last not w, x or Y; or a vowel that starts the word,
// then a non-vowel.
func (s *stemmer) endsShort(end int) bool {
	w := s.w[:end]
	n := len(w)
	switch {
	case n >= 3 && !isVowel(w[n-3]) && isVowel(w[n-2]) && !isVowel(w[n-1]) && w[n-1] != 'w' && w[n-1] != 'x' && w[n-1] != 'Y':
		return true
	case n == 2 && isVowel(w[0]) && !isVowel(w[1]):
		return true
	}
	return false
}

// Each step acts on the longest of its suffixes that the word ends in, if
// any; the cases of a switch are tried longest first.

func (s *stemmer) step1a() {
	switch {
	case s.ends("'s'"):
		s.replace(3, "")
	case s.ends("'s"):
		s.replace(2, "")
	case s.ends("'"):
		s.replace(1, "")
	}
	switch {
	case s.ends("sses"):
		s.replace(4, "ss")
	case s.ends("ied"), s.ends("ies"):
		if len(s.w) > 4 {
			s.replace(3, "i")
		} else {
			s.replace(3, "ie")
		}
	case s.ends("us"), s.ends("ss"):
	case s.ends("s"):
		// Drop the s if a vowel comes before the letter before it: gaps, not gas.
		if len(s.w) >= 2 && s.hasVowel(len(s.w)-2) {
			s.replace(1, "")
		}
	}
}

// invariantAfter1a tells whether the word is one left alone once step 1a
// has run.
func (s *stemmer) invariantAfter1a() bool {
	switch string(s.w) {
	case "inning", "outing", "canning", "herring", "earring", "proceed", "exceed", "succeed":
		return true
	}
	return false
}

func (s *stemmer) step1b() {
	switch {
	case s.ends("eedly"):
		s.step1bEed(5)
	case s.ends("ingly"):
		s.step1bDelete(5)
	case s.ends("edly"):
		s.step1bDelete(4)
	case s.ends("eed"):
		s.step1bEed(3)
	case s.ends("ing"):
		s.step1bDelete(3)
	case s.ends("ed"):
		s.step1bDelete(2)
	}
}

// step1bEed is step 1b for eed and eedly, of n letters.
func (s *stemmer) step1bEed(n int) {
	if s.inR1(n) {
		s.replace(n, "ee")
	}
}

// step1bDelete is step 1b for ed, edly, ing and ingly, of n letters.
func (s *stemmer) step1bDelete(n int) {
	if !s.hasVowel(len(s.w) - n) {
		return
	}
	s.replace(n, "")
	switch {
	case s.ends("at"), s.ends("bl"), s.ends("iz"):
		s.replace(0, "e")
	case s.endsDouble():
		s.replace(1, "")
	case s.r1 >= len(s.w) && s.endsShort(len(s.w)):
		s.replace(0, "e")
	}
}

// endsDouble tells whether the word ends in bb, dd, ff, gg, mm, nn, pp, rr
// or tt.
func (s *stemmer) endsDouble() bool {
	n := len(s.w)
	if n < 2 || s.w[n-1] != s.w[n-2] {
		return false
	}
	switch s.w[n-1] {
	case 'b', 'd', 'f', 'g', 'm', 'n', 'p', 'r', 't':
		return true
	}
	return false
}

// step1c: a final y after a non-vowel that is not the first letter is i.
func (s *stemmer) step1c() {
	n := len(s.w)
	if n > 2 && (s.w[n-1] == 'y' || s.w[n-1] == 'Y') && !isVowel(s.w[n-2]) {
		s.w[n-1] = 'i'
	}
}

// suffixRules are a step's suffixes and what replaces each, by their last
// letter, each letter's longest first: the first a word ends in is the
// longest.
type suffixRules [26][]suffixRule

type suffixRule struct{ suffix, with string }

// newSuffixRules makes the rules of pairs: suffix, replacement, suffix…
func newSuffixRules(pairs ...string) *suffixRules {
	var r suffixRules
	for i := 0; i < len(pairs); i += 2 {
		x := pairs[i]
		last := x[len(x)-1] - 'a'
		r[last] = append(r[last], suffixRule{x, pairs[i+1]})
	}
	for _, list := range r {
		slices.SortStableFunc(list, func(a, b suffixRule) int { return len(b.suffix) - len(a.suffix) })
	}
	return &r
}

// longest returns the longest of the rules' suffixes that the word ends in.
func (s *stemmer) longest(rules *suffixRules) (suffixRule, bool) {
	n := len(s.w)
	if n == 0 || s.w[n-1]-'a' >= 26 { // an apostrophe or Y: no suffix ends in one
		return suffixRule{}, false
	}
	for _, r := range rules[s.w[n-1]-'a'] {
		if s.ends(r.suffix) {
			return r, true
		}
	}
	return suffixRule{}, false
}

var step2Rules = newSuffixRules(
	"tional", "tion", "enci", "ence", "anci", "ance", "abli", "able", "entli", "ent",
	"izer", "ize", "ization", "ize", "ational", "ate", "ation", "ate", "ator", "ate",
	"alism", "al", "aliti", "al", "alli", "al", "fulness", "ful", "ousli", "ous", "ousness", "ous",
	"iveness", "ive", "iviti", "ive", "biliti", "ble", "bli", "ble", "ogi", "og", "fulli", "ful",
	"lessli", "less", "li", "",
)

func (s *stemmer) step2() {
	r, ok := s.longest(step2Rules)
	if !ok || !s.inR1(len(r.suffix)) {
		return
	}
	before := len(s.w) - len(r.suffix)
	switch r.suffix {
	case "ogi":
		if before < 1 || s.w[before-1] != 'l' {
			return
		}
	case "li":
		if before < 1 || !validLiEnding(s.w[before-1]) {
			return
		}
	}
	s.replace(len(r.suffix), r.with)
}

// validLiEnding tells whether li after c is a suffix.
func validLiEnding(c byte) bool {
	switch c {
	case 'c', 'd', 'e', 'g', 'h', 'k', 'm', 'n', 'r', 't':
		return true
	}
	return false
}

var step3Rules = newSuffixRules(
	"tional", "tion", "ational", "ate", "alize", "al", "icate", "ic", "iciti", "ic", "ical", "ic",
	"ful", "", "ness", "", "ative", "",
)

func (s *stemmer) step3() {
	r, ok := s.longest(step3Rules)
	if !ok || !s.inR1(len(r.suffix)) || (r.suffix == "ative" && !s.inR2(len(r.suffix))) {
		return
	}
	s.replace(len(r.suffix), r.with)
}

var step4Rules = newSuffixRules(
	"al", "", "ance", "", "ence", "", "er", "", "ic", "", "able", "", "ible", "", "ant", "",
	"ement", "", "ment", "", "ent", "", "ism", "", "ate", "", "iti", "", "ous", "", "ive", "",
	"ize", "", "ion", "",
)

func (s *stemmer) step4() {
	r, ok := s.longest(step4Rules)
	if !ok || !s.inR2(len(r.suffix)) {
		return
	}
	if r.suffix == "ion" {
		if before := len(s.w) - 3; before < 1 || (s.w[before-1] != 's' && s.w[before-1] != 't') {
			return
		}
	}
	s.replace(len(r.suffix), "")
}

func (s *stemmer) step5() {
	n := len(s.w)
	switch {
	case s.ends("e") && (s.inR2(1) || (s.inR1(1) && !s.endsShort(n-1))):
		s.replace(1, "")
	case s.ends("l") && s.inR2(1) && n >= 2 && s.w[n-2] == 'l':
		s.replace(1, "")
	}
}

// result is the stem, with each Y a y again: base's start if it is that.
func (s *stemmer) result(base string) string {
	for i, c := range s.w {
		if c == 'Y' {
			s.w[i] = 'y'
		}
	}
	if n := len(s.w); n <= len(base) && string(s.w) == base[:n] {
		return base[:n]
	}
	return string(s.w)
}
