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

// Site loads and renders the site whose source is fsys. It goes as far as
// the faults let it, so that one run reports the content, the layouts and
// the pages that fail together, sorted by position, each once.
func Site(fsys fs.FS, opts load.Options) (*Result, error) {
	// The layouts are read first for the ids they use, which headings in
	// content must not take.
	layouts, layoutErr := render.ReadLayouts(fsys)
	md := markdown.New(markdown.Options{ReservedIDs: layouts.ReservedIDs()})
	site, loadErr := load.Load(fsys, opts, md)
	if loadErr != nil {
		return nil, collect(loadErr, layoutErr)
	}
	files, err := render.Site(site, layouts) // with the layouts' faults
	if err != nil {
		return nil, err
	}
	return &Result{Site: site, Files: files}, nil
}

// collect joins the errors of the phases into one model.Errors. When only
// one phase failed, its error is returned as it is.
func collect(errs ...error) error {
	var list model.Errors
	var failed []error
	for _, err := range errs {
		if err != nil {
			failed = append(failed, err)
			list = flatten(list, err)
		}
	}
	if len(failed) == 1 {
		return failed[0]
	}
	return list.Err()
}

// flatten adds err to list, opening up lists and joined errors.
func flatten(list model.Errors, err error) model.Errors {
	switch e := err.(type) {
	case model.Errors:
		return append(list, e...)
	case *model.Error:
		return append(list, e)
	case interface{ Unwrap() []error }:
		for _, x := range e.Unwrap() {
			list = flatten(list, x)
		}
		return list
	}
	return append(list, &model.Error{Msg: err.Error()})
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
