// Package linkcheck is check's walk over a built site: it follows every
// href and src in the HTML and reports each that leads to no file, or to a
// #fragment the target lacks, and any id that more than one element of a
// page has. Links to other sites are not followed; absolute links into the
// site itself (from baseURL) are.
//
// A Checker is a render.Output: it keeps of each file only its path, and
// of each HTML page its links and ids, never the pages themselves, so a
// check of a large site needs little memory. It is a render.TextLinker
// too: a broken link that a page's text holds is reported where the text
// has it (content/x.zh.md:12:5), not in the built page.
package linkcheck

import (
	"fmt"
	"html"
	"net/url"
	"path"
	"regexp"
	"strings"
	"sync"

	"westcoast/generator/model"
	"westcoast/generator/render"
)

var (
	linkAttr = regexp.MustCompile(`\s(?:href|src)="([^"]*)"`)
	idAttr   = regexp.MustCompile(`\sid="([^"]*)"`)
)

// Checker gathers what it needs of a site as render writes it.
type Checker struct {
	base  string // the site's baseURL: links that start with it are the site's own
	mu    sync.Mutex
	files map[string]bool
	pages map[string]*page // HTML files
	// text holds, for each page, the links of its text with where they
	// are written.
	text map[string][]render.TextLink
}

type page struct {
	links []string       // href and src values, unescaped
	ids   map[string]int // how many elements have each id
}

// New returns an empty Checker.
func New() *Checker {
	return &Checker{files: map[string]bool{}, pages: map[string]*page{}, text: map[string][]render.TextLink{}}
}

// TextLinks records where the links of a page's text are written.
func (c *Checker) TextLinks(path string, links []render.TextLink) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.text[path] = links
}

// Write records a file: its path, and for a page its links and ids.
func (c *Checker) Write(name string, data []byte) error {
	var pg *page
	if strings.HasSuffix(name, ".html") {
		doc := string(data)
		pg = &page{ids: map[string]int{}}
		for _, m := range linkAttr.FindAllStringSubmatch(doc, -1) {
			pg.links = append(pg.links, m[1])
		}
		for _, m := range idAttr.FindAllStringSubmatch(doc, -1) {
			pg.ids[html.UnescapeString(m[1])]++
		}
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.files[name] = true
	if pg != nil {
		c.pages[name] = pg
	}
	return nil
}

// Check reports every problem found, one a line, or nil. baseURL is where
// the site is published: links that start with it are the site's own.
func (c *Checker) Check(baseURL string) error {
	c.base = baseURL
	var list model.Errors
	for name, pg := range c.pages {
		for _, raw := range pg.links {
			link := html.UnescapeString(raw)
			msg := c.checkLink(name, link)
			if msg == "" {
				continue
			}
			for _, at := range c.written(name, link) {
				list = append(list, at.Errorf("link %q: %s", link, msg))
			}
		}
		for id, n := range pg.ids {
			if n > 1 {
				list = append(list, model.Errorf("public/"+name, 0, 0, "id %q is on %d elements", id, n))
			}
		}
	}
	if err := list.Err(); err != nil {
		problems := err.(model.Errors) // sorted by place, each once
		return fmt.Errorf("%d problems in the built pages:\n%s", len(problems), problems.Error())
	}
	return nil
}

// written says where a page's link is written: at each place in its
// text that has it, or else in the built page (a link the layouts make).
func (c *Checker) written(page, link string) []model.Pos {
	var at []model.Pos
	for _, l := range c.text[page] {
		if l.Href == link {
			at = append(at, l.Pos)
		}
	}
	if len(at) == 0 {
		at = append(at, model.Pos{File: "public/" + page})
	}
	return at
}

func (c *Checker) checkLink(from, link string) string {
	inSite := strings.HasPrefix(link, c.base)
	if inSite {
		link = strings.TrimPrefix(link, c.base)
		from = "index.html" // resolve from the site root
	} else if u, err := url.Parse(link); err != nil {
		return "not a URL"
	} else if u.Scheme != "" || strings.HasPrefix(link, "//") {
		return "" // another site
	}
	target, frag, _ := strings.Cut(link, "#")
	if f, err := url.PathUnescape(frag); err == nil {
		frag = f // goldmark escapes a heading id in Chinese: #%E6%96%B0...
	}
	target, _, _ = strings.Cut(target, "?")
	var p string
	switch {
	case target == "" && inSite:
		p = "index.html"
	case target == "":
		p = from
	case strings.HasPrefix(target, "/"):
		return "site-root link: links must be relative so the site works under a subpath"
	default:
		p = path.Join(path.Dir(from), target)
		if strings.HasSuffix(target, "/") || target == "." || target == ".." {
			p = path.Join(p, "index.html")
		}
	}
	if strings.HasPrefix(p, "../") || p == ".." {
		return "leads outside the site"
	}
	if !c.files[p] {
		if c.files[path.Join(p, "index.html")] {
			return "folder link without a trailing slash"
		}
		return "no such file"
	}
	if frag != "" && c.pages[p].ids[frag] == 0 {
		return fmt.Sprintf("%s has no id %q", p, frag)
	}
	return ""
}
