package render

import (
	"errors"
	"maps"
	"slices"
	"strings"
	"sync"

	"westcoast/generator/markdown"
	"westcoast/generator/model"
	"westcoast/generator/par"
	"westcoast/generator/search"
)

// searchIndex gives each page to the search index as the page renders, and
// writes the page's own index file at once, so that the build holds each
// key's postings, not the site's text.
//
// A preview's index (see Pieces) holds the pages' files until the site
// files are made instead, since a page's number, and so its file's name,
// changes when a page before it comes or goes; and it keeps each page's
// passages, for the next render of the site to take up (keep).
type searchIndex struct {
	site  *model.Site
	used  bool                // by a layout: else the index takes no page, makes no file
	ids   map[*model.Page]int // document numbers, in the site's page order
	langs []search.Language
	// b is nil once the index is written, and from the start when no
	// layout uses the index: then it takes no page and makes no file.
	// made is set once files has run. A preview may render a page of
	// the same site again after that; the written index does not take it
	// (the next load's index will), so add and skip leave it alone, under
	// a read lock that keeps files from letting b go under them.
	written sync.RWMutex
	b       *search.Builder
	made    bool

	hold      bool
	mu        sync.Mutex
	fragments map[int][]byte
	passages  map[*model.Page][]markdown.Passage
	// kept are the pages whose passages came from the last render, to be
	// indexed with the site files rather than while an editor waits.
	kept []*model.Page
}

// newSearchIndex returns the site's index: unless a layout uses it, one
// that takes no page and makes no file.
func newSearchIndex(site *model.Site, used bool) *searchIndex {
	s := &searchIndex{site: site, used: used, ids: map[*model.Page]int{}}
	if !used {
		return s
	}
	for _, p := range site.Pages {
		if !searchable(p) {
			continue
		}
		id := len(s.ids)
		s.ids[p] = id
		if n := len(s.langs); n == 0 || s.langs[n-1].Code != p.Lang.Code {
			s.langs = append(s.langs, search.Language{Code: p.Lang.Code, Name: p.Lang.Name, From: id})
		}
		s.langs[len(s.langs)-1].To = id + 1
	}
	s.b = search.NewBuilder(len(s.ids))
	return s
}

// holdFiles makes s a preview's index.
func (s *searchIndex) holdFiles() {
	s.hold = true
	s.fragments = map[int][]byte{}
	s.passages = map[*model.Page][]markdown.Passage{}
}

// searchable: the search pages do not find themselves.
func searchable(p *model.Page) bool { return p.Layout != "search" }

// add indexes a page and writes its file to out, unless the index is
// written already.
func (s *searchIndex) add(out Output, p *model.Page, passages []markdown.Passage) error {
	s.written.RLock()
	defer s.written.RUnlock()
	if s.b == nil {
		return nil
	}
	return s.index(s.b, out, p, passages)
}

// index gives a page to b and writes its file to out, or holds it.
func (s *searchIndex) index(b *search.Builder, out Output, p *model.Page, passages []markdown.Passage) error {
	id, ok := s.ids[p]
	if !ok {
		return nil
	}
	list := docPassages.Get().(*[]search.Passage)
	defer docPassages.Put(list)
	*list = (*list)[:0]
	for _, ps := range passages {
		*list = append(*list, search.Passage{Text: ps.Text, Anchor: ps.Anchor, Heading: ps.Heading})
	}
	d := search.Doc{
		Title:       p.Title,
		URL:         strings.TrimPrefix(p.URL, "/"),
		Description: p.Description,
		Passages:    *list,
		Group:       id,
	}
	if p.Parent != nil && p.Parent.Kind != model.KindHome {
		d.Section = p.Parent.Title
	}
	for _, a := range p.Alternates { // in language order: the first indexed one is the group
		if g, ok := s.ids[a]; ok {
			d.Group = g
			break
		}
	}
	if s.hold {
		fragment := b.Add(id, d)
		s.mu.Lock()
		s.fragments[id], s.passages[p] = fragment, passages
		s.mu.Unlock()
		return nil
	}
	// A build writes the file at once, from a buffer the next page reuses.
	buf := fragmentBufs.Get().(*[]byte)
	defer fragmentBufs.Put(buf)
	*buf = b.AppendDoc((*buf)[:0], id, d)
	return out.Write(model.SearchDir+search.FragmentPath(id), *buf)
}

// docPassages are the lists of passages documents are given to the search
// index in: it reads them and keeps none.
var docPassages = sync.Pool{New: func() any { return new([]search.Passage) }}

// fragmentBufs are the buffers a build's pages' search files are made in.
var fragmentBufs = sync.Pool{New: func() any { return new([]byte) }}

// passagesOf returns the passages a preview's index was given for p, if
// any.
func (s *searchIndex) passagesOf(p *model.Page) ([]markdown.Passage, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	passages, ok := s.passages[p]
	return passages, ok
}

// keep gives a preview's index p's passages from the last render, to be
// indexed when the site files are made.
func (s *searchIndex) keep(p *model.Page, passages []markdown.Passage) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.passages[p] = passages
	s.kept = append(s.kept, p)
}

// indexKept gives b the pages keep was given.
func (s *searchIndex) indexKept(b *search.Builder) error {
	s.mu.Lock()
	kept := s.kept
	s.kept = nil
	s.mu.Unlock()
	errs := make([]error, len(kept))
	par.Do(len(kept), func(i int) {
		passages, _ := s.passagesOf(kept[i])
		errs[i] = s.index(b, nil, kept[i], passages)
	})
	return errors.Join(errs...)
}

// skip stands in for a page that could not be rendered, so that the index
// does not wait for it.
func (s *searchIndex) skip(p *model.Page) {
	s.written.RLock()
	defer s.written.RUnlock()
	if id, ok := s.ids[p]; ok && s.b != nil {
		s.b.Add(id, search.Doc{Group: id})
	}
}

// files writes the manifest and the shards, once every page is in, and
// the pages' own files a preview's index held; then it lets the index go:
// its postings are most of what a large site's build holds by then, with
// the sitemap still to make. It is called once.
func (s *searchIndex) files(out Output) error {
	s.written.Lock()
	b, made := s.b, s.made
	s.b, s.made = nil, true
	s.written.Unlock()
	switch {
	case made:
		return errors.New("internal error: the search index was written already")
	case b == nil:
		return nil // no layout uses it
	}
	if err := s.indexKept(b); err != nil {
		return err
	}
	s.mu.Lock()
	fragments := s.fragments
	s.fragments = nil
	s.mu.Unlock()
	for _, id := range slices.Sorted(maps.Keys(fragments)) {
		if err := out.Write(model.SearchDir+search.FragmentPath(id), fragments[id]); err != nil {
			return err
		}
	}
	return b.Finish(s.langs, search.DefaultShardSize, func(path string, data []byte) error {
		return out.Write(model.SearchDir+path, data)
	})
}
