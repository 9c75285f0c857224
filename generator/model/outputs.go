package model

import "strings"

// The names of the files a site is published as, each written here once:
// load checks that no two outputs share a path, render writes them, and
// templates link to them through the methods below.
const (
	IndexFile       = "index.html"        // a page: <URL>index.html
	NotFoundFile    = "404.html"          // per language, at its root
	FeedFile        = "index.xml"         // per language: the Atom feed
	SearchIndexFile = "search-index.json" // per language
	SitemapFile     = "sitemap.xml"       // at the site's root
	RobotsFile      = "robots.txt"        // at the site's root
)

// OutPath is where the page is written, relative to the site's root.
func (p *Page) OutPath() string { return strings.TrimPrefix(p.URL, "/") + IndexFile }

// Root is the language's folder in the site, "/" or "/en/".
func (l *Language) Root() string { return l.Prefix + "/" }

// FeedURL is the site path of the language's feed, for .Rel and .Abs.
func (l *Language) FeedURL() string { return l.Root() + FeedFile }

// SearchIndexURL is the site path of the language's search index.
func (l *Language) SearchIndexURL() string { return l.Root() + SearchIndexFile }

// NotFoundURL is the site path of the language's 404 page.
func (l *Language) NotFoundURL() string { return l.Root() + NotFoundFile }

// AliasFile is where a redirect page is written for an alias, a site path
// such as "/en/old/" (old/index.html) or "/old/page.html" (old/page.html).
func AliasFile(alias string) string {
	p := strings.TrimPrefix(alias, "/")
	if p == "" || strings.HasSuffix(p, "/") {
		return p + IndexFile
	}
	return p
}
