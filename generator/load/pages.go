package load

import "westcoast/generator/model"

// pageBlock hands out a site's pages from blocks of pageBlockSize rather
// than one allocation each. The collector follows every pointer to a page
// on every cycle, and looking up the span of each of 200,000 small pages
// missed the processor's cache; the spans of a few dozen large blocks stay
// in it. A block lives as long as any of its pages, which live as long as
// the model.
type pageBlock struct {
	free []model.Page
}

// pageBlockSize is the number of pages in a block: 2 MiB of them, made
// as pages are, so that a large site's pages do not all come at once,
// before the parsed files they are made from can be let go.
const pageBlockSize = 4096

// page returns a new page holding p.
func (s *pageBlock) page(p model.Page) *model.Page {
	if len(s.free) == 0 {
		s.free = make([]model.Page, pageBlockSize)
	}
	np := &s.free[0]
	*np = p
	s.free = s.free[1:]
	return np
}
