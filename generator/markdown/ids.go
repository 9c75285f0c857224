package markdown

import (
	"fmt"
	"strings"
	"unicode"

	"github.com/yuin/goldmark/ast"
)

// headingIDs generates heading IDs that keep Chinese: "## 新闻标题" gets
// id="新闻标题" where goldmark's own generator, which keeps only ASCII, would
// give every Chinese heading the same "heading". A repeated ID gets -1, -2.
type headingIDs struct {
	used map[string]bool
}

func newHeadingIDs() *headingIDs { return &headingIDs{used: map[string]bool{}} }

// Generate makes an ID from a heading's text: letters and digits of any
// script, lower-cased; spaces, '-' and '_' become '-'; the rest is dropped.
func (h *headingIDs) Generate(value []byte, kind ast.NodeKind) []byte {
	var b strings.Builder
	for _, r := range strings.TrimSpace(string(value)) {
		switch {
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
	id := base
	for i := 1; h.used[id]; i++ {
		id = fmt.Sprintf("%s-%d", base, i)
	}
	h.used[id] = true
	return []byte(id)
}

// Put records an ID set by hand ({#id}) so generated ones avoid it.
func (h *headingIDs) Put(value []byte) { h.used[string(value)] = true }
