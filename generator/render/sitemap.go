package render

import (
	"bytes"
	"encoding/xml"
	"time"

	"westcoast/generator/model"
)

// sitemapLimits are how much one file of a sitemap may hold.
type sitemapLimits struct {
	urls, bytes int
}

// The sitemap protocol's limits on one file (sitemaps.org): 50,000 URLs
// and 50 MB (52,428,800 bytes). A site past either gets a sitemap in
// parts.
const (
	sitemapMaxURLs  = 50_000
	sitemapMaxBytes = 50 << 20
)

const (
	sitemapNS  = "http://www.sitemaps.org/schemas/sitemap/0.9"
	urlsetHead = xml.Header + `<urlset xmlns="` + sitemapNS + `" xmlns:xhtml="http://www.w3.org/1999/xhtml">` + "\n"
	urlsetTail = "</urlset>\n"
)

// sitemapPlan is how the sitemap is split: the index in site.Pages at
// which each part after the first begins. With none, sitemap.xml lists
// every page; with some, sitemap.xml is a sitemap index that lists the
// parts, sitemap-1.xml, sitemap-2.xml and on, and robots.txt points at it.
type sitemapPlan struct {
	starts []int
	sizes  []int // of each part's file, in bytes, as measured
	limits sitemapLimits
}

// planSitemap splits the pages into parts that keep within limits. It
// measures each page's entry as it will be written, so a part never
// passes the byte limit; each entry is made again when it is written, so
// that the whole sitemap is never held at once.
func planSitemap(site *model.Site, limits sitemapLimits) sitemapPlan {
	plan := sitemapPlan{limits: limits}
	def := site.LanguageByCode(site.Config.DefaultLanguage)
	var entry []byte
	size, n := len(urlsetHead)+len(urlsetTail), 0
	for i, p := range site.Pages {
		entry = appendSitemapURL(entry[:0], site.Config.BaseURL, p, def)
		if n > 0 && (n == limits.urls || size+len(entry) > limits.bytes) {
			plan.starts = append(plan.starts, i)
			plan.sizes = append(plan.sizes, size)
			size, n = len(urlsetHead)+len(urlsetTail), 0
		}
		size += len(entry)
		n++
	}
	plan.sizes = append(plan.sizes, size)
	return plan
}

// files are the names of the sitemap's files, for planFiles.
func (sp sitemapPlan) files() []string {
	names := []string{model.SitemapFile}
	for n := 1; len(sp.starts) > 0 && n <= len(sp.starts)+1; n++ {
		names = append(names, model.SitemapPart(n))
	}
	return names
}

// writeSitemap writes the sitemap as planned: one file, or its parts and
// the index of them.
func (r *renderer) writeSitemap(sp sitemapPlan) error {
	site := r.site
	if len(sp.starts) == 0 {
		data, _ := sitemapPart(site, site.Pages, sp.sizes[0])
		return r.out.Write(model.SitemapFile, data)
	}
	bounds := append(append([]int{0}, sp.starts...), len(site.Pages))
	index := bytes.NewBufferString(xml.Header + `<sitemapindex xmlns="` + sitemapNS + `">` + "\n")
	for n := 1; n < len(bounds); n++ {
		data, lastmod := sitemapPart(site, site.Pages[bounds[n-1]:bounds[n]], sp.sizes[n-1])
		if err := r.out.Write(model.SitemapPart(n), data); err != nil {
			return err
		}
		index.WriteString("  <sitemap>\n    <loc>")
		xml.EscapeText(index, []byte(absolute(site.Config.BaseURL, "/"+model.SitemapPart(n))))
		index.WriteString("</loc>\n")
		if !lastmod.IsZero() {
			index.WriteString("    <lastmod>" + atomTime(lastmod) + "</lastmod>\n")
		}
		index.WriteString("  </sitemap>\n")
	}
	index.WriteString("</sitemapindex>\n")
	return r.out.Write(model.SitemapFile, index.Bytes())
}

// sitemapPart is a sitemap of pages, and when the latest of them last
// changed (zero if none says). size is its length as planned: the file is
// made in one buffer of that size, not in one grown to it, which at 50 MB
// a part made the sitemap the largest thing a large build allocated.
func sitemapPart(site *model.Site, pages []*model.Page, size int) ([]byte, time.Time) {
	def := site.LanguageByCode(site.Config.DefaultLanguage)
	data := append(make([]byte, 0, size), urlsetHead...)
	var lastmod time.Time
	for _, p := range pages {
		data = appendSitemapURL(data, site.Config.BaseURL, p, def)
		if p.Lastmod.After(lastmod) {
			lastmod = p.Lastmod
		}
	}
	return append(data, urlsetTail...), lastmod
}

// appendSitemapURL writes a page's entry: its URL, with its alternates in
// every language and x-default, the page in the default language, as
// search engines ask, and when the page last changed if it says (lastmod,
// or its date). Aliases are redirects, not pages, and are left out.
func appendSitemapURL(dst []byte, base string, p *model.Page, def *model.Language) []byte {
	dst = append(dst, "  <url>\n    <loc>"...)
	dst = appendEscaped(dst, absolute(base, p.URL))
	dst = append(dst, "</loc>\n"...)
	if !p.Lastmod.IsZero() {
		dst = append(dst, "    <lastmod>"...)
		dst = append(dst, atomTime(p.Lastmod)...)
		dst = append(dst, "</lastmod>\n"...)
	}
	for _, alt := range p.Alternates {
		dst = appendAlternate(dst, alt.Lang.Code, absolute(base, alt.URL))
	}
	if x := switchTo(p, def); x != nil && len(p.Alternates) > 1 {
		dst = appendAlternate(dst, "x-default", absolute(base, x.URL))
	}
	return append(dst, "  </url>\n"...)
}

func appendAlternate(dst []byte, hreflang, href string) []byte {
	dst = append(dst, `    <xhtml:link rel="alternate" hreflang="`...)
	dst = appendEscaped(dst, hreflang)
	dst = append(dst, `" href="`...)
	dst = appendEscaped(dst, href)
	return append(dst, `"></xhtml:link>`+"\n"...)
}

// appendEscaped writes s as XML text or an attribute value, as
// encoding/xml escapes it. URLs are nearly always plain ASCII, which needs
// no escaping.
func appendEscaped(dst []byte, s string) []byte {
	plain := true
	for i := 0; i < len(s) && plain; i++ {
		c := s[i]
		plain = c >= 0x20 && c < 0x7f && c != '&' && c != '<' && c != '>' && c != '"' && c != '\''
	}
	if plain {
		return append(dst, s...)
	}
	var b bytes.Buffer
	xml.EscapeText(&b, []byte(s))
	return append(dst, b.Bytes()...)
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
