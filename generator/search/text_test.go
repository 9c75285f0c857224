package search

import (
	"bufio"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

// stemCases reads testdata/stems.txt: words and the stems the reference
// Snowball implementation gives them.
func stemCases(t testing.TB) [][2]string {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", "stems.txt"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var cases [][2]string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if line := sc.Text(); line != "" && !strings.HasPrefix(line, "#") {
			word, stem, _ := strings.Cut(line, " ")
			cases = append(cases, [2]string{word, stem})
		}
	}
	if len(cases) < 1000 {
		t.Fatalf("testdata/stems.txt has %d words, want more than 1000", len(cases))
	}
	return cases
}

func TestStem(t *testing.T) {
	for _, c := range stemCases(t) {
		if got := Stem(c[0]); got != c[1] {
			t.Errorf("Stem(%q) = %q, want %q", c[0], got, c[1])
		}
	}
	// The example, and words Stem leaves alone.
	for word, want := range map[string]string{
		"supporting": "support", "supports": "support", "support": "support",
		"financial": "financi", "economies": "economi", "economy": "economi",
		"2025": "2025", "café": "café", "qingdao": "qingdao", "a": "a",
	} {
		if got := Stem(word); got != want {
			t.Errorf("Stem(%q) = %q, want %q", word, got, want)
		}
	}
}

func TestFold(t *testing.T) {
	for in, want := range map[string]string{
		"數字經濟":         "数字经济",
		"Ｑｉｎｇｄａｏ　２０２５": "qingdao 2025",
		"Qingdao’s":    "qingdao's",
		"董家口":          "董家口",
		"臺灣":           "台湾",
		"薴":            "苎", // a chain in the table, followed to its end
		"ÉCOLE":        "école",
	} {
		if got := FoldString(in); got != want {
			t.Errorf("FoldString(%q) = %q, want %q", in, got, want)
		}
		if again := FoldString(want); again != want {
			t.Errorf("FoldString(%q) = %q: folding twice changes the text", want, again)
		}
	}
}

// tokens lists the tokens of text as the index reads them: words as they
// are, Han runs in brackets, breaks as |.
func tokens(text string) string {
	var out []string
	var tok tokenizer
	tok.reset(text)
	for kind := tok.next(); kind != endToken; kind = tok.next() {
		switch kind {
		case wordToken:
			out = append(out, string(tok.word))
		case hanToken:
			out = append(out, "["+string(tok.han)+"]")
		default:
			out = append(out, "|")
		}
	}
	return strings.Join(out, " ")
}

func TestTokens(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"Qingdao’s new-materials park, 5G基站。", "qingdao new materials park 5g [基站]"},
		{"don't stop", "don't stop"},
		{"'quoted' words'", "quoted words"},
		{"數字經濟（一）", "[数字经济] [一]"},
		{"ＡＢＣ１２３", "abc123"},
		{"x" + strings.Repeat("y", maxWordLen) + " z", "| z"},
		{"", ""},
	} {
		if got := tokens(c.in); got != c.want {
			t.Errorf("tokens(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func FuzzTokens(f *testing.F) {
	seeds := []string{"Qingdao’s new-materials park", "數字經濟", "don't", "ＡＢＣ", "a'b'c'"}
	for _, s := range append(seeds, hardText...) {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := tokens(s), referenceTokens(s); got != want {
			t.Fatalf("tokens(%q) = %q, but the tokenizer as first written reads %q", s, got, want)
		}
		var tok tokenizer
		tok.reset(s)
		for kind := tok.next(); kind != endToken; kind = tok.next() {
			var b string
			switch kind {
			case wordToken:
				b = string(tok.word)
				_ = Stem(b)
			case hanToken:
				b = string(tok.han)
			default:
				continue
			}
			if b == "" {
				t.Fatalf("%q: an empty token", s)
			}
			if folded := FoldString(b); folded != b {
				t.Fatalf("%q: token %q is not folded (%q)", s, b, folded)
			}
		}
	})
}

// TestAt: the tokenizer reads a character as utf8.DecodeRuneInString,
// Fold and classOf do, for every three-byte sequence and the bytes around
// it.
func TestAt(t *testing.T) {
	tok := tokenizer{table: bmpTable()}
	for b0 := 0xC0; b0 <= 0xFF; b0++ {
		for b1 := range 256 {
			for _, b2 := range []int{0x00, 0x41, 0x7F, 0x80, 0x9F, 0xA0, 0xA8, 0xBF, 0xC0, 0xE4, 0xFF} {
				tok.text = string([]byte{'x', byte(b0), byte(b1), byte(b2)})
				for i := range tok.text {
					r, n := utf8.DecodeRuneInString(tok.text[i:])
					f := Fold(r)
					if gr, gc, gn := tok.at(i); gr != f || gc != classOf(f) || gn != n {
						t.Fatalf("at(%q, %d) = %U, %d, %d; want %U, %d, %d", tok.text, i, gr, gc, gn, f, classOf(f), n)
					}
				}
			}
		}
	}
}

// TestBMPTable: the table made by ranges holds, for every character below
// U+10000, what Fold and classOf give it one at a time.
func TestBMPTable(t *testing.T) {
	table := bmpTableOf()
	for r := range rune(0x10000) {
		f := Fold(r)
		if want := uint32(f)<<2 | uint32(classOf(f)); table[r] != want {
			t.Fatalf("%U: table holds %U, class %d; want %U, class %d", r, rune(table[r]>>2), table[r]&3, f, classOf(f))
		}
	}
}
