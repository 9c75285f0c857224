package tmplexec

// srcsetEscaper filters and normalizes a srcset attribute's value: URLs,
// each followed by a size, separated by commas, as html/template's
// srcsetFilterAndEscaper.
func srcsetEscaper(dst []byte, s string, ct contentType) ([]byte, bool) {
	switch ct {
	case srcset:
		return dst, true
	case url:
		// Normalizing takes out the spaces between a URL and its size;
		// commas would separate one source from another.
		return appendURL(dst, s, true, true)
	}
	start := 0
	for i := 0; i < len(s); i++ {
		if s[i] == ',' {
			dst = append(appendSrcsetElement(dst, s[start:i]), ',')
			start = i + 1
		}
	}
	return appendSrcsetElement(dst, s[start:]), false
}

// appendSrcsetElement appends one source: its URL normalized, its size as
// it is if it is only letters, digits and spaces; a source that is unsafe
// or has any other size is refused.
func appendSrcsetElement(dst []byte, s string) []byte {
	start := 0
	for start < len(s) && isHTMLSpace(s[start]) {
		start++
	}
	end := len(s)
	for i := start; i < len(s); i++ {
		if isHTMLSpace(s[i]) {
			end = i
			break
		}
	}
	if u := s[start:end]; isSafeURL(u) {
		ok := true
		for i := end; i < len(s); i++ {
			c := s[i]
			if !isHTMLSpace(c) && !('0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z') {
				ok = false
				break
			}
		}
		if ok {
			dst = append(dst, s[:start]...)
			if d, same := appendURL(dst, u, true, false); same {
				dst = append(dst, u...)
			} else {
				dst = d
			}
			return append(dst, s[end:]...)
		}
	}
	return append(dst, "#"+filterFailsafe...)
}

// isHTMLSpace: the ASCII white space of HTML (tab, newline, form feed,
// carriage return, space).
func isHTMLSpace(c byte) bool {
	return c == '\t' || c == '\n' || c == '\f' || c == '\r' || c == ' '
}
