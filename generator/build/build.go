// Package build is the whole pipeline in one place: load the site, render
// it, publish it. The command line, the preview server and the checker all
// go through it.
package build

import (
	"io/fs"

	"westcoast/generator/load"
	"westcoast/generator/markdown"
	"westcoast/generator/model"
	"westcoast/generator/render"
)

// Result is a built site in memory.
type Result struct {
	Site  *model.Site
	Files []render.File
}

// Site loads and renders the site whose source is fsys.
func Site(fsys fs.FS, opts load.Options) (*Result, error) {
	// The layouts are read first for the ids they use, which headings in
	// content must not take; content errors are still reported first.
	layouts, layoutErr := render.ReadLayouts(fsys)
	md := markdown.New(markdown.Options{ReservedIDs: layouts.ReservedIDs()})
	site, err := load.Load(fsys, opts, md)
	if err != nil {
		return nil, err
	}
	if layoutErr != nil {
		return nil, layoutErr
	}
	files, err := render.Site(site, layouts)
	if err != nil {
		return nil, err
	}
	return &Result{Site: site, Files: files}, nil
}

// Counts returns the number of pages per language, in language order.
func (r *Result) Counts() []int {
	counts := make([]int, len(r.Site.Languages))
	for _, p := range r.Site.Pages {
		for i, l := range r.Site.Languages {
			if p.Lang == l {
				counts[i]++
			}
		}
	}
	return counts
}
