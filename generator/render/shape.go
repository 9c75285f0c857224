package render

import (
	"html/template"
	"strconv"
	"strings"
	"text/template/parse"

	"westcoast/generator/model"
)

// pageEntry decides, once and before any execution, which template a page
// starts from, and enforces the one rule that makes that plain: a page
// template either fills in the base layout, and then holds only {{define}}s
// with nothing but spaces and comments around them, or is a whole page on
// its own, which defines nothing for the base layout ({{block}} is fine).
// Text beside the definitions would otherwise make the template a page of
// its own and silently drop the base layout. (html/template rewrites the
// trees when it first executes them, so they must not be inspected while
// pages render.)
func pageEntry(page *template.Template, src sources, hasBase bool) (string, *model.Error) {
	name := page.Name()
	fills := fillsIn(page)
	stray := firstStray(page.Tree.Root)
	switch {
	case stray != nil && fills:
		at := src.pos(name, strayOffset(stray, src[name]))
		return "", at.Errorf("%s is outside {{define}}: a page layout either only defines blocks for %s/%s, or is a whole page without {{define}}", describeNode(stray), LayoutDir, baseName)
	case stray != nil:
		return name, nil
	case hasBase:
		return baseName, nil
	case fills:
		return "", model.Errorf(LayoutDir+"/"+name, 0, 0, "defines blocks, but there is no %s/%s for them to fill in", LayoutDir, baseName)
	}
	return name, nil
}

// fillsIn reports whether a parsed file defines templates that it does not
// itself call: blocks for the base layout.
func fillsIn(page *template.Template) bool {
	called := map[string]bool{}
	calls(page.Tree.Root, called)
	for _, t := range page.Templates() {
		if t.Name() != page.Name() && t.Tree != nil && !called[t.Name()] {
			return true
		}
	}
	return false
}

// calls records the templates a tree calls with {{template}} or {{block}}.
func calls(n parse.Node, called map[string]bool) {
	switch n := n.(type) {
	case *parse.ListNode:
		if n != nil {
			for _, c := range n.Nodes {
				calls(c, called)
			}
		}
	case *parse.TemplateNode:
		called[n.Name] = true
	case *parse.IfNode:
		calls(n.List, called)
		calls(n.ElseList, called)
	case *parse.RangeNode:
		calls(n.List, called)
		calls(n.ElseList, called)
	case *parse.WithNode:
		calls(n.List, called)
		calls(n.ElseList, called)
	}
}

// firstStray returns the first node of a template's body that is more than
// white space; comments are not parsed into nodes at all.
func firstStray(root *parse.ListNode) parse.Node {
	if root == nil {
		return nil
	}
	for _, n := range root.Nodes {
		if t, ok := n.(*parse.TextNode); ok && strings.TrimSpace(string(t.Text)) == "" {
			continue
		}
		return n
	}
	return nil
}

// strayOffset is where a stray node starts: past any leading white space
// for text, at its "{{" for an action (the parser places some actions at
// their first argument).
func strayOffset(n parse.Node, text string) int {
	if t, ok := n.(*parse.TextNode); ok {
		s := string(t.Text)
		return int(t.Pos) + len(s) - len(strings.TrimLeft(s, " \t\r\n"))
	}
	pos := min(int(n.Position()), len(text))
	return max(strings.LastIndex(text[:pos], "{{"), 0)
}

// describeNode quotes the start of a stray node for an error.
func describeNode(n parse.Node) string {
	t, ok := n.(*parse.TextNode)
	if !ok {
		return shorten(n.String())
	}
	line, _, cut := strings.Cut(strings.TrimSpace(string(t.Text)), "\n")
	if r := []rune(line); cut || len(r) > 30 {
		line = string(r[:min(30, len(r))]) + "…"
	}
	return "text " + strconv.Quote(line)
}
