package tmplexec

import (
	"html/template"
	"reflect"
	"unsafe"
)

// Call calls a function or method of a known type directly, not through
// reflect.Value.Call, which allocates its arguments and results and is
// most of what a call costs. recv is a method's receiver (the invalid
// value for a function); args are the arguments as text/template passes
// them, each already of its parameter's type. The result must be of the
// function's result type, as reflect would return it; a string or
// template.HTML is best made a value by res, which does not allocate.
type Call func(res *Results, recv reflect.Value, args []reflect.Value) (reflect.Value, error)

// Calls returns the Call for fn, a function or a method expression
// (receiver first), or nil when it does not know fn's type; reflect then
// calls it.
type Calls func(fn any) Call

// funcCalls knows the types of the functions sites give templates (dict,
// add, first, printf, partial, partialCached).
func funcCalls(fn any) Call {
	switch f := fn.(type) {
	case func(string, any, ...any) (template.HTML, error):
		return func(res *Results, _ reflect.Value, a []reflect.Value) (reflect.Value, error) {
			h, err := f(a[0].String(), a[1].Interface(), anys(a[2:])...)
			return res.HTML(h), err
		}
	case func(...any) (map[string]any, error):
		return func(res *Results, _ reflect.Value, a []reflect.Value) (reflect.Value, error) {
			m, err := f(anys(a)...)
			return reflect.ValueOf(m), err
		}
	case func(int, int) int:
		return func(res *Results, _ reflect.Value, a []reflect.Value) (reflect.Value, error) {
			return reflect.ValueOf(f(int(a[0].Int()), int(a[1].Int()))), nil
		}
	case func(int, any) (any, error):
		return func(res *Results, _ reflect.Value, a []reflect.Value) (reflect.Value, error) {
			v, err := f(int(a[0].Int()), a[1].Interface())
			return Interface(v), err
		}
	case func(string, ...any) (string, error):
		return func(res *Results, _ reflect.Value, a []reflect.Value) (reflect.Value, error) {
			s, err := f(a[0].String(), anys(a[1:])...)
			return res.String(s), err
		}
	}
	return nil
}

// anys are arguments of type any as Go passes them.
func anys(v []reflect.Value) []any {
	if len(v) == 0 {
		return nil
	}
	a := make([]any, len(v))
	for i := range v {
		a[i] = v[i].Interface()
	}
	return a
}

// Interface is x as a value of type any, as reflect returns a function's
// result of that type.
func Interface(x any) reflect.Value {
	return reflect.ValueOf(&x).Elem()
}

// Results keep the strings that a run's calls return, so that each is
// made a reflect.Value without reflect.ValueOf, which allocates a copy of
// the string's header: a page's templates call for dozens of links and UI
// strings. The values are addressable, as text/template's results are not;
// validate bails out where that would show.
type Results struct{ strs []string }

var htmlType = reflect.TypeFor[template.HTML]()

// String is s as a value of type string.
func (r *Results) String(s string) reflect.Value { return r.keep(stringType, s) }

// HTML is h as a value of type template.HTML.
func (r *Results) HTML(h template.HTML) reflect.Value { return r.keep(htmlType, string(h)) }

// keep is s as a value of type t, whose kind is string. A value made
// before the list grew still points into the old array, which stays as it
// was: strings are only ever appended to the list during a run.
func (r *Results) keep(t reflect.Type, s string) reflect.Value {
	r.strs = append(r.strs, s)
	return reflect.NewAt(t, unsafe.Pointer(&r.strs[len(r.strs)-1])).Elem()
}

// reset lets go of the strings, once their run has ended.
func (r *Results) reset() {
	clear(r.strs)
	r.strs = r.strs[:0]
}
