package tmplexec

import (
	"fmt"
	"reflect"
	"strings"
	"text/template/parse"
)

// node runs one node of a template; it reports a {{break}} or
// {{continue}} to the {{range}} around it.
type node func(s *state, dot reflect.Value) ctrl

type ctrl int

const (
	next ctrl = iota
	brk
	cont
)

// expr evaluates one command of a pipeline; final is the value of the
// command before it, or missing.
type expr func(s *state, dot, final reflect.Value) reflect.Value

// value evaluates a pipeline or a single argument.
type value func(s *state, dot reflect.Value) reflect.Value

// unsupported is what the compiler panics with when a template uses what it
// does not handle; the template then runs in html/template.
type unsupported string

func (u unsupported) Error() string { return string(u) }

type compiler struct {
	lookup func(name string) *parse.Tree
	funcs  map[string]any
	calls  Calls
	tmpls  map[string]*node
}

// compile compiles the template entry and every template it calls.
func compile(entry string, lookup func(string) *parse.Tree, funcs map[string]any, calls Calls) (p *program, err error) {
	defer func() {
		if r := recover(); r != nil {
			u, ok := r.(unsupported)
			if !ok {
				panic(r)
			}
			err = u
		}
	}()
	c := &compiler{lookup: lookup, funcs: funcs, calls: calls, tmpls: map[string]*node{}}
	root := c.template(entry)
	return &program{root: func(s *state, dot reflect.Value) ctrl { return (*root)(s, dot) }}, nil
}

func (c *compiler) fail(format string, args ...any) {
	panic(unsupported(fmt.Sprintf(format, args...)))
}

// template compiles a template once; a template that calls itself finds
// the slot its body will fill.
func (c *compiler) template(name string) *node {
	if t, ok := c.tmpls[name]; ok {
		return t
	}
	tree := c.lookup(name)
	if tree == nil || tree.Root == nil {
		c.fail("template %q is not in the set", name)
	}
	slot := new(node)
	c.tmpls[name] = slot
	*slot = c.list(tree.Root)
	return slot
}

func (c *compiler) list(l *parse.ListNode) node {
	if l == nil {
		return nil
	}
	var nodes []node
	for _, n := range l.Nodes {
		if x := c.node(n); x != nil {
			nodes = append(nodes, x)
		}
	}
	return func(s *state, dot reflect.Value) ctrl {
		for _, n := range nodes {
			if k := n(s, dot); k != next {
				return k
			}
		}
		return next
	}
}

func (c *compiler) node(n parse.Node) node {
	switch n := n.(type) {
	case *parse.TextNode:
		text := n.Text
		return func(s *state, _ reflect.Value) ctrl {
			s.write(text)
			return next
		}
	case *parse.CommentNode:
		return nil
	case *parse.ActionNode:
		return c.action(n)
	case *parse.IfNode:
		return c.ifWith(n.Pipe, n.List, n.ElseList, false)
	case *parse.WithNode:
		return c.ifWith(n.Pipe, n.List, n.ElseList, true)
	case *parse.RangeNode:
		return c.rangeNode(n)
	case *parse.TemplateNode:
		return c.call(n)
	case *parse.BreakNode:
		return func(*state, reflect.Value) ctrl { return brk }
	case *parse.ContinueNode:
		return func(*state, reflect.Value) ctrl { return cont }
	}
	c.fail("unknown node %s", n)
	return nil
}

// action compiles {{pipeline}}: the pipeline as written, then the escapers
// html/template appended, which we run on strings.
func (c *compiler) action(n *parse.ActionNode) node {
	pipe := n.Pipe
	if len(pipe.Decl) > 0 {
		p := c.pipeline(pipe)
		return func(s *state, dot reflect.Value) ctrl {
			p(s, dot)
			return next
		}
	}
	k := len(pipe.Cmds)
	for k > 0 && c.escaperName(pipe.Cmds[k-1]) != "" {
		k--
	}
	if k == 0 || k == len(pipe.Cmds) {
		c.fail("action %s is not escaped", n)
	}
	var escs []escaper
	for _, cmd := range pipe.Cmds[k:] {
		e, ok := escapers[c.escaperName(cmd)]
		if !ok {
			c.fail("escaper %s", c.escaperName(cmd))
		}
		escs = append(escs, e)
	}
	head := c.commands(pipe.Cmds[:k], nil, false)
	return func(s *state, dot reflect.Value) ctrl {
		s.writeString(escs[0].first(head(s, dot), escs[1:]))
		return next
	}
}

// escaperName is the name of an escaper html/template put in a pipeline,
// or of the builtin html or urlquery, which it keeps at the end of one
// where they do its escaper's work; else "".
func (c *compiler) escaperName(cmd *parse.CommandNode) string {
	id, ok := cmd.Args[0].(*parse.IdentifierNode)
	if !ok || len(cmd.Args) != 1 {
		return ""
	}
	if _, own := c.funcs[id.Ident]; strings.HasPrefix(id.Ident, "_html_template_") || (id.Ident == "html" || id.Ident == "urlquery") && !own {
		return id.Ident
	}
	return ""
}

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
		return c.fields(func(_ *state, dot reflect.Value) reflect.Value { return dot }, n.Ident, cmd.Args[1:])
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

// fields compiles .A.B.C on the value recv gives; the last may be a method
// that takes args.
func (c *compiler) fields(recv value, idents []string, args []parse.Node) expr {
	sites := make([]*site, len(idents))
	for i, name := range idents {
		sites[i] = &site{name: name, key: reflect.ValueOf(name), calls: c.calls}
	}
	last, path := sites[len(sites)-1], sites[:len(sites)-1]
	a := c.args(args)
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

func (c *compiler) ifWith(pipe *parse.PipeNode, list, elseList *parse.ListNode, with bool) node {
	p, then, els := c.pipeline(pipe), c.list(list), c.list(elseList)
	return func(s *state, dot reflect.Value) ctrl {
		mark := len(s.vars)
		v := p(s, dot)
		truth, ok := isTrue(indirectInterface(v))
		if !ok {
			bail()
		}
		k := next
		switch {
		case truth && with:
			k = then(s, v)
		case truth:
			k = then(s, dot)
		case els != nil:
			k = els(s, dot)
		}
		s.pop(mark)
		return k
	}
}

// call compiles {{template "name" pipeline}}.
func (c *compiler) call(n *parse.TemplateNode) node {
	t, p := c.template(n.Name), c.pipeline(n.Pipe)
	return func(s *state, dot reflect.Value) ctrl {
		dot = p(s, dot) // variables it declares stay
		if s.depth >= maxDepth {
			bail()
		}
		base, top := s.base, len(s.vars)
		s.depth++
		s.base = top
		s.push("$", dot) // a template sees no variable of its caller
		(*t)(s, dot)
		s.depth--
		s.base = base
		s.pop(top)
		return next
	}
}

// maxDepth is how deep templates may call each other here; deeper ones
// are left to html/template, which allows more.
const maxDepth = 1000
