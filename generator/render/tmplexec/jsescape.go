package tmplexec

import (
	"strings"
	"unicode/utf8"
)

// The escapers of values inside JavaScript strings, template literals
// and regular expressions, as html/template's (js.go there).

func jsStrEscaper(s string, ct contentType) string {
	if ct == jsStr {
		return jsReplace(s, jsStrNormTable) // already escaped: backslashes stay
	}
	return jsReplace(s, jsStrTable)
}

func jsTmplLitEscaper(s string, _ contentType) string { return jsReplace(s, jsTmplLitTable) }

func jsRegexpEscaper(s string, _ contentType) string {
	if s = jsReplace(s, jsRegexpTable); s == "" {
		return "(?:)" // not //, a line comment
	}
	return s
}

// jsReplace escapes control characters, U+2028, U+2029 and the ASCII
// characters table names.
func jsReplace(s string, table []string) string {
	var b strings.Builder
	written := 0
	for i := 0; i < len(s); {
		r, w := utf8.DecodeRuneInString(s[i:])
		repl := ""
		switch {
		case r < 0x20:
			repl = jsControl(byte(r))
		case int(r) < len(table):
			repl = table[r]
		case r == '\u2028':
			repl = `\u2028`
		case r == '\u2029':
			repl = `\u2029`
		}
		if repl != "" {
			if written == 0 {
				b.Grow(len(s) + 16)
			}
			b.WriteString(s[written:i])
			b.WriteString(repl)
			written = i + w
		}
		i += w
	}
	if written == 0 {
		return s
	}
	b.WriteString(s[written:])
	return b.String()
}

// jsControl escapes a control character: the short escapes JavaScript and
// JSON share, else \u00XX (\v is "v" in old browsers).
func jsControl(c byte) string {
	switch c {
	case '\t':
		return `\t`
	case '\n':
		return `\n`
	case '\f':
		return `\f`
	case '\r':
		return `\r`
	}
	return `\u00` + string(hexDigits[c>>4]) + string(hexDigits[c&15])
}

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
