package main

import (
	"io/fs"

	"westcoast/generator/load"
	"westcoast/generator/model"
	"westcoast/generator/par"
	"westcoast/generator/publish"
	"westcoast/generator/render"
)

// publishSite is the whole pipeline, from the sources to a published site:
// load, render, publish. stats, if not nil, counts the pages as they are
// rendered and what was written.
func publishSite(src fs.FS, opts load.Options, dest string, pub publish.Options, stats *render.Stats) (*model.Site, error) {
	site, layouts, err := loadSite(src, opts) // config, content and layouts, read and checked
	if err != nil {
		return nil, err
	}
	out, err := publish.Stage(dest, pub) // a fresh folder beside dest
	if err != nil {
		return nil, err
	}
	if err := render.Site(site, layouts, out, stats); err != nil { // every page on every core, each file to out as it is made
		out.Discard()
		return nil, err
	}
	return site, out.Commit() // swapped into dest's place in one step
}

// renderSite loads and renders a site into out, for check, the preview
// and tests, which keep no folder.
func renderSite(src fs.FS, opts load.Options, out render.Output) (*model.Site, error) {
	site, layouts, err := loadSite(src, opts)
	if err != nil {
		return nil, err
	}
	return site, render.Site(site, layouts, out, nil)
}

// loadSite reads the content and the layouts side by side, so that one run
// reports the faults of both. Faults of the layouts alone are left to
// render, which reports them with those of the pages it could still render.
// The layouts are parsed on one core while the content loads on all of
// them, filling the gaps where loading waits or works on one.
func loadSite(src fs.FS, opts load.Options) (*model.Site, *render.Layouts, error) {
	var (
		layouts            *render.Layouts
		site               *model.Site
		layoutErr, loadErr error
	)
	par.Do(2, func(i int) { // a panic in either is raised here
		if i == 0 {
			layouts, layoutErr = render.ReadLayouts(src)
		} else {
			site, loadErr = load.Site(src, opts)
		}
	})
	if loadErr != nil {
		return nil, nil, model.Join(loadErr, layoutErr)
	}
	return site, layouts, nil
}
