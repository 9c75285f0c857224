package main

import (
	"io/fs"
	"sort"

	"westcoast/generator/linkcheck"
	"westcoast/generator/load"
	"westcoast/generator/model"
	"westcoast/generator/render"
)

// result is a site built in memory, for tests to read.
type result struct {
	Site  *model.Site
	Files []outFile // by path
}

type outFile struct {
	Path string
	Data []byte
}

// buildInMemory loads and renders a site into memory.
func buildInMemory(fsys fs.FS, opts load.Options) (*result, error) {
	var out render.Memory
	site, err := renderSite(fsys, opts, &out)
	if err != nil {
		return nil, err
	}
	res := &result{Site: site}
	for path, data := range out.Files() {
		res.Files = append(res.Files, outFile{path, data})
	}
	sort.Slice(res.Files, func(i, j int) bool { return res.Files[i].Path < res.Files[j].Path })
	return res, nil
}

// CheckLinks runs check's link walk over the built files.
func (r *result) CheckLinks() error {
	c := linkcheck.New()
	for _, f := range r.Files {
		c.Write(f.Path, f.Data)
	}
	return c.Check(r.Site.Config.BaseURL)
}

// file is the text of a built file, or "" if there is none.
func (r *result) file(path string) string {
	for _, f := range r.Files {
		if f.Path == path {
			return string(f.Data)
		}
	}
	return ""
}
