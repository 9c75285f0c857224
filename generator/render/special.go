package render

import (
	"strings"

	"westcoast/generator/model"
	"westcoast/generator/par"
)

// siteFileNames are the paths of the files made from the whole site, for
// planFiles to check before anything is written.
func siteFileNames(site *model.Site, sitemap sitemapPlan) []string {
	names := append(sitemap.files(), model.RobotsFile, model.SearchIndexFile)
	for _, l := range site.Languages {
		root := strings.TrimPrefix(l.Root(), "/")
		names = append(names, root+model.NotFoundFile)
	}
	for _, p := range site.Pages {
		if p.FeedURL() != "" {
			names = append(names, feedFile(p))
		}
	}
	return names
}

// siteFiles writes the files that are not pages: the 404 page of each
// language (from layouts/404.html), the search index, the
// feeds of the home page, sections and terms, the sitemap and robots.txt,
// which points at the sitemap (or at the index of its parts).
//
// The search index, the longest of them to make and on one core, is made
// while the others are.
func (r *renderer) siteFiles(sitemap sitemapPlan) []error {
	site := r.site
	var errs []error
	var searchErr error
	par.Do(2, func(i int) {
		if i == 0 {
			searchErr = r.search.files(r.out)
			return
		}
		for _, l := range site.Languages {
			root := strings.TrimPrefix(l.Root(), "/")
			if lay, ok := r.layouts.sets[model.NotFoundFile]; ok {
				p := newPage(l.Home)
				p.outPath, p.absLinks = l.NotFoundURL(), true
				errs = append(errs, r.write(lay, p, root+model.NotFoundFile))
			}
		}
		errs = append(errs, r.feeds()...)
	})
	errs = append(errs, searchErr,
		r.writeSitemap(sitemap),
		r.out.Write(model.RobotsFile, []byte("User-agent: *\nAllow: /\n\nSitemap: "+absolute(site.Config.BaseURL, "/"+model.SitemapFile)+"\n")),
	)
	return errs
}

// writeFile makes a file and hands it to the output.
func (r *renderer) writeFile(path string, build func() ([]byte, error)) error {
	data, err := build()
	if err != nil {
		return err
	}
	return r.out.Write(path, data)
}
