package search

import "strings"

// referenceStem is Stem as it was first written, a step of Porter2 at a
// time, each suffix list scanned with strings.HasSuffix, kept to check the
// faster Stem against (TestStemAgreesWithReference, FuzzStem). The search
// script's stem is a copy of this one.
func referenceStem(word string) string {
	if len(word) < 3 || !refIsASCIIWord(word) {
		return word
	}
	if s, ok := refExceptions[word]; ok {
		return s
	}
	w := []byte(strings.TrimPrefix(word, "'"))
	refMarkY(w)
	s := &refStemmer{w: w}
	s.r1, s.r2 = refRegions(w)
	s.step1a()
	if refInvariantAfter1a[string(s.w)] {
		return refUnmarkY(s.w)
	}
	s.step1b()
	s.step1c()
	s.step2()
	s.step3()
	s.step4()
	s.step5()
	return refUnmarkY(s.w)
}

// refExceptions are whole words the algorithm does not apply to.
var refExceptions = map[string]string{
	"skis": "ski", "skies": "sky", "dying": "die", "lying": "lie", "tying": "tie",
	"idly": "idl", "gently": "gentl", "ugly": "ugli", "early": "earli", "only": "onli", "singly": "singl",
	"sky": "sky", "news": "news", "howe": "howe", "atlas": "atlas", "cosmos": "cosmos", "bias": "bias", "andes": "andes",
}

// refInvariantAfter1a are words left alone once step 1a has run.
var refInvariantAfter1a = map[string]bool{
	"inning": true, "outing": true, "canning": true, "herring": true, "earring": true,
	"proceed": true, "exceed": true, "succeed": true,
}

func refIsASCIIWord(w string) bool {
	for i := 0; i < len(w); i++ {
		if c := w[i]; (c < 'a' || c > 'z') && c != '\'' {
			return false
		}
	}
	return true
}

// refIsVowel: y is a vowel, Y (a y that acts as a consonant) is not.
func refIsVowel(c byte) bool {
	switch c {
	case 'a', 'e', 'i', 'o', 'u', 'y':
		return true
	}
	return false
}

// refMarkY writes a y at the start of the word or after a vowel as Y.
func refMarkY(w []byte) {
	for i, c := range w {
		if c == 'y' && (i == 0 || refIsVowel(w[i-1])) {
			w[i] = 'Y'
		}
	}
}

func refUnmarkY(w []byte) string {
	return strings.ReplaceAll(string(w), "Y", "y")
}

// refRegions returns where R1 and R2 start: R1 after the first non-vowel that
// follows a vowel (or after one of three prefixes), R2 the same within R1.
func refRegions(w []byte) (r1, r2 int) {
	r1 = len(w)
	for _, p := range []string{"gener", "commun", "arsen"} {
		if strings.HasPrefix(string(w), p) {
			r1 = len(p)
			break
		}
	}
	if r1 == len(w) {
		r1 = refAfterVowelConsonant(w, 0)
	}
	return r1, refAfterVowelConsonant(w, r1)
}

func refAfterVowelConsonant(w []byte, from int) int {
	for i := from + 1; i < len(w); i++ {
		if !refIsVowel(w[i]) && refIsVowel(w[i-1]) {
			return i + 1
		}
	}
	return len(w)
}

type refStemmer struct {
	w      []byte
	r1, r2 int
}

func (s *refStemmer) has(suffix string) bool { return strings.HasSuffix(string(s.w), suffix) }

// longest returns the longest of the suffixes the word ends in, or "".
func (s *refStemmer) longest(suffixes ...string) string {
	best := ""
	for _, x := range suffixes {
		if len(x) > len(best) && s.has(x) {
			best = x
		}
	}
	return best
}

// replace puts with in place of the word's last n letters.
func (s *refStemmer) replace(n int, with string) {
	s.w = append(s.w[:len(s.w)-n], with...)
}

// inR1 and inR2 tell whether a suffix of n letters lies in the region.
func (s *refStemmer) inR1(n int) bool { return len(s.w)-n >= s.r1 }
func (s *refStemmer) inR2(n int) bool { return len(s.w)-n >= s.r2 }

// hasVowel tells whether w[:end] has a vowel.
func (s *refStemmer) hasVowel(end int) bool {
	for _, c := range s.w[:end] {
		if refIsVowel(c) {
			return true
		}
	}
	return false
}

// endsShort tells whether w[:end] ends in a short syllable: a vowel between
// two non-vowels, the last not w, x or Y; or a vowel that starts the word,
// then a non-vowel.
func (s *refStemmer) endsShort(end int) bool {
	w := s.w[:end]
	n := len(w)
	switch {
	case n >= 3 && !refIsVowel(w[n-3]) && refIsVowel(w[n-2]) && !refIsVowel(w[n-1]) && w[n-1] != 'w' && w[n-1] != 'x' && w[n-1] != 'Y':
		return true
	case n == 2 && refIsVowel(w[0]) && !refIsVowel(w[1]):
		return true
	}
	return false
}

