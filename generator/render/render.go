package render

import (
	"errors"
	"fmt"
	"sort"
	"strings"

	"westcoast/generator/model"
	"westcoast/generator/par"
)

// File is one output file.
type File struct {
	Path string // relative to the site root, with slashes
	Data []byte
}

// Site renders every page and copies every asset. The files come back
// sorted by path.
func Site(site *model.Site, layouts *Layouts) ([]File, error) {
	jobs := pageJobs(site)
	files := make([]File, len(jobs))
	// One slot per page, so errors come out in page order, not in the
	// order goroutines happened to finish.
	errs := make([]error, len(jobs))
	par.Do(len(jobs), func(i int) {
		var data []byte
		data, errs[i] = renderPage(layouts, jobs[i])
		files[i] = File{Path: strings.TrimPrefix(jobs[i].outPath, "/"), Data: data}
	})
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	for _, a := range append(append([]model.Asset(nil), layouts.assets...), site.Assets...) {
		files = append(files, File{Path: a.Path, Data: a.Data})
	}
	extra, err := siteFiles(site, layouts)
	if err != nil {
		return nil, err
	}
	files = append(files, extra...)
	sort.Slice(files, func(i, j int) bool { return files[i].Path < files[j].Path })
	for i := 1; i < len(files); i++ {
		if files[i].Path == files[i-1].Path {
			return nil, fmt.Errorf("two files would be written to %s", files[i].Path)
		}
	}
	return files, nil
}

// pageJobs lists the pages to render with where each goes.
func pageJobs(site *model.Site) []Page {
	jobs := make([]Page, 0, len(site.Pages))
	for _, p := range site.Pages {
		jobs = append(jobs, Page{Page: p, outPath: p.URL + "index.html"})
	}
	return jobs
}

func renderPage(layouts *Layouts, p Page) ([]byte, error) {
	lay, err := layouts.lookup(p.Page)
	if err != nil {
		return nil, err
	}
	var b strings.Builder
	if err := lay.execute(&b, p); err != nil {
		return nil, fmt.Errorf("%w (rendering %s)", err, p.Source)
	}
	return []byte(b.String()), nil
}
