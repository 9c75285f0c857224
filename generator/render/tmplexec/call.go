package tmplexec

import (
	"reflect"
	"sync/atomic"
	"text/template/parse"
)

// site is one name in a field chain, with what it was found to be in the
// last type it was looked up in.
type site struct {
	name  string
	key   reflect.Value // the name, as a map key
	calls Calls
	cache atomic.Pointer[resolution]
}

// resolution is what a name is in one type: a method, a field or a map key.
type resolution struct {
	typ    reflect.Type
	addr   bool // the receiver is addressable: pointer methods count
	kind   resolved
	index  int   // the method's
	field  []int // the field's
	method *signature
	call   Call // the method, called directly; nil: by reflect
}

type resolved int

const (
	unknown resolved = iota
	isMethod
	isField
	isMapKey
)

func (st *site) resolve(t reflect.Type, addr bool) *resolution {
	if r := st.cache.Load(); r != nil && r.typ == t && r.addr == addr {
		return r
	}
	r := &resolution{typ: t, addr: addr}
	mt := t
	if addr {
		mt = reflect.PointerTo(t)
	}
	if m, ok := mt.MethodByName(st.name); ok {
		r.kind, r.index = isMethod, m.Index
		r.method = signatureOf(reflect.Zero(mt).Method(m.Index).Type())
		if !goodFunc(r.method.typ) {
			r.kind = unknown
		} else if st.calls != nil {
			r.call = st.calls(m.Func.Interface())
		}
	} else if t.Kind() == reflect.Struct {
		if f, ok := t.FieldByName(st.name); ok && f.IsExported() {
			r.kind, r.field = isField, f.Index
		}
	} else if t.Kind() == reflect.Map && st.key.Type().AssignableTo(t.Key()) {
		r.kind = isMapKey
	}
	st.cache.Store(r)
	return r
}

// field evaluates .name on receiver, as text/template's evalField does.
func (s *state) field(st *site, dot, receiver reflect.Value, args []arg, final reflect.Value) reflect.Value {
	if !receiver.IsValid() {
		return reflect.Value{}
	}
	r, isNil := indirect(receiver)
	if r.Kind() == reflect.Interface && isNil {
		bail()
	}
	addr := r.Kind() != reflect.Pointer && r.CanAddr()
	res := st.resolve(r.Type(), addr)
	hasArgs := len(args) > 0 || final != missing
	switch res.kind {
	case isMethod:
		if addr {
			r = r.Addr()
		}
		if res.call != nil {
			return s.callFunc(r, res.call, res.method, dot, args, final)
		}
		return s.callFunc(r.Method(res.index), nil, res.method, dot, args, final)
	case isField:
		if hasArgs || isNil {
			bail()
		}
		f, err := r.FieldByIndexErr(res.field)
		if err != nil {
			bail()
		}
		return f
	case isMapKey:
		if hasArgs {
			bail()
		}
		if r.Type() == anyMap {
			// Params and dict's maps: indexed without reflect, which
			// allocates a copy of each value it returns. A nil value is
			// left to reflect, which tells it from a missing one.
			if v := r.Interface().(map[string]any)[st.name]; v != nil {
				return reflect.ValueOf(v)
			}
		}
		return r.MapIndex(st.key)
	}
	bail()
	return reflect.Value{}
}

// signature is what callFunc needs of a function's type, found once
// rather than asked of reflect at every call.
type signature struct {
	typ      reflect.Type
	numIn    int
	variadic bool
	in       []reflect.Type // each parameter's type
	elem     reflect.Type   // the variadic parameter's element type
}

func signatureOf(t reflect.Type) *signature {
	sg := &signature{typ: t, numIn: t.NumIn(), variadic: t.IsVariadic()}
	for i := range sg.numIn {
		sg.in = append(sg.in, t.In(i))
	}
	if sg.variadic {
		sg.elem = sg.in[sg.numIn-1].Elem()
	}
	return sg
}

