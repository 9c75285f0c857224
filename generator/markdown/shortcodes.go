package markdown

import (
	"bytes"
	"errors"
	"fmt"
	"html/template"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Shortcodes are Hugo's: {{< name "arg" "arg" >}}, {{< name key="value" >}},
// or paired, {{< name >}}inner text{{< /name >}}. {{</* name */>}} is the
// call itself, written out, for a page that shows how to call one.

// Call is one shortcode call in a text.
type Call struct {
	Name string
	// Args are the positional parameters, Params the named ones: a call
	// has one kind or the other.
	Args   []string
	Params map[string]string
	// Paired is set for a call with a closing tag; Inner is the text
	// between the two.
	Paired bool
	Inner  []byte
	// Ordinal counts the calls of one text from 0, in order.
	Ordinal int
}

// Expansion is what a call becomes: Text is put into the Markdown as
// literal text (a figure's value, which search then finds); HTML is put
// into the converted page as it is, never read as Markdown.
type Expansion struct {
	Text string
	HTML template.HTML
}

// Expanded is a text with its shortcode calls replaced: by their text, or
// by placeholders that ConvertPage replaces with their HTML.
type Expanded struct {
	Text []byte
	HTML []template.HTML // by placeholder number
	src  []byte
	// edits are the replaced calls, in order, to place errors of the
	// expanded text at the calls in src.
	edits []edit
}

type edit struct {
	at, n    int // the replacement in Text
	src, end int // the call in src
}

// A placeholder is "&\x1a7\x1a": goldmark offers inline parsers only
// punctuation to start at, and no other parser starts at '&'; the rest is
// marked by a control character, which no content file may hold, so that
// no text can forge one.
const (
	placeholderStart = '&'
	placeholderMark  = '\x1a'
)

// Expand replaces each shortcode call in src with what expand makes of it,
// or refuses a text over MaxBytes.
// Calls inside a paired call's inner text are left in Inner, for expand
// to expand as it converts that text. An error that expand returns is at
// the call's line and column in src; one that is Errors is placed in the
// call's inner text.
func Expand(src []byte, expand func(Call) (Expansion, error)) (Expanded, Errors) {
	out := Expanded{Text: src, src: src}
	// MaxBytes holds for the text as written too: the inner texts of
	// paired calls are converted one by one, each under the limit.
	if len(src) > MaxBytes {
		off, msg := tooLarge(src)
		return out, Errors{errorAt(src, off, msg)}
	}
	if !bytes.Contains(src, []byte("{{")) {
		return out, nil
	}
	calls, errs := scanCalls(src)
	if len(calls) == 0 {
		return out, errs
	}
	// A placeholder is shorter than the call it stands for; a literal
	// expansion may be longer, and then append makes room.
	text := make([]byte, 0, len(src)+64)
	last := 0
	for i, c := range calls {
		text = append(text, src[last:c.start]...)
		last = c.end
		at := len(text)
		if c.literal {
			text = append(text, c.written()...)
			out.edits = append(out.edits, edit{at, len(text) - at, c.start, c.end})
			continue
		}
		call := c.call(src)
		call.Ordinal = i
		x, err := expand(call)
		if err != nil {
			if len(errs) >= maxErrors {
				errs = report(errs[:maxErrors], src, c.start, "")
				break
			}
			errs = append(errs, c.errors(src, err)...)
			continue
		}
		if x.HTML != "" {
			text = append(text, placeholderStart, placeholderMark)
			text = strconv.AppendInt(text, int64(len(out.HTML)), 10)
			text = append(text, placeholderMark)
			out.HTML = append(out.HTML, x.HTML)
		} else {
			text = append(text, escapeLiteral(x.Text)...)
		}
		out.edits = append(out.edits, edit{at, len(text) - at, c.start, c.end})
	}
	out.Text = append(text, src[last:]...)
	sort.SliceStable(errs, func(i, j int) bool {
		return errs[i].Line < errs[j].Line || errs[i].Line == errs[j].Line && errs[i].Col < errs[j].Col
	})
	return out, errs
}

// Place puts the errors of converting e.Text at their places in the text
// that was expanded: an error inside a call's replacement is at the call.
func (e Expanded) Place(err error) error {
	var list Errors
	if len(e.edits) == 0 || !errors.As(err, &list) {
		return err
	}
	placed := make(Errors, len(list))
	for i, x := range list {
		off := e.srcOffset(offsetOf(e.Text, x.Line, x.Col))
		placed[i] = errorAt(e.src, off, x.Msg)
	}
	return placed
}

// srcOffset maps an offset in the expanded text to one in src.
func (e Expanded) srcOffset(off int) int {
	shift := 0
	for _, d := range e.edits {
		switch {
		case off < d.at:
			return off + shift
		case off < d.at+d.n:
			return d.src
		}
		shift = d.end - (d.at + d.n)
	}
	return off + shift
}

// offsetOf is the byte offset of a line and column (in characters).
func offsetOf(text []byte, line, col int) int {
	off := 0
	for l := 1; l < line; l++ {
		i := bytes.IndexByte(text[off:], '\n')
		if i < 0 {
			return len(text)
		}
		off += i + 1
	}
	for c := 1; c < col && off < len(text) && text[off] != '\n'; c++ {
		_, size := utf8.DecodeRune(text[off:])
		off += size
	}
	return off
}

// Shortcode writes one shortcode call as Markdown-safe text, or says why
// it cannot.
type Shortcode func(name string, args []string) (string, error)

// ExpandShortcodes replaces each shortcode call in src with what call
// writes for it, escaped so that it stays literal text: for text such as a
// summary, where the one shortcode is a figure. Errors are at the call's
// line and column in src.
func ExpandShortcodes(src []byte, call Shortcode) ([]byte, Errors) {
	x, errs := Expand(src, func(c Call) (Expansion, error) {
		if c.Paired || c.Params != nil {
			return Expansion{}, fmt.Errorf("%s: here the one shortcode is figure, as {{< figure \"id\" >}}", c.Name)
		}
		text, err := call(c.Name, c.Args)
		return Expansion{Text: text}, err
	})
	return x.Text, errs
}

// escapeLiteral keeps a shortcode's text literal: "68.2%" or "CNY 3
// billion" have nothing to escape, but a unit could hold '*' or '_'.
func escapeLiteral(s string) string {
	var b strings.Builder
	for _, r := range s {
		if strings.ContainsRune(`\*_[]<>~`+"`", r) {
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
	line := 1 + bytes.Count(before, []byte("\n"))
	lastNL := bytes.LastIndexByte(before, '\n')
	return &Error{Line: line, Col: utf8.RuneCount(before[lastNL+1:]) + 1, Msg: msg}
}
