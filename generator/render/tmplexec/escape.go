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
	"unsafe"
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
// type, or, for jsvalescaper, from the value itself. Each appends what it
// writes to dst, a buffer the executor reuses, so that escaping allocates
// nothing; a text escaper that would write s as it is appends nothing and
// reports same, and s itself is written.
type escaper struct {
	text  func(dst []byte, s string, ct contentType) (out []byte, same bool)
	value func(dst []byte, v reflect.Value) []byte
}

// escape runs a pipeline's escapers on its value and writes the result.
// Each escaper appends to one of the state's two scratch buffers and the
// next reads that while it appends to the other.
func (s *state) escape(v reflect.Value, escs []escaper) {
	var str string
	var ct contentType
	buf := 0
	for i, e := range escs {
		var out []byte
		same := false
		switch {
		case e.value != nil && i == 0:
			out = e.value(s.scratch[buf][:0], v)
		case e.value != nil:
			out = e.value(s.scratch[buf][:0], reflect.ValueOf(str))
		case i == 0:
			str, ct = stringify(v)
			fallthrough
		default:
			out, same = e.text(s.scratch[buf][:0], str, ct)
		}
		ct = plain
		if !same {
			s.scratch[buf] = out
			str = unsafe.String(unsafe.SliceData(out), len(out))
			buf ^= 1
		}
	}
	s.writeString(str)
}

// escapers are by the names html/template gives them in escaped trees.
var escapers = map[string]escaper{
	"_html_template_htmlescaper":    {text: htmlEscaper},
	"_html_template_attrescaper":    {text: attrEscaper},
	"_html_template_rcdataescaper":  {text: rcdataEscaper},
	"_html_template_nospaceescaper": {text: nospaceEscaper},
	"_html_template_commentescaper": {text: func(dst []byte, _ string, _ contentType) ([]byte, bool) { return dst, false }},
	"_html_template_urlfilter":      {text: urlFilter},
	"_html_template_urlescaper": {text: func(dst []byte, s string, ct contentType) ([]byte, bool) {
		return appendURL(dst, s, ct == url, false)
	}},
	"_html_template_urlnormalizer": {text: func(dst []byte, s string, _ contentType) ([]byte, bool) {
		return appendURL(dst, s, true, false)
	}},
	"_html_template_cssvaluefilter": {text: cssValueFilter},
	"_html_template_jsvalescaper":   {value: appendJSVal},
	// text/template's builtins, as html/template leaves them.
	"html": {value: func(dst []byte, v reflect.Value) []byte {
		return append(dst, ttemplate.HTMLEscaper(anyOf(v))...)
	}},
	"urlquery": {value: func(dst []byte, v reflect.Value) []byte {
		return append(dst, ttemplate.URLQueryEscaper(anyOf(v))...)
	}},
	"_html_template_srcsetescaper":    {text: srcsetEscaper},
	"_html_template_jsstrescaper":     {text: jsStrEscaper},
	"_html_template_jstmpllitescaper": {text: jsTmplLitEscaper},
	"_html_template_jsregexpescaper":  {text: jsRegexpEscaper},
}

// filterFailsafe is what html/template writes for a value it refuses.
const filterFailsafe = "ZgotmplZ"

var (
	stringType = reflect.TypeFor[string]()
	stringer   = reflect.TypeFor[fmt.Stringer]()
	errorType  = reflect.TypeFor[error]()
	marshaler  = reflect.TypeFor[json.Marshaler]()
	intType    = reflect.TypeFor[int]()
)

var (
	cssType      = reflect.TypeFor[template.CSS]()
	htmlAttrType = reflect.TypeFor[template.HTMLAttr]()
	jsType       = reflect.TypeFor[template.JS]()
	jsStrType    = reflect.TypeFor[template.JSStr]()
	urlType      = reflect.TypeFor[template.URL]()
	srcsetType   = reflect.TypeFor[template.Srcset]()
)

