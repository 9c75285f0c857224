package render

import (
	"errors"
	"fmt"
	"path"
	"sort"
	"strings"

	"westcoast/generator/model"
	"westcoast/generator/par"
)

// Output receives a site's files as they are made. Write is called from
// several goroutines at once, and data may be reused once Write returns.
type Output interface {
	Write(path string, data []byte) error
}

// Site renders every page of the site with the layouts on every core and
// hands each file to out as soon as it is made, so that memory holds the
// pages being rendered, not the site. Then come the files made from the
// whole site: assets, the 404 pages, feeds, search indexes, the sitemap.
//
// Errors are a model.Errors, each fault once: those of the layouts, and
// those of the pages that could be rendered with the sound ones.
//
// stats, if not nil, counts the pages as they are rendered and what was
// written, for a build's progress line and summary.
func Site(site *model.Site, layouts *Layouts, out Output, stats *Stats) error {
	images := indexImages(site)
	sitemap := planSitemap(site, sitemapLimits{sitemapMaxURLs, sitemapMaxBytes})
	plan, err := planFiles(site, layouts, images, sitemap)
	if err != nil {
		return err
	}
	stats.start(site)
	r := newRenderer(site, layouts, out, images)
	r.stats = stats
	errs := make([]error, len(site.Pages), len(site.Pages)+4)
	par.Do(len(site.Pages), func(i int) {
		errs[i] = r.page(site.Pages[i])
		stats.rendered(site.Pages[i], errs[i])
	})
	assetErr, imageErr := r.assets(plan), r.writeImages()
	if assetErr == nil && imageErr == nil {
		stats.files(len(plan), len(images.variantFiles()))
	}
	errs = append(errs, layouts.err, assetErr, imageErr, r.links.check())
	errs = append(errs, r.siteFiles(sitemap)...)
	return group(errs)
}

// planned is one file of the site and what makes it, for messages.
type planned struct {
	path, source string
}

// planFiles lists every file the site will have, to refuse, before anything
// is rendered, two that would be written to one path.
func planFiles(site *model.Site, layouts *Layouts, images *imageIndex, sitemap sitemapPlan) ([]model.Asset, error) {
	var files []planned
	for _, p := range site.Pages {
		files = append(files, planned{p.OutPath(), newPage(p).what()})
		if isList(p) {
			// Its pagers, should its template ask for them.
			for n := 2; n <= pagerCount(p, site.Config.Paginate); n++ {
				files = append(files, planned{strings.TrimPrefix(p.PagerURL(n), "/") + model.IndexFile, newPage(p).what()})
			}
		}
		for _, a := range p.Aliases {
			files = append(files, planned{model.AliasFile(a), newPage(p).what() + " (alias " + a + ")"})
		}
	}
	assets := append(append([]model.Asset(nil), layouts.assets...), site.Assets...)
	for _, a := range assets {
		files = append(files, planned{a.Path, a.Source})
	}
	files = append(files, images.variantFiles()...)
	for _, name := range append(siteFileNames(site, sitemap), model.MarkerFile) {
		files = append(files, planned{name, ""})
	}
	sort.SliceStable(files, func(i, j int) bool { return files[i].path < files[j].path })
	var errs model.Errors
	for i := 1; i < len(files); i++ {
		if a, b := files[i-1], files[i]; a.path == b.path {
			errs = append(errs, &model.Error{Msg: fmt.Sprintf("two files would be written to %s: from %s and from %s", a.path, source(a), source(b))})
		}
	}
	return assets, append(errs, folderClashes(files)...).Err()
}

// folderClashes reports, once, each file at a path that other files need
// as a folder: an asset named tags beside the pages under tags/.
func folderClashes(files []planned) model.Errors {
	byPath := make(map[string]planned, len(files))
	for _, f := range files {
		byPath[f.path] = f
	}
	var errs model.Errors
	reported := map[string]bool{}
	for _, g := range files {
		for dir := path.Dir(g.path); dir != "."; dir = path.Dir(dir) {
			if f, ok := byPath[dir]; ok && !reported[dir] {
				reported[dir] = true
				errs = append(errs, &model.Error{Msg: fmt.Sprintf("%s would be a file and a folder: a file from %s, and a folder for %s from %s", f.path, source(f), g.path, source(g))})
				break
			}
		}
	}
	return errs
}

func source(f planned) string {
	if f.source == "" {
		return "the generator (" + f.path + ")"
	}
	return f.source
}

// assets copies the layouts' and content's files that are not pages.
func (r *renderer) assets(assets []model.Asset) error {
	var errs []error
	for _, a := range assets {
		errs = append(errs, r.out.Write(a.Path, a.Data))
	}
	return errors.Join(errs...)
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
			list = model.AppendErrors(list, err)
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
