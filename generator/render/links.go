package render

import (
	"encoding/binary"
	"net/url"
	"sort"
	"strings"
	"sync"

	"westcoast/generator/markdown"
	"westcoast/generator/model"
)

// TextLink is a link written in a page's text, with the href it is
// published as.
type TextLink struct {
	Href string
	Pos  model.Pos
}

// TextLinker is an Output that wants to know where the links of each
// page's text are written, to report a broken one there rather than in
// the built file: check's link walk is one.
type TextLinker interface {
	Output
	TextLinks(path string, links []TextLink)
}

// contentLinks resolves the links of pages' texts to content files
// ("dongjiakou.md#figures") as each page converts, and checks their
// #fragments once every page has: a page's heading ids are known only
// when it is converted, which may be after the pages that link to it.
type contentLinks struct {
	reserved map[string]string // the layouts' ids
	record   bool              // the output wants TextLinks
	mu       sync.Mutex
	ids      map[*model.Page]idList // heading ids of each converted page
	pending  []fragmentLink
}

// idList is a page's heading ids in one string, each after its length
// (a uvarint): every page's ids are kept until the last page is
// rendered, and one string a page is a fraction of a list of strings.
type idList string

func packIDs(ids []string) idList {
	var n [binary.MaxVarintLen64]byte
	size := 0
	for _, id := range ids {
		size += binary.PutUvarint(n[:], uint64(len(id))) + len(id)
	}
	var b strings.Builder
	b.Grow(size)
	for _, id := range ids {
		b.Write(n[:binary.PutUvarint(n[:], uint64(len(id)))])
		b.WriteString(id)
	}
	return idList(b.String())
}

func (l idList) has(id string) bool {
	for len(l) > 0 {
		n, w := binary.Uvarint([]byte(l[:min(len(l), binary.MaxVarintLen64)]))
		l = l[w:]
		if string(l[:n]) == id {
			return true
		}
		l = l[n:]
	}
	return false
}

// fragmentLink is a link to an id of a page, to be checked at the end.
type fragmentLink struct {
	at     model.Pos
	dest   string // as written
	target *model.Page
	id     string
}

func newContentLinks(reserved map[string]string, out Output) *contentLinks {
	_, record := out.(TextLinker)
	return &contentLinks{reserved: reserved, record: record, ids: map[*model.Page]idList{}}
}

// of is what the converter does with the links of p's text.
func (c *contentLinks) of(p *model.Page) markdown.Links {
	return markdown.Links{Record: c.record, Resolve: func(l markdown.Link) (string, error) { return c.resolve(p, l) }}
}

// resolve turns a link to a content file into the relative URL of its
// page, and notes a #fragment to check.
func (c *contentLinks) resolve(p *model.Page, l markdown.Link) (string, error) {
	u, err := url.Parse(l.Dest)
	if err != nil || u.Scheme != "" || u.Host != "" || u.Opaque != "" {
		return l.Dest, nil // not a link within the site; check judges it
	}
	target := p
	out := l.Dest
	switch {
	case strings.HasSuffix(u.Path, ".md"):
		if target, err = p.ContentLink(u.Path); err != nil {
			return "", err
		}
		out = relative(p.URL+model.IndexFile, target.URL)
		if u.RawQuery != "" {
			out += "?" + u.RawQuery
		}
		if u.Fragment != "" {
			out += "#" + u.EscapedFragment()
		}
	case u.Path != "" || u.RawQuery != "":
		return l.Dest, nil
	}
	if u.Fragment != "" {
		c.mu.Lock()
		c.pending = append(c.pending, fragmentLink{at: textPos(p.Body, l.Line, l.Col), dest: l.Dest, target: target, id: u.Fragment})
		c.mu.Unlock()
	}
	return out, nil
}

// converted notes a page's heading ids, and hands its text's links to an
// output that wants them.
func (c *contentLinks) converted(p *model.Page, doc markdown.Doc, out Output, path string) {
	ids := packIDs(doc.HeadingIDs)
	c.mu.Lock()
	c.ids[p] = ids
	c.mu.Unlock()
	if tl, ok := out.(TextLinker); ok && len(doc.Links) > 0 {
		links := make([]TextLink, len(doc.Links))
		for i, l := range doc.Links {
			links[i] = TextLink{Href: l.Href, Pos: textPos(p.Body, l.Line, l.Col)}
		}
		tl.TextLinks(path, links)
	}
}

// check reports each link to an id that its page does not have: not a
// heading's, a figure's or one the layouts write. A page that could not be
// converted has its own error, and is not judged here.
func (c *contentLinks) check() error {
	var errs model.Errors
	for _, f := range c.pending {
		ids, converted := c.ids[f.target]
		if !converted && f.target.Body.File != "" {
			continue
		}
		if ids.has(f.id) || ownID(f.target, f.id) || c.reserved[f.id] != "" {
			continue
		}
		errs = append(errs, f.at.Errorf("link %q: %s has no heading or figure with the id %q", f.dest, newPage(f.target).what(), f.id))
	}
	sort.SliceStable(errs, func(i, j int) bool { return errs[i].Error() < errs[j].Error() })
	return errs.Err()
}

// textPos places a line and column of a page's text in its file.
func textPos(t model.Text, line, col int) model.Pos {
	return model.Pos{File: t.File, Line: t.Line + line - 1, Col: col}
}

// ownID reports an id that the page's figures bring to its layout.
func ownID(p *model.Page, id string) bool {
	_, ok := p.IDUser(id)
	return ok
}