// contentOf is the content type of a string of type t, or not ok for a
// type html/template does not know (compared one by one: a map keyed by
// reflect.Type hashes the interface at every action).
func contentOf(t reflect.Type) (ct contentType, ok bool) {
	if t.Kind() != reflect.String {
		return plain, false
	}
	switch t {
	case stringType:
		return plain, true
	case htmlType:
		return html, true
	case urlType:
		return url, true
	case cssType:
		return css, true
	case htmlAttrType:
		return htmlAttr, true
	case jsType:
		return js, true
	case jsStrType:
		return jsStr, true
	case srcsetType:
		return srcset, true
	}
	return plain, false
}

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
	if ct, ok := contentOf(x.Type()); ok {
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

func htmlEscaper(dst []byte, s string, ct contentType) ([]byte, bool) {
	if ct == html {
		return dst, true
	}
	return appendHTML(dst, s, htmlTable)
}

func attrEscaper(dst []byte, s string, ct contentType) ([]byte, bool) {
	if ct == html {
		return appendHTML(dst, noTags(s), htmlNormTable)
	}
	return appendHTML(dst, s, htmlTable)
}

func rcdataEscaper(dst []byte, s string, ct contentType) ([]byte, bool) {
	if ct == html {
		return appendHTML(dst, s, htmlNormTable)
	}
	return appendHTML(dst, s, htmlTable)
}

func nospaceEscaper(dst []byte, s string, ct contentType) ([]byte, bool) {
	switch {
	case s == "":
		return append(dst, filterFailsafe...), false
	case ct == html:
		return appendHTML(dst, noTags(s), nospaceNormTable)
	}
	return appendHTML(dst, s, nospaceTable)
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

var htmlTable = newReplacer(true, map[byte]string{0: "\uFFFD", '"': "&#34;", '&': "&amp;", '\'': "&#39;", '+': "&#43;", '<': "&lt;", '>': "&gt;"})

// htmlNormTable leaves '&' alone, not to escape entities twice.
var htmlNormTable = newReplacer(true, map[byte]string{0: "\uFFFD", '"': "&#34;", '\'': "&#39;", '+': "&#43;", '<': "&lt;", '>': "&gt;"})

// nospaceTable is for unquoted attribute values.
var nospaceTable = newReplacer(false, map[byte]string{0: "&#xfffd;", '\t': "&#9;", '\n': "&#10;", '\v': "&#11;", '\f': "&#12;", '\r': "&#13;",
	' ': "&#32;", '"': "&#34;", '&': "&amp;", '\'': "&#39;", '+': "&#43;", '<': "&lt;", '=': "&#61;", '>': "&gt;", '`': "&#96;"})

var nospaceNormTable = newReplacer(false, map[byte]string{0: "&#xfffd;", '\t': "&#9;", '\n': "&#10;", '\v': "&#11;", '\f': "&#12;", '\r': "&#13;",
	' ': "&#32;", '"': "&#34;", '\'': "&#39;", '+': "&#43;", '<': "&lt;", '=': "&#61;", '>': "&gt;", '`': "&#96;"})

// replacer is one of html/template's tables of replacements for ASCII
// characters. Unless badRunes, it also writes as references the
// noncharacters some browsers refuse unquoted, and each byte that is not
// UTF-8 (U+FFFD).
type replacer struct {
	repl [utf8.RuneSelf]string
	// stop are the bytes to look at: those repl replaces and, unless
	// badRunes, those that start a rune past ASCII, to decode it. Every
	// other byte is passed over with one look up.
	stop     [256]bool
	badRunes bool
}

func newReplacer(badRunes bool, repl map[byte]string) *replacer {
	r := &replacer{badRunes: badRunes}
	for c, to := range repl {
		r.repl[c], r.stop[c] = to, true
	}
	for c := utf8.RuneSelf; c < 256 && !badRunes; c++ {
		r.stop[c] = true
	}
	return r
}

// appendHTML appends s with what t replaces replaced. same: s needs no
// change, and nothing was appended.
func appendHTML(dst []byte, s string, t *replacer) ([]byte, bool) {
	written := 0
	for i := 0; i < len(s); {
		c := s[i]
		if !t.stop[c] {
			i++
			continue
		}
		if c < utf8.RuneSelf {
			dst = append(append(dst, s[written:i]...), t.repl[c]...)
			i++
			written = i
			continue
		}
		r, w := utf8.DecodeRuneInString(s[i:])
		if 0xfdd0 <= r && r <= 0xfdef || 0xfff0 <= r && r <= 0xffff {
			dst = append(append(dst, s[written:i]...), "&#x"...)
			dst = append(strconv.AppendUint(dst, uint64(r), 16), ';')
			written = i + w
		}
		i += w
	}
	if written == 0 {
		return dst, true
	}
	return append(dst, s[written:]...), false
}

func urlFilter(dst []byte, s string, ct contentType) ([]byte, bool) {
	if ct == url || isSafeURL(s) {
		return dst, true
	}
	return append(dst, "#"+filterFailsafe...), false
}

// isSafeURL: a relative URL, or one of http, https or mailto. A scheme
// is what comes before a ':' with no '/' before it: the look stops at
// the first of the two.
func isSafeURL(s string) bool {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '/':
			return true
		case ':':
			scheme := s[:i]
			return strings.EqualFold(scheme, "http") || strings.EqualFold(scheme, "https") || strings.EqualFold(scheme, "mailto")
		}
	}
	return true
}

