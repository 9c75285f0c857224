package tmplexec

import (
	"bytes"
	"encoding/json"
	"fmt"
	"html/template"
	"reflect"
	"strconv"
	"strings"
	ttemplate "text/template"
	"unicode/utf8"
)

// Our versions of html/template's escapers (escape.go there), which it
// does not export. Each is tested against html/template running a
// one-action template in the context that makes it call that escaper
// (escape_test.go). The rare inputs whose handling needs html/template's
// HTML parser (stripping the tags of template.HTML in an attribute) bail
// out, so that html/template runs the page.

// contentType is the kind of a value as html/template's typed strings
// tell it: plain text, or HTML, a URL… its author vouched for.
type contentType int

const (
	plain contentType = iota
	css
	html
	htmlAttr
	js
	jsStr
	url
	srcset
)

// escaper is one of html/template's escapers: from text and its content
// type, or, for jsvalescaper, from the value itself.
type escaper struct {
	text  func(s string, ct contentType) string
	value func(v reflect.Value) string
}

// first runs a pipeline's escapers, e and then rest, on its value.
func (e escaper) first(v reflect.Value, rest []escaper) string {
	var str string
	if e.value != nil {
		str = e.value(v)
	} else {
		str = e.text(stringify(v))
	}
	for _, e := range rest {
		if e.value != nil {
			str = e.value(reflect.ValueOf(str))
		} else {
			str = e.text(str, plain)
		}
	}
	return str
}

// escapers are by the names html/template gives them in escaped trees.
var escapers = map[string]escaper{
	"_html_template_htmlescaper":    {text: htmlEscaper},
	"_html_template_attrescaper":    {text: attrEscaper},
	"_html_template_rcdataescaper":  {text: rcdataEscaper},
	"_html_template_nospaceescaper": {text: nospaceEscaper},
	"_html_template_commentescaper": {text: func(string, contentType) string { return "" }},
	"_html_template_urlfilter":      {text: urlFilter},
	"_html_template_urlescaper":     {text: func(s string, ct contentType) string { return urlProcessor(s, ct, false) }},
	"_html_template_urlnormalizer":  {text: func(s string, ct contentType) string { return urlProcessor(s, ct, true) }},
	"_html_template_cssvaluefilter": {text: cssValueFilter},
	"_html_template_jsvalescaper":   {value: jsValEscaper},
	// text/template's builtins, as html/template leaves them.
	"html":                            {value: func(v reflect.Value) string { return ttemplate.HTMLEscaper(anyOf(v)) }},
	"urlquery":                        {value: func(v reflect.Value) string { return ttemplate.URLQueryEscaper(anyOf(v)) }},
	"_html_template_srcsetescaper":    {text: srcsetEscaper},
	"_html_template_jsstrescaper":     {text: jsStrEscaper},
	"_html_template_jstmpllitescaper": {text: jsTmplLitEscaper},
	"_html_template_jsregexpescaper":  {text: jsRegexpEscaper},
}

// filterFailsafe is what html/template writes for a value it refuses.
const filterFailsafe = "ZgotmplZ"

var (
	stringType = reflect.TypeFor[string]()
	contentOf  = map[reflect.Type]contentType{stringType: plain, reflect.TypeFor[template.CSS](): css, reflect.TypeFor[template.HTML](): html, reflect.TypeFor[template.HTMLAttr](): htmlAttr, reflect.TypeFor[template.JS](): js, reflect.TypeFor[template.JSStr](): jsStr, reflect.TypeFor[template.URL](): url, reflect.TypeFor[template.Srcset](): srcset}
	stringer   = reflect.TypeFor[fmt.Stringer]()
	errorType  = reflect.TypeFor[error]()
	marshaler  = reflect.TypeFor[json.Marshaler]()
	intType    = reflect.TypeFor[int]()
)

// stringify is a value as text and content type, as html/template's
// stringify makes it of the one value an escaper is given.
func stringify(v reflect.Value) (string, contentType) {
	if v.Kind() == reflect.Interface {
		v = v.Elem()
	}
	if !v.IsValid() {
		return "", plain // an untyped nil is left out
	}
	x := v
	for x.Kind() == reflect.Pointer && !x.IsNil() {
		x = x.Elem()
	}
	if ct, ok := contentOf[x.Type()]; ok {
		return x.String(), ct
	}
	if v.Type() == intType {
		return strconv.Itoa(int(v.Int())), plain
	}
	for !v.Type().Implements(stringer) && !v.Type().Implements(errorType) && v.Kind() == reflect.Pointer && !v.IsNil() {
		v = v.Elem()
	}
	return fmt.Sprint(v.Interface()), plain
}

func htmlEscaper(s string, ct contentType) string {
	if ct == html {
		return s
	}
	return htmlReplace(s, htmlTable, true)
}

func attrEscaper(s string, ct contentType) string {
	if ct == html {
		return htmlReplace(noTags(s), htmlNormTable, true)
	}
	return htmlReplace(s, htmlTable, true)
}

func rcdataEscaper(s string, ct contentType) string {
	if ct == html {
		return htmlReplace(s, htmlNormTable, true)
	}
	return htmlReplace(s, htmlTable, true)
}

func nospaceEscaper(s string, ct contentType) string {
	switch {
	case s == "":
		return filterFailsafe
	case ct == html:
		return htmlReplace(noTags(s), nospaceNormTable, false)
	}
	return htmlReplace(s, nospaceTable, false)
}

// noTags is HTML without tags, as html/template's stripTags makes it, for
// HTML without any: stripping tags needs its HTML parser, so a value
// with one bails out.
func noTags(s string) string {
	if strings.IndexByte(s, '<') >= 0 {
		bail()
	}
	return s
}

