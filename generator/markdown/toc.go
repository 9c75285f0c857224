package markdown

import (
	"html"
	"html/template"
	"strings"
)

// Heading is one heading of a text, for its table of contents.
type Heading struct {
	Level int
	ID    string
	Text  string // plain text, without marks or footnote references
}

// The levels a table of contents lists, as Hugo's defaults: the page's
// title is its <h1>, so the text's sections start at ##.
const (
	tocStartLevel = 2
	tocEndLevel   = 3
)

// TOCID is the id of the table of contents' <nav>, Hugo's: no heading
// may take it.
const TOCID = "TableOfContents"

var tocIDs = map[string]string{TOCID: "the table of contents (.TableOfContents)"}

// TableOfContents writes Hugo's table of contents: a <nav
// id="TableOfContents"> holding a list of the ## and ### headings, each a
// link to its id, ### nested under the ## before it. It is "" for a text
// without such headings, so that {{with .TableOfContents}} leaves out the
// frame too.
func TableOfContents(list []Heading) template.HTML {
	var b strings.Builder
	depth := 0 // lists open
	for _, h := range list {
		if h.Level < tocStartLevel || h.Level > tocEndLevel || h.ID == "" {
			continue
		}
		level := h.Level - tocStartLevel + 1
		if depth == 0 {
			b.WriteString(`<nav id="` + TOCID + `">`)
		}
		switch {
		case level > depth:
			for ; depth < level; depth++ {
				if depth > 0 && !strings.HasSuffix(b.String(), "</a>") {
					b.WriteString("<li>") // a ### before any ##
				}
				b.WriteString("<ul>")
			}
		default:
			for ; depth > level; depth-- {
				b.WriteString("</li></ul>")
			}
			b.WriteString("</li>")
		}
		b.WriteString(`<li><a href="#` + html.EscapeString(h.ID) + `">` + html.EscapeString(h.Text) + "</a>")
	}
	if depth == 0 {
		return ""
	}
	for ; depth > 0; depth-- {
		b.WriteString("</li></ul>")
	}
	b.WriteString("</nav>")
	return template.HTML(b.String())
}
