package render

import (
	"errors"
	"fmt"
	"hash/fnv"
	"io"
	"maps"
	"sync"

	"westcoast/generator/model"
)

// Pieces renders a site a piece at a time: a page with every file it
// makes, the assets, or the files made from the whole site. The preview
// uses it to render again only what a change touched, the pages open in a
// browser first; Site is the same work done at once. A piece rendered by
// Pieces is the same bytes as the same file rendered by Site: it is the
// same code on the same model and layouts.
type Pieces struct {
	r       *renderer
	assets  []model.Asset
	sitemap sitemapPlan
	mu      sync.Mutex
	done    map[*model.Page]bool // rendered, or their passages kept
}

// NewPieces prepares to render site with layouts. Like Site, it refuses
// two files that would be written to one path, before anything is written.
func NewPieces(site *model.Site, layouts *Layouts) (*Pieces, error) {
	images := indexImages(site)
	sitemap := planSitemap(site, sitemapLimits{sitemapMaxURLs, sitemapMaxBytes})
	assets, err := planFiles(site, layouts, images, sitemap)
	if err != nil {
		return nil, err
	}
	r := newRenderer(site, layouts, nil, images)
	r.search.holdFiles()
	return &Pieces{r: r, assets: assets, sitemap: sitemap, done: map[*model.Page]bool{}}, nil
}

// Page renders one page of the site and gives every file it makes to out,
// so that the caller knows which files are the page's. Pages may be
// rendered concurrently.
func (ps *Pieces) Page(p *model.Page, out Output) error {
	err := ps.r.to(out).page(p)
	ps.mu.Lock()
	ps.done[p] = true
	ps.mu.Unlock()
	return err
}

// to returns a renderer like r that writes to out. It shares r's layouts,
// partialCached results and search index.
func (r *renderer) to(out Output) *renderer {
	c := *r
	c.out = out
	return &c
}

// Keep gives the search index the passages of pages from an earlier
// Pieces of the same site, for pages that need not be rendered again:
// their text, their facts and the layouts are as they were. It returns the
// pages from did not have, which must be rendered.
func (ps *Pieces) Keep(pages []*model.Page, from *Pieces) (missing []*model.Page) {
	from.mu.Lock()
	var kept []*model.Page
	for _, p := range pages {
		if was := from.r.site.Page(p.Lang.Code, p.Key); was != nil && from.done[was] {
			kept = append(kept, p)
		} else {
			missing = append(missing, p)
		}
	}
	from.mu.Unlock()
	for _, p := range kept {
		// The passages are the same; the page is indexed again with the
		// site files, since its number or its section's title may have
		// changed, and not while the editor waits for the page.
		if passages, ok := from.r.search.passagesOf(from.r.site.Page(p.Lang.Code, p.Key)); ok {
			ps.r.search.keep(p, passages)
		} else {
			ps.r.search.skip(p)
		}
	}
	ps.mu.Lock()
	for _, p := range kept {
		ps.done[p] = true
	}
	ps.mu.Unlock()
	return missing
}

// Assets copies the layouts' and the content's files that are not pages
// to out.
func (ps *Pieces) Assets(out Output) error {
	r := ps.r.to(out)
	return errors.Join(r.assets(ps.assets), r.writeImages())
}

// SiteFiles writes the files made from the whole site but the assets to
// out: the 404 pages, feeds, search indexes, sitemap and robots.txt. Every
// page must have been rendered or kept first, for the search indexes.
func (ps *Pieces) SiteFiles(out Output) error {
	ps.mu.Lock()
	for _, p := range ps.r.site.Pages {
		if !ps.done[p] {
			ps.mu.Unlock()
			return fmt.Errorf("internal error: the site files wait for %s", newPage(p).what())
		}
	}
	ps.mu.Unlock()
	return group(append(ps.r.to(out).siteFiles(ps.sitemap), ps.r.links.check()))
}

// Report puts together the faults of pieces rendered at different times,
// with those of the layouts, as Site reports them: each fault once, in
// order of position, a template fault met by many pages in one line.
func (ps *Pieces) Report(errs []error) error {
	return group(append(errs, ps.r.layouts.err))
}

// LayoutSum says, for each page, whether the layouts that render it have
// changed: two Layouts give a page the same sum when it would be rendered
// the same with either. A page's sum covers the page template its lookup
// finds (or the fault it meets), the base layout, the partials and every
// other template that is not a page template, the ids the layouts reserve
// in content, which the conversion of every page's text depends on, and
// whether any template uses the search index, which every page is then
// read for. Other page templates and the assets do not count: a change to
// zones/page.html renders only the pages that use it again, and one to
// site.css no page.
type LayoutSum struct {
	l      *Layouts
	shared uint64
	pages  map[string]uint64 // the sum of each page template, by name
}

// SumLayouts prepares the sums of the pages rendered with l.
func SumLayouts(l *Layouts) LayoutSum {
	h := fnv.New64a()
	for _, name := range sortedKeys(l.src) {
		if !isPageTemplate(name) {
			fmt.Fprintf(h, "%s\x00%d\x00%s\x00", name, len(l.src[name]), l.src[name])
		}
	}
	for _, id := range sortedKeys(l.ids) {
		fmt.Fprintf(h, "id %s %s\x00", id, l.ids[id])
	}
	fmt.Fprintf(h, "search index %v\x00", l.searched)
	s := LayoutSum{l: l, shared: h.Sum64(), pages: map[string]uint64{}}
	for name, lay := range l.sets {
		h := fnv.New64a()
		fmt.Fprintf(h, "%d\x00%s\x00%s\x00%s", s.shared, name, lay.entry, l.src[name])
		s.pages[name] = h.Sum64()
	}
	return s
}

// Page is the sum of the layouts that render p.
func (s LayoutSum) Page(p *model.Page) uint64 {
	lay, skip, err := s.l.lookup(p)
	if err == nil && !skip {
		return s.pages[lay.name]
	}
	h := fnv.New64a()
	fmt.Fprintf(h, "%d\x00", s.shared)
	if err != nil {
		io.WriteString(h, "fault "+err.Error())
	} else {
		io.WriteString(h, "skipped")
	}
	return h.Sum64()
}

// Same reports whether every page has the same sum with s as with o: only
// assets, or nothing, changed between them.
func (s LayoutSum) Same(o LayoutSum) bool {
	return s.shared == o.shared && maps.Equal(s.pages, o.pages)
}

// NotFound is the sum of the layouts that render the 404 pages.
func (s LayoutSum) NotFound() uint64 {
	if sum, ok := s.pages[model.NotFoundFile]; ok {
		return sum
	}
	return s.shared
}
