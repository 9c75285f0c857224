package tmplexec

import "strings"

// srcsetEscaper filters and normalizes a srcset attribute's value: URLs,
// each followed by a size, separated by commas, as html/template's
// srcsetFilterAndEscaper.
func srcsetEscaper(s string, ct contentType) string {
	switch ct {
	case srcset:
		return s
	case url:
		// Normalizing takes out the spaces between a URL and its size;
		// commas would separate one source from another.
		return strings.ReplaceAll(urlProcessor(s, url, true), ",", "%2c")
	}
	var b strings.Builder
	start := 0
	for i := 0; i < len(s); i++ {
		if s[i] == ',' {
			srcsetElement(s[start:i], &b)
			b.WriteByte(',')
			start = i + 1
		}
	}
	srcsetElement(s[start:], &b)
	return b.String()
}

// srcsetElement writes one source: its URL normalized, its size as it is
// if it is only letters, digits and spaces; a source that is unsafe or has
// any other size is refused.
func srcsetElement(s string, b *strings.Builder) {
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
			b.WriteString(s[:start])
			b.WriteString(urlProcessor(u, plain, true))
			b.WriteString(s[end:])
			return
		}
	}
	b.WriteString("#" + filterFailsafe)
}

// isHTMLSpace: the ASCII white space of HTML (tab, newline, form feed,
// carriage return, space).
func isHTMLSpace(c byte) bool {
	return c == '\t' || c == '\n' || c == '\f' || c == '\r' || c == ' '
}
