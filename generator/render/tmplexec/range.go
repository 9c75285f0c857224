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
	p, body, els := c.pipeline(n.Pipe), c.list(n.List), c.list(n.ElseList)
	var decl []string
	for _, v := range n.Pipe.Decl {
		decl = append(decl, v.Ident[0])
	}
	assign := n.Pipe.IsAssign
	return func(s *state, dot reflect.Value) ctrl {
		outer := len(s.vars)
		val, _ := indirect(p(s, dot))
		mark := len(s.vars)
		// pass runs the body once; false stops the range ({{break}}).
		pass := func(index, elem reflect.Value) bool {
			switch {
			case len(decl) == 1 && assign:
				s.setVar(decl[0], elem)
			case len(decl) == 1:
				s.vars[len(s.vars)-1].value = elem
			case len(decl) == 2 && assign:
				s.setVar(decl[0], index)
				s.setVar(decl[1], elem)
			case len(decl) == 2:
				s.vars[len(s.vars)-1].value = elem
				s.vars[len(s.vars)-2].value = index
			}
			k := body(s, elem)
			s.pop(mark)
			return k != brk
		}
		ran := iterate(val, len(decl), pass)
		if !ran && els != nil {
			els(s, dot)
		}
		s.pop(outer)
		return next
	}
}

// iterate calls pass for each element of val, in text/template's order;
// it reports whether there was any. What it does not handle bails out.
func iterate(val reflect.Value, vars int, pass func(index, elem reflect.Value) bool) bool {
	switch val.Kind() {
	case reflect.Array, reflect.Slice:
		for i := 0; i < val.Len(); i++ {
			if !pass(reflect.ValueOf(i), val.Index(i)) {
				break
			}
		}
		return val.Len() > 0
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
			if !pass(k, val.MapIndex(k)) {
				break
			}
		}
		return len(keys) > 0
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		if vars > 1 {
			bail()
		}
		ran := false
		for v := range val.Seq() {
			ran = true
			if !pass(reflect.Value{}, v) {
				break
			}
		}
		return ran
	case reflect.Invalid:
		return false
	}
	bail()
	return false
}
