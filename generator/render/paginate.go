package render

import (
	"fmt"

	"westcoast/generator/model"
)

// Pager is one page of a list page's members, as Hugo's .Paginator: a
// list page whose template asks for .Paginator is written once per pager,
// the first at its URL and the others at <URL>page/<n>/, each with
// paginate (config.toml) of its members.
type Pager struct {
	// Pages are this pager's members.
	Pages      []*model.Page
	PageNumber int // from 1
	TotalPages int
	// URL is the site path of this pager, for .Rel and .Abs.
	URL  string
	list *model.Page
	size int
}

// pagerState is what a page's rendering knows of its pagination: which
// pager it is writing, and whether the template asked for it.
type pagerState struct {
	number int
	used   bool
}

// Paginator is the pager being rendered. The first call on a list page
// makes the page one of several files.
func (p Page) Paginator() (*Pager, error) {
	if p.pager == nil {
		return nil, fmt.Errorf("only list pages (home, section, taxonomy, term) have a paginator")
	}
	p.pager.used = true
	return newPager(p.Page, p.pager.number, p.Site.Config.Paginate), nil
}

func newPager(list *model.Page, n, size int) *Pager {
	if size < 1 {
		size = max(1, len(list.Pages))
	}
	total := pagerCount(list, size)
	lo := min((n-1)*size, len(list.Pages))
	hi := min(lo+size, len(list.Pages))
	return &Pager{Pages: list.Pages[lo:hi], PageNumber: n, TotalPages: total, URL: list.PagerURL(n), list: list, size: size}
}

// pagerCount is how many pagers a list page has: at least one, even empty.
// A size below 1 (a model not made by load) puts every member on one.
func pagerCount(list *model.Page, size int) int {
	if size < 1 {
		return 1
	}
	return max(1, (len(list.Pages)+size-1)/size)
}

// HasPrev reports whether there is a pager before this one.
func (pg *Pager) HasPrev() bool { return pg.PageNumber > 1 }

// HasNext reports whether there is a pager after this one.
func (pg *Pager) HasNext() bool { return pg.PageNumber < pg.TotalPages }

// Prev is the pager before this one, or nil.
func (pg *Pager) Prev() *Pager {
	if !pg.HasPrev() {
		return nil
	}
	return newPager(pg.list, pg.PageNumber-1, pg.size)
}

// Next is the pager after this one, or nil.
func (pg *Pager) Next() *Pager {
	if !pg.HasNext() {
		return nil
	}
	return newPager(pg.list, pg.PageNumber+1, pg.size)
}

// First is the first pager.
func (pg *Pager) First() *Pager { return newPager(pg.list, 1, pg.size) }

// Last is the last pager.
func (pg *Pager) Last() *Pager { return newPager(pg.list, pg.TotalPages, pg.size) }

// Nearby are the pagers a row of page numbers shows: the first, the last,
// and those within n of this one, in order. Unlike Pagers, their number
// does not grow with the list.
func (pg *Pager) Nearby(n int) []*Pager {
	var out []*Pager
	for i := 1; i <= pg.TotalPages; i++ {
		if i == 1 || i == pg.TotalPages || (i >= pg.PageNumber-n && i <= pg.PageNumber+n) {
			out = append(out, newPager(pg.list, i, pg.size))
		} else if i < pg.PageNumber-n {
			i = pg.PageNumber - n - 1 // skip to the window
		} else {
			i = pg.TotalPages - 1 // skip to the last
		}
	}
	return out
}

// Pagers are all the pagers, for a row of page numbers.
func (pg *Pager) Pagers() []*Pager {
	out := make([]*Pager, pg.TotalPages)
	for i := range out {
		out[i] = newPager(pg.list, i+1, pg.size)
	}
	return out
}

// isList reports whether a page lists others and so may be paginated.
func isList(p *model.Page) bool {
	switch p.Kind {
	case model.KindHome, model.KindSection, model.KindTaxonomy, model.KindTerm:
		return true
	}
	return false
}
