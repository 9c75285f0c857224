package tmplexec

import (
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
	"unicode/utf8"
	"unsafe"
)

// jsValEscaper writes a value as a JavaScript value: JSON, spaced so that
// it cannot run into a keyword.
func jsValEscaper(v reflect.Value) string {
	if v.Kind() == reflect.Interface {
		v = v.Elem()
	}
	var a any
	if v.IsValid() {
		for !v.Type().Implements(marshaler) && v.Kind() == reflect.Pointer && !v.IsNil() {
			v = v.Elem()
		}
		switch ct, ok := contentOf[v.Type()]; {
		case ok && ct == js:
			return v.String()
		case ok && ct == jsStr:
			return `"` + v.String() + `"`
		case v.Type() == stringType:
			return jsonString(v.String()) // what json.Marshal writes, without its buffers
		case v.Type().Implements(marshaler):
			a = v.Interface()
		case v.Type().Implements(stringer):
			a = v.Interface().(fmt.Stringer).String()
		default:
			a = v.Interface()
		}
	}
	b, err := json.Marshal(a)
	if err != nil || len(b) == 0 {
		bail() // html/template writes the error as a comment
	}
	first, _ := utf8.DecodeRune(b)
	last, _ := utf8.DecodeLastRune(b)
	pad := isJSIdentPart(first) || isJSIdentPart(last)
	out := string(b)
	if strings.Contains(out, "\u2028") || strings.Contains(out, "\u2029") {
		out = strings.NewReplacer("\u2028", `\u2028`, "\u2029", `\u2029`).Replace(out)
	}
	if pad {
		return " " + out + " "
	}
	return out
}

func isJSIdentPart(r rune) bool {
	return r == '$' || r == '_' || '0' <= r && r <= '9' || 'A' <= r && r <= 'Z' || 'a' <= r && r <= 'z'
}

// jsonString is s as json.Marshal writes a string: quoted, with HTML's
// specials, control characters, U+2028 and U+2029 escaped and invalid
// UTF-8 replaced.
func jsonString(s string) string {
	b := make([]byte, 0, len(s)+8)
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' && c != '<' && c != '>' && c != '&' {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '"', '\\':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, `\b`...)
			case '\f':
				b = append(b, `\f`...)
			case '\n':
				b = append(b, `\n`...)
			case '\r':
				b = append(b, `\r`...)
			case '\t':
				b = append(b, `\t`...)
			default:
				b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&15])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			b = append(append(b, s[start:i]...), `\ufffd`...)
		case r == '\u2028' || r == '\u2029':
			b = append(append(b, s[start:i]...), '\\', 'u', '2', '0', '2', hexDigits[r&15])
		default:
			i += size
			continue
		}
		i += size
		start = i
	}
	b = append(append(b, s[start:]...), '"')
	return unsafe.String(&b[0], len(b)) // b is not written again
}

const hexDigits = "0123456789abcdef"
