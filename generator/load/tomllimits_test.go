package load

import (
	"strings"
	"testing"
	"unicode"
)

// Issue 8, item 8: TOML that would take minutes to parse is refused before
// it is parsed, at the place where it passes a limit; brackets and dots in
// strings and comments do not count.
func TestTOMLLimits(t *testing.T) {
	deep := func(open, close string, n int) string { return strings.Repeat(open, n) + strings.Repeat(close, n) }
	key := func(n int) string { return strings.TrimSuffix(strings.Repeat("a.", n), ".") }
	tests := []struct {
		name, text string
		off        int
		msg        string
	}{
		{"arrays at the limit", "a = " + deep("[", "]", 20) + "\n", -1, ""},
		{"arrays past it", "a = " + deep("[", "]", 21) + "\n", 24, "arrays and inline tables nest 21 deep here; the limit is 20"},
		{"inline tables past it", "a = " + strings.Repeat("{b = ", 21) + "1" + strings.Repeat("}", 21), 104, "arrays and inline tables nest 21 deep here; the limit is 20"},
		{"arrays one after another", strings.Repeat("a = "+deep("[", "]", 20)+"\n", 50), -1, ""},
		{"header at the limit", "[" + key(20) + "]\n", -1, ""},
		{"header past it", "[" + key(21) + "]\n", 40, "this key has more than 20 parts (a.b.c has 3); the limit is 20"},
		{"dotted key past it", key(21) + " = 1\n", 39, "this key has more than 20 parts (a.b.c has 3); the limit is 20"},
		{"floats and times", "a = [" + strings.Repeat("1.5, ", 50) + "]\nt = [" + strings.Repeat("07:32:00.99, ", 50) + "]\n", -1, ""},
		{"brackets in strings", `a = "` + deep("[", "]", 30) + `"` + "\nb = '" + deep("{", "}", 30) + "'\n", -1, ""},
		{"escaped quote", `a = "\"` + deep("[", "]", 30) + `"` + "\n", -1, ""},
		{"multi-line strings", "a = \"\"\"\n" + deep("[", "]", 30) + "\n\"\"\"\"\"\nb = '''" + key(30) + "'''\n", -1, ""},
		{"comment", "# " + deep("[", "]", 30) + key(30) + "\na = 1\n", -1, ""},
		{"past it after a string", `a = "]]]]"` + "\nb = " + deep("[", "]", 21), 35, "arrays and inline tables nest 21 deep here; the limit is 20"},
		{"control character escaped", `a = "x\u001by"`, 6, "control character U+001B is not allowed in text: remove it"},
		{"control character as \\b", "a = 1\nb = \"x\\by\"", 12, "control character U+0008 is not allowed in text: remove it"},
		{"control character, long escape", `a = """x\U00000085"""`, 8, "control character U+0085 is not allowed in text: remove it"},
		{"escapes that are text", `a = "tab\tline\nend\r \\u001b \u00e9"` + "\nb = 'x\\u001b'\n", -1, ""},
		{"too large", strings.Repeat("a = 1\n", maxTOMLBytes/6+1), maxTOMLBytes / 6 * 6,
			"the TOML passes the limit of 1 MiB (1,048,576 bytes) on this line: keep long text in the Markdown"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			off, msg := tomlLimits(tt.text)
			if off != tt.off || msg != tt.msg {
				t.Errorf("tomlLimits = %d, %q; want %d, %q", off, msg, tt.off, tt.msg)
			}
		})
	}
}

// A front matter past a limit is an error at its line and column in the
// content file, and the library never sees it.
func TestTOMLLimitsInFrontMatter(t *testing.T) {
	fm := "+++\ntitle = \"甲\"\n[params]\nx = " + strings.Repeat("{b = ", 5000) + "1" + strings.Repeat("}", 5000) + "\n+++\n正文\n"
	_, err := Site(site(map[string]string{"content/a.zh.md": fm}), Options{})
	want := "content/a.zh.md:4:105: arrays and inline tables nest 21 deep here; the limit is 20"
	if err == nil || err.Error() != want {
		t.Errorf("got %v\nwant %s", err, want)
	}
}

// FuzzTOMLLimits: any text without control characters, as a TOML string,
// is one value and nests nothing, so the limits never count what is inside
// a string.
func FuzzTOMLLimits(f *testing.F) {
	for _, s := range []string{"[[[", `"""`, "'''", `\"`, "a.b.c", "#", "\n[", `\`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if off, _ := tomlLimits(s); off < -1 || off > len(s) {
			t.Fatalf("offset %d outside the text", off)
		}
		for _, text := range []string{basicString(s), literalString(s)} {
			if off, msg := tomlLimits("a = " + text + "\nb = 1\n"); off >= 0 && len(text) < maxTOMLBytes-20 {
				t.Fatalf("%s: %d: %s", text, off, msg)
			}
		}
	})
}

// basicString writes s as a TOML basic string.
func basicString(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case unicode.IsControl(r):
			// no TOML text may hold one, escaped or not
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// literalString writes s as a TOML multi-line literal string, if it can
// be one, or as a basic string.
func literalString(s string) string {
	if strings.Contains(s, "'''") || strings.HasSuffix(s, "'") {
		return basicString(s)
	}
	return "'''" + s + "'''"
}
