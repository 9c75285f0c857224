package render

import (
	"strings"

	"westcoast/generator/model"
)

// siteFiles renders the files that are not pages: the 404 page of each
// language, from layouts/404.html.
func siteFiles(site *model.Site, layouts *Layouts) ([]File, error) {
	var files []File
	if _, ok := layouts.sets["404.html"]; ok {
		for _, l := range site.Languages {
			out := strings.TrimPrefix(l.Prefix+"/404.html", "/")
			p := Page{Page: l.Home, outPath: "/" + out, absLinks: true}
			var b strings.Builder
			if err := execute(layouts.sets["404.html"], "404.html", &b, p); err != nil {
				return nil, err
			}
			files = append(files, File{Path: out, Data: []byte(b.String())})
		}
	}
	return files, nil
}
