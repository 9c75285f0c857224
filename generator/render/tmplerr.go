package render

import (
	"errors"
	"fmt"
	"html/template"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"text/template/parse"
	"unicode/utf8"

	"westcoast/generator/model"
)

// lazyRegexp compiles expr when it is first needed: these read faults,
// and a build without any should not pay for them as the program starts.
func lazyRegexp(expr string) func() *regexp.Regexp {
	return sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(expr) })
}

// The template packages give positions only inside their messages
// ("template: name:line:col: …"), so this file is where they become data:
// each error is read once, here, into a *model.Error, and its wording is
// made an editor's (no Go types, no bare EOF).

var (
	parseFault = lazyRegexp(`(?s)^template: (.+?):(\d+): (.*)$`)
	execFault  = lazyRegexp(`(?s)^template: (.+?):(\d+):(\d+): (?:executing ".*?" at <(.*?)>: )?(.*)$`)
	namedFault = lazyRegexp(`(?s)^(?:html/)?template: ?(.+?): (.*)$`)
	nodePlace  = lazyRegexp(`^(.+?):(\d+):(\d+)$`)
)

// parseError reads a parse error of one template file.
func parseError(err error, src sources) *model.Error {
	m := parseFault().FindStringSubmatch(err.Error())
	if m == nil {
		return &model.Error{File: LayoutDir, Msg: plainText(err.Error())}
	}
	name, msg := m[1], m[3]
	line, _ := strconv.Atoi(m[2])
	switch msg {
	case "unexpected EOF", "unclosed action", "unclosed comment":
		if u, ok := unclosed(src[name]); ok {
			return src.pos(name, u.offset).Errorf("%s", u.msg)
		}
		if msg == "unexpected EOF" {
			return model.Errorf(LayoutDir+"/"+name, line, 0, "the file ends inside a block: missing {{end}}")
		}
	}
	return model.Errorf(LayoutDir+"/"+name, line, 0, "%s", msg)
}

// execError reads an error from executing a template.
func execError(err error, src sources) *model.Error {
	if inner := (*innerFault)(nil); errors.As(err, &inner) && inner.at != nil {
		err = inner.at // the call that met the fault, not the page's first
	}
	var he *template.Error
	if errors.As(err, &he) {
		return htmlError(he, src)
	}
	text := err.Error()
	if m := execFault().FindStringSubmatch(text); m != nil {
		msg := plainExec(m[5])
		if m[4] != "" {
			msg = m[4] + ": " + msg
		}
		return src.at(m[1], m[2], m[3]).Errorf("%s", msg)
	}
	if m := namedFault().FindStringSubmatch(text); m != nil {
		name := strings.Trim(m[1], `"`)
		if _, ok := src[name]; ok {
			return model.Errorf(LayoutDir+"/"+name, 0, 0, "%s", plainText(m[2]))
		}
	}
	return &model.Error{File: LayoutDir, Msg: plainText(text)}
}

// htmlError reads a fault html/template finds in the HTML around actions.
func htmlError(he *template.Error, src sources) *model.Error {
	msg := plainText(contextDump().ReplaceAllString(he.Description, ""))
	switch he.ErrorCode {
	case template.ErrEndContext:
		msg = "ends inside an unclosed tag, attribute or quote, here or in a template it calls"
	case template.ErrBranchEnd:
		msg = "the branches of this action leave the HTML in different states: one closes a tag or quote that another leaves open"
	case template.ErrRangeLoopReentry:
		msg = "each pass of this {{range}} must leave the HTML as it found it: a tag or quote is left open"
	}
	if he.Node != nil {
		place, _ := (*parse.Tree)(nil).ErrorContext(he.Node)
		if m := nodePlace().FindStringSubmatch(place); m != nil {
			return src.at(m[1], m[2], m[3]).Errorf("%s", msg)
		}
	}
	return model.Errorf(LayoutDir+"/"+he.Name, he.Line, 0, "%s", msg)
}

// contextDump matches html/template's dump of its parser state.
var contextDump = lazyRegexp(`:? ?\{state\w*[^}]*\}`)

// at is a position from text/template's line and 0-based byte column, as a
// 1-based column in characters, which is what editors count.
func (s sources) at(name, line, byteCol string) model.Pos {
	l, _ := strconv.Atoi(line)
	c, _ := strconv.Atoi(byteCol)
	text := s[name]
	start := 0
	for i := 1; i < l && start < len(text); i++ {
		nl := strings.IndexByte(text[start:], '\n')
		if nl < 0 {
			break
		}
		start += nl + 1
	}
	end := min(start+c, len(text))
	return model.Pos{File: LayoutDir + "/" + name, Line: l, Col: utf8.RuneCountInString(text[start:end]) + 1}
}

// pos is the position of a byte offset in a template file.
func (s sources) pos(name string, offset int) model.Pos {
	text := s[name][:min(offset, len(s[name]))]
	line := strings.Count(text, "\n") + 1
	col := utf8.RuneCountInString(text[strings.LastIndexByte(text, '\n')+1:]) + 1
	return model.Pos{File: LayoutDir + "/" + name, Line: line, Col: col}
}

// rewrite turns one of text/template's messages into an editor's words.
type rewrite struct {
	re   *regexp.Regexp
	with func(m []string) string
}

