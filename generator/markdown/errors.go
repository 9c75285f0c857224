package markdown

import (
	"fmt"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
)

// Error is a problem in a Markdown text, at a place in it: Line and Col
// count from 1 at the start of the text given to Convert, Col in
// characters. The caller knows the file and where the text starts in it.
type Error struct {
	Line, Col int
	Msg       string
}

func (e *Error) Error() string { return fmt.Sprintf("%d:%d: %s", e.Line, e.Col, e.Msg) }

// Errors are the problems found in one text, in the order they occur.
type Errors []*Error

func (l Errors) Error() string {
	lines := make([]string, len(l))
	for i, e := range l {
		lines[i] = e.Error()
	}
	return strings.Join(lines, "\n")
}

// problems collects what the parser finds wrong, by byte offset, during
// one conversion, and the little it must remember to judge it. It lives in
// the parser context, so the parser itself stays shared and stateless.
type problems struct {
	list []problem
	once map[string]bool // limits already reported in this text
	// footnotes and footnoteRefs count definitions and references,
	// against MaxFootnotes.
	footnotes, footnoteRefs int
	// idAt is where each heading's explicit id is written.
	idAt map[*ast.Heading]int
	// fewMarks: the whole text has no more marks than MaxMarks, so no
	// line, paragraph or heading of it can pass the limit.
	fewMarks bool
}

type problem struct {
	off int
	msg string
}

var problemsKey = parser.NewContextKey()

// maxErrors is how many problems of one text are listed: a page of a
// hundred thousand bad headings gets a screenful, not a hundred thousand
// lines.
const maxErrors = 100

func newProblems(pc parser.Context) *problems {
	p := &problems{once: map[string]bool{}, idAt: map[*ast.Heading]int{}}
	pc.Set(problemsKey, p)
	return p
}

func problemsOf(pc parser.Context) *problems { return pc.Get(problemsKey).(*problems) }

func (p *problems) add(off int, format string, args ...any) {
	p.list = append(p.list, problem{off, fmt.Sprintf(format, args...)})
}

// addOnce reports a limit the first time the text passes it: one report
// tells the editor what to fix, and the rest would be the same message.
func (p *problems) addOnce(limit string, off int, format string, args ...any) {
	if !p.once[limit] {
		p.once[limit] = true
		p.add(off, format, args...)
	}
}

// errors turns the problems into Errors at lines and columns of src, in
// the order of the text.
func (p *problems) errors(src []byte) error {
	if len(p.list) == 0 {
		return nil
	}
	sort.SliceStable(p.list, func(i, j int) bool { return p.list[i].off < p.list[j].off })
	if more := len(p.list) - maxErrors; more > 0 {
		p.list = p.list[:maxErrors+1]
		p.list[maxErrors].msg = fmt.Sprintf("%s more problems from here on are not listed", thousands(more))
	}
	errs := make(Errors, len(p.list))
	line, lineStart, at := 1, 0, 0
	for i, pr := range p.list {
		off := min(max(pr.off, 0), len(src))
		for ; at < off; at++ {
			if src[at] == '\n' {
				line, lineStart = line+1, at+1
			}
		}
		errs[i] = &Error{Line: line, Col: utf8.RuneCount(src[lineStart:off]) + 1, Msg: pr.msg}
	}
	return errs
}