// callFunc calls fn of signature sg as text/template's evalCall does;
// given a Call, it calls that, with fn as the receiver. A call that fails
// ends the run (a panic), which drops the state's argument stack with it:
// only a call that returns pops its arguments.
func (s *state) callFunc(fn reflect.Value, call Call, sg *signature, dot reflect.Value, args []arg, final reflect.Value) reflect.Value {
	numIn := len(args)
	if final != missing {
		numIn++
	}
	numFixed := len(args)
	if sg.variadic {
		numFixed = sg.numIn - 1
		if numIn < numFixed {
			bail()
		}
	} else if numIn != sg.numIn {
		bail()
	}
	base := len(s.args)
	i := 0
	for ; i < numFixed && i < len(args); i++ {
		s.pushArg(s.argValue(dot, sg.in[i], &args[i]))
	}
	if sg.variadic {
		for ; i < len(args); i++ {
			s.pushArg(s.argValue(dot, sg.elem, &args[i]))
		}
	}
	if final != missing {
		t := sg.in[sg.numIn-1]
		if sg.variadic {
			if numIn-1 < numFixed {
				t = sg.in[numIn-1]
			} else {
				t = sg.elem
			}
		}
		s.pushArg(validate(final, t))
	}
	argv := s.args[base:]
	var v reflect.Value
	if call != nil {
		var err error
		if v, err = call(&s.results, fn, argv); err != nil {
			s.fail(err)
		}
	} else {
		out := fn.Call(argv)
		if len(out) == 2 && !out[1].IsNil() {
			s.fail(out[1].Interface().(error))
		}
		v = out[0]
		if v.Type() == reflectValueType {
			v = v.Interface().(reflect.Value)
		}
	}
	s.popArgs(base)
	return v
}

// goodFunc reports whether a function returns a value, and maybe an error.
func goodFunc(t reflect.Type) bool {
	switch {
	case t.NumOut() == 1:
		return true
	case t.NumOut() == 2:
		return t.Out(1) == reflect.TypeFor[error]()
	}
	return false
}

// argValue evaluates an argument for a parameter of type typ, as
// text/template's evalArg does.
func (s *state) argValue(dot reflect.Value, typ reflect.Type, a *arg) reflect.Value {
	if a.eval != nil {
		return validate(a.eval(s, dot), typ)
	}
	return a.constant(typ)
}

// constant is a literal argument as a value of type typ, as
// text/template's evalArg makes it.
func (a *arg) constant(typ reflect.Type) reflect.Value {
	if !a.ideal.IsValid() { // nil
		if canBeNil(typ) {
			return reflect.Zero(typ)
		}
		bail()
	}
	if a.ideal.Type() == typ || typ.Kind() == reflect.Interface && typ.NumMethod() == 0 {
		return a.ideal
	}
	v := reflect.New(typ).Elem()
	switch n := a.node.(type) {
	case *parse.BoolNode:
		if typ.Kind() == reflect.Bool {
			v.SetBool(n.True)
			return v
		}
	case *parse.StringNode:
		if typ.Kind() == reflect.String {
			v.SetString(n.Text)
			return v
		}
	case *parse.NumberNode:
		switch typ.Kind() {
		case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
			if n.IsInt {
				v.SetInt(n.Int64)
				return v
			}
		case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
			if n.IsUint {
				v.SetUint(n.Uint64)
				return v
			}
		case reflect.Float32, reflect.Float64:
			if n.IsFloat {
				v.SetFloat(n.Float64)
				return v
			}
		}
	}
	bail()
	return reflect.Value{}
}

// validate makes value fit a parameter of type typ, as text/template's
// validateType does.
func validate(value reflect.Value, typ reflect.Type) reflect.Value {
	if !value.IsValid() {
		if typ == nil {
			return reflect.Value{}
		}
		if canBeNil(typ) {
			return reflect.Zero(typ)
		}
		bail()
	}
	if typ == reflectValueType && value.Type() != typ {
		return reflect.ValueOf(value)
	}
	if typ != nil && !value.Type().AssignableTo(typ) {
		if value.Kind() == reflect.Interface && !value.IsNil() {
			value = value.Elem()
			if value.Type().AssignableTo(typ) {
				return value
			}
		}
		switch {
		case value.Kind() == reflect.Pointer && value.Type().Elem().AssignableTo(typ):
			value = value.Elem()
			if !value.IsValid() {
				bail()
			}
		case reflect.PointerTo(value.Type()).AssignableTo(typ) && value.CanAddr():
			if value.Kind() == reflect.String {
				// It may be a call's result, which Results keeps
				// addressable where text/template's is not.
				bail()
			}
			value = value.Addr()
		default:
			bail()
		}
	}
	return value
}

func canBeNil(typ reflect.Type) bool {
	switch typ.Kind() {
	case reflect.Chan, reflect.Func, reflect.Interface, reflect.Map, reflect.Pointer, reflect.Slice:
		return true
	case reflect.Struct:
		return typ == reflectValueType
	}
	return false
}
