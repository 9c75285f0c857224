package model

import (
	"path"
	"strconv"
	"strings"
)

// The names of the files a site is published as, each written here once:
// load checks that no two outputs share a path, render writes them, and
// templates link to them through the methods below.
const (
	IndexFile       = "index.html"             // a page: <URL>index.html
	NotFoundFile    = "404.html"               // per language, at its root
	FeedFile        = "index.xml"              // the Atom feed of a home page, section or term: <URL>index.xml
	SearchDir       = "search-index/"          // at the site's root: one search index for every language
	SearchIndexFile = SearchDir + "index.json" // its manifest, which the search page reads first
	SitemapFile     = "sitemap.xml"            // at the site's root: the sitemap, or the index of its parts
	RobotsFile      = "robots.txt"             // at the site's root
	PagerDir        = "page"                   // a list's pagers: <URL>page/2/
	// MarkerFile marks a folder as the generator's to replace (publish).
	MarkerFile = ".generator-output"
)

// AssetDir is the folder of the site source whose files are copied to
// the site's root unchanged: layouts/assets/site.css is /site.css.
const AssetDir = "layouts/assets"

// OutPath is where the page is written, relative to the site's root.
func (p *Page) OutPath() string { return strings.TrimPrefix(p.URL, "/") + IndexFile }

// PagerURL is the site path of a list page's nth pager: the page itself
// for the first, <URL>page/<n>/ for the others (Hugo's paths).
func (p *Page) PagerURL(n int) string {
	if n <= 1 {
		return p.URL
	}
	return p.URL + PagerDir + "/" + strconv.Itoa(n) + "/"
}

// FeedURL is the site path of the page's Atom feed, <URL>index.xml as in
// Hugo, for the pages that have one: the home page (the language's feed,
// Language.FeedURL), each section and each taxonomy term. It is "" for
// other pages, so that a layout can write {{with .FeedURL}}.
func (p *Page) FeedURL() string {
	switch p.Kind {
	case KindHome, KindSection, KindTerm:
		return p.URL + FeedFile
	}
	return ""
}

// SitemapPart is the name of the nth file (from 1) of a sitemap too large
// for one: sitemap.xml is then the index that lists them.
func SitemapPart(n int) string { return "sitemap-" + strconv.Itoa(n) + ".xml" }

// Root is the language's folder in the site, "/" or "/en/".
func (l *Language) Root() string { return l.Prefix + "/" }

// FeedURL is the site path of the language's feed, for .Rel and .Abs.
func (l *Language) FeedURL() string { return l.Root() + FeedFile }

// SearchIndexURL is the site path of the search index's manifest. Every
// language has the same one, since a search finds pages in all of them.
func (l *Language) SearchIndexURL() string { return "/" + SearchIndexFile }

// NotFoundURL is the site path of the language's 404 page.
func (l *Language) NotFoundURL() string { return l.Root() + NotFoundFile }

// ImageColumn is how wide the text column shows an image at most, in CSS
// pixels: .prose in the site's CSS (40rem). An image wider than this gets
// resized copies, so that a phone need not fetch what it cannot show.
const ImageColumn = 640

// ImageWidths are the widths an image wider than the column is resized
// to, each only when the image is wider: the column at 1, 1.5 and 2 device
// pixels per CSS pixel.
var ImageWidths = []int{ImageColumn, ImageColumn * 3 / 2, ImageColumn * 2}

// ImageVariant is the name of an image's copy resized to a width, beside
// it: photo.jpg at 640 pixels is photo-640w.jpg. It works on output paths
// and on relative links alike.
func ImageVariant(name string, width int) string {
	ext := path.Ext(name)
	return strings.TrimSuffix(name, ext) + "-" + strconv.Itoa(width) + "w" + ext
}

// AliasFile is where a redirect page is written for an alias, a site path
// such as "/en/old/" (old/index.html) or "/old/page.html" (old/page.html).
func AliasFile(alias string) string {
	p := strings.TrimPrefix(alias, "/")
	if p == "" || strings.HasSuffix(p, "/") {
		return p + IndexFile
	}
	return p
}
