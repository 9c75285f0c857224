package load

import (
	"os"
	"testing"
)

var textSeeds = []string{
	"正文\n",
	"tab\tand\r\nlines\n",
	"bell \a here",
	"del \x7f here",
	"c1 \u0085 next line",
	"c1 \u009f last",
	"\u00a0 no-break space, \u00ff, \u0100",
	"gbk \xd5\xfd\xce\xc4",
	"cut \xe4\xb8",
	"\xc2",
	"",
	"eight by eight, then \x01 at the seventeenth",
	"一二三四五六七八\u0080",
	"abcdefg\xc2\x9f",
	"abcdefg\x7f",
}

// isText must agree with findFault, the exact walk it stands in for: it
// passes a body exactly when findFault finds nothing.
func agreesText(t *testing.T, body string) {
	t.Helper()
	fault := findFault("x.md", []byte(body), 1)
	if got := isText([]byte(body)); got != (fault == nil) {
		t.Fatalf("isText(%q) = %v, findFault says %v", body, got, fault)
	}
	if got := checkText("x.md", []byte(body), 1); (got == nil) != (fault == nil) || got != nil && got.Error() != fault.Error() {
		t.Fatalf("checkText(%q) = %v, want %v", body, got, fault)
	}
}

func TestCheckText(t *testing.T) {
	for _, body := range textSeeds {
		agreesText(t, body)
	}
	for _, tc := range []struct{ body, want string }{
		{"正文\n第二行\x01", "x.md:4:4: control character U+0001 is not allowed in text: remove it"},
		{"a\n\u0085", "x.md:4:1: control character U+0085 is not allowed in text: remove it"},
		{"\n\n中\xd5", "x.md:5:2: invalid UTF-8 (byte 0xd5): save the file as UTF-8"},
	} {
		if got := checkText("x.md", []byte(tc.body), 3); got == nil || got.Error() != tc.want {
			t.Errorf("checkText(%q) = %v, want %s", tc.body, got, tc.want)
		}
	}
}

func FuzzCheckText(f *testing.F) {
	for _, seed := range textSeeds {
		f.Add(seed)
	}
	f.Fuzz(agreesText)
}

// BenchmarkCheckText checks the text of a page of the real site.
func BenchmarkCheckText(b *testing.B) {
	data, err := os.ReadFile("../../content/zones/dongjiakou.zh.md")
	if err != nil {
		b.Fatal(err)
	}
	_, body, line, err := splitFrontMatter("x.md", data)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(body)))
	for b.Loop() {
		if err := checkText("x.md", body, line); err != nil {
			b.Fatal(err)
		}
	}
}
