package tmplexec

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
	return replaceRunes(s, func(r rune) string {
		switch {
		case r < 0x20:
			return jsControl(byte(r))
		case int(r) < len(table):
			return table[r]
		case r == '\u2028':
			return `\u2028`
		case r == '\u2029':
			return `\u2029`
		}
		return ""
	})
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
