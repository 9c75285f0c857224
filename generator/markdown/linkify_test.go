package markdown

import (
	"strings"
	"testing"
)

// FuzzLinkifyOnlyWhereLinks holds mayLink to its promise: a text it says
// has no link converts the same by the parser without linkify as by the
// one with it, with and without the typographer.
func FuzzLinkifyOnlyWhereLinks(f *testing.F) {
	for _, seed := range []string{
		"see https://example.org/a and www.example.org", "mail me@example.org", "(www.x.org)", "*http://x.org*",
		"ftp://x.org/f", "_www.a.b_", "~me@x.org~", "a@b", "visit WWW.X.ORG", "HTTPS://X.ORG", "mailto:a",
		"plain text, no address", "中文：网址", "**a** _b_ ~~c~~ [l](u) <x> `c`", "- a\n- b\n\n> q", "| a |\n|---|\n| b |",
	} {
		f.Add(seed)
	}
	var withLinkify, without []*Converter
	for _, opts := range []Options{{}, {Typographer: true}} {
		c := New(opts)
		always := *c
		always.noLinks = c.md.Parser()
		without, withLinkify = append(without, c), append(withLinkify, &always)
	}
	f.Fuzz(func(t *testing.T, src string) {
		if mayLink([]byte(src)) {
			return
		}
		for i, c := range without {
			got, gotErr := c.Convert([]byte(src), nil)
			want, wantErr := withLinkify[i].Convert([]byte(src), nil)
			if got != want || errText(gotErr) != errText(wantErr) {
				t.Fatalf("%q without linkify: %q, %v; with it: %q, %v", src, got, gotErr, want, wantErr)
			}
		}
	})
}

// mayLink says yes to every kind of address linkify finds, and no to a
// sentence without one.
func TestMayLink(t *testing.T) {
	c := New(Options{})
	for _, src := range []string{"https://example.org", "http://example.org", "ftp://example.org", "see www.example.org", "me@example.org"} {
		out, err := c.Convert([]byte(src), nil)
		if err != nil || !strings.Contains(string(out), "<a href=") {
			t.Errorf("%q converts to %q, %v: want a link", src, out, err)
		}
		if !mayLink([]byte(src)) {
			t.Errorf("mayLink(%q) = false", src)
		}
	}
	// goldmark trims blanks before a line break differently with linkify,
	// so a line that ends in one keeps the parser with linkify.
	for _, src := range []string{"hard  \nbreak", "tab\t\nend", "ends in a space ", "cr \r\nlf"} {
		if !mayLink([]byte(src)) {
			t.Errorf("mayLink(%q) = false: a blank ends a line", src)
		}
	}
	for _, src := range []string{"a plain sentence: with a colon.", "two\nlines", " leading\n\tindent", "中文，\n下一行"} {
		if mayLink([]byte(src)) {
			t.Errorf("mayLink(%q) = true, for a text without an address or a line ending in a blank", src)
		}
	}
}
