package load

import (
	"errors"
	"io/fs"
	"path"
	"reflect"
	"strings"
	"time"

	"westcoast/generator/model"
)

// Reads reports whether the loader reads the file at name (a path in the
// source, with slashes): config.toml and everything under content/. A
// change to any other file leaves the model as it is.
func Reads(name string) bool {
	name = path.Clean(name)
	return name == ConfigFile || name == ContentDir || strings.HasPrefix(name, ContentDir+"/") || name == "."
}

// Update loads a site again after the files named in changed (paths in the
// source, with slashes) have changed. old is the site the last load with
// the same options and opts.Cache returned, or nil; Update needs that
// cache. Besides the site, it returns the pages whose text alone changed
// when that is all that changed, or nil when anything may have (old itself
// comes back when no file the loader reads changed).
//
// An edit to a page's text alone, below its front matter, is the common
// case and changes nothing else in the model: no title, no link, no list.
// Then the new site is old's page graph copied, with those pages' Body
// where their text now is, which costs a small part of a load on a large
// site. Whether an edit is of that kind is decided from what parsing the
// file yields, not from its text: anything parsing derives from a file,
// now or later, other than where the text is, sends Update the next way.
//
// An edit to what a page's front matter says of the page alone (its title,
// description, summary, params, layout) changes no link between pages
// either: then the new site is old's page graph copied, with those pages
// made again from their files (see frontedit.go). Any other edit sends
// Update the long way, a whole load (with the cache's files).
func Update(fsys fs.FS, opts Options, old *model.Site, changed []string) (*model.Site, []*model.Page, error) {
	c := opts.Cache
	var read []string
	for _, name := range changed {
		if name = path.Clean(name); Reads(name) && !c.passing(fsys, old, name) {
			read = append(read, name)
		}
	}
	if len(read) == 0 && old != nil {
		return old, nil, nil
	}
	now := opts.Now
	if now.IsZero() {
		now = time.Now()
	}
	if site, texts := c.textOnly(fsys, old, read, now); site != nil {
		return site, texts, nil
	}
	if site := c.frontMatterOnly(fsys, old, read, now); site != nil {
		return site, nil, nil
	}
	inPlace := c != nil
	for _, name := range read {
		inPlace = inPlace && c.changedInPlace(fsys, name)
	}
	var files []contentFile
	if inPlace { // no file came or went: content/ need not be listed again
		files = c.listing()
	}
	for _, name := range read {
		c.Forget(name)
	}
	c.keepListing(files)
	site, err := Site(fsys, opts)
	c.loaded(site)
	return site, nil, err
}

// passing reports whether name is a file that came and went since old was
// loaded: an editor's temporary file (vim's 4913, sed's sedXXXXXX) that
// must not cost a whole load.
func (c *Cache) passing(fsys fs.FS, old *model.Site, name string) bool {
	if c == nil || old == nil || c.lastSite() != old {
		return false
	}
	_, err := fs.Stat(fsys, name)
	return errors.Is(err, fs.ErrNotExist) && !c.wasListed(name)
}

// textOnly returns old with new texts for the pages whose files are named,
// and those pages, when nothing but their texts changed; otherwise nil.
func (c *Cache) textOnly(fsys fs.FS, old *model.Site, names []string, now time.Time) (*model.Site, []*model.Page) {
	if c == nil || old == nil || c.lastSite() != old || !c.current(now) {
		// The cache may hold files that old was not made from.
		return nil, nil
	}
	texts := map[string]model.Text{}
	fresh := map[string]*sourceFile{}
	for _, name := range names {
		sf, ok := c.sameButText(fsys, name)
		if !ok {
			return nil, nil
		}
		texts[name], fresh[name] = sf.body, sf
	}
	site := cloneSite(old)
	var pages []*model.Page
	for _, p := range site.Pages {
		if t, ok := texts[p.Source]; ok {
			p.Body = t
			pages = append(pages, p)
		}
	}
	if len(pages) != len(texts) {
		// A draft left out, or a file that is no page: let a load decide.
		return nil, nil
	}
	for name, sf := range fresh {
		c.putText(name, sf)
	}
	c.loaded(site)
	return site, pages
}

// putText keeps sf, the file at name parsed again, which differs from
// what the cache holds of it in its text alone: so does the page made from
// it, which a later edit of its front matter compares with (redraft).
func (c *Cache) putText(name string, sf *sourceFile) {
	was, _, _ := c.get(name)
	c.put(name, sf, nil)
	c.mu.Lock()
	defer c.mu.Unlock()
	if d, ok := c.pages[name]; ok && d.sf == was {
		d.sf, d.page.Body = sf, sf.body
		c.pages[name] = d
	}
}

// sameButText parses the Markdown file at name again and reports whether
// it yields what the cache holds of it but for where its text is.
func (c *Cache) sameButText(fsys fs.FS, name string) (*sourceFile, bool) {
	was, _, ok := c.get(name)
	if !ok || was == nil || !strings.HasSuffix(name, ".md") {
		return nil, false
	}
	data, err := fs.ReadFile(fsys, name)
	if err != nil {
		return nil, false
	}
	c.mu.Lock()
	sc := c.schema
	c.mu.Unlock()
	sf, err := parseFile(name, data, sc)
	if err != nil {
		return nil, false
	}
	a, b := *was, *sf
	a.body, b.body = model.Text{}, model.Text{}
	return sf, reflect.DeepEqual(a, b)
}

// loaded records the site the cache's files last made, or nil after a
// load that failed.
func (c *Cache) loaded(site *model.Site) {
	if c != nil {
		c.mu.Lock()
		c.last = site
		c.mu.Unlock()
	}
}

func (c *Cache) lastSite() *model.Site {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.last
}
