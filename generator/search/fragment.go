package search

import "unicode/utf8"

// fragment is a document's file: what the script shows of a result. It is
// the JSON encoding/json makes, with SetEscapeHTML(false), of
//
//	struct {
//		Title    string      `json:"t"`
//		URL      string      `json:"u"`
//		Section  string      `json:"s,omitempty"`
//		Passages [][2]string `json:"p"` // text, anchor; the description first
//	}
//
// written by hand, since encoding/json's reflection cost more than the
// rest of a page's indexing.
func fragment(d Doc) []byte {
	size := len(d.Title) + len(d.URL) + len(d.Section) + len(d.Description) + 32
	for _, p := range d.Passages {
		size += len(p.Text) + len(p.Anchor) + 8
	}
	buf := make([]byte, 0, size+size/16)
	buf = appendJSONString(append(buf, `{"t":`...), d.Title)
	buf = appendJSONString(append(buf, `,"u":`...), d.URL)
	if d.Section != "" {
		buf = appendJSONString(append(buf, `,"s":`...), d.Section)
	}
	buf = append(buf, `,"p":[`...)
	sep := ""
	if d.Description != "" {
		buf = appendJSONString(append(buf, '['), d.Description)
		buf = append(buf, `,""]`...)
		sep = ","
	}
	for _, p := range d.Passages {
		buf = appendJSONString(append(append(buf, sep...), '['), p.Text)
		buf = appendJSONString(append(buf, ','), p.Anchor)
		buf = append(buf, ']')
		sep = ","
	}
	return append(buf, "]}"...)
}

// appendJSONString appends s as encoding/json writes a string when it
// does not escape HTML: quotes, backslashes and control characters
// escaped, each byte that is not UTF-8 as \ufffd, and U+2028 and U+2029
// escaped, since JavaScript once did not allow them in strings.
func appendJSONString(dst []byte, s string) []byte {
	const hex = "0123456789abcdef"
	dst = append(dst, '"')
	start := 0
	for i := 0; i < len(s); {
		b := s[i]
		if b < utf8.RuneSelf {
			if b >= ' ' && b != '"' && b != '\\' {
				i++
				continue
			}
			dst = append(dst, s[start:i]...)
			switch b {
			case '"', '\\':
				dst = append(dst, '\\', b)
			case '\b':
				dst = append(dst, '\\', 'b')
			case '\f':
				dst = append(dst, '\\', 'f')
			case '\n':
				dst = append(dst, '\\', 'n')
			case '\r':
				dst = append(dst, '\\', 'r')
			case '\t':
				dst = append(dst, '\\', 't')
			default:
				dst = append(dst, '\\', 'u', '0', '0', hex[b>>4], hex[b&0xF])
			}
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
