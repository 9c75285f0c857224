package tmplexec

import (
	"reflect"
	"sort"
	"text/template/parse"
)

// rangeNode compiles {{range}}, with text/template's rules for its
// variables: := declares them once, each pass sets them; = sets
// variables declared outside.
func (c *compiler) rangeNode(n *parse.RangeNode) node {
	r := &ranger{body: c.list(n.List), assign: n.Pipe.IsAssign}
	p, els := c.pipeline(n.Pipe), c.list(n.ElseList)
	for _, v := range n.Pipe.Decl {
		r.decl = append(r.decl, v.Ident[0])
	}
	return func(s *state, dot reflect.Value) ctrl {
		outer := len(s.vars)
		val, _ := indirect(p(s, dot))
		if !r.iterate(s, val) && els != nil {
			els(s, dot)
		}
		s.pop(outer)
		return next
	}
}

// ranger is a compiled {{range}}'s body and variables.
type ranger struct {
	body   node
	decl   []string
	assign bool
}

// pass runs the body once, with the variables above mark (those the
// range declared) set; false stops the range ({{break}}).
func (r *ranger) pass(s *state, mark int, index, elem reflect.Value) bool {
	switch {
	case len(r.decl) == 1 && r.assign:
		s.setVar(r.decl[0], elem)
	case len(r.decl) == 1:
		s.vars[mark-1].value = elem
	case len(r.decl) == 2 && r.assign:
		s.setVar(r.decl[0], index)
		s.setVar(r.decl[1], elem)
	case len(r.decl) == 2:
		s.vars[mark-1].value = elem
		s.vars[mark-2].value = index
	}
	k := r.body(s, elem)
	s.pop(mark)
	return k != brk
}

// iterate runs the body for each element of val, in text/template's
// order; it reports whether there was any. What it does not handle bails
// out.
func (r *ranger) iterate(s *state, val reflect.Value) bool {
	mark := len(s.vars)
	switch val.Kind() {
	case reflect.Array, reflect.Slice:
		n := val.Len()
		for i := 0; i < n; i++ {
			if !r.pass(s, mark, reflect.ValueOf(i), val.Index(i)) {
				break
			}
		}
		return n > 0
	case reflect.Map:
		keys := val.MapKeys()
		switch val.Type().Key().Kind() {
		case reflect.String:
			sort.Slice(keys, func(i, j int) bool { return keys[i].String() < keys[j].String() })
		case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
			sort.Slice(keys, func(i, j int) bool { return keys[i].Int() < keys[j].Int() })
		default:
			bail() // fmtsort's order for other keys is left to text/template
		}
		for _, k := range keys {
			if !r.pass(s, mark, k, val.MapIndex(k)) {
				break
			}
		}
		return len(keys) > 0
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		if len(r.decl) > 1 {
			bail()
		}
		return r.count(s, mark, val)
	case reflect.Invalid:
		return false
	}
	bail()
	return false
}

// count is {{range n}}, apart: the closures of a range over a function
// would make iterate allocate for every range.
func (r *ranger) count(s *state, mark int, val reflect.Value) bool {
	ran := false
	for v := range val.Seq() {
		ran = true
		if !r.pass(s, mark, reflect.Value{}, v) {
			break
		}
	}
	return ran
}
