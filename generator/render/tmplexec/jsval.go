package tmplexec

import (
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
	"unicode/utf8"
	"westcoast/generator/jsonstr"
)

// appendJSVal appends a value as a JavaScript value: JSON, spaced so that
// it cannot run into a keyword.
func appendJSVal(dst []byte, v reflect.Value) []byte {
	if v.Kind() == reflect.Interface {
		v = v.Elem()
	}
	if v.Kind() == reflect.String && v.Type() == stringType {
		// What json.Marshal writes, without its buffers.
		return jsonstr.Append(dst, v.String(), true)
	}
	var a any
	if v.IsValid() {
		for !v.Type().Implements(marshaler) && v.Kind() == reflect.Pointer && !v.IsNil() {
			v = v.Elem()
		}
		switch ct, ok := contentOf(v.Type()); {
		case ok && ct == js:
			return append(dst, v.String()...)
		case ok && ct == jsStr:
			return append(append(append(dst, '"'), v.String()...), '"')
		case v.Type() == stringType:
			// What json.Marshal writes, without its buffers.
			return jsonstr.Append(dst, v.String(), true)
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
	if pad {
		dst = append(dst, ' ')
	}
	out := string(b)
	if strings.Contains(out, "\u2028") || strings.Contains(out, "\u2029") {
		out = strings.NewReplacer("\u2028", `\u2028`, "\u2029", `\u2029`).Replace(out)
	}
	dst = append(dst, out...)
	if pad {
		dst = append(dst, ' ')
	}
	return dst
}

func isJSIdentPart(r rune) bool {
	return r == '$' || r == '_' || '0' <= r && r <= '9' || 'A' <= r && r <= 'Z' || 'a' <= r && r <= 'z'
}

const hexDigits = "0123456789abcdef"
