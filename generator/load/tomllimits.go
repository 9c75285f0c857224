package load

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
)

// Limits on a TOML text (config.toml, front matter, a facts file), checked
// before it is parsed. The TOML library's time grows faster than the square
// of the depth of nested inline tables (five thousand took 13 s, ten
// thousand over a minute), and every part of a dotted key or table header
// becomes a table with the parts before it in its name: without limits a
// few kilobytes of either stop the build. Within them any TOML text decodes
// in a second or two; no real file comes near them.
const (
	// maxTOMLBytes is the size of one TOML text.
	maxTOMLBytes = 1 << 20
	// maxTOMLNesting is how deep arrays and inline tables may nest.
	maxTOMLNesting = 20
	// maxKeyParts is how many parts one key or table header may have
	// (a.b.c has three).
	maxKeyParts = 20
)

// tomlLimits finds where text passes a limit, or where a string escapes
// a control character into a value (title = "a\u001bb", which a file may
// not hold as it is): the byte offset and the message, or -1. It reads only what it must to count (strings, whose
// brackets and dots do not count, and comments), so on text that is not
// TOML it may count wrongly; the parser then says what is wrong with it.
func tomlLimits(text string) (int, string) {
	if len(text) > maxTOMLBytes {
		return strings.LastIndexByte(text[:maxTOMLBytes], '\n') + 1,
			"the TOML passes the limit of 1 MiB (1,048,576 bytes) on this line: keep long text in the Markdown"
	}
	depth, parts := 0, 1
	for i := 0; i < len(text); i++ {
		switch text[i] {
		case '#':
			if j := strings.IndexByte(text[i:], '\n'); j >= 0 {
				i += j - 1 // the newline is read next
			} else {
				i = len(text)
			}
		case '"', '\'':
			end, bad := stringEnd(text, i)
			if bad >= 0 {
				r, _ := escapedControl(text, bad)
				return bad, fmt.Sprintf("control character U+%04X is not allowed in text: remove it", r)
			}
			i = end
		case '[', '{':
			depth++
			parts = 1
			if depth > maxTOMLNesting {
				return i, fmt.Sprintf("arrays and inline tables nest %d deep here; the limit is %d", depth, maxTOMLNesting)
			}
		case ']', '}':
			depth = max(depth-1, 0)
			parts = 1
		case '=', ',', '\n':
			parts = 1
		case '.':
			// A dot between these delimiters is in a key, a float or a
			// time; only a key has more than one.
			parts++
			if parts > maxKeyParts {
				return i, fmt.Sprintf("this key has more than %d parts (a.b.c has 3); the limit is %d", maxKeyParts, maxKeyParts)
			}
		}
	}
	return -1, ""
}

// stringEnd is the offset of the last byte of the string that starts at
// text[i] (a quote), or of the line's end if it is not closed there; and
// the offset of an escape in it that writes a control character, or -1.
func stringEnd(text string, i int) (end, bad int) {
	q := text[i]
	triple := `"""`
	if q == '\'' {
		triple = "'''"
	}
	bad = -1
	escape := func(j int) {
		if _, ok := escapedControl(text, j); ok && bad < 0 {
			bad = j
		}
	}
	if strings.HasPrefix(text[i:], triple) {
		end := i + 3
		for end < len(text) && !strings.HasPrefix(text[end:], triple) {
			if q == '"' && text[end] == '\\' {
				escape(end)
				end++
			}
			end++
		}
		end += 2
		// Up to two more quotes are part of the string: """a"""" is a".
		for k := 0; k < 2 && end+1 < len(text) && text[end+1] == q; k++ {
			end++
		}
		return min(end, len(text)-1), bad
	}
	for j := i + 1; j < len(text); j++ {
		switch text[j] {
		case '\\':
			if q == '"' {
				escape(j)
				j++
			}
		case q:
			return j, bad
		case '\n':
			return j - 1, bad // the newline is read next
		}
	}
	return len(text) - 1, bad
}

// escapedControl reads the escape at text[j] (a backslash in a basic
// string) and reports the control character it writes, if it writes one
// that text may not hold: the file itself may hold none but tab and line
// breaks, and an escape ("\u001b", "\b") must not get round that.
func escapedControl(text string, j int) (rune, bool) {
	if j+1 >= len(text) {
		return 0, false
	}
	var r rune
	switch c := text[j+1]; c {
	case 'b':
		r = '\b'
	case 'f':
		r = '\f'
	case 'e':
		r = 0x1b
	case 'u', 'U':
		n := 4
		if c == 'U' {
			n = 8
		}
		if j+2+n > len(text) {
			return 0, false
		}
		v, err := strconv.ParseUint(text[j+2:j+2+n], 16, 32)
		if err != nil {
			return 0, false
		}
		r = rune(v)
	default:
		return 0, false
	}
	return r, r != '\t' && r != '\n' && r != '\r' && unicode.IsControl(r)
}
