package tmplexec

import (
	"html/template"
	"reflect"
)

// Call calls a function or method of a known type directly, not through
// reflect.Value.Call, which allocates its arguments and results and is
// most of what a call costs. recv is a method's receiver (the invalid
// value for a function); args are the arguments as text/template passes
// them, each already of its parameter's type. The result must be of the
// function's result type, as reflect would return it.
type Call func(recv reflect.Value, args []reflect.Value) (reflect.Value, error)

// Calls returns the Call for fn, a function or a method expression
// (receiver first), or nil when it does not know fn's type; reflect then
// calls it.
type Calls func(fn any) Call

// funcCalls knows the types of the functions sites give templates (dict,
// add, first, printf, partial, partialCached).
func funcCalls(fn any) Call {
	switch f := fn.(type) {
	case func(string, any, ...any) (template.HTML, error):
		return func(_ reflect.Value, a []reflect.Value) (reflect.Value, error) {
			h, err := f(a[0].String(), a[1].Interface(), anys(a[2:])...)
			return reflect.ValueOf(h), err
		}
	case func(...any) (map[string]any, error):
		return func(_ reflect.Value, a []reflect.Value) (reflect.Value, error) {
			m, err := f(anys(a)...)
			return reflect.ValueOf(m), err
		}
	case func(int, int) int:
		return func(_ reflect.Value, a []reflect.Value) (reflect.Value, error) {
			return reflect.ValueOf(f(int(a[0].Int()), int(a[1].Int()))), nil
		}
	case func(int, any) (any, error):
		return func(_ reflect.Value, a []reflect.Value) (reflect.Value, error) {
			v, err := f(int(a[0].Int()), a[1].Interface())
			return Interface(v), err
		}
	case func(string, ...any) (string, error):
		return func(_ reflect.Value, a []reflect.Value) (reflect.Value, error) {
			s, err := f(a[0].String(), anys(a[1:])...)
			return reflect.ValueOf(s), err
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
