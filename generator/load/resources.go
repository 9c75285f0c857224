package load

import (
	"io/fs"
	"path"
	"strings"

	"westcoast/generator/model"
)

// resources copies the files of page bundles beside the page in every
// language, and any other non-page file in content/ to the same path.
func resources(fsys fs.FS, site *model.Site, files []contentFile) ([]model.Asset, error) {
	var assets []model.Asset
	var list model.Errors
	for _, f := range files {
		if f.kind != resourceFile {
			continue
		}
		data, err := fs.ReadFile(fsys, f.path)
		if e, ok := err.(*model.Error); ok { // the source refused it, and said why
			list = append(list, e)
			continue
		} else if err != nil {
			list = append(list, model.Errorf(f.path, 0, 0, "cannot read: %v", unwrapPathError(err)))
			continue
		}
		name := path.Base(f.path)
		owners := 0
		for _, l := range site.Languages {
			if p := site.Page(l.Code, f.key); p != nil && p.Kind == model.KindPage {
				assets = append(assets, model.Asset{Path: strings.TrimPrefix(p.URL, "/") + name, Source: f.path, Data: data})
				owners++
			}
		}
		if owners == 0 {
			assets = append(assets, model.Asset{Path: strings.TrimPrefix(f.path, ContentDir+"/"), Source: f.path, Data: data})
		}
	}
	return assets, list.Err()
}
