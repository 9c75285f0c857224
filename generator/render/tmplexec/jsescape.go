package tmplexec

// The escapers of values inside JavaScript strings, template literals
// and regular expressions, as html/template's (js.go there).

func jsStrEscaper(dst []byte, s string, ct contentType) ([]byte, bool) {
	if ct == jsStr {
		return appendJS(dst, s, jsStrNormTable) // already escaped: backslashes stay
	}
	return appendJS(dst, s, jsStrTable)
}

func jsTmplLitEscaper(dst []byte, s string, _ contentType) ([]byte, bool) {
	return appendJS(dst, s, jsTmplLitTable)
}

func jsRegexpEscaper(dst []byte, s string, _ contentType) ([]byte, bool) {
	if s == "" {
		return append(dst, "(?:)"...), false // not //, a line comment
	}
	return appendJS(dst, s, jsRegexpTable)
}

// appendJS escapes control characters, U+2028, U+2029 and the ASCII
// characters table names. Those two are the only runes past ASCII it
// escapes, and their first byte (0xE2) never continues another rune: the
// other bytes are passed over without decoding them, and bytes that are
// not UTF-8 are written as they are, as html/template does.
func appendJS(dst []byte, s string, table []string) ([]byte, bool) {
	written := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		var repl string
		switch {
		case c < 0x20:
			repl = jsControl[c]
		case int(c) < len(table):
			repl = table[c]
		case c == 0xE2 && i+2 < len(s) && s[i+1] == 0x80 && (s[i+2] == 0xA8 || s[i+2] == 0xA9):
			dst = append(append(dst, s[written:i]...), `\u202`...)
			dst = append(dst, "89"[s[i+2]-0xA8])
			i += 2
			written = i + 1
			continue
		}
		if repl != "" {
			dst = append(append(dst, s[written:i]...), repl...)
			written = i + 1
		}
	}
	if written == 0 {
		return dst, true
	}
	return append(dst, s[written:]...), false
}

// jsControl are the escapes of control characters: the short escapes
// JavaScript and JSON share, else \u00XX (\v is "v" in old browsers).
var jsControl = func() (t [0x20]string) {
	for c := range t {
		t[c] = `\u00` + string(hexDigits[c>>4]) + string(hexDigits[c&15])
	}
	t['\t'], t['\n'], t['\f'], t['\r'] = `\t`, `\n`, `\f`, `\r`
	return t
}()

// HTML's specials are written as \u escapes, so that the output can be
// in an attribute too.
var jsStrTable = []string{'"': `\u0022`, '`': `\u0060`, '&': `\u0026`, '\'': `\u0027`, '+': `\u002b`, '/': `\/`,
	'<': `\u003c`, '>': `\u003e`, '\\': `\\`}

var jsStrNormTable = []string{'"': `\u0022`, '&': `\u0026`, '\'': `\u0027`, '`': `\u0060`, '+': `\u002b`, '/': `\/`,
	'<': `\u003c`, '>': `\u003e`}

var jsTmplLitTable = []string{'"': `\u0022`, '`': `\u0060`, '&': `\u0026`, '\'': `\u0027`, '+': `\u002b`, '/': `\/`,
	'<': `\u003c`, '>': `\u003e`, '\\': `\\`, '$': `\u0024`, '{': `\u007b`, '}': `\u007d`}

var jsRegexpTable = []string{'"': `\u0022`, '$': `\$`, '&': `\u0026`, '\'': `\u0027`, '(': `\(`, ')': `\)`, '*': `\*`,
	'+': `\u002b`, '-': `\-`, '.': `\.`, '/': `\/`, '<': `\u003c`, '>': `\u003e`, '?': `\?`, '[': `\[`, '\\': `\\`,
	']': `\]`, '^': `\^`, '{': `\{`, '|': `\|`, '}': `\}`}
