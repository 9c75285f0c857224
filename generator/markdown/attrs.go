package markdown

import (
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// headingParser wraps goldmark's ATX or setext heading parser and reads a
// heading's attribute block ("## 标题 {#id .class}") itself, in place of
// goldmark's attribute option. goldmark publishes any attribute as is
// (style="position:fixed;background:url(…)" lays an outside image over the
// page) and takes time with the square of a line like "{a={a={a=…".
// Content may set only an id and classes, each a plain name; anything else
// is an error at its column. A block that does not parse as attributes
// stays in the heading as text, where the editor sees it.
type headingParser struct {
	parser.BlockParser
	atx bool // "## x", which may end in closing '#'s, or "x\n===="
}

func (h headingParser) Close(node ast.Node, reader text.Reader, pc parser.Context) {
	h.BlockParser.Close(node, reader, pc)
	heading, ok := node.(*ast.Heading)
	if !ok || heading.Parent() == nil || heading.Lines().Len() == 0 {
		return
	}
	src, pr := reader.Source(), problemsOf(pc)
	last := heading.Lines().Len() - 1
	seg := takeAttributes(heading, heading.Lines().At(last), src, pr, h.atx)
	heading.Lines().Set(last, seg)
	// A setext heading was a paragraph, and its marks were counted then.
	if pr.fewMarks || !h.atx {
		return
	}
	if n := countMarks(seg.Value(src)); n > MaxMarks {
		pr.add(seg.Start, "this heading has %s inline marks ([, ], <, or runs of *, _, ~, `); the limit is %s", thousands(n), thousands(MaxMarks))
		heading.Lines().Clear()
	}
}

// takeAttributes sets the attributes that end a heading's last line, and
// returns the line without them.
func takeAttributes(h *ast.Heading, seg text.Segment, src []byte, pr *problems, atx bool) text.Segment {
	seg = seg.TrimRightSpace(src)
	line := seg.Value(src)
	start := attributeStart(line)
	if start < 0 {
		return seg
	}
	attrs, ok := parseAttributes(line[start:], seg.Start+start)
	if !ok {
		return seg
	}
	setAttributes(h, attrs, pr)
	seg = seg.WithStop(seg.Start + start)
	seg = seg.TrimRightSpace(src)
	if atx {
		seg = trimClosingHashes(seg, src)
	}
	return seg
}

// attribute is one item of an attribute block, with the byte offsets of its
// name and value in the source, for errors.
type attribute struct {
	name, value       string
	nameOff, valueOff int
}

// attributeStart finds where a line's attribute block starts: the last '{'
// that no backslash escapes, if the line ends in '}'. One candidate only,
// so a line full of braces costs one pass.
func attributeStart(line []byte) int {
	if len(line) == 0 || line[len(line)-1] != '}' {
		return -1
	}
	start := -1
	for i := 0; i < len(line); i++ {
		switch line[i] {
		case '\\':
			i++
		case '{':
			start = i
		}
	}
	return start
}

// parseAttributes reads "{#id .class name=value name="value"}", items
// separated by spaces or commas, as goldmark writes them; off is the
// offset of the '{' in the source. Values nested in braces or brackets are
// not attributes here.
func parseAttributes(b []byte, off int) ([]attribute, bool) {
	var attrs []attribute
	i := 1
	for {
		for i < len(b) && (b[i] == ' ' || b[i] == '\t' || b[i] == ',') {
			i++
		}
		if i >= len(b) {
			return nil, false
		}
		if b[i] == '}' {
			return attrs, i == len(b)-1 && len(attrs) > 0
		}
		a, n := parseAttribute(b[i:])
		if n == 0 {
			return nil, false
		}
		a.nameOff += off + i
		a.valueOff += off + i
		attrs = append(attrs, a)
		i += n
	}
}

// parseAttribute reads one item at the start of b and says how many bytes
// it took (0: not an item).
func parseAttribute(b []byte) (attribute, int) {
	if b[0] == '#' || b[0] == '.' {
		n := 1
		for n < len(b) && !util.IsSpace(b[n]) && b[n] != '}' && b[n] != ',' && (!util.IsPunct(b[n]) || b[n] == '_' || b[n] == '-' || b[n] == ':' || b[n] == '.') {
			n++
		}
		if n == 1 {
			return attribute{}, 0
		}
		name := "id"
		if b[0] == '.' {
			name = "class"
		}
		return attribute{name: name, value: string(b[1:n]), nameOff: 0, valueOff: 1}, n
	}
	n := 0
	for n < len(b) && isNameByte(b[n], n == 0) {
		n++
	}
	if n == 0 {
		return attribute{}, 0
	}
	a := attribute{name: string(b[:n])}
	for n < len(b) && b[n] == ' ' {
		n++
	}
	if n >= len(b) || b[n] != '=' {
		return attribute{}, 0
	}
	n++
	for n < len(b) && b[n] == ' ' {
		n++
	}
	a.valueOff = n
	if n < len(b) && b[n] == '"' {
		a.valueOff++
		end := n + 1
		for end < len(b) && b[end] != '"' {
			if b[end] == '\\' {
				end++
			}
			end++
		}
		if end >= len(b) {
			return attribute{}, 0
		}
		a.value = unescapeQuoted(b[n+1 : end])
		return a, end + 1
	}
	start := n
	for n < len(b) && (isNameByte(b[n], false) || b[n] == '+') {
		n++
	}
	if n == start {
		return attribute{}, 0
	}
	a.value = string(b[start:n])
	return a, n
}

// isNameByte says whether c may be in an attribute name (or a bare value):
// ASCII letters, '_' and ':', and after the first, digits, '.' and '-'.
func isNameByte(c byte, first bool) bool {
	switch {
	case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c == '_', c == ':':
		return true
	case first:
		return false
	}
	return c >= '0' && c <= '9' || c == '.' || c == '-'
}

func unescapeQuoted(b []byte) string {
	out := make([]byte, 0, len(b))
	for i := 0; i < len(b); i++ {
		if b[i] == '\\' && i+1 < len(b) {
			i++
		}
		out = append(out, b[i])
	}
	return string(out)
}

// setAttributes keeps a heading's id and classes, and reports any other
// attribute, any value that is not a plain name, and a second id.
func setAttributes(h *ast.Heading, attrs []attribute, pr *problems) {
	var classes []byte
	hasID := false
	for _, a := range attrs {
		switch a.name {
		case "id":
			switch {
			case !isToken(a.value):
				pr.add(a.valueOff, "heading id %q is not a plain name: use letters, digits, '-' and '_'", a.value)
			case hasID:
				pr.add(a.nameOff, "heading has a second id %q: a heading has one id", a.value)
			default:
				h.SetAttribute(attrID, []byte(a.value))
				pr.idAt[h] = a.valueOff
			}
			hasID = true
		case "class":
			for _, c := range splitSpaces(a.value) {
				if !isToken(c.name) {
					pr.add(a.valueOff+c.at, "heading class %q is not a plain name: use letters, digits, '-' and '_'", c.name)
					continue
				}
				if len(classes) > 0 {
					classes = append(classes, ' ')
				}
				classes = append(classes, c.name...)
			}
		default:
			pr.add(a.nameOff, "heading attribute %q is not allowed: content may set only {#id} and {.class}", a.name)
		}
	}
	if len(classes) > 0 {
		h.SetAttribute(attrClass, classes)
	}
}

var (
	attrID    = []byte("id")
	attrClass = []byte("class")
)

// isToken says whether s is a plain name: letters and digits of any
// script, '-' and '_'. Such a name needs no escaping in HTML, CSS or a URL
// fragment, and cannot be the "fn:1" of a footnote.
func isToken(s string) bool {
	if s == "" || !utf8.ValidString(s) {
		return false
	}
	for _, r := range s {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '-' && r != '_' {
			return false
		}
	}
	return true
}

// word is one of the space-separated names in a value, and where it starts.
type word struct {
	name string
	at   int
}

func splitSpaces(s string) []word {
	var out []word
	start := -1
	for i := 0; i <= len(s); i++ {
		if i == len(s) || s[i] == ' ' || s[i] == '\t' {
			if start >= 0 {
				out = append(out, word{s[start:i], start})
				start = -1
			}
		} else if start < 0 {
			start = i
		}
	}
	if len(out) == 0 {
		out = []word{{s, 0}} // "" or only spaces: reported as not a plain name
	}
	return out
}

// trimClosingHashes removes an ATX heading's closing sequence ("## x ##"),
// which goldmark could not see while the attribute block followed it.
func trimClosingHashes(seg text.Segment, src []byte) text.Segment {
	v := seg.Value(src)
	i := len(v)
	for i > 0 && v[i-1] == '#' {
		i--
	}
	if i == len(v) || (i > 0 && v[i-1] != ' ' && v[i-1] != '\t') {
		return seg
	}
	seg = seg.WithStop(seg.Start + i)
	return seg.TrimRightSpace(src)
}
