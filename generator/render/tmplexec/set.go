package tmplexec

import (
	"html/template"
	"io"
	"maps"
	"os"
	"reflect"
	"sync"
	"sync/atomic"
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
	// html is the set, made when html/template first has to run it.
	html  func() *template.Template
	funcs template.FuncMap
	opts  Options
	// progs are the set's templates by name, a map that is copied to
	// add one: a lookup by string in a sync.Map allocates the key.
	progs atomic.Pointer[map[string]*entry]
	mu    sync.Mutex // held to add to progs
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
	// Escaped are the set's templates escaped, shared with other Sets of
	// the same templates; without them, every template runs in
	// html/template.
	Escaped *Escaped
}

// New wraps the set that set makes, whose functions are funcs (every map
// given to its Funcs, merged). set is called when html/template first has
// to run a template, if ever, and opts.Escaped must hold its templates;
// NewSet is for a set made already.
func New(set func() *template.Template, funcs template.FuncMap, opts Options) *Set {
	return &Set{html: sync.OnceValue(set), funcs: funcs, opts: opts}
}

// NewSet wraps set, which must not have run, and escapes a copy of it.
func NewSet(set *template.Template, funcs template.FuncMap, opts Options) *Set {
	if c, err := set.Clone(); err == nil {
		opts.Escaped = NewEscaped(c, funcs)
	}
	return New(func() *template.Template { return set }, funcs, opts)
}

// Execute runs the template name with data as its dot, as
// set.ExecuteTemplate does, with the same output and errors.
func (s *Set) Execute(w Buffer, name string, data any) error {
	if disabled.Load() {
		return s.html().ExecuteTemplate(w, name, data)
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
	return s.html().ExecuteTemplate(w, name, data)
}

func (s *Set) entry(name string) *entry {
	if m := s.progs.Load(); m != nil {
		if e := (*m)[name]; e != nil {
			return e
		}
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	old := s.progs.Load()
	if old != nil && (*old)[name] != nil {
		return (*old)[name]
	}
	m := make(map[string]*entry)
	if old != nil {
		maps.Copy(m, *old)
	}
	e := new(entry)
	m[name] = e
	s.progs.Store(&m)
	return e
}

// prepare compiles the template name, once it is escaped.
func (s *Set) prepare(e *entry, name string) {
	esc := s.opts.Escaped
	if esc == nil || !esc.escape(name) {
		return
	}
	if p, err := compile(name, esc.tree, s.funcs, s.opts.Calls); err == nil {
		e.prog.Store(p)
	}
}

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
	s := states.Get().(*state)
	defer s.release()
	s.w, s.passed = w, passed
	s.push("$", dot)
	p.root(s, dot)
	return true, nil
}

// states are the states of runs that ended, whose stacks and scratch
// buffers a run reuses rather than allocate them again.
var states = sync.Pool{New: func() any { return new(state) }}

// release gives the state back to states, holding nothing of its run:
// a run that ended early (a bail) leaves its stacks as they were.
func (s *state) release() {
	clear(s.vars[:cap(s.vars)])
	clear(s.args[:cap(s.args)])
	s.results.reset()
	*s = state{vars: s.vars[:0], args: s.args[:0], results: s.results, scratch: s.scratch}
	for i, b := range s.scratch {
		if cap(b) > maxScratch {
			s.scratch[i] = nil // not to hold a page's worth for ever
		}
	}
	states.Put(s)
}

const maxScratch = 64 << 10
