package model

import "strings"

// The names of the files a site is published as, each written here once:
// load checks that no two outputs share a path, render writes them, and
// templates link to them through the methods below.
const (
	IndexFile       = "index.html"             // a page: <URL>index.html
	NotFoundFile    = "404.html"               // per language, at its root
	FeedFile        = "index.xml"              // per language: the Atom feed
	SearchDir       = "search-index/"          // at the site's root: one search index for every language
	SearchIndexFile = SearchDir + "index.json" // its manifest, which the search page reads first
	SitemapFile     = "sitemap.xml"            // at the site's root
	RobotsFile      = "robots.txt"             // at the site's root
)

// OutPath is where the page is written, relative to the site's root.
func (p *Page) OutPath() string { return strings.TrimPrefix(p.URL, "/") + IndexFile }

// Root is the language's folder in the site, "/" or "/en/".
func (l *Language) Root() string { return l.Prefix + "/" }

// FeedURL is the site path of the language's feed, for .Rel and .Abs.
func (l *Language) FeedURL() string { return l.Root() + FeedFile }

// SearchIndexURL is the site path of the search index's manifest. Every
// language has the same one, since a search finds pages in all of them.
func (l *Language) SearchIndexURL() string { return "/" + SearchIndexFile }

// NotFoundURL is the site path of the language's 404 page.
func (l *Language) NotFoundURL() string { return l.Root() + NotFoundFile }
