package render

import (
	"cmp"
	"encoding/xml"
	"sort"
	"time"

	"westcoast/generator/model"
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

// atomFeed lists a language's latest content pages, as many as
// services.rss.limit says, each with its summary: a feed stays small
// however large the site. Atom needs an update time; it is the site's
// configured date, never the clock, so builds stay identical.
func atomFeed(site *model.Site, l *model.Language) ([]byte, error) {
	base := site.Config.BaseURL
	updated := site.Config.Updated
	feed := atomFeedXML{
		NS: "http://www.w3.org/2005/Atom", Lang: l.Code, Title: l.Title,
		ID: absolute(base, l.Root()), Updated: updated,
		Links: []atomLink{
			{Rel: "self", Href: absolute(base, l.FeedURL())},
			{Rel: "alternate", Href: absolute(base, l.Root())},
		},
		Author: atomAuthor{Name: l.Title},
	}
	for _, p := range latest(site, l, site.Config.FeedLimit) {
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

// latest are a language's content pages in the order a feed lists them,
// the first n: the newest first, by date, then those without one; pages
// of one date as lists order them (by weight).
func latest(site *model.Site, l *model.Language, n int) []*model.Page {
	var pages []*model.Page
	for _, p := range site.Pages {
		if p.Lang == l && p.Kind == model.KindPage {
			pages = append(pages, p)
		}
	}
	model.SortPages(pages)
	sort.SliceStable(pages, func(i, j int) bool { return pages[i].Date.After(pages[j].Date) })
	return pages[:min(n, len(pages))]
}

// atomTime writes a time as Atom does (RFC 3339), or "" for none.
func atomTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(time.RFC3339)
}
