package load

import (
	"unicode"
	"unicode/utf8"

	"westcoast/generator/model"
)

// checkText finds the first byte of a Markdown body that is not text:
// invalid UTF-8 (a file saved in GBK, say), or a control character other
// than tab and line breaks, which would be published as it is. Front
// matter is checked by the TOML library, which rejects both.
func checkText(path string, body []byte, firstLine int) *model.Error {
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
