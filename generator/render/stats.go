package render

import (
	"sync"
	"sync/atomic"

	"westcoast/generator/model"
)

// Stats count what a render makes as it makes it: how many of the site's
// pages are rendered so far, for a build's progress line, and what was
// written, for its summary. Progress may be read while the render runs;
// the rest once it has returned. A nil *Stats counts nothing, so that the
// preview and check, which show neither, pass none.
type Stats struct {
	total, done atomic.Int64
	mu          sync.Mutex
	langs       []*Counts
	// Static are the files copied unchanged (the layouts' assets, the
	// content's other files); Resized the resized copies of images.
	Static, Resized int
}

// Counts are what a render wrote in one language.
type Counts struct {
	Lang *model.Language
	// Pages are the pages rendered, each once; Pagers the further pages
	// of lists that paginate (<URL>page/2/ and on); Aliases the redirect
	// pages; Feeds the Atom feeds.
	Pages, Pagers, Aliases, Feeds int
}

// Progress says how many of the site's pages have been rendered, of how
// many; total is 0 until rendering starts (the site is still loading).
func (s *Stats) Progress() (done, total int) {
	return int(s.done.Load()), int(s.total.Load())
}

// Languages are the counts of each language, in the site's order.
func (s *Stats) Languages() []Counts {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]Counts, len(s.langs))
	for i, c := range s.langs {
		out[i] = *c
	}
	return out
}

// start readies the counts for a site's render.
func (s *Stats) start(site *model.Site) {
	if s == nil {
		return
	}
	s.mu.Lock()
	s.langs = make([]*Counts, len(site.Languages))
	for i, l := range site.Languages {
		s.langs[i] = &Counts{Lang: l}
	}
	s.mu.Unlock()
	s.total.Store(int64(len(site.Pages)))
}

// count adds to a language's counts.
func (s *Stats) count(l *model.Language, add func(*Counts)) {
	if s == nil {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, c := range s.langs {
		if c.Lang == l {
			add(c)
		}
	}
}

// rendered counts a page done, with its redirect pages if it was written.
func (s *Stats) rendered(p *model.Page, err error) {
	if s == nil {
		return
	}
	s.done.Add(1)
	if err == nil {
		s.count(p.Lang, func(c *Counts) { c.Pages++; c.Aliases += len(p.Aliases) })
	}
}

// pagers counts the further pages of a list written.
func (s *Stats) pagers(l *model.Language, n int) {
	s.count(l, func(c *Counts) { c.Pagers += n })
}

// feed counts a feed written.
func (s *Stats) feed(l *model.Language) {
	s.count(l, func(c *Counts) { c.Feeds++ })
}

// files counts the files copied and the images resized, once they are
// written.
func (s *Stats) files(static, resized int) {
	if s != nil {
		s.Static, s.Resized = static, resized
	}
}
