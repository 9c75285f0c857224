package markdown

import (
	"testing"
)

// plainTextCases are texts isPlainText must take, or must leave to
// goldmark, by the converter's typographer.
var plainTextCases = []struct {
	src                string
	plain, plainTypogr bool
}{
	{"Innovation green farm cluster modern export upgrade harbor global park.", true, true},
	{"董家口港区，一个现代化的港口。", true, true},
	{"Output rose 12% (year on year), to 3.5 billion; why?", true, true},
	{"Qingdao's west coast", true, false},
	{"fixed-asset investment", true, true},
	{"", false, false},
	{"a & b", false, false},
	{"a < b", false, false},
	{`say "hi"`, false, false},
	{"a--b", false, false},
	{"wait...", false, false},
	{"see www.example.org", false, false},
	{"see WWW.example.org", false, false},
	{"mail me@example.org", false, false},
	{"https://example.org", false, false},
	{"*strong*", false, false},
	{"1. first", false, false},
	{"- item", false, false},
	{"# title", false, false},
	{" leading", false, false},
	{"trailing ", false, false},
	{"two\nlines", false, false},
	{"tab\there", false, false},
	{"bad \xff byte", false, false},
}

func TestIsPlainText(t *testing.T) {
	plain, typogr := New(Options{}), New(Options{Typographer: true})
	for _, tc := range plainTextCases {
		if got := plain.isPlainText([]byte(tc.src)); got != tc.plain {
			t.Errorf("isPlainText(%q) = %v, want %v", tc.src, got, tc.plain)
		}
		if got := typogr.isPlainText([]byte(tc.src)); got != tc.plainTypogr {
			t.Errorf("with the typographer, isPlainText(%q) = %v, want %v", tc.src, got, tc.plainTypogr)
		}
	}
}

// FuzzPlainText holds isPlainText to its promise: a text it takes converts
// by goldmark, with and without the typographer, to the text itself.
func FuzzPlainText(f *testing.F) {
	for _, tc := range plainTextCases {
		f.Add(tc.src)
	}
	for _, seed := range []string{"a  b", "a\u00a0", "a\u3000", "中\u3000", "a\x00b", "a!b", "a=b", "a+b", "a/b/c", "a(www.b)", "Ab-", "a.", "a\u200b", "a\ufeff", "x\u2028y"} {
		f.Add(seed)
	}
	converters := []*Converter{New(Options{}), New(Options{Typographer: true})}
	f.Fuzz(func(t *testing.T, src string) {
		for _, c := range converters {
			if !c.isPlainText([]byte(src)) {
				continue
			}
			slow, err := c.parseInline([]byte(src), &Links{Resolve: func(l Link) (string, error) { return l.Dest, nil }})
			if err != nil {
				t.Fatalf("isPlainText(%q), but goldmark fails: %v", src, err)
			}
			if string(slow) != src {
				t.Fatalf("isPlainText(%q) (typographer %v), but goldmark makes %q", src, c.typographer, slow)
			}
		}
	})
}