func (s *refStemmer) step1a() {
	if x := s.longest("'", "'s", "'s'"); x != "" {
		s.replace(len(x), "")
	}
	switch x := s.longest("sses", "ied", "ies", "s", "us", "ss"); x {
	case "sses":
		s.replace(4, "ss")
	case "ied", "ies":
		if len(s.w) > 4 {
			s.replace(3, "i")
		} else {
			s.replace(3, "ie")
		}
	case "s":
		// Drop the s if a vowel comes before the letter before it: gaps, not gas.
		if len(s.w) >= 2 && s.hasVowel(len(s.w)-2) {
			s.replace(1, "")
		}
	}
}

func (s *refStemmer) step1b() {
	switch x := s.longest("eed", "eedly", "ed", "edly", "ing", "ingly"); x {
	case "eed", "eedly":
		if s.inR1(len(x)) {
			s.replace(len(x), "ee")
		}
	case "ed", "edly", "ing", "ingly":
		if !s.hasVowel(len(s.w) - len(x)) {
			return
		}
		s.replace(len(x), "")
		switch {
		case s.has("at") || s.has("bl") || s.has("iz"):
			s.replace(0, "e")
		case s.endsDouble():
			s.replace(1, "")
		case s.r1 >= len(s.w) && s.endsShort(len(s.w)):
			s.replace(0, "e")
		}
	}
}

func (s *refStemmer) endsDouble() bool {
	for _, d := range []string{"bb", "dd", "ff", "gg", "mm", "nn", "pp", "rr", "tt"} {
		if s.has(d) {
			return true
		}
	}
	return false
}

// step1c: a final y after a non-vowel that is not the first letter is i.
func (s *refStemmer) step1c() {
	n := len(s.w)
	if n > 2 && (s.w[n-1] == 'y' || s.w[n-1] == 'Y') && !refIsVowel(s.w[n-2]) {
		s.w[n-1] = 'i'
	}
}

var refStep2Suffixes = map[string]string{
	"tional": "tion", "enci": "ence", "anci": "ance", "abli": "able", "entli": "ent",
	"izer": "ize", "ization": "ize", "ational": "ate", "ation": "ate", "ator": "ate",
	"alism": "al", "aliti": "al", "alli": "al", "fulness": "ful", "ousli": "ous", "ousness": "ous",
	"iveness": "ive", "iviti": "ive", "biliti": "ble", "bli": "ble", "ogi": "og", "fulli": "ful",
	"lessli": "less", "li": "",
}

var refStep2Keys = refKeys(refStep2Suffixes)

func (s *refStemmer) step2() {
	x := s.longest(refStep2Keys...)
	if x == "" || !s.inR1(len(x)) {
		return
	}
	before := len(s.w) - len(x)
	switch x {
	case "ogi":
		if before < 1 || s.w[before-1] != 'l' {
			return
		}
	case "li":
		if before < 1 || !strings.ContainsRune("cdeghkmnrt", rune(s.w[before-1])) {
			return
		}
	}
	s.replace(len(x), refStep2Suffixes[x])
}

var refStep3Suffixes = map[string]string{
	"tional": "tion", "ational": "ate", "alize": "al", "icate": "ic", "iciti": "ic", "ical": "ic",
	"ful": "", "ness": "", "ative": "",
}

var refStep3Keys = refKeys(refStep3Suffixes)

func (s *refStemmer) step3() {
	x := s.longest(refStep3Keys...)
	if x == "" || !s.inR1(len(x)) || (x == "ative" && !s.inR2(len(x))) {
		return
	}
	s.replace(len(x), refStep3Suffixes[x])
}

func (s *refStemmer) step4() {
	x := s.longest("al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ment",
		"ent", "ism", "ate", "iti", "ous", "ive", "ize", "ion")
	if x == "" || !s.inR2(len(x)) {
		return
	}
	if x == "ion" {
		if before := len(s.w) - 3; before < 1 || (s.w[before-1] != 's' && s.w[before-1] != 't') {
			return
		}
	}
	s.replace(len(x), "")
}

func (s *refStemmer) step5() {
	n := len(s.w)
	switch {
	case s.has("e") && (s.inR2(1) || (s.inR1(1) && !s.endsShort(n-1))):
		s.replace(1, "")
	case s.has("l") && s.inR2(1) && n >= 2 && s.w[n-2] == 'l':
		s.replace(1, "")
	}
}

func refKeys(m map[string]string) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	return out
}
