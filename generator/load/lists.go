package load

import (
	"fmt"
	"path"
	"strings"

	"westcoast/generator/model"
)

// addMissingListPages creates the home page in every language, and in each
// language the section of every folder that holds its pages, and the
// taxonomy and term pages for every term its pages use, where content/
// does not give them text.
func (b *assembler) addMissingListPages() {
	type need struct {
		kind  model.Kind
		users []*model.Page // the pages that need a term, for errors
	}
	needs := map[string]map[string]*need{} // key → language → need
	want := func(key string, l *model.Language, kind model.Kind, user *model.Page) {
		if needs[key] == nil {
			needs[key] = map[string]*need{}
		}
		n := needs[key][l.Code]
		if n == nil {
			n = &need{kind: kind}
			needs[key][l.Code] = n
		}
		if user != nil {
			n.users = append(n.users, user)
		}
	}
	for _, l := range b.langs {
		want("", l, model.KindHome, nil)
		for _, t := range b.cfg.Taxonomies {
			want(t.Plural, l, model.KindTaxonomy, nil)
		}
	}
	for _, p := range b.all() {
		for dir := parentKey(p.Key); dir != ""; dir = parentKey(dir) {
			kind := model.KindSection
			if b.taxonomy(dir) == nil && b.taxonomy(parentKey(dir)) != nil {
				kind = model.KindTerm
			}
			want(dir, p.Lang, kind, nil)
		}
		for _, plural := range sortedKeys(p.TermKeys) {
			for _, t := range p.TermKeys[plural] {
				if !isSlug(t) {
					continue // reported by termsOf
				}
				want(plural+"/"+t, p.Lang, model.KindTerm, p)
			}
		}
	}
	for _, key := range sortedKeys(needs) {
		for _, l := range b.langs {
			n := needs[key][l.Code]
			if n == nil || b.byKey[key][l.Code] != nil {
				continue
			}
			p := b.pages.page(model.Page{Kind: n.kind, Lang: l, Key: key, TranslationKey: key, Site: b.views[l.Code]})
			p.Extra = model.KeepExtra(&model.Extra{Taxonomy: taxonomyOf(p)})
			p.Title = b.autoTitle(p, n.users)
			b.add(p)
		}
	}
}

// autoTitle is the title of a list page that content/ gives no text: the
// home page has the language's title, a taxonomy or term page the UI string
// named like its path ("industries", "industries.chips"), so that a page
// in Chinese is never titled with an English slug. A section is titled
// with its folder's name.
func (b *assembler) autoTitle(p *model.Page, users []*model.Page) string {
	switch p.Kind {
	case model.KindHome:
		return p.Lang.Title
	case model.KindTaxonomy, model.KindTerm:
		name := strings.ReplaceAll(p.Key, "/", ".")
		if s, ok := p.Lang.UI[name]; ok {
			return s
		}
		b.errs = append(b.errs, b.titleMissing(p, name, users))
		return name
	}
	return path.Base(p.Key)
}

// titleMissing says how to give a taxonomy or term page its title, at the
// taxonomy in config.toml or at the first page that files itself under the
// term.
func (b *assembler) titleMissing(p *model.Page, name string, users []*model.Page) *model.Error {
	file := fmt.Sprintf("%s/%s/_index.%s.md", ContentDir, p.Key, p.Lang.Code)
	how := fmt.Sprintf("write %s, or a UI string %q in [languages.%s.ui]", file, name, p.Lang.Code)
	if p.Kind == model.KindTaxonomy {
		tax := b.taxonomy(p.Key)
		return b.src.at("taxonomies", tax.Singular).Errorf("the taxonomy %s has no title in %s: %s", p.Key, p.Lang.Code, how)
	}
	plural, term, _ := strings.Cut(p.Key, "/")
	return keyPos(users[0], plural).Errorf("the term %q of %s has no title in %s: %s", term, plural, p.Lang.Code, how)
}

func parentKey(key string) string {
	if i := strings.LastIndex(key, "/"); i >= 0 {
		return key[:i]
	}
	return ""
}

// collect lists the pages in a stable order and gives each its URL. Two
// pages of a language at one URL (a slug that another page's file name
// has) are an error at the slug.
func (b *assembler) collect() {
	base := strings.TrimSuffix(b.cfg.BaseURL, "/")
	for _, l := range b.langs {
		byURL := make(map[string]*model.Page, len(b.byKey))
		for _, key := range b.pageKeys() {
			p := b.byKey[key][l.Code]
			if p == nil {
				continue
			}
			// One string for both: the URL is the end of the permalink.
			p.Permalink = pageURL(base+l.Prefix, key, p.Slug)
			p.URL = p.Permalink[len(base):]
			p.Section, _, _ = strings.Cut(key, "/")
			if other := byURL[p.URL]; other != nil {
				b.errs = append(b.errs, b.urlClash(p, other))
			}
			byURL[p.URL] = p
			b.site.Pages = append(b.site.Pages, p)
		}
		l.Home = b.byKey[""][l.Code]
	}
	b.site.Index()
}

// urlClash reports two pages at one URL at the slug that makes it so.
func (b *assembler) urlClash(p, other *model.Page) *model.Error {
	if p.Slug == "" {
		p, other = other, p
	}
	return keyPos(p, "slug").Errorf("slug %q gives this page the URL %s, which %s has too", p.Slug, p.URL, other.Source)
}

// pageURL is the address of the page with a key under prefix (the base
// URL and the language's prefix): its folders, then its slug if it sets
// one, else the last part of its key.
func pageURL(prefix, key, slug string) string {
	if key == "" {
		return prefix + "/"
	}
	if slug != "" {
		key = path.Join(parentKey(key), slug)
	}
	return prefix + "/" + key + "/"
}
