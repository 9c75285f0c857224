package tmplexec

import (
	"reflect"
)

// state is one execution: where it writes and its variables.
type state struct {
	w    Buffer
	vars []variable
	// args is a stack of the arguments of the calls being made, so that
	// a call's arguments are not allocated each time.
	args  []reflect.Value
	base  int // the first variable of the running template
	depth int
	// results keep the strings calls return (see Results).
	results Results
	// scratch are where escapers write (see escape).
	scratch [2][]byte
	// passed are the errors of called functions that end a run as they
	// are (see Options.Passed).
	passed func(error) bool
}

type variable struct {
	name  string
	value reflect.Value
}

// bailOut is what a fast run panics with when it meets anything it does
// not handle; Set.Execute then runs html/template.
type bailOut struct{}

func bail() { panic(bailOut{}) }

// passedError ends a run with an error of a called function.
type passedError struct{ err error }

// fail ends a run on an error a called function returned.
func (s *state) fail(err error) {
	if s.passed != nil && s.passed(err) {
		panic(passedError{err})
	}
	bail()
}

// missing stands for "no value passed on from a previous command".
var missing = reflect.ValueOf(missingType{})

type missingType struct{}

var (
	reflectValueType = reflect.TypeFor[reflect.Value]()
	anyMap           = reflect.TypeFor[map[string]any]()
)

func (s *state) write(b []byte) {
	if _, err := s.w.Write(b); err != nil {
		bail()
	}
}

func (s *state) writeString(str string) {
	if _, err := s.w.WriteString(str); err != nil {
		bail()
	}
}

// pushArg adds an argument of the call being made; evaluating it may make
// other calls, which push theirs above it and pop them before it is pushed.
func (s *state) pushArg(v reflect.Value) { s.args = append(s.args, v) }

func (s *state) popArgs(base int) {
	clear(s.args[base:]) // not to keep what they point to alive
	s.args = s.args[:base]
}

func (s *state) push(name string, v reflect.Value) { s.vars = append(s.vars, variable{name, v}) }

func (s *state) pop(mark int) { s.vars = s.vars[:mark] }

func (s *state) setVar(name string, v reflect.Value) {
	for i := len(s.vars) - 1; i >= s.base; i-- {
		if s.vars[i].name == name {
			s.vars[i].value = v
			return
		}
	}
	bail()
}

func (s *state) varValue(name string) reflect.Value {
	for i := len(s.vars) - 1; i >= s.base; i-- {
		if s.vars[i].name == name {
			return s.vars[i].value
		}
	}
	bail()
	return reflect.Value{}
}

// indirect goes through pointers and interfaces to the value they hold,
// stopping at a nil one.
func indirect(v reflect.Value) (rv reflect.Value, isNil bool) {
	for ; v.Kind() == reflect.Pointer || v.Kind() == reflect.Interface; v = v.Elem() {
		if v.IsNil() {
			return v, true
		}
	}
	return v, false
}

func indirectInterface(v reflect.Value) reflect.Value {
	if v.Kind() != reflect.Interface {
		return v
	}
	if v.IsNil() {
		return reflect.Value{}
	}
	return v.Elem()
}

// isTrue is text/template's truth: false, 0, nil and empty are false;
// ok is false for values that have no truth.
func isTrue(v reflect.Value) (truth, ok bool) {
	if !v.IsValid() {
		return false, true
	}
	switch v.Kind() {
	case reflect.Array, reflect.Map, reflect.Slice, reflect.String:
		return v.Len() > 0, true
	case reflect.Bool:
		return v.Bool(), true
	case reflect.Complex64, reflect.Complex128:
		return v.Complex() != 0, true
	case reflect.Chan, reflect.Func, reflect.Pointer, reflect.UnsafePointer, reflect.Interface:
		return !v.IsNil(), true
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return v.Int() != 0, true
	case reflect.Float32, reflect.Float64:
		return v.Float() != 0, true
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return v.Uint() != 0, true
	case reflect.Struct:
		return true, true
	}
	return false, false
}
