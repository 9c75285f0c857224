package markdown

import (
	"regexp"
	"strings"
	"unicode/utf8"
)

// Shortcode calls look like Hugo's: {{< name "arg" "arg" >}}.
var (
	shortcodeCall = regexp.MustCompile(`\{\{<\s*(\w+)((?:\s+"[^"]*")*)\s*>\}\}`)
	shortcodeArg  = regexp.MustCompile(`"([^"]*)"`)
)

// Shortcode writes one shortcode call as Markdown-safe text, or says why
// it cannot.
type Shortcode func(name string, args []string) (string, error)

// ExpandShortcodes replaces each shortcode call in src with what call
// writes for it, escaped so that it stays literal text. Errors are at the
// call's line and column in src; "{{<" that starts no well-formed call is
// an error too.
func ExpandShortcodes(src []byte, call Shortcode) ([]byte, Errors) {
	if !strings.Contains(string(src), "{{<") {
		return src, nil
	}
	var errs Errors
	var out []byte
	last := 0
	for _, m := range shortcodeCall.FindAllSubmatchIndex(src, -1) {
		var args []string
		for _, a := range shortcodeArg.FindAllSubmatch(src[m[4]:m[5]], -1) {
			args = append(args, string(a[1]))
		}
		out = append(out, src[last:m[0]]...)
		last = m[1]
		text, err := call(string(src[m[2]:m[3]]), args)
		if err != nil {
			errs = append(errs, errorAt(src, m[0], err.Error()))
			continue
		}
		out = append(out, escapeLiteral(text)...)
	}
	out = append(out, src[last:]...)
	if i := unmatchedCall(src); i >= 0 && len(errs) == 0 {
		errs = append(errs, errorAt(src, i, `malformed shortcode: write {{< figure "id" >}}`))
	}
	return out, errs
}

// unmatchedCall finds a "{{<" that no well-formed call starts at, or -1.
func unmatchedCall(src []byte) int {
	calls := shortcodeCall.FindAllIndex(src, -1)
	for off := 0; ; {
		i := strings.Index(string(src[off:]), "{{<")
		if i < 0 {
			return -1
		}
		at := off + i
		matched := false
		for _, c := range calls {
			if c[0] == at {
				matched = true
			}
		}
		if !matched {
			return at
		}
		off = at + 3
	}
}

// escapeLiteral keeps a shortcode's text literal: "68.2%" or "CNY 3
// billion" have nothing to escape, but a unit could hold '*' or '_'.
func escapeLiteral(s string) string {
	var b strings.Builder
	for _, r := range s {
		if strings.ContainsRune(`\*_[]<>`+"`", r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// errorAt makes an Error at byte offset off of src, its column in
// characters.
func errorAt(src []byte, off int, msg string) *Error {
	before := src[:off]
	line := 1 + strings.Count(string(before), "\n")
	lastNL := strings.LastIndexByte(string(before), '\n')
	return &Error{Line: line, Col: utf8.RuneCount(before[lastNL+1:]) + 1, Msg: msg}
}
