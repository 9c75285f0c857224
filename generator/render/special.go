package render

import (
	"strings"

	"westcoast/generator/model"
)

// siteFiles renders the files that are not pages: the 404 page of each
// language (from layouts/404.html), the sitemap, robots.txt, a feed and a
// search index per language.
func siteFiles(site *model.Site, layouts *Layouts) ([]File, error) {
	var files []File
	for _, l := range site.Languages {
		root := strings.TrimPrefix(l.Prefix+"/", "/")
		if lay, ok := layouts.sets["404.html"]; ok {
			p := Page{Page: l.Home, outPath: "/" + root + "404.html", absLinks: true}
			var b strings.Builder
			if err := lay.execute(&b, p); err != nil {
				return nil, err
			}
			files = append(files, File{Path: root + "404.html", Data: []byte(b.String())})
		}
		feed, err := atomFeed(site, l)
		if err != nil {
			return nil, err
		}
		index, err := searchIndex(site, l)
		if err != nil {
			return nil, err
		}
		files = append(files, File{Path: root + "index.xml", Data: feed}, File{Path: root + "search-index.json", Data: index})
	}
	sitemap, err := sitemapXML(site)
	if err != nil {
		return nil, err
	}
	files = append(files,
		File{Path: "sitemap.xml", Data: sitemap},
		File{Path: "robots.txt", Data: []byte("User-agent: *\nAllow: /\n\nSitemap: " + absolute(site.Config.BaseURL, "/sitemap.xml") + "\n")},
	)
	return files, nil
}
