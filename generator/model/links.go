package model

import (
	"fmt"
	"path"
	"strings"
)

// ContentDir is the folder of pages inside the site source.
const ContentDir = "content"

// ContentLink finds the page that a link in p's text leads to when it
// names a content file ("dongjiakou.md", "/zones/dongjiakou.md"): relative
// to p's file, or to content/ when it starts with "/". A name with a
// language suffix (x.en.md) is that file's page; without one, the link
// leads to the page in p's language: the file of that language, or the
// translation of the page that another language's file is.
func (p *Page) ContentLink(file string) (*Page, error) {
	full := path.Join(path.Dir(p.Source), file)
	if strings.HasPrefix(file, "/") {
		full = path.Join(ContentDir, file)
	}
	if !strings.HasPrefix(full, ContentDir+"/") {
		return nil, fmt.Errorf("leads outside %s/", ContentDir)
	}
	site := p.Site.Site
	base := strings.TrimSuffix(full, ".md")
	if i := strings.LastIndexByte(path.Base(base), '.'); i >= 0 {
		if l := site.LanguageByCode(path.Base(base)[i+1:]); l != nil {
			files := sourceIn(strings.TrimSuffix(base, "."+l.Code), l) // x.zh.md, or x.md
			if t := site.findSource(files...); t != nil {
				return t, nil
			}
			return nil, site.missing(files)
		}
	}
	own := sourceIn(base, p.Lang)
	if t := site.findSource(own...); t != nil {
		return t, nil
	}
	for _, l := range site.Languages {
		t := site.findSource(sourceIn(base, l)...)
		if t == nil {
			continue
		}
		for _, tr := range t.Translations {
			if tr.Lang == p.Lang {
				return tr, nil
			}
		}
		return nil, fmt.Errorf("%s has no %s translation (write %s to link to it in %s)",
			t.Source, p.Lang.Code, strings.TrimSuffix(file, ".md")+"."+l.Code+".md", l.Code)
	}
	var others []string
	for _, l := range site.Languages {
		others = append(others, sourceIn(base, l)...)
	}
	return nil, site.missing(own, others...)
}

// sourceIn names the files a page in language l may have for base
// (content/x): x.<code>.md, or for the default language x.md too.
func sourceIn(base string, l *Language) []string {
	if l.Default {
		return []string{base + "." + l.Code + ".md", base + ".md"}
	}
	return []string{base + "." + l.Code + ".md"}
}

func (s *Site) findSource(files ...string) *Page {
	for _, f := range files {
		if p := s.PageBySource(f); p != nil {
			return p
		}
	}
	return nil
}

// missing says why none of files is a page: one of them, or of others
// (the other languages' files of the same page), is left out of this
// build, or there is no such file.
func (s *Site) missing(files []string, others ...string) error {
	for _, f := range append(files, others...) {
		if why, ok := s.Unpublished[f]; ok {
			return fmt.Errorf("%s is not in this build: %s", f, why)
		}
	}
	return fmt.Errorf("no such content file: %s", files[0])
}
