package markdown

import (
	"bytes"
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// tag is one {{< … >}} in a text: a call, a closing tag, or a literal
// {{</* … */>}}.
type tag struct {
	start, end int // the tag, or for a paired call both tags and the inner text
	name       string
	args       []string
	params     map[string]string
	closing    bool // {{< /name >}}
	selfClosed bool // {{< name />}}
	literal    bool // {{</* name */>}}
	paired     bool
	inner      [2]int // for a paired call, the inner text
}

func (t tag) call(src []byte) Call {
	c := Call{Name: t.name, Args: t.args, Params: t.params, Paired: t.paired}
	if t.paired {
		c.Inner = src[t.inner[0]:t.inner[1]]
	}
	return c
}

// written is a literal tag as it is to be shown: {{< name … >}}.
func (t tag) written() []byte { return []byte("{{< " + t.name + " >}}") }

// errors places what expanding the call went wrong with: Errors from its
// inner text are in it; any other error is at the call.
func (t tag) errors(src []byte, err error) Errors {
	var list Errors
	if !errors.As(err, &list) || !t.paired {
		return Errors{errorAt(src, t.start, err.Error())}
	}
	inner := src[t.inner[0]:t.inner[1]]
	out := make(Errors, len(list))
	for i, e := range list {
		out[i] = errorAt(src, t.inner[0]+offsetOf(inner, e.Line, e.Col), e.Msg)
	}
	return out
}

// scanCalls finds the calls of a text, pairs each closing tag with the
// nearest open call of its name, and returns the calls that are not inside
// another's inner text, in order. Past maxErrors problems it stops, so
// that a text of nothing but broken calls takes no longer than a good one.
func scanCalls(src []byte) ([]tag, Errors) {
	var errs Errors
	// Room for every "{{<" at once, the most tags there can be: a page
	// of the bench's corpus has a few calls, and growing the list a
	// step at a time made a new array at each.
	tags := make([]tag, 0, bytes.Count(src, []byte("{{<")))
	for off := 0; ; {
		if len(errs) > maxErrors {
			return nil, errs
		}
		i := bytes.Index(src[off:], []byte("{{"))
		if i < 0 {
			break
		}
		at := off + i
		rest := src[at+2:]
		if len(rest) == 0 || rest[0] != '<' && rest[0] != '%' {
			off = at + 1 // "{{{<" holds a call one byte on
			continue
		}
		if rest[0] == '%' {
			if j := skipSpace(rest[1:]); j < len(rest)-1 && isShortcodeNameByte(rest[1+j]) {
				errs = report(errs, src, at, "{{% … %}} shortcodes are not supported: write {{< … >}} (the inner text of a paired call is Markdown already)")
			}
			off = at + 2
			continue
		}
		t, err := scanTag(src, at)
		if err != "" {
			errs = report(errs, src, at, err)
			off = at + 3
			continue
		}
		tags = append(tags, t)
		off = t.end
	}
	calls, pairErrs := pair(src, tags)
	if deep := nesting(src, tags); deep != nil {
		return nil, append(append(errs, pairErrs...), deep...)
	}
	return calls, append(errs, pairErrs...)
}

// report adds the problem msg at src[at:] to errs, or past maxErrors a
// note that the rest are not listed; the caller stops once it is there.
func report(errs Errors, src []byte, at int, msg string) Errors {
	if len(errs) == maxErrors {
		msg = "more problems from here on are not listed"
	}
	return append(errs, errorAt(src, at, msg))
}

// pair matches closing tags with calls, and drops the calls that end up
// inside a paired call's inner text.
func pair(src []byte, tags []tag) ([]tag, Errors) {
	var errs Errors
	var open []int // indexes into tags of calls that may yet close
	// byName holds, per name, where its calls are in open, the last
	// first; a place that open has been cut short of since is stale. It
	// is made at the first closing tag: most texts have none.
	var byName map[string][]int
	for i := range tags {
		t := &tags[i]
		switch {
		case t.literal || t.selfClosed:
		case !t.closing:
			if byName != nil {
				byName[t.name] = append(byName[t.name], len(open))
			}
			open = append(open, i)
		default:
			if byName == nil {
				byName = map[string][]int{}
				for k, o := range open {
					byName[tags[o].name] = append(byName[tags[o].name], k)
				}
			}
			places := byName[t.name]
			for len(places) > 0 && (places[len(places)-1] >= len(open) || tags[open[places[len(places)-1]]].name != t.name) {
				places = places[:len(places)-1]
			}
			if len(places) == 0 {
				byName[t.name] = places
				if errs = report(errs, src, t.start, fmt.Sprintf("{{< /%s >}} closes no {{< %s >}} before it", t.name, t.name)); len(errs) > maxErrors {
					return nil, errs
				}
				continue
			}
			j := places[len(places)-1]
			byName[t.name] = places[:len(places)-1]
			o := &tags[open[j]]
			o.paired, o.inner, o.end = true, [2]int{o.end, t.start}, t.end
			open = open[:j]
		}
	}
	calls := make([]tag, 0, len(tags))
	end := 0
	for _, t := range tags {
		if t.closing || t.start < end {
			continue // a closing tag, or a call inside a paired call
		}
		calls = append(calls, t)
		end = t.end
	}
	return calls, errs
}

// nesting refuses paired calls nested more than MaxShortcodeNesting deep:
// each level's inner text is expanded and converted again, so deep nesting
// costs time that grows with its square.
func nesting(src []byte, tags []tag) Errors {
	var ends []int // of the paired calls around the current one
	for _, t := range tags {
		if !t.paired {
			continue
		}
		for len(ends) > 0 && ends[len(ends)-1] <= t.start {
			ends = ends[:len(ends)-1]
		}
		ends = append(ends, t.end)
		if len(ends) > MaxShortcodeNesting {
			return Errors{errorAt(src, t.start, fmt.Sprintf("paired shortcodes nest %d deep here; the limit is %d", len(ends), MaxShortcodeNesting))}
		}
	}
	return nil
}

// scanTag reads the tag at src[at:], which starts with "{{<", or says what
// is wrong with it.
func scanTag(src []byte, at int) (tag, string) {
	t := tag{start: at}
	s := &tagScanner{src: src, off: at + 3}
	if s.eat("/*") {
		t.literal = true
	}
	s.space()
	if !t.literal && s.eat("/") {
		t.closing = true
		s.space()
	}
	t.name = s.name()
	if t.name == "" {
		return t, `"{{<" starts no shortcode call: write {{< name "arg" >}} or {{< name key="value" >}}`
	}
	for {
		s.space()
		switch {
		case t.literal && s.eat("*/>}}"):
			t.end = s.off
			t.name = string(bytes.TrimSpace(src[at+5 : t.end-5]))
			return t, ""
		case !t.literal && s.eat(">}}"):
			t.end = s.off
			return t, ""
		case !t.literal && !t.closing && s.eat("/>}}"):
			t.end, t.selfClosed = s.off, true
			return t, ""
		case s.off >= len(src) || s.at("{{<"):
			return t, fmt.Sprintf("shortcode %q is not closed with >}}", t.name)
		case t.closing:
			return t, fmt.Sprintf("{{< /%s >}} takes no parameters", t.name)
		}
		if msg := s.param(&t); msg != "" {
			return t, msg
		}
	}
}

// tagScanner reads the inside of a tag.
type tagScanner struct {
	src []byte
	off int
}

func (s *tagScanner) at(prefix string) bool { return bytes.HasPrefix(s.src[s.off:], []byte(prefix)) }

func (s *tagScanner) eat(prefix string) bool {
	if s.at(prefix) {
		s.off += len(prefix)
		return true
	}
	return false
}

func (s *tagScanner) space() { s.off += skipSpace(s.src[s.off:]) }

func skipSpace(b []byte) int {
	i := 0
	for i < len(b) && (b[i] == ' ' || b[i] == '\t' || b[i] == '\n' || b[i] == '\r') {
		i++
	}
	return i
}

// isShortcodeNameByte is a byte of a shortcode name: a path inside
// layouts/shortcodes/ without ".html".
func isShortcodeNameByte(b byte) bool {
	return 'a' <= b && b <= 'z' || 'A' <= b && b <= 'Z' || '0' <= b && b <= '9' || b == '_' || b == '-' || b == '/'
}

func (s *tagScanner) name() string {
	start := s.off
	for s.off < len(s.src) && isShortcodeNameByte(s.src[s.off]) {
		s.off++
	}
	return strings.Trim(string(s.src[start:s.off]), "/")
}

// param reads one parameter: "quoted" (with \" and \\), `raw`, a bare
// word, or any of these after key=.
func (s *tagScanner) param(t *tag) string {
	key := ""
	if start := s.off; s.off < len(s.src) && isKeyByte(s.src[s.off]) {
		for s.off < len(s.src) && isKeyByte(s.src[s.off]) {
			s.off++
		}
		if s.eat("=") {
			key = string(s.src[start : s.off-1])
		} else {
			s.off = start
		}
	}
	v, msg := s.value()
	if msg != "" {
		return fmt.Sprintf("shortcode %q: %s", t.name, msg)
	}
	switch {
	case key == "" && t.params != nil, key != "" && t.args != nil:
		return fmt.Sprintf("shortcode %q mixes positional and named parameters: use one kind", t.name)
	case key != "":
		if t.params == nil {
			t.params = map[string]string{}
		}
		if _, dup := t.params[key]; dup {
			return fmt.Sprintf("shortcode %q: parameter %s is set twice", t.name, key)
		}
		t.params[key] = v
	default:
		t.args = append(t.args, v)
	}
	return ""
}

func isKeyByte(b byte) bool {
	return 'a' <= b && b <= 'z' || 'A' <= b && b <= 'Z' || '0' <= b && b <= '9' || b == '_' || b == '-'
}

func (s *tagScanner) value() (string, string) {
	switch {
	case s.off >= len(s.src):
		return "", "the text ends inside the call: close it with >}}"
	case s.eat(`"`):
		var b strings.Builder
		for s.off < len(s.src) {
			c := s.src[s.off]
			switch {
			case c == '"':
				s.off++
				return b.String(), ""
			case c == '\\' && s.off+1 < len(s.src) && (s.src[s.off+1] == '"' || s.src[s.off+1] == '\\'):
				b.WriteByte(s.src[s.off+1])
				s.off += 2
			case c == '\n':
				return "", `a quoted parameter ends at the end of its line: close it with "`
			default:
				b.WriteByte(c)
				s.off++
			}
		}
		return "", `a quoted parameter is not closed with "`
	case s.eat("`"):
		i := bytes.IndexByte(s.src[s.off:], '`')
		if i < 0 {
			return "", "a `raw` parameter is not closed with `"
		}
		v := string(s.src[s.off : s.off+i])
		s.off += i + 1
		return v, ""
	}
	start := s.off
	for s.off < len(s.src) && !strings.ContainsRune(" \t\r\n\"`", rune(s.src[s.off])) && !s.at(">}}") && !s.at("/>}}") && !s.at("*/>}}") {
		s.off++
	}
	if s.off == start {
		return "", fmt.Sprintf("unexpected %s: a parameter is \"quoted\", `raw`, a word, or key=\"value\"", strconv.QuoteRune(rune(s.src[s.off])))
	}
	return string(s.src[start:s.off]), ""
}
