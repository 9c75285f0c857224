package tmplexec

import (
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
	"unicode/utf8"
	"unsafe"
	"westcoast/generator/jsonstr"
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
	b := jsonstr.Append(make([]byte, 0, len(s)+8), s, true)
	return unsafe.String(&b[0], len(b)) // b is not written again
}

const hexDigits = "0123456789abcdef"
