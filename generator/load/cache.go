package load

import (
	"html/template"
	"io/fs"
	"path"
	"slices"
	"strings"
	"sync"
	"time"

	"westcoast/generator/model"
)

// Cache keeps the parsed content files of one site between loads, for the
// preview, which loads the site again after every change: decoding the
// front matter of every file is most of a load, and an edit changes one or
// two files. It never looks at a file's time or size (a file rewritten
// within the clock's resolution looks unchanged): its user says which files
// changed, with Forget. A change to config.toml, which says how front
// matter is read, empties it.
//
// A Cache is given to Site in Options; it is safe for one load at a time.
type Cache struct {
	mu     sync.Mutex
	config string // the config.toml the entries were parsed under
	schema schema // and what it says front matter holds
	md     map[string]*sourceFile
	facts  map[string]*factsSource
	// last is the site the last load made from these files, or nil when
	// the last load failed: then the cache may hold files it was not made
	// from. files are those load found under content/, and listed the
	// same by path; files is nil when content/ must be listed again.
	last   *model.Site
	files  []contentFile
	listed map[string]bool
	// pages are what assembling made of each Markdown file, before any
	// link to another page, with the parsed files it was made from.
	pages map[string]pageDraft
	// cfg is the config the last good load read; until is when what it
	// left out for its dates changes (the first publishDate or expiryDate
	// after its Now), or zero for never.
	cfg   *siteConfig
	until time.Time
	// summaries are the converted summaries of parsed files that quote
	// no figure, which depend on the file alone.
	summaries map[*sourceFile]template.HTML
}

// pageDraft is a page as addFile made it from its files.
type pageDraft struct {
	sf   *sourceFile
	fa   *factsSource
	page model.Page
	errs model.Errors
}

// keepPage keeps the page addFile made from f, before it is linked to
// other pages.
func (c *Cache) keepPage(b *assembler, f contentFile, p *model.Page, errs model.Errors) {
	if c == nil {
		return
	}
	sf := b.parsed[f.path]
	d := pageDraft{sf: sf, fa: b.groupFacts[groupOf(f.key, sf.fm)], page: *p, errs: slices.Clone(errs)}
	c.mu.Lock()
	c.pages[f.path] = d
	c.mu.Unlock()
}

// redo adds the page made from f again, as addFile made it from the same
// parsed files, but for what belongs to this load: its site and language.
// Building it again is most of the time of assembling a large site. It
// reports whether it did.
func (c *Cache) redo(b *assembler, f contentFile) bool {
	if c == nil {
		return false
	}
	c.mu.Lock()
	d, ok := c.pages[f.path]
	c.mu.Unlock()
	if !ok || d.sf != b.parsed[f.path] || d.fa != b.groupFacts[groupOf(f.key, d.sf.fm)] || b.byKey[f.key][f.lang] != nil {
		return false // changed, or a duplicate for addFile to report
	}
	p := b.pages.page(d.page)
	p.Site, p.Lang = b.views[f.lang], model.FindLanguage(b.langs, f.lang)
	b.errs = append(b.errs, d.errs...)
	b.add(p)
	return true
}

// made records what a good load was made under: its config, and until
// when its dates leave the same pages out.
func (c *Cache) made(cfg *siteConfig, until time.Time) {
	if c != nil {
		c.mu.Lock()
		c.cfg, c.until = cfg, until
		c.mu.Unlock()
	}
}

// current reports whether a load at now would leave out, for their
// dates, the pages the last good load left out.
func (c *Cache) current(now time.Time) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.until.IsZero() || now.Before(c.until)
}

// NewCache returns an empty cache.
func NewCache() *Cache {
	return &Cache{md: map[string]*sourceFile{}, facts: map[string]*factsSource{}, pages: map[string]pageDraft{},
		summaries: map[*sourceFile]template.HTML{}}
}

