package tmplexec

import (
	"errors"
	"html/template"
	"io"
	"os"
	"reflect"
	"sync"
	"sync/atomic"
	ttemplate "text/template"
	"text/template/parse"
)

// Buffer is where a template writes: a fast run that fails is cut off at
// the length the buffer had before it.
type Buffer interface {
	io.Writer
	io.StringWriter
	Len() int
	Truncate(n int)
}

// Set runs the templates of one html/template set, which it must be the
// only one to execute (from any number of goroutines).
type Set struct {
	html *template.Template
	// escaper is a copy of the set that html/template escapes, run so
	// that it stops at once (see prepare); trees are its parse trees,
	// taken as it was copied: html/template escapes them in place, but
	// sets each template's Tree field again as it first executes it,
	// which reading the field while it runs another template would race
	// with.
	escaper *template.Template
	trees   map[string]*parse.Tree
	funcs   template.FuncMap
	opts    Options
	progs   sync.Map // template name → *entry
}

// fast, bailed and slow count executions that took the fast path, that
// bailed out of it and that ran in html/template (bailed ones too), for
// tests.
var fast, bailed, slow atomic.Int64

// entry is one template of the set as the fast executor knows it.
type entry struct {
	once sync.Once
	prog atomic.Pointer[program] // nil until compiled, or when it cannot be
	// fast and bailed count its runs, to give up a fast path that the
	// data keeps bailing out of, which would only double the work.
	fast, bailed atomic.Int64
}

// disabled forces html/template for every execution: set when the
// environment has WESTCOAST_TEMPLATES=html, or by tests to compare.
var disabled atomic.Bool

func init() { disabled.Store(os.Getenv("WESTCOAST_TEMPLATES") == "html") }

// Disable turns the fast path off (on), for tests that compare outputs.
func Disable(off bool) { disabled.Store(off) }

// Options are what a site's templates call, as far as the executor may
// know it.
type Options struct {
	// Calls, if not nil, calls the functions and methods of types it
	// knows directly.
	Calls Calls
	// Passed, if not nil, tells the errors of called functions that the
	// caller of Execute reads only for what they hold, not for
	// html/template's words around them: a fast run that meets one ends
	// with it, rather than running again in html/template. (A partial
	// that fails deep in a nest of partials would otherwise run again at
	// every level, each time running the levels below it twice.)
	Passed func(error) bool
}

// New wraps set, whose functions are funcs (every map given to its Funcs,
// merged), before set is first executed.
func New(set *template.Template, funcs template.FuncMap, opts Options) *Set {
	s := &Set{html: set, funcs: funcs, opts: opts}
	escaper, err := set.Clone()
	if err != nil {
		return s // it has run: it cannot be copied, nor compiled
	}
	stubs := template.FuncMap{}
	for name := range funcs {
		stubs[name] = stub
	}
	s.escaper, s.trees = escaper.Funcs(stubs), map[string]*parse.Tree{}
	for _, t := range escaper.Templates() {
		if t.Tree != nil {
			s.trees[t.Name()] = t.Tree
		}
	}
	return s
}

// Execute runs the template name with data as its dot, as
// set.ExecuteTemplate does, with the same output and errors.
func (s *Set) Execute(w Buffer, name string, data any) error {
	if disabled.Load() {
		return s.html.ExecuteTemplate(w, name, data)
	}
	e := s.entry(name)
	e.once.Do(func() { s.prepare(e, name) })
	if p := e.prog.Load(); p != nil {
		n := w.Len()
		ok, err := p.run(w, data, s.opts.Passed)
		if ok {
			fast.Add(1)
			e.fast.Add(1)
			if err != nil {
				w.Truncate(n)
			}
			return err
		}
		bailed.Add(1)
		if b := e.bailed.Add(1); b >= 16 && b > e.fast.Load() {
			e.prog.Store(nil)
		}
		w.Truncate(n) // html/template says what the fault was
	}
	slow.Add(1)
	return s.html.ExecuteTemplate(w, name, data)
}

func (s *Set) entry(name string) *entry {
	e, ok := s.progs.Load(name)
	if !ok {
		e, _ = s.progs.LoadOrStore(name, new(entry))
	}
	return e.(*entry)
}

// prepare compiles the template name. html/template escapes a template
// and those it calls as it first executes it, so prepare executes it in
// the copy, where every function fails, on data that has no field, into
// a writer that fails: it stops at the first write, call or use of its
// data, having done no more than any run would. Templates html/template
// derives for other contexts (name$htmltemplate_…) are not among the
// trees: a template that calls one is not compiled.
func (s *Set) prepare(e *entry, name string) {
	if s.escaper == nil {
		return
	}
	defer func() { recover() }() // html/template will report it
	err := s.escaper.ExecuteTemplate(failingWriter{}, name, noData{})
	var stopped ttemplate.ExecError
	if err != nil && err != errStop && !errors.As(err, &stopped) {
		return // not escaped: html/template reports why
	}
	if p, err := compile(name, func(name string) *parse.Tree { return s.trees[name] }, s.funcs, s.opts.Calls); err == nil {
		e.prog.Store(p)
	}
}

// errStop stops the run prepare makes.
var errStop = errors.New("stop")

func stub(...any) (any, error) { return nil, errStop }

type failingWriter struct{}

func (failingWriter) Write([]byte) (int, error) { return 0, errStop }

// noData is a dot with nothing in it.
type noData struct{}

// Runs reports how many executions in this process took the fast path,
// how many bailed out of it and how many ran in html/template (those that
// bailed out too), for tests.
func Runs() (fastRuns, bailedRuns, slowRuns int64) { return fast.Load(), bailed.Load(), slow.Load() }

// program is a compiled template and the templates it calls.
type program struct {
	root node
}

// run executes the program; not ok means its output must be thrown away
// and html/template run. ok with an error is an error passed as it is.
func (p *program) run(w Buffer, data any, passed func(error) bool) (ok bool, err error) {
	defer func() {
		if r := recover(); r != nil {
			if pe, isPassed := r.(passedError); isPassed {
				ok, err = true, pe.err
				return
			}
			ok = false // a bail, or a panic html/template will report
		}
	}()
	dot, isValue := data.(reflect.Value)
	if !isValue {
		dot = reflect.ValueOf(data)
	}
	s := &state{w: w, vars: make([]variable, 1, 8), passed: passed}
	s.vars[0] = variable{"$", dot}
	p.root(s, dot)
	return true, nil
}
