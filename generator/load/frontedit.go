package load

import (
	"io/fs"
	"reflect"
	"time"

	"westcoast/generator/model"
)

// An edit to a page's front matter most often changes what the page says
// of itself (its title, description, summary, params) and nothing of where
// it stands among the others: its terms, weight, dates, slug, aliases,
// translation key and figures are as they were. Then the page graph of the
// last load holds: the same sections list the same pages in the same
// order, the same pages are related, neighbours and translations. The new
// site is that graph copied, with the edited pages' own fields made again
// from their files (and their summaries and images, which are theirs
// alone), which costs a small part of a whole load on a large site.
//
// Whether an edit is of that kind is decided by making the page again, as
// a load makes it before linking it to others, and comparing it with what
// the last load made, field by field, but for the fields ownFields
// names: a field added to the model later counts as part of the graph
// until it is named there. A title also orders lists (model.SortPages) and
// related pages, and names menu entries: the edit must leave those as they
// were (sameOrder, sameMenus). Anything else sends Update the long way.

// ownFields copies from d to p the fields of a page that its own files
// set and that no other page's fields are made from, but for the title's
// place in sorted lists and menus, which sameOrder and sameMenus check.
// Summary and Image are made from these after.
func ownFields(p, d *model.Page) {
	p.Title, p.LinkTitle, p.Description = d.Title, d.LinkTitle, d.Description
	p.Body, p.Params, p.KeyPos = d.Body, d.Params, d.KeyPos
	if p.Layout != d.Layout {
		x := *p.Extra // shared with other pages, or with the page that p copies
		x.Layout = d.Layout
		p.Extra = model.KeepExtra(&x)
	}
}

// frontEdit is an edited Markdown file and what the last load made of it.
type frontEdit struct {
	file  contentFile
	sf    *sourceFile // as parsed now
	was   pageDraft   // what the last load made of it
	draft *model.Page // the page made again from sf
	page  *model.Page // its page in the new site
	// quotes says whether its summary quotes a figure (summarize).
	quotes bool
}

// frontMatterOnly returns a copy of old in which the pages of the named
// Markdown files are made again from their front matter and text, when
// each edit is to the page's own fields alone; otherwise nil.
func (c *Cache) frontMatterOnly(fsys fs.FS, old *model.Site, names []string, now time.Time) *model.Site {
	if c == nil || old == nil || c.lastSite() != old || !c.current(now) {
		return nil
	}
	c.mu.Lock()
	cfg := c.cfg
	c.mu.Unlock()
	if cfg == nil {
		return nil
	}
	var edits []frontEdit
	seen := map[string]bool{}
	for _, name := range names {
		if seen[name] {
			continue // each page is made again once, from what it was
		}
		seen[name] = true
		e, ok := c.redraft(fsys, old, cfg, name)
		if !ok {
			return nil
		}
		edits = append(edits, e)
	}
	site := cloneSite(old)
	was := map[*model.Page]model.Page{}
	for i := range edits {
		e := &edits[i]
		e.page = site.PageBySource(e.file.path)
		if e.page == nil {
			return nil // left out of the build: a draft, a page still to come
		}
		was[e.page] = *e.page
		ownFields(e.page, e.draft)
	}
	if !sameOrder(site, was) || !sameMenus(site, was) {
		return nil
	}
	im, errs := newImager(fsys, site, cfg)
	if len(errs) > 0 {
		return nil
	}
	for i := range edits {
		e := &edits[i]
		// A fault is left for a whole load to report with the others.
		quotes, errs := summarize(e.page, e.sf.summarySource(e.sf))
		if len(errs) > 0 || im.set(e.page) != nil {
			return nil
		}
		e.quotes = quotes
	}
	for _, e := range edits {
		c.put(e.file.path, e.sf, nil)
		c.mu.Lock()
		c.pages[e.file.path] = pageDraft{sf: e.sf, fa: e.was.fa, page: *e.draft}
		c.mu.Unlock()
		if !e.quotes {
			c.keepSummary(e.sf, e.page.Summary)
		}
	}
	c.loaded(site)
	return site
}