// Forget drops what the cache holds of the file at name (a path in the
// source, with slashes), or of every file under it if it is a folder, and
// the list of files, since the file may have come or gone.
func (c *Cache) Forget(name string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.files = nil
	name = path.Clean(name)
	if name == ConfigFile || name == "." {
		c.reset("")
		return
	}
	under := func(p string) bool { return p == name || strings.HasPrefix(p, name+"/") }
	for p, sf := range c.md {
		if under(p) {
			delete(c.md, p)
			delete(c.summaries, sf)
		}
	}
	for p := range c.facts {
		if under(p) {
			delete(c.facts, p)
		}
	}
}

// use starts a load under the config text and its schema: entries parsed
// under another are dropped.
func (c *Cache) use(config string, sc schema) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.config != config {
		c.reset(config)
	}
	c.schema = sc
}

func (c *Cache) reset(config string) {
	c.config = config
	c.md = map[string]*sourceFile{}
	c.facts = map[string]*factsSource{}
	c.pages = map[string]pageDraft{}
	c.last, c.files, c.listed = nil, nil, nil
	c.cfg, c.until = nil, time.Time{}
	c.summaries = map[*sourceFile]template.HTML{}
}

// listContent lists content/ as the loader does, or returns the files the
// last load found when no file has come or gone since (see Update).
func (c *Cache) listContent(fsys fs.FS, cfg *siteConfig) ([]contentFile, error) {
	if c == nil {
		return listContent(fsys, cfg)
	}
	c.mu.Lock()
	files := c.files
	c.mu.Unlock()
	if files != nil {
		return files, nil
	}
	files, err := listContent(fsys, cfg)
	if err != nil {
		return nil, err
	}
	listed := make(map[string]bool, len(files))
	for _, f := range files {
		listed[f.path] = true
	}
	c.mu.Lock()
	c.files, c.listed = files, listed
	c.mu.Unlock()
	return files, nil
}

// changedInPlace reports whether name is a file that the last load found
// and that is still there: its change leaves the list of files as it is.
func (c *Cache) changedInPlace(fsys fs.FS, name string) bool {
	c.mu.Lock()
	listed := c.listed[name]
	c.mu.Unlock()
	if !listed {
		return false
	}
	info, err := fs.Stat(fsys, name)
	return err == nil && info.Mode().IsRegular()
}

func (c *Cache) listing() []contentFile {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.files
}

// keepListing has the next load take files as the list of content/ (if
// not nil).
func (c *Cache) keepListing(files []contentFile) {
	if c != nil && files != nil {
		c.mu.Lock()
		c.files = files
		c.mu.Unlock()
	}
}

// wasListed reports whether the last load found the file name, or files
// under it.
func (c *Cache) wasListed(name string) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.listed[name] {
		return true
	}
	for p := range c.listed {
		if strings.HasPrefix(p, name+"/") {
			return true
		}
	}
	return false
}

// get returns the parsed file at p, if the cache has it.
func (c *Cache) get(p string) (*sourceFile, *factsSource, bool) {
	if c == nil {
		return nil, nil, false
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if sf, ok := c.md[p]; ok {
		return sf, nil, true
	}
	fa, ok := c.facts[p]
	return nil, fa, ok
}

// put keeps a file that parsed without faults.
func (c *Cache) put(p string, sf *sourceFile, fa *factsSource) {
	if c == nil {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if sf != nil {
		if was := c.md[p]; was != sf {
			delete(c.summaries, was)
		}
		c.md[p] = sf
	} else if fa != nil {
		c.facts[p] = fa
	}
}

// summary returns the converted summary of sf, if the cache keeps it.
func (c *Cache) summary(sf *sourceFile) (template.HTML, bool) {
	if c == nil {
		return "", false
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	html, ok := c.summaries[sf]
	return html, ok
}

// keepSummary keeps the converted summary of sf, a file the cache holds,
// which quotes no figure.
func (c *Cache) keepSummary(sf *sourceFile, html template.HTML) {
	if c == nil {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.md[sf.path] == sf {
		c.summaries[sf] = html
	}
}
