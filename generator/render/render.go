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
	Path   string // relative to the site root, with slashes
	Data   []byte
	Source string // what it is made from, for errors: a content or layout file
}

// Site renders every page and copies every asset. The files come back
// sorted by path. Errors are a model.Errors, each fault once: those of the
// layouts, and those of the pages that could be rendered with the sound
// ones.
func Site(site *model.Site, layouts *Layouts) ([]File, error) {
	jobs := pageJobs(site)
	files := make([]File, len(jobs))
	errs := make([]error, len(jobs), len(jobs)+2)
	par.Do(len(jobs), func(i int) {
		var data []byte
		data, errs[i] = renderPage(layouts, jobs[i])
		files[i] = File{Path: strings.TrimPrefix(jobs[i].outPath, "/"), Data: data, Source: jobs[i].Source}
	})
	for _, a := range layouts.assets {
		files = append(files, File{Path: a.Path, Data: a.Data, Source: a.Source})
	}
	for _, a := range site.Assets {
		files = append(files, File{Path: a.Path, Data: a.Data, Source: a.Source})
	}
	extra, err := siteFiles(site, layouts)
	errs = append(errs, err, layouts.err)
	files = append(files, extra...)
	sort.SliceStable(files, func(i, j int) bool { return files[i].Path < files[j].Path })
	errs = append(errs, collisions(files)...)
	if err := group(errs); err != nil {
		return nil, err
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

// renderPage renders one page. A page whose template failed to parse is
// left out without an error of its own: the template's fault is reported.
func renderPage(layouts *Layouts, p Page) ([]byte, error) {
	lay, skip, err := layouts.lookup(p.Page)
	if err != nil || skip {
		return nil, err
	}
	var b strings.Builder
	if err := lay.execute(&b, p); err != nil {
		return nil, err
	}
	return []byte(b.String()), nil
}

// what names the page for an error: its content file, or for the 404 page
// (which is rendered with the home page's data) and pages made without
// one, such as taxonomy terms, what it is.
func (p Page) what() string {
	switch {
	case p.NotFound():
		return "the " + p.Lang.Code + " 404 page"
	case p.Source == "":
		return "the page " + p.URL
	}
	return p.Source
}

// collisions reports output paths that two files would be written to.
func collisions(files []File) []error {
	var errs []error
	for i := 1; i < len(files); i++ {
		if a, b := files[i-1], files[i]; a.Path == b.Path {
			errs = append(errs, fmt.Errorf("two files would be written to %s: from %s and from %s", a.Path, source(a), source(b)))
		}
	}
	return errs
}

func source(f File) string {
	if f.Source == "" {
		return "the generator (" + f.Path + ")"
	}
	return f.Source
}

// group reports each fault once: a template fault that every page meets
// is one line naming the first page and how many more, not one a page.
// The result is sorted by position.
func group(errs []error) error {
	type fault struct {
		at    *model.Error
		first string
		more  int
	}
	var order []*fault
	byMsg := map[string]*fault{}
	var list model.Errors
	for _, err := range errs {
		var pe *pageError
		switch {
		case err == nil:
		case errors.As(err, &pe):
			key := pe.at.Error()
			if f, ok := byMsg[key]; ok {
				f.more++
				continue
			}
			byMsg[key] = &fault{at: pe.at, first: pe.page}
			order = append(order, byMsg[key])
		default:
			list = appendErrors(list, err)
		}
	}
	for _, f := range order {
		e := *f.at
		e.Msg += " (rendering " + f.first + andMore(f.more) + ")"
		list = append(list, &e)
	}
	return list.Err()
}

func andMore(n int) string {
	switch n {
	case 0:
		return ""
	case 1:
		return " and 1 more page"
	}
	return fmt.Sprintf(" and %d more pages", n)
}

// appendErrors adds err to a list, flattening lists and joined errors.
func appendErrors(list model.Errors, err error) model.Errors {
	var me *model.Error
	switch e := err.(type) {
	case nil:
		return list
	case model.Errors:
		return append(list, e...)
	case interface{ Unwrap() []error }:
		for _, x := range e.Unwrap() {
			list = appendErrors(list, x)
		}
		return list
	}
	if errors.As(err, &me) && me.Error() == err.Error() {
		return append(list, me)
	}
	return append(list, &model.Error{Msg: err.Error()})
}
