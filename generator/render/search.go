package render

import (
	"encoding/json"
	"strings"
	"sync"

	"westcoast/generator/markdown"
	"westcoast/generator/model"
)

// searchDoc is one page in the search index. Keys are short because the
// index is downloaded by every reader who searches.
type searchDoc struct {
	Title    string   `json:"t"`
	URL      string   `json:"u"` // relative to the index file's folder
	Section  string   `json:"s,omitempty"`
	Passages []string `json:"p"`
}

// searchIndex gathers each page's passages as the page is rendered, from
// its converted text, in page order whatever order pages finish in.
type searchIndex struct {
	site *model.Site
	mu   sync.Mutex
	docs map[*model.Page][]markdown.Passage
}

func newSearchIndex(site *model.Site) *searchIndex {
	return &searchIndex{site: site, docs: map[*model.Page][]markdown.Passage{}}
}

func (s *searchIndex) add(p *model.Page, passages []markdown.Passage) {
	s.mu.Lock()
	s.docs[p] = passages
	s.mu.Unlock()
}

// file writes the pages of one language with their text cut into
// passages, so the search script can show the passage that matched. The
// script matches Chinese as substrings, which needs no word segmentation.
func (s *searchIndex) file(l *model.Language) ([]byte, error) {
	var docs []searchDoc
	for _, p := range s.site.Pages {
		if p.Lang != l || p.Layout == "search" {
			continue
		}
		d := searchDoc{Title: p.Title, URL: strings.TrimPrefix(p.URL, l.Root()), Passages: []string{}}
		if d.URL == "" {
			d.URL = "./"
		}
		if p.Parent != nil && p.Parent.Kind != model.KindHome {
			d.Section = p.Parent.Title
		}
		if p.Description != "" {
			d.Passages = append(d.Passages, p.Description)
		}
		for _, ps := range s.docs[p] {
			d.Passages = append(d.Passages, ps.Text)
		}
		docs = append(docs, d)
	}
	return json.Marshal(map[string]any{"pages": docs})
}
