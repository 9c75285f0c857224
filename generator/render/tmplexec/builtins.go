package tmplexec

import (
	"fmt"
	"reflect"
	"strings"
	ttemplate "text/template"
	"text/template/parse"
)

// function compiles a call of a function: one of the set's, else a
// builtin. html/template's own escapers are only met at the end of an
// action (see action).
func (c *compiler) function(name string, nodes []parse.Node) expr {
	args := c.args(nodes)
	if name == "_eval_args_" {
		return func(s *state, dot, final reflect.Value) reflect.Value {
			v, base := s.collect(dot, args, final, anyType)
			defer s.popArgs(base)
			return evalArgs(v)
		}
	}
	if strings.HasPrefix(name, "_") {
		c.fail("function %s", name)
	}
	if fn, ok := c.funcs[name]; ok {
		return c.setFunc(name, fn, args)
	}
	switch name {
	case "and", "or":
		return andOr(name == "or", args)
	case "not", "len":
		return fixed(args, 1, map[string]func([]reflect.Value) reflect.Value{"not": not, "len": length}[name])
	case "index":
		return variadic(args, 1, index)
	case "eq":
		return variadic(args, 2, eq)
	case "ne":
		return fixed(args, 2, func(v []reflect.Value) reflect.Value { return reflect.ValueOf(!eq(v).Bool()) })
	case "lt", "le", "gt", "ge":
		return fixed(args, 2, compare(name))
	case "printf":
		return c.setFunc(name, fmt.Sprintf, args)
	case "print", "println", "html", "js", "urlquery":
		f := map[string]func(...any) string{"print": fmt.Sprint, "println": fmt.Sprintln,
			"html": ttemplate.HTMLEscaper, "js": ttemplate.JSEscaper, "urlquery": ttemplate.URLQueryEscaper}[name]
		return func(s *state, dot, final reflect.Value) reflect.Value {
			v, base := s.collect(dot, args, final, anyType)
			defer s.popArgs(base)
			a := make([]any, len(v))
			for i := range v {
				a[i] = v[i].Interface()
			}
			return reflect.ValueOf(f(a...))
		}
	}
	c.fail("function %s", name)
	return nil
}

var anyType = reflect.TypeFor[any]()

// setFunc calls one of the set's functions.
func (c *compiler) setFunc(name string, fn any, args []arg) expr {
	v := reflect.ValueOf(fn)
	if v.Kind() != reflect.Func || !goodFunc(v.Type()) {
		c.fail("function %s of type %T", name, fn)
	}
	sg := signatureOf(v.Type())
	call := funcCalls(fn)
	if c.calls != nil {
		if x := c.calls(fn); x != nil {
			call = x
		}
	}
	recv := reflect.Value{}
	if call == nil {
		recv = v
	}
	return func(s *state, dot, final reflect.Value) reflect.Value {
		return s.callFunc(recv, call, sg, dot, args, final)
	}
}

// collect evaluates the arguments of a builtin, and the final value, as
// values of type typ (reflect.Value: as they are).
// They are on the state's argument stack from base, which the caller
// pops.
func (s *state) collect(dot reflect.Value, args []arg, final reflect.Value, typ reflect.Type) (v []reflect.Value, base int) {
	base = len(s.args)
	for i := range args {
		s.pushArg(s.builtinArg(dot, &args[i], typ))
	}
	if final != missing {
		s.pushArg(builtinValue(final, typ))
	}
	return s.args[base:], base
}

func (s *state) builtinArg(dot reflect.Value, a *arg, typ reflect.Type) reflect.Value {
	if a.eval != nil {
		return builtinValue(a.eval(s, dot), typ)
	}
	if typ == nil {
		return a.ideal // nil is the invalid value
	}
	return a.constant(typ)
}

// builtinValue is v passed to a builtin's parameter of type typ, or nil
// for reflect.Value, which takes any value, invalid too.
func builtinValue(v reflect.Value, typ reflect.Type) reflect.Value {
	if typ == nil {
		return v
	}
	return validate(v, typ)
}

// fixed is a builtin of n reflect.Value parameters.
func fixed(args []arg, n int, f func([]reflect.Value) reflect.Value) expr {
	return func(s *state, dot, final reflect.Value) reflect.Value {
		v, base := s.collect(dot, args, final, nil)
		defer s.popArgs(base)
		if len(v) != n {
			bail()
		}
		return f(v)
	}
}

// variadic is a builtin of at least min reflect.Value parameters.
func variadic(args []arg, min int, f func([]reflect.Value) reflect.Value) expr {
	return func(s *state, dot, final reflect.Value) reflect.Value {
		v, base := s.collect(dot, args, final, nil)
		defer s.popArgs(base)
		if len(v) < min {
			bail()
		}
		return f(v)
	}
}

// andOr are and and or, which stop at the first argument that decides.
func andOr(or bool, args []arg) expr {
	return func(s *state, dot, final reflect.Value) reflect.Value {
		if len(args) == 0 && final == missing {
			bail()
		}
		var v reflect.Value
		for i := range args {
			v = s.builtinArg(dot, &args[i], nil)
			if truth(v) == or {
				return v
			}
		}
		if final != missing {
			v = final
		}
		return v
	}
}

func truth(v reflect.Value) bool {
	t, _ := isTrue(indirectInterface(v))
	return t
}

func not(v []reflect.Value) reflect.Value { return reflect.ValueOf(!truth(v[0])) }

func length(v []reflect.Value) reflect.Value {
	item, isNil := indirect(v[0])
	if isNil {
		bail()
	}
	switch item.Kind() {
	case reflect.Array, reflect.Chan, reflect.Map, reflect.Slice, reflect.String:
		return reflect.ValueOf(item.Len())
	}
	bail()
	return reflect.Value{}
}

// index is {{index item i j}}, for lists and maps; the rarer cases (a
// key that needs converting, a nil) are left to text/template.
func index(v []reflect.Value) reflect.Value {
	item := indirectInterface(v[0])
	if !item.IsValid() {
		bail()
	}
	for _, i := range v[1:] {
		i = indirectInterface(i)
		var isNil bool
		if item, isNil = indirect(item); isNil || !i.IsValid() {
			bail()
		}
		switch item.Kind() {
		case reflect.Array, reflect.Slice, reflect.String:
			var x int64
			switch i.Kind() {
			case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
				x = i.Int()
			default:
				bail()
			}
			if x < 0 || x >= int64(item.Len()) {
				bail()
			}
			item = item.Index(int(x))
		case reflect.Map:
			if !i.Type().AssignableTo(item.Type().Key()) {
				bail()
			}
			if x := item.MapIndex(i); x.IsValid() {
				item = x
			} else {
				item = reflect.Zero(item.Type().Elem())
			}
		default:
			bail()
		}
	}
	return item
}