var htmlTable = []string{0: "\uFFFD", '"': "&#34;", '&': "&amp;", '\'': "&#39;", '+': "&#43;", '<': "&lt;", '>': "&gt;"}

// htmlNormTable leaves '&' alone, not to escape entities twice.
var htmlNormTable = []string{0: "\uFFFD", '"': "&#34;", '\'': "&#39;", '+': "&#43;", '<': "&lt;", '>': "&gt;"}

// nospaceTable is for unquoted attribute values.
var nospaceTable = []string{0: "&#xfffd;", '\t': "&#9;", '\n': "&#10;", '\v': "&#11;", '\f': "&#12;", '\r': "&#13;",
	' ': "&#32;", '"': "&#34;", '&': "&amp;", '\'': "&#39;", '+': "&#43;", '<': "&lt;", '=': "&#61;", '>': "&gt;", '`': "&#96;"}

var nospaceNormTable = []string{0: "&#xfffd;", '\t': "&#9;", '\n': "&#10;", '\v': "&#11;", '\f': "&#12;", '\r': "&#13;",
	' ': "&#32;", '"': "&#34;", '\'': "&#39;", '+': "&#43;", '<': "&lt;", '=': "&#61;", '>': "&gt;", '`': "&#96;"}

// htmlReplace replaces the runes table names; unless badRunes, it also
// writes as references the noncharacters some browsers refuse unquoted.
func htmlReplace(s string, table []string, badRunes bool) string {
	return replaceRunes(s, func(r rune) string {
		if int(r) < len(table) {
			return table[r]
		} else if !badRunes && (0xfdd0 <= r && r <= 0xfdef || 0xfff0 <= r && r <= 0xffff) {
			return fmt.Sprintf("&#x%x;", r)
		}
		return ""
	})
}

// replaceRunes writes s with each rune for which repl says something
// replaced by what it says, and returns s itself when it says nothing.
func replaceRunes(s string, repl func(r rune) string) string {
	var b strings.Builder
	written := 0
	for i := 0; i < len(s); {
		r, w := utf8.DecodeRuneInString(s[i:])
		if to := repl(r); to != "" {
			if written == 0 {
				b.Grow(len(s) + 16)
			}
			b.WriteString(s[written:i])
			b.WriteString(to)
			written = i + w
		}
		i += w
	}
	if written == 0 {
		return s
	}
	b.WriteString(s[written:])
	return b.String()
}

func urlFilter(s string, ct contentType) string {
	if ct == url || isSafeURL(s) {
		return s
	}
	return "#" + filterFailsafe
}

// isSafeURL: a relative URL, or one of http, https or mailto.
func isSafeURL(s string) bool {
	if scheme, _, ok := strings.Cut(s, ":"); ok && !strings.Contains(scheme, "/") {
		return strings.EqualFold(scheme, "http") || strings.EqualFold(scheme, "https") || strings.EqualFold(scheme, "mailto")
	}
	return true
}

// urlProcessor percent-encodes what a URL (norm) or a part of one may not
// hold as it is.
func urlProcessor(s string, ct contentType, norm bool) string {
	norm = norm || ct == url
	var b strings.Builder
	written := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9', strings.IndexByte("-._~", c) >= 0:
			continue
		case norm && strings.IndexByte("!#$&*+,/:;=?@[]", c) >= 0:
			continue
		case norm && c == '%' && i+2 < len(s) && isHex(s[i+1]) && isHex(s[i+2]):
			continue
		}
		if written == 0 {
			b.Grow(len(s) + 16)
		}
		b.WriteString(s[written:i])
		b.WriteByte('%')
		b.WriteByte(hexDigits[c>>4])
		b.WriteByte(hexDigits[c&15])
		written = i + 1
	}
	if written == 0 {
		return s
	}
	b.WriteString(s[written:])
	return b.String()
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

// cssValueFilter lets through CSS values that cannot end a declaration,
// start a comment or call expression().
func cssValueFilter(s string, ct contentType) string {
	if ct == css {
		return s
	}
	if strings.IndexByte(s, '\\') >= 0 {
		bail() // CSS escapes are decoded first: left to html/template
	}
	id := make([]byte, 0, 64)
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch c {
		case 0, '"', '\'', '(', ')', '/', ';', '@', '[', '\\', ']', '`', '{', '}', '<', '>':
			return filterFailsafe
		case '-':
			if i != 0 && s[i-1] == '-' {
				return filterFailsafe
			}
		}
		if c == '-' || c == '_' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' {
			id = append(id, c)
		}
	}
	id = bytes.ToLower(id)
	if bytes.Contains(id, []byte("expression")) || bytes.Contains(id, []byte("mozbinding")) {
		return filterFailsafe
	}
	return s
}

// anyOf is v passed to a parameter of type any: nil for no value.
func anyOf(v reflect.Value) any {
	if !v.IsValid() {
		return nil
	}
	return v.Interface()
}

// evalArgs is html/template's _eval_args_, which it puts before html or
// urlquery given several arguments: them printed as fmt.Sprint does,
// through pointers.
func evalArgs(v []reflect.Value) reflect.Value {
	if len(v) == 1 && v[0].IsValid() && v[0].Type() == stringType {
		return v[0]
	}
	a := make([]any, len(v))
	for i, x := range v {
		if x.Kind() == reflect.Interface {
			x = x.Elem()
		}
		if !x.IsValid() {
			continue // nil, as fmt prints it
		}
		for !x.Type().Implements(stringer) && !x.Type().Implements(errorType) && x.Kind() == reflect.Pointer && !x.IsNil() {
			x = x.Elem()
		}
		a[i] = x.Interface()
	}
	return reflect.ValueOf(fmt.Sprint(a...))
}
