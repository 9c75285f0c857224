package tmplexec

import (
	"reflect"
	"strings"
	"text/template/parse"
)

func (c *compiler) pipeline(pipe *parse.PipeNode) value {
	if pipe == nil {
		return func(*state, reflect.Value) reflect.Value { return reflect.Value{} }
	}
	var names []string
	for _, v := range pipe.Decl {
		names = append(names, v.Ident[0])
	}
	return c.commands(pipe.Cmds, names, pipe.IsAssign)
}

// commands compiles a pipeline's commands, each passing its value to the
// next, and its variables.
func (c *compiler) commands(cmds []*parse.CommandNode, decl []string, assign bool) value {
	exprs := make([]expr, len(cmds))
	for i, cmd := range cmds {
		exprs[i] = c.command(cmd)
	}
	if len(cmds) == 1 && len(decl) == 0 {
		e := exprs[0] // the most common pipeline: one command
		return func(s *state, dot reflect.Value) reflect.Value {
			v := e(s, dot, missing)
			if v.Kind() == reflect.Interface && v.Type().NumMethod() == 0 {
				v = v.Elem()
			}
			return v
		}
	}
	return func(s *state, dot reflect.Value) reflect.Value {
		v := missing
		for _, e := range exprs {
			v = e(s, dot, v)
			// As text/template: an interface{} is looked into.
			if v.Kind() == reflect.Interface && v.Type().NumMethod() == 0 {
				v = v.Elem()
			}
		}
		for _, name := range decl {
			if assign {
				s.setVar(name, v)
			} else {
				s.push(name, v)
			}
		}
		return v
	}
}

func (c *compiler) command(cmd *parse.CommandNode) expr {
	switch n := cmd.Args[0].(type) {
	case *parse.FieldNode:
		return c.fields(nil, n.Ident, cmd.Args[1:])
	case *parse.VariableNode:
		return c.variable(n, cmd.Args[1:])
	case *parse.ChainNode:
		return c.chain(n, cmd.Args[1:])
	case *parse.IdentifierNode:
		return c.function(n.Ident, cmd.Args[1:])
	}
	if len(cmd.Args) > 1 {
		c.fail("arguments to a non-function %s", cmd)
	}
	var v value
	if p, ok := cmd.Args[0].(*parse.PipeNode); ok {
		v = c.pipeline(p)
	} else {
		v = c.literal(cmd.Args[0])
	}
	return func(s *state, dot, final reflect.Value) reflect.Value {
		if final != missing {
			bail()
		}
		return v(s, dot)
	}
}

// literal compiles a constant, or dot, as a value of its own type.
func (c *compiler) literal(n parse.Node) value {
	if _, ok := n.(*parse.DotNode); ok {
		return func(_ *state, dot reflect.Value) reflect.Value { return dot }
	}
	v := c.ideal(n)
	return func(*state, reflect.Value) reflect.Value { return v }
}

// ideal is a constant's value where no type is asked for, as
// text/template's idealConstant gives it.
func (c *compiler) ideal(n parse.Node) reflect.Value {
	switch n := n.(type) {
	case *parse.BoolNode:
		return reflect.ValueOf(n.True)
	case *parse.StringNode:
		return reflect.ValueOf(n.Text)
	case *parse.NumberNode:
		t := n.Text
		isHex := len(t) > 2 && t[0] == '0' && (t[1] == 'x' || t[1] == 'X') && !strings.ContainsAny(t, "pP")
		switch {
		case n.IsComplex:
		case n.IsFloat && !isHex && !strings.HasPrefix(t, "'") && strings.ContainsAny(t, ".eEpP"):
			return reflect.ValueOf(n.Float64)
		case n.IsInt && int64(int(n.Int64)) == n.Int64:
			return reflect.ValueOf(int(n.Int64))
		}
	}
	c.fail("constant %s", n)
	return reflect.Value{}
}

// fields compiles .A.B.C on the value recv gives (nil: dot); the last may
// be a method that takes args.
func (c *compiler) fields(recv value, idents []string, args []parse.Node) expr {
	sites := make([]*site, len(idents))
	for i, name := range idents {
		sites[i] = &site{name: name, key: reflect.ValueOf(name), calls: c.calls}
	}
	last, path := sites[len(sites)-1], sites[:len(sites)-1]
	a := c.args(args)
	if recv == nil && len(path) == 0 {
		// .Name: the most common field chain.
		return func(s *state, dot, final reflect.Value) reflect.Value {
			return s.field(last, dot, dot, a, final)
		}
	}
	if recv == nil {
		recv = func(_ *state, dot reflect.Value) reflect.Value { return dot }
	}
	return func(s *state, dot, final reflect.Value) reflect.Value {
		v := recv(s, dot)
		for _, st := range path {
			v = s.field(st, dot, v, nil, missing)
		}
		return s.field(last, dot, v, a, final)
	}
}

func (c *compiler) variable(n *parse.VariableNode, args []parse.Node) expr {
	name := n.Ident[0]
	get := func(s *state, _ reflect.Value) reflect.Value { return s.varValue(name) }
	if len(n.Ident) > 1 {
		return c.fields(get, n.Ident[1:], args)
	}
	if len(args) > 0 {
		c.fail("arguments to a variable %s", n)
	}
	return func(s *state, dot, final reflect.Value) reflect.Value {
		if final != missing {
			bail()
		}
		return get(s, dot)
	}
}

func (c *compiler) chain(n *parse.ChainNode, args []parse.Node) expr {
	var recv value
	switch n.Node.(type) {
	case *parse.FieldNode, *parse.VariableNode, *parse.PipeNode, *parse.ChainNode, *parse.IdentifierNode, *parse.DotNode:
		recv = c.arg(n.Node).eval
	default:
		c.fail("chain on %s", n.Node)
	}
	return c.fields(recv, n.Field, args)
}

// arg is a compiled argument: an expression, or a constant whose value
// depends on the type of the parameter it is passed to.
type arg struct {
	eval  value      // nil for a constant
	node  parse.Node // the constant
	ideal reflect.Value
}

func (c *compiler) args(nodes []parse.Node) []arg {
	var a []arg
	for _, n := range nodes {
		a = append(a, c.arg(n))
	}
	return a
}

func (c *compiler) arg(n parse.Node) arg {
	switch n := n.(type) {
	case *parse.DotNode:
		return arg{eval: c.literal(n)}
	case *parse.FieldNode, *parse.VariableNode, *parse.ChainNode, *parse.IdentifierNode:
		e := c.command(&parse.CommandNode{Args: []parse.Node{n}})
		return arg{eval: func(s *state, dot reflect.Value) reflect.Value { return e(s, dot, missing) }}
	case *parse.PipeNode:
		return arg{eval: c.pipeline(n)}
	case *parse.NilNode:
		return arg{node: n}
	case *parse.BoolNode, *parse.StringNode, *parse.NumberNode:
		return arg{node: n, ideal: c.ideal(n)}
	}
	c.fail("argument %s", n)
	return arg{}
}
