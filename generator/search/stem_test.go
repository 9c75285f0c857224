package search

import (
	"strings"
	"testing"
)

// stemSuffixes are every suffix a step of Porter2 looks for, and a few
// endings that make words go through more than one step.
var stemSuffixes = []string{
	"", "'", "'s", "'s'", "sses", "ied", "ies", "s", "us", "ss",
	"eed", "eedly", "ed", "edly", "ing", "ingly", "y", "ly",
	"tional", "enci", "anci", "abli", "entli", "izer", "ization", "ational", "ation", "ator",
	"alism", "aliti", "alli", "fulness", "ousli", "ousness", "iveness", "iviti", "biliti", "bli",
	"ogi", "fulli", "lessli", "li", "alize", "icate", "iciti", "ical", "ful", "ness", "ative",
	"al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ment", "ent", "ism",
	"ate", "iti", "ous", "ive", "ize", "ion", "sion", "tion", "e", "l", "ll",
}

// stemStarts are starts of words of every shape the regions and the short
// syllable rules tell apart, the prefixes with regions of their own, and
// letters that the rules look at before a suffix.
var stemStarts = []string{
	"", "a", "b", "y", "ab", "ba", "by", "yb", "ay", "bab", "abab", "babab", "bbaa", "aab",
	"hop", "fiz", "tt", "l", "c", "d", "g", "k", "s", "t", "w", "x", "at", "bl", "iz", "hopp",
	"gener", "commun", "arsen", "genera", "'", "'a", "o'b", "sky", "news", "inn", "out", "can",
}

// TestStemAgreesWithReference: Stem gives the stem referenceStem, the
// stemmer as first written, gives, for every start of a word followed by
// every pair of suffixes, so that a suffix missing from a step, or tried
// in the wrong order, fails; and for the words of testdata/stems.txt with
// each suffix.
func TestStemAgreesWithReference(t *testing.T) {
	var words []string
	for _, start := range stemStarts {
		for _, x := range stemSuffixes {
			for _, y := range stemSuffixes {
				words = append(words, start+x+y)
			}
		}
	}
	for _, c := range stemCases(t) {
		for _, x := range stemSuffixes {
			words = append(words, c[0]+x, c[1]+x)
		}
	}
	failed := 0
	for _, w := range words {
		if got, want := Stem(w), referenceStem(w); got != want {
			t.Errorf("Stem(%q) = %q, but the stemmer as first written gives %q", w, got, want)
			if failed++; failed == 20 {
				t.Fatal("too many differences")
			}
		}
	}
}

// FuzzStem compares Stem with referenceStem on any text, and on the same
// bytes made into words of a–z and apostrophes, which Stem works on.
func FuzzStem(f *testing.F) {
	for _, w := range []string{"supporting", "generously", "'quoted'", "skies", "happy", "é", "yay"} {
		f.Add(w)
	}
	f.Fuzz(func(t *testing.T, s string) {
		const letters = "abcdefghijklmnopqrstuvwxyz'aeiouy"
		word := []byte(s)
		for i, c := range word {
			word[i] = letters[int(c)%len(letters)]
		}
		for _, w := range []string{s, string(word)} {
			if got, want := Stem(w), referenceStem(w); got != want {
				t.Fatalf("Stem(%q) = %q, but the stemmer as first written gives %q", w, got, want)
			}
		}
	})
}

// TestStemAllocations: a stem that is the start of its word is returned
// as part of it, and the stemmer's own work allocates nothing.
func TestStemAllocations(t *testing.T) {
	for word, want := range map[string]float64{
		"supporting": 0, "generously": 0, "'quoted'": 0, "economies": 0, "news": 0, "数字": 0,
		strings.Repeat("ab", 30) + "ing": 1,               // longer than the stemmer's buffer
		"happy":                          1, "economy": 1, // happi, economi: not the word's start
	} {
		if got := testing.AllocsPerRun(100, func() { Stem(word) }); got != want {
			t.Errorf("Stem(%q): %v allocations, want %v", word, got, want)
		}
	}
}

// BenchmarkStem stems the words of testdata/stems.txt, by Stem and by the
// stemmer as first written.
func BenchmarkStem(b *testing.B) {
	var words []string
	for _, c := range stemCases(b) {
		words = append(words, c[0])
	}
	for _, s := range []struct {
		name string
		stem func(string) string
	}{{"Stem", Stem}, {"reference", referenceStem}} {
		b.Run(s.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				for _, w := range words {
					s.stem(w)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(words)), "ns/word")
		})
	}
}
