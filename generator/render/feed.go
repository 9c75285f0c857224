package render

import (
	"cmp"
	"encoding/xml"
	"slices"
	"strings"
	"time"

	"westcoast/generator/model"
	"westcoast/generator/par"
)

type atomFeedXML struct {
	XMLName xml.Name    `xml:"feed"`
	NS      string      `xml:"xmlns,attr"`
	Lang    string      `xml:"xml:lang,attr"`
	Title   string      `xml:"title"`
	ID      string      `xml:"id"`
	Updated string      `xml:"updated"`
	Links   []atomLink  `xml:"link"`
	Author  atomAuthor  `xml:"author"`
	Entries []atomEntry `xml:"entry"`
}

type atomLink struct {
	Rel  string `xml:"rel,attr,omitempty"`
	Href string `xml:"href,attr"`
}

type atomAuthor struct {
	Name string `xml:"name"`
}

type atomEntry struct {
	Title     string    `xml:"title"`
	ID        string    `xml:"id"`
	Link      atomLink  `xml:"link"`
	Published string    `xml:"published,omitempty"`
	Updated   string    `xml:"updated"`
	Summary   *atomText `xml:"summary,omitempty"`
}

type atomText struct {
	Type string `xml:"type,attr"`
	Body string `xml:",chardata"`
}

// atomFeed lists the latest content pages of a list page, as many as
// services.rss.limit says, each with its summary: a feed stays small
// however large the site. The home page's feed is the language's, of
// every page; a section's holds the pages in it and in its subsections; a
// term's, the pages filed under it. Atom needs an update time; it is the
// site's configured date, never the clock, so builds stay identical.
func atomFeed(site *model.Site, list *model.Page) ([]byte, error) {
	base := site.Config.BaseURL
	updated := site.Config.Updated
	l := list.Lang
	title := l.Title
	if list.Kind != model.KindHome {
		title = list.Title + " · " + l.Title
	}
	feed := atomFeedXML{
		NS: "http://www.w3.org/2005/Atom", Lang: l.Code, Title: title,
		ID: absolute(base, list.URL), Updated: updated,
		Links: []atomLink{
			{Rel: "self", Href: absolute(base, list.FeedURL())},
			{Rel: "alternate", Href: absolute(base, list.URL)},
		},
		Author: atomAuthor{Name: l.Title},
	}
	for _, p := range latest(list, site.Config.FeedLimit) {
		u := absolute(base, p.URL)
		var summary *atomText
		switch {
		case p.Summary != "":
			summary = &atomText{Type: "html", Body: string(p.Summary)}
		case p.Description != "":
			summary = &atomText{Type: "text", Body: p.Description}
		}
		feed.Entries = append(feed.Entries, atomEntry{
			Title: p.Title, ID: u, Link: atomLink{Rel: "alternate", Href: u},
			Published: atomTime(p.PublishDate), Updated: cmp.Or(atomTime(p.Lastmod), updated), Summary: summary,
		})
	}
	return marshalXML(feed)
}

// latest are the first n content pages of a list page's feed, in the
// order feeds list them (model.CompareNewest: the newest first, then as
// lists order them). They are drawn from a term's members, or from the
// pages of the home page or a section and of the sections below it, found
// by walking down the tree rather than through the whole site. At most 2n
// pages are held at a time, not a sorted copy of a section of 100,000.
func latest(list *model.Page, n int) []*model.Page {
	if n <= 0 {
		return nil
	}
	kept := make([]*model.Page, 0, 2*n)
	var last *model.Page // the nth kept, once there are n: no later page can be
	trim := func() {
		slices.SortFunc(kept, model.CompareNewest)
		if kept = kept[:min(n, len(kept))]; len(kept) == n {
			last = kept[n-1]
		}
	}
	var walk func(*model.Page)
	walk = func(s *model.Page) {
		for _, p := range s.Pages {
			switch {
			case p.Kind == model.KindSection && list.Kind != model.KindTerm:
				walk(p)
			case p.Kind != model.KindPage, last != nil && model.CompareNewest(p, last) > 0:
			default:
				if len(kept) == cap(kept) {
					trim()
				}
				kept = append(kept, p)
			}
		}
	}
	walk(list)
	trim()
	return kept
}

// feeds writes the feed of every page that has one, on every core: a
// site may have thousands of terms.
func (r *renderer) feeds() []error {
	var lists []*model.Page
	for _, p := range r.site.Pages {
		if p.FeedURL() != "" {
			lists = append(lists, p)
		}
	}
	errs := make([]error, len(lists))
	par.Do(len(lists), func(i int) {
		errs[i] = r.writeFile(feedFile(lists[i]), func() ([]byte, error) { return atomFeed(r.site, lists[i]) })
		if errs[i] == nil {
			r.stats.feed(lists[i].Lang)
		}
	})
	return errs
}

// feedFile is the output path of a list page's feed.
func feedFile(p *model.Page) string { return strings.TrimPrefix(p.FeedURL(), "/") }

// atomTime writes a time as Atom does (RFC 3339), or "" for none.
func atomTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(time.RFC3339)
}
