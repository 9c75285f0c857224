package markdown

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"
	"unicode"

	"github.com/yuin/goldmark/ast"
	extast "github.com/yuin/goldmark/extension/ast"
)

// IDUsers tells which element ids a page uses outside its text, and what
// uses each (for messages): headings and footnotes must not take them.
type IDUsers interface {
	IDUser(id string) (what string, ok bool)
}

// idMap is IDUsers as a map from each id to what uses it: the layouts'
// ids, the table of contents', and the ids callers of Convert pass.
type idMap map[string]string

// IDUser looks id up in the map.
func (m idMap) IDUser(id string) (string, bool) {
	what, ok := m[id]
	return what, ok
}

// idSet is the ids a page already uses outside its text: the layouts' and
// the page's own (its figures). Nil members use none.
type idSet []IDUsers

func (s idSet) user(id string) (string, bool) {
	for _, u := range s {
		if u == nil {
			continue
		}
		if where, ok := u.IDUser(id); ok {
			return where, true
		}
	}
	return "", false
}

// assignIDs gives every heading an id once the whole text is parsed, so
// that an id written by hand ({#id}) wins over a generated one wherever
// the two stand. A hand-written id that the page already uses, or that an
// earlier heading has, is an error; a generated one steps around both
// ("main" becomes "main-1"). Footnotes have ids too ("fn:1", "fnref:1"),
// which no heading can take (':' is not in a plain name) but a layout could.
func assignIDs(doc *ast.Document, src []byte, reserved idSet, pr *problems) {
	var headings []*ast.Heading
	notes := bytes.Contains(src, []byte("[^"))
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Heading:
			headings = append(headings, n)
		case *extast.FootnoteLink:
			checkFootnoteIDs(n, reserved, pr)
		}
		if !notes && isTextBlock(n) {
			return ast.WalkSkipChildren, nil // a footnote link needs "[^"
		}
		return ast.WalkContinue, nil
	})
	used := map[string]bool{}
	for _, h := range headings {
		v, ok := h.AttributeString("id")
		if !ok {
			continue
		}
		id := string(v.([]byte))
		if where, taken := reserved.user(id); taken {
			pr.add(pr.idAt[h], "heading id %q is already used by %s", id, where)
		} else if used[id] {
			pr.add(pr.idAt[h], "heading id %q is already used by an earlier heading", id)
		}
		used[id] = true
	}
	g := idGenerator{used: used, reserved: reserved, next: map[string]int{}}
	for _, h := range headings {
		if _, ok := h.AttributeString("id"); !ok {
			h.SetAttribute(attrID, []byte(g.generate(headingText(h, src))))
		}
	}
}

// checkFootnoteIDs reports a footnote whose ids a layout uses, at the
// paragraph of its reference.
func checkFootnoteIDs(link *extast.FootnoteLink, reserved idSet, pr *problems) {
	n := strconv.Itoa(link.Index)
	ids := []string{"fn:" + n, "fnref:" + n} // the first reference
	if link.RefIndex > 0 {
		ids = []string{fmt.Sprintf("fnref%d:%s", link.RefIndex, n)}
	}
	for _, id := range ids {
		if where, taken := reserved.user(id); taken {
			pr.add(blockStart(link), "footnote id %q is already used by %s", id, where)
		}
	}
}

// blockStart is the offset of the block that holds an inline node.
func blockStart(n ast.Node) int {
	for ; n != nil; n = n.Parent() {
		if n.Type() == ast.TypeBlock && n.Lines().Len() > 0 {
			return n.Lines().At(0).Start
		}
	}
	return 0
}

// headingText is what a generated id is made from: the heading's last
// line as written, as goldmark's own generator takes it.
func headingText(h *ast.Heading, src []byte) []byte {
	if n := h.Lines().Len(); n > 0 {
		last := h.Lines().At(n - 1)
		return last.Value(src)
	}
	return nil
}

// idGenerator makes heading ids that keep Chinese: "## 新闻标题" gets
// id="新闻标题" where goldmark's own generator, which keeps only ASCII, would
// give every Chinese heading the same "heading". A taken id gets -1, -2.
type idGenerator struct {
	used     map[string]bool
	reserved idSet
	next     map[string]int // the next suffix to try for a base, so that a
	// thousand equal headings cost a thousand steps, not half a million
}

// generate makes an ID from a heading's text: letters and digits of any
// script, lower-cased; spaces, '-' and '_' become '-'; the rest is dropped.
func (g *idGenerator) generate(value []byte) string {
	var b strings.Builder
	inPlaceholder := false // a shortcode's output: its number is no word of the heading
	for _, r := range strings.TrimSpace(string(value)) {
		if r == placeholderMark {
			inPlaceholder = !inPlaceholder
			continue
		}
		switch {
		case inPlaceholder:
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(unicode.ToLower(r))
		case unicode.IsSpace(r) || r == '-' || r == '_':
			b.WriteByte('-')
		}
	}
	base := strings.Trim(b.String(), "-")
	if base == "" {
		base = "section"
	}
	i := g.next[base]
	id := base
	if i > 0 {
		id = base + "-" + strconv.Itoa(i)
	}
	for g.taken(id) {
		i++
		id = base + "-" + strconv.Itoa(i)
	}
	g.next[base] = i + 1
	g.used[id] = true
	return id
}

func (g *idGenerator) taken(id string) bool {
	_, reserved := g.reserved.user(id)
	return g.used[id] || reserved
}
