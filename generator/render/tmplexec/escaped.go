package tmplexec

import (
	"errors"
	"html/template"
	"sync"
	ttemplate "text/template"
	"text/template/parse"
)

// Escaped are the parse trees of a set of templates as html/template
// escapes them, each escaped once however many Sets compile it: a site's
// templates are parsed once and run in a new set at every render (every
// edit, in the preview).
type Escaped struct {
	// set is a copy of the templates that html/template escapes, in a
	// run that stops at once (see escape); trees are its parse trees,
	// taken as it was copied: html/template escapes them in place, but
	// sets each template's Tree field again as it first executes it,
	// which reading the field while it runs another template would race
	// with.
	set   *template.Template
	trees map[string]*parse.Tree
	names sync.Map // template name → *escapedName
}

type escapedName struct {
	once sync.Once
	ok   bool
}

// NewEscaped escapes the templates of set, a copy of a site's that
// nothing else runs; funcs are their functions, by name.
func NewEscaped(set *template.Template, funcs template.FuncMap) *Escaped {
	c := set
	stubs := template.FuncMap{}
	for name := range funcs {
		stubs[name] = stub
	}
	e := &Escaped{set: c.Funcs(stubs), trees: map[string]*parse.Tree{}}
	for _, t := range c.Templates() {
		if t.Tree != nil {
			e.trees[t.Name()] = t.Tree
		}
	}
	return e
}

// escape escapes the template name and those it calls, and reports
// whether it could. html/template escapes a template as it first executes
// it, so escape executes it where every function fails, on a dot without
// fields, into a writer that fails: it stops at the first write, call or
// use of its data, having done no more than any run would.
func (e *Escaped) escape(name string) bool {
	v, _ := e.names.LoadOrStore(name, new(escapedName))
	n := v.(*escapedName)
	n.once.Do(func() {
		defer func() { recover() }() // html/template will report it
		err := e.set.ExecuteTemplate(failingWriter{}, name, noData{})
		var stopped ttemplate.ExecError
		n.ok = err == nil || err == errStop || errors.As(err, &stopped)
	})
	return n.ok
}

// tree is an escaped tree, for the compiler. Templates html/template
// derives for other contexts (name$htmltemplate_…) are not among them: a
// template that calls one is not compiled.
func (e *Escaped) tree(name string) *parse.Tree { return e.trees[name] }

// errStop stops the run escape makes.
var errStop = errors.New("stop")

func stub(...any) (any, error) { return nil, errStop }

type failingWriter struct{}

func (failingWriter) Write([]byte) (int, error) { return 0, errStop }

// noData is a dot with nothing in it.
type noData struct{}
