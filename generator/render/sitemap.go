package render

import (
	"encoding/xml"

	"westcoast/generator/model"
)

type urlset struct {
	XMLName xml.Name     `xml:"urlset"`
	NS      string       `xml:"xmlns,attr"`
	XHTML   string       `xml:"xmlns:xhtml,attr"`
	URLs    []sitemapURL `xml:"url"`
}

type sitemapURL struct {
	Loc     string      `xml:"loc"`
	Lastmod string      `xml:"lastmod,omitempty"`
	Links   []xhtmlLink `xml:"xhtml:link"`
}

type xhtmlLink struct {
	Rel      string `xml:"rel,attr"`
	Hreflang string `xml:"hreflang,attr"`
	Href     string `xml:"href,attr"`
}

// sitemapXML lists every page with its alternates in every language and
// x-default, the page in the default language, as search engines ask, and
// when the page last changed if it says (lastmod, or its date). Aliases
// are redirects, not pages, and are left out.
func sitemapXML(site *model.Site) ([]byte, error) {
	set := urlset{NS: "http://www.sitemaps.org/schemas/sitemap/0.9", XHTML: "http://www.w3.org/1999/xhtml"}
	def := site.LanguageByCode(site.Config.DefaultLanguage)
	for _, p := range site.Pages {
		u := sitemapURL{Loc: absolute(site.Config.BaseURL, p.URL), Lastmod: atomTime(p.Lastmod)}
		for _, alt := range p.Alternates {
			u.Links = append(u.Links, xhtmlLink{Rel: "alternate", Hreflang: alt.Lang.Code, Href: absolute(site.Config.BaseURL, alt.URL)})
		}
		if x := switchTo(p, def); x != nil && len(u.Links) > 1 {
			u.Links = append(u.Links, xhtmlLink{Rel: "alternate", Hreflang: "x-default", Href: absolute(site.Config.BaseURL, x.URL)})
		}
		set.URLs = append(set.URLs, u)
	}
	return marshalXML(set)
}

// switchTo is the page in language l that the page's switcher leads to.
func switchTo(p *model.Page, l *model.Language) *model.Page {
	if p.Lang == l {
		return p
	}
	for _, q := range p.Switcher {
		if q.Lang == l {
			return q
		}
	}
	return nil
}

func marshalXML(v any) ([]byte, error) {
	out, err := xml.MarshalIndent(v, "", "  ")
	if err != nil {
		return nil, err
	}
	return append([]byte(xml.Header), append(out, '\n')...), nil
}
