package render

import (
	"encoding/xml"

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
	Title   string   `xml:"title"`
	ID      string   `xml:"id"`
	Link    atomLink `xml:"link"`
	Updated string   `xml:"updated"`
	Summary string   `xml:"summary,omitempty"`
	Content atomText `xml:"content"`
}

type atomText struct {
	Type string `xml:"type,attr"`
	Body string `xml:",chardata"`
}

// atomFeed lists a language's content pages. Atom needs an update time; it
// is the site's configured date, never the clock, so builds stay identical.
func atomFeed(site *model.Site, l *model.Language) ([]byte, error) {
	base := site.Config.BaseURL
	updated := site.Config.Updated
	feed := atomFeedXML{
		NS: "http://www.w3.org/2005/Atom", Lang: l.Code, Title: l.Title,
		ID: absolute(base, l.Prefix+"/"), Updated: updated,
		Links: []atomLink{
			{Rel: "self", Href: absolute(base, l.Prefix+"/index.xml")},
			{Rel: "alternate", Href: absolute(base, l.Prefix+"/")},
		},
		Author: atomAuthor{Name: l.Title},
	}
	for _, p := range site.Pages {
		if p.Lang != l || p.Kind != model.KindPage || p.Content == "" {
			continue
		}
		u := absolute(base, p.URL)
		feed.Entries = append(feed.Entries, atomEntry{
			Title: p.Title, ID: u, Link: atomLink{Rel: "alternate", Href: u}, Updated: updated,
			Summary: p.Description, Content: atomText{Type: "html", Body: string(p.Content)},
		})
	}
	return marshalXML(feed)
}