// redraft parses the Markdown file at name again and makes its page as
// addFile does, with old's languages; ok is false unless the page differs
// from what the last load made of it in its own fields alone, without a
// fault.
func (c *Cache) redraft(fsys fs.FS, old *model.Site, cfg *siteConfig, name string) (e frontEdit, ok bool) {
	was, _, cached := c.get(name)
	c.mu.Lock()
	d, drafted := c.pages[name]
	sc := c.schema
	c.mu.Unlock()
	if !cached || was == nil || !drafted || d.sf != was || len(d.errs) > 0 {
		return e, false
	}
	f, listed := c.fileAt(name)
	if !listed || f.kind != markdownFile {
		return e, false
	}
	data, err := fs.ReadFile(fsys, name)
	if err != nil {
		return e, false
	}
	sf, err := parseFile(name, data, sc)
	if err != nil {
		return e, false
	}
	b := &assembler{cfg: old.Config, langs: old.Languages, src: cfg.src,
		parsed: map[string]*sourceFile{name: sf}, groupFacts: map[string]*factsSource{},
		views: map[string]*model.LangSite{}, byKey: map[string]map[string]*model.Page{}, byGroup: map[string]map[string]*model.Page{}}
	for _, v := range old.Views {
		b.views[v.Language.Code] = v
	}
	if d.fa != nil {
		// The facts of the page's translation key as it was: under another
		// key, the page is not the same (sameDraft).
		b.groupFacts[groupOf(f.key, was.fm)] = d.fa
	}
	b.addFile(f)
	p := b.byKey[f.key][f.lang]
	if len(b.errs) > 0 || p == nil || !sameDraft(&d.page, p) {
		return e, false
	}
	return frontEdit{file: f, sf: sf, was: d, draft: p}, true
}

// sameDraft reports whether two pages as addFile makes them differ in
// their own fields alone.
func sameDraft(was, now *model.Page) bool {
	a, b := *was, *now
	ownFields(&a, &b)
	// Each load has its own languages; the page's is the same by its key.
	a.Lang, a.Site, b.Lang, b.Site = nil, nil, nil, nil
	return reflect.DeepEqual(a, b)
}

// sameOrder reports whether the pages edited (was holds them as they
// were) keep their places in every list that holds them, and in the order
// of related pages: a title orders pages of the same weight.
func sameOrder(site *model.Site, was map[*model.Page]model.Page) bool {
	for p, before := range was {
		if p.Title == before.Title {
			continue
		}
		lists := [][]*model.Page{}
		if p.Parent != nil {
			lists = append(lists, p.Parent.Pages)
		}
		for _, terms := range p.Terms {
			for _, t := range terms {
				lists = append(lists, t.Pages)
			}
		}
		if p.Kind == model.KindTerm {
			for _, q := range p.Pages {
				lists = append(lists, q.Terms[p.Taxonomy])
			}
		}
		for _, list := range lists {
			for i := 1; i < len(list); i++ {
				if model.ComparePages(list[i-1], list[i]) >= 0 {
					return false
				}
			}
		}
		if p.Kind == model.KindPage && !sameRank(site, p, was) {
			return false
		}
	}
	return true
}

// sameRank reports whether p stands where it stood among the content pages
// of its language in the order relate ranks them.
func sameRank(site *model.Site, p *model.Page, was map[*model.Page]model.Page) bool {
	before := was[p]
	for _, q := range site.Pages {
		if q == p || q.Kind != model.KindPage || q.Lang != p.Lang {
			continue
		}
		then := q
		if w, ok := was[q]; ok {
			then = &w
		}
		if (model.CompareNewest(q, p) < 0) != (model.CompareNewest(then, &before) < 0) {
			return false
		}
	}
	return true
}

// sameMenus reports whether every menu entry of an edited page would have
// the name it had: an entry without a name of its own takes the page's.
func sameMenus(site *model.Site, was map[*model.Page]model.Page) bool {
	for _, v := range site.Views {
		for _, entries := range v.Menus {
			for _, e := range entries {
				if before, ok := was[e.Page]; ok && linkTitle(&before) != linkTitle(e.Page) {
					return false
				}
			}
		}
	}
	return true
}

// fileAt returns the content file at name as the last listing of
// content/ found it.
func (c *Cache) fileAt(name string) (contentFile, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if !c.listed[name] {
		return contentFile{}, false
	}
	for _, f := range c.files {
		if f.path == name {
			return f, true
		}
	}
	return contentFile{}, false
}