// execRewrites are compiled for the first execution fault.
var execRewrites = sync.OnceValue(func() []rewrite {
	return []rewrite{
		{regexp.MustCompile(`^can't evaluate field (\w+) in type (.+)$`), func(m []string) string {
			return fmt.Sprintf("%s has no field or method %s", typeWord(m[2]), m[1])
		}},
		{regexp.MustCompile(`^(\w+) is an unexported field of struct type (.+)$`), func(m []string) string {
			return fmt.Sprintf("%s has no field or method %s", typeWord(m[2]), m[1])
		}},
		{regexp.MustCompile(`^nil pointer evaluating (.+)\.(\w+)$`), func(m []string) string {
			return fmt.Sprintf("no .%s: this is %s that does not exist", m[2], typeWord(m[1]))
		}},
		{regexp.MustCompile(`^wrong type for value; expected (.+); got (.+)$`), func(m []string) string {
			return fmt.Sprintf("wants %s, got %s", typeWord(m[1]), typeWord(m[2]))
		}},
		{regexp.MustCompile(`^invalid value; expected (.+)$`), func(m []string) string {
			return fmt.Sprintf("wants %s, got nothing", typeWord(m[1]))
		}},
		{regexp.MustCompile(`^wrong number of args for (\w+): want (at least )?(\d+) got (\d+)$`), func(m []string) string {
			n, _ := strconv.Atoi(m[3])
			return fmt.Sprintf("%s takes %s%s, got %s", m[1], m[2], values(n), m[4])
		}},
		{regexp.MustCompile(`^expected (\w+); found (.+)$`), func(m []string) string {
			want := map[string]string{"integer": "a whole number", "float": "a number", "complex": "a number", "bool": "true or false", "string": "text"}[m[1]]
			return "not " + want
		}},
		{regexp.MustCompile(`^len of type (.+)$`), func(m []string) string {
			return "cannot take the length of " + typeWord(m[1])
		}},
		{regexp.MustCompile(`^(len of nil pointer|index of untyped nil|slice of untyped nil)$`), func(m []string) string {
			return "there is nothing here to measure, index or slice"
		}},
		{regexp.MustCompile(`^can't (index|slice) item of type (.+)$`), func(m []string) string {
			return fmt.Sprintf("cannot %s %s", m[1], typeWord(m[2]))
		}},
		{regexp.MustCompile(`^cannot index slice/array with type (.+)$`), func(m []string) string {
			return "a list is indexed by a whole number, not " + typeWord(m[1])
		}},
		{regexp.MustCompile(`^value has type (.+); should be (.+)$`), func(m []string) string {
			return fmt.Sprintf("wants %s, got %s", typeWord(m[2]), typeWord(m[1]))
		}},
		{regexp.MustCompile(`^non-function (.+) of type (.+)$`), func(m []string) string {
			return m[1] + " is not a function"
		}},
		{regexp.MustCompile(`^can't give argument to non-function (.+)$`), func(m []string) string {
			return fmt.Sprintf("%s takes no values", m[1])
		}},
		{regexp.MustCompile(`^(\w+) is not a method but has arguments$`), func(m []string) string {
			return fmt.Sprintf("%s takes no values", m[1])
		}},
		{regexp.MustCompile(`^range can't iterate over (.+)$`), func(m []string) string {
			return fmt.Sprintf("cannot range over %s", m[1])
		}},
		{regexp.MustCompile(`^incompatible types for comparison$`), func(m []string) string {
			return "cannot compare values of different kinds"
		}},
		{regexp.MustCompile(`^runtime error: invalid memory address or nil pointer dereference$`), func(m []string) string {
			return "a value it needs does not exist"
		}},
	}
})

// calling prefixes the error of a function or method a template called.
var calling = lazyRegexp(`^error calling \w+: `)

// plainExec rewrites an execution message.
func plainExec(msg string) string {
	msg = calling().ReplaceAllString(msg, "")
	for _, r := range execRewrites() {
		if m := r.re.FindStringSubmatch(msg); m != nil {
			return r.with(m)
		}
	}
	return plainText(msg)
}

// goType matches the Go type names that may be left in a message.
var goType = lazyRegexp(`(?:\[\])?\*?(?:render|model|template|time)\.\w+|map\[string\]interface \{\}|interface \{\}`)

// packagePrefix is how the template packages start their messages.
var packagePrefix = lazyRegexp(`^(html/)?template: ?`)

// plainText names the Go types left in a message as an editor would, and
// drops the name of the package that wrote it.
func plainText(msg string) string {
	return goType().ReplaceAllStringFunc(packagePrefix().ReplaceAllString(msg, ""), typeWord)
}

// typeWord names a Go type, written as Go prints it, for an editor.
func typeWord(t string) string {
	if name, ok := typeNames[strings.TrimPrefix(t, "*")]; ok {
		return name
	}
	switch {
	case strings.HasPrefix(t, "[]"):
		return "a list"
	case strings.HasPrefix(t, "map["):
		return "a table"
	case t == "string":
		return "text"
	case t == "bool":
		return "true or false"
	case strings.HasPrefix(t, "int"), strings.HasPrefix(t, "uint"), strings.HasPrefix(t, "float"):
		return "a number"
	}
	return "a value"
}
