// Package jsonstr writes a Go string as a JSON string, byte for byte as
// encoding/json does, without its reflection and buffers: the search
// index writes every passage of every page this way, and templates every
// string they put into a script.
package jsonstr

import "unicode/utf8"

const hex = "0123456789abcdef"

// Append appends s to dst as encoding/json writes a string: quoted, with
// quotes, backslashes and control characters escaped, each byte that is
// not UTF-8 as \ufffd, and U+2028 and U+2029 escaped, since JavaScript
// once did not allow them in strings. With html, '<', '>' and '&' are
// escaped too, as json.Marshal does; without, as an Encoder does after
// SetEscapeHTML(false).
func Append(dst []byte, s string, html bool) []byte {
	dst = append(dst, '"')
	start := 0
	for i := 0; i < len(s); {
		b := s[i]
		if b < utf8.RuneSelf {
			if b >= ' ' && b != '"' && b != '\\' && (!html || b != '<' && b != '>' && b != '&') {
				i++
				continue
			}
			dst = escapeASCII(append(dst, s[start:i]...), b)
			i++
			start = i
			continue
		}
		if s[i] != 0xE2 && threeBytes(s, i) { // Chinese: not U+2028 or U+2029
			i += 3
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && n == 1:
			dst = append(append(dst, s[start:i]...), `\ufffd`...)
			start = i + n
		case r == '\u2028' || r == '\u2029':
			dst = append(append(dst, s[start:i]...), '\\', 'u', '2', '0', '2', hex[r&0xF])
			start = i + n
		}
		i += n
	}
	return append(append(dst, s[start:]...), '"')
}

// escapeASCII appends the escape of an ASCII byte that a JSON string
// cannot hold as it is, or that is escaped to be safe in HTML.
func escapeASCII(dst []byte, b byte) []byte {
	switch b {
	case '"', '\\':
		return append(dst, '\\', b)
	case '\b':
		return append(dst, '\\', 'b')
	case '\f':
		return append(dst, '\\', 'f')
	case '\n':
		return append(dst, '\\', 'n')
	case '\r':
		return append(dst, '\\', 'r')
	case '\t':
		return append(dst, '\\', 't')
	}
	return append(dst, '\\', 'u', '0', '0', hex[b>>4], hex[b&0xF])
}

// threeBytes reports whether s holds a valid three-byte UTF-8 sequence at
// i that is not a surrogate: most Chinese characters.
func threeBytes(s string, i int) bool {
	return i+2 < len(s) && 0xE1 <= s[i] && s[i] <= 0xEF && s[i] != 0xED && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80
}
