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
		// unsupported, or a tree the compiler does not expect: either
		// way the template runs in html/template, which knows it.
		if r := recover(); r != nil {
			err = unsupported(fmt.Sprint(r))
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
	switch len(nodes) {
	case 0:
		return func(*state, reflect.Value) ctrl { return next }
	case 1:
		return nodes[0] // not wrapped: a list of one is the most common
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
		s.escape(head(s, dot), escs)
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
