package load

import (
	"encoding/binary"
	"unicode"
	"unicode/utf8"

	"westcoast/generator/model"
)

// checkText finds the first byte of a Markdown body that is not text:
// invalid UTF-8 (a file saved in GBK, say), or a control character other
// than tab and line breaks, which would be published as it is. Front
// matter is checked by the TOML library, which rejects both.
func checkText(path string, body []byte, firstLine int) *model.Error {
	if isText(body) {
		return nil // nearly every body: no need to decode it rune by rune
	}
	return findFault(path, body, firstLine)
}

// isText reports whether body is valid UTF-8 without the controls that
// findFault reports. It works on bytes: in UTF-8 the C0 controls and DEL
// are single bytes, and the C1 controls (U+0080 to U+009F) are 0xC2
// followed by 0x80 to 0x9F. Eight bytes are looked at together, and one by
// one only when one of them might be a control (line breaks are below 0x20
// too).
func isText(body []byte) bool {
	if !utf8.Valid(body) {
		return false
	}
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	i := 0
	for ; i+8 <= len(body); i += 8 {
		w := binary.LittleEndian.Uint64(body[i:])
		below20 := (w - 0x20*ones) &^ w & highs // a byte below 0x20 (exact for a limit up to 0x80)
		del, c2 := w^0x7f*ones, w^0xc2*ones
		zero := (del-ones)&^del&highs | (c2-ones)&^c2&highs // a byte 0x7F or 0xC2
		if below20|zero != 0 && !bytesAreText(body, i, i+8) {
			return false
		}
	}
	return bytesAreText(body, i, len(body))
}

// bytesAreText checks body[from:to] byte by byte for isText.
func bytesAreText(body []byte, from, to int) bool {
	for i := from; i < to; i++ {
		switch c := body[i]; {
		case c < 0x20 && c != '\t' && c != '\n' && c != '\r', c == 0x7f:
			return false
		case c == 0xc2 && i+1 < len(body) && body[i+1] < 0xa0:
			return false // valid UTF-8, so body[i+1] is at least 0x80
		}
	}
	return true
}

// findFault is checkText's exact walk, rune by rune, which also counts
// the line and column of the fault.
func findFault(path string, body []byte, firstLine int) *model.Error {
	line, col := firstLine, 1
	for i := 0; i < len(body); {
		r, size := utf8.DecodeRune(body[i:])
		switch {
		case r == utf8.RuneError && size <= 1:
			return model.Errorf(path, line, col, "invalid UTF-8 (byte 0x%02x): save the file as UTF-8", body[i])
		case r == '\n':
			line, col = line+1, 0
		case r != '\t' && r != '\r' && unicode.IsControl(r):
			return model.Errorf(path, line, col, "control character U+%04X is not allowed in text: remove it", r)
		}
		i += size
		col++
	}
	return nil
}