// appendURL percent-encodes what a URL (norm) or a part of one may not
// hold as it is; with noCommas, commas too (srcset separates sources
// with them).
func appendURL(dst []byte, s string, norm, noCommas bool) ([]byte, bool) {
	keep := &urlPart
	if norm {
		keep = &urlWhole
	}
	written := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == ',' && noCommas:
		case keep[c]:
			continue
		case norm && c == '%' && i+2 < len(s) && isHex(s[i+1]) && isHex(s[i+2]):
			continue
		}
		dst = append(append(dst, s[written:i]...), '%', hexDigits[c>>4], hexDigits[c&15])
		written = i + 1
	}
	if written == 0 {
		return dst, true
	}
	return append(dst, s[written:]...), false
}

// urlPart are the bytes a part of a URL holds as they are; urlWhole those
// a whole URL does, which normalizing leaves alone.
var urlPart, urlWhole = func() (part, whole [256]bool) {
	for c := range 256 {
		part[c] = 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || strings.IndexByte("-._~", byte(c)) >= 0
		whole[c] = part[c] || strings.IndexByte("!#$&*+,/:;=?@[]", byte(c)) >= 0
	}
	return part, whole
}()

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

// cssValueFilter lets through CSS values that cannot end a declaration,
// start a comment or call expression().
func cssValueFilter(dst []byte, s string, ct contentType) ([]byte, bool) {
	if ct == css {
		return dst, true
	}
	if strings.IndexByte(s, '\\') >= 0 {
		bail() // CSS escapes are decoded first: left to html/template
	}
	start := len(dst)
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch c {
		case 0, '"', '\'', '(', ')', '/', ';', '@', '[', '\\', ']', '`', '{', '}', '<', '>':
			return append(dst[:start], filterFailsafe...), false
		case '-':
			if i != 0 && s[i-1] == '-' {
				return append(dst[:start], filterFailsafe...), false
			}
		}
		// As html/template's, the identifier leaves out '-': it finds
		// "expression" in "expres-sion".
		if 'A' <= c && c <= 'Z' {
			dst = append(dst, c+'a'-'A')
		} else if c == '_' || 'a' <= c && c <= 'z' || '0' <= c && c <= '9' {
			dst = append(dst, c)
		}
	}
	// dst[start:] is the value's identifier characters, in lower case.
	if id := dst[start:]; bytes.Contains(id, []byte("expression")) || bytes.Contains(id, []byte("mozbinding")) {
		return append(dst[:start], filterFailsafe...), false
	}
	return dst[:start], true
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
