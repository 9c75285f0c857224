package jsonstr

import (
	"bytes"
	"encoding/json"
	"testing"
)

// encoded is s as encoding/json writes it, with or without HTML escapes.
func encoded(t *testing.T, s string, html bool) string {
	var b bytes.Buffer
	e := json.NewEncoder(&b)
	e.SetEscapeHTML(html)
	if err := e.Encode(s); err != nil {
		t.Fatal(err)
	}
	return string(bytes.TrimSuffix(b.Bytes(), []byte("\n")))
}

var seeds = []string{"", "plain", "董家口经济区", "a\"b\\c", "<script>&amp;</script>", "\x00\x1f\b\f\n\r\t\x7f",
	"\u2028\u2029", "bad \xff\xfe utf-8", "\xe2\x80", "\xed\xa0\x80", "𝄞 and é", "mixed 中文 <b> \u2028 \xc0"}

func TestAppend(t *testing.T) {
	for _, s := range seeds {
		for _, html := range []bool{false, true} {
			if got, want := string(Append([]byte("x"), s, html)), "x"+encoded(t, s, html); got != want {
				t.Errorf("Append(%q, html %v) = %s, want %s", s, html, got, want)
			}
		}
	}
}

func FuzzAppend(f *testing.F) {
	for _, s := range seeds {
		f.Add(s, false)
		f.Add(s, true)
	}
	f.Fuzz(func(t *testing.T, s string, html bool) {
		if got, want := string(Append(nil, s, html)), encoded(t, s, html); got != want {
			t.Errorf("Append(%q, html %v) = %s, want %s", s, html, got, want)
		}
	})
}
