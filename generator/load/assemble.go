package load

import (
	"path"
	"slices"
	"strings"

	"westcoast/generator/model"
)

// assembler turns parsed files into the page graph: every cross-page fact
// (translations, switcher targets, alternates, breadcrumbs, neighbours,
// terms, URLs) is worked out here, once, and the model is not changed
// after.
type assembler struct {
	cfg    *model.Config
	langs  []*model.Language
	files  []contentFile
	parsed map[string]*sourceFile
	facts  map[string]*factsSource
	site   *model.Site
	errs   model.Errors
	// pages by key, then by language code
	byKey map[string]map[string]*model.Page
	cache *Cache // the preview's, or nil
}

func (b *assembler) assemble() (*model.Site, error) {
	b.site = &model.Site{Config: b.cfg, Languages: b.langs}
	b.byKey = map[string]map[string]*model.Page{}
	for _, f := range b.files {
		if f.kind == markdownFile {
			b.addFile(f)
		}
	}
	b.checkFacts()
	b.checkTranslations()
	b.dropDrafts()
	b.addMissingListPages()
	if err := b.errs.Err(); err != nil {
		return nil, err
	}
	b.collect()
	b.link()
	b.crossLinks()
	return b.site, b.errs.Err()
}

func (b *assembler) addFile(f contentFile) {
	if b.cache.redo(b, f) {
		return
	}
	errs := len(b.errs)
	sf := b.parsed[f.path]
	fm := sf.fm
	keyPos, figures := sf.src.positions(), sf.src
	if fa := b.facts[f.key]; fa != nil {
		for path, pos := range fa.src.positions() {
			keyPos[path] = pos
		}
		if fa.set["figures"] {
			figures = fa.src
		}
		var errs model.Errors
		// On a conflict the page is still added, so that the one mistake
		// does not also show up as a missing translation.
		fm, errs = fa.merge(sf, b.cfg.Taxonomies)
		b.errs = append(b.errs, errs...)
	}
	if prev := b.byKey[f.key][f.lang]; prev != nil {
		b.errs = append(b.errs, model.Errorf(f.path, 0, 0, "the same page as %s: keep one of them", prev.Source))
		return
	}
	if fm.Title == "" {
		b.errs = append(b.errs, model.Errorf(f.path, 1, 1, "title is missing from the front matter"))
	}
	p := &model.Page{
		Kind: b.kindOf(f), Lang: model.FindLanguage(b.langs, f.lang), Key: f.key, Source: f.path,
		Title: fm.Title, LinkTitle: fm.LinkTitle, Description: fm.Description,
		Weight: fm.Weight, Layout: fm.Layout, Draft: fm.Draft, Monolingual: fm.Monolingual,
		Params: fm.Params, KeyPos: keyPos, Body: sf.body, Site: b.site,
	}
	p.Figures = b.figures(figures, fm.Figures)
	b.termsOf(p, fm.Terms)
	b.add(p)
	b.cache.keepPage(b, f, p, b.errs[errs:])
}

func (b *assembler) add(p *model.Page) {
	if b.byKey[p.Key] == nil {
		b.byKey[p.Key] = map[string]*model.Page{}
	}
	b.byKey[p.Key][p.Lang.Code] = p
}

// kindOf tells a page's kind from where its file is.
func (b *assembler) kindOf(f contentFile) model.Kind {
	switch {
	case f.key == "" && f.list:
		return model.KindHome
	case f.list && b.taxonomy(f.key) != nil:
		return model.KindTaxonomy
	case f.list && b.taxonomy(path.Dir(f.key)) != nil && strings.Contains(f.key, "/"):
		return model.KindTerm
	case f.list:
		return model.KindSection
	}
	return model.KindPage
}

func (b *assembler) taxonomy(plural string) *model.Taxonomy {
	return model.FindTaxonomy(b.cfg.Taxonomies, plural)
}

// checkFacts reports facts files with no page beside them.
func (b *assembler) checkFacts() {
	for _, key := range sortedKeys(b.facts) {
		if b.byKey[key] == nil {
			fa := b.facts[key]
			b.errs = append(b.errs, model.Errorf(fa.path, 0, 0, "no Markdown page beside this facts file"))
		}
	}
}

// checkTranslations requires every page in every language, unless the page
// says it is monolingual on purpose.
func (b *assembler) checkTranslations() {
	for _, key := range sortedKeys(b.byKey) {
		pages := b.byKey[key]
		var have *model.Page
		for _, l := range b.langs {
			if p := pages[l.Code]; p != nil && have == nil {
				have = p
			}
		}
		for _, l := range b.langs {
			if pages[l.Code] != nil || have.Monolingual {
				continue
			}
			want := translationPath(have.Source, have.Lang.Code, l.Code)
			b.errs = append(b.errs, model.Errorf(have.Source, 0, 0,
				"missing translation: %s does not exist (write it, or set monolingual = true)", want))
		}
	}
}

func translationPath(source, from, to string) string {
	return strings.TrimSuffix(source, "."+from+".md") + "." + to + ".md"
}

// dropDrafts leaves out pages marked draft, unless the build wants them.
// A page that is a draft in one language only is an error: its published
// translations would link to a page that is not there.
func (b *assembler) dropDrafts() {
	if b.cfg.Drafts {
		return
	}
	b.checkDrafts()
	for key, pages := range b.byKey {
		for code, p := range pages {
			if p.Draft {
				delete(pages, code)
			}
		}
		if len(pages) == 0 {
			delete(b.byKey, key)
		}
	}
}

func (b *assembler) checkDrafts() {
	for _, key := range sortedKeys(b.byKey) {
		var published *model.Page
		for _, l := range b.langs {
			if p := b.byKey[key][l.Code]; p != nil && !p.Draft && published == nil {
				published = p
			}
		}
		for _, l := range b.langs {
			if p := b.byKey[key][l.Code]; p != nil && p.Draft && published != nil {
				b.errs = append(b.errs, keyPos(p, "draft").Errorf(
					"draft = true here but not in %s: a page is a draft in every language or in none (or build with -drafts)", published.Source))
			}
		}
	}
}

// keyPos is where a page's front matter (or facts file) sets key, or the
// page's file if it does not.
func keyPos(p *model.Page, key string) model.Pos {
	if pos, ok := p.KeyPos[key]; ok {
		return pos
	}
	return model.Pos{File: p.Source}
}

// addMissingListPages creates, in every language, the home page, the
// section of every folder that holds pages, and the taxonomy and term pages
// for every term in use, where content/ does not give them text.
func (b *assembler) addMissingListPages() {
	need := map[string]model.Kind{"": model.KindHome}
	for key, pages := range b.byKey {
		for dir := parentKey(key); dir != ""; dir = parentKey(dir) {
			if need[dir] == "" {
				need[dir] = model.KindSection
			}
		}
		for _, p := range pages {
			for plural, terms := range p.TermKeys {
				need[plural] = model.KindTaxonomy
				for _, t := range terms {
					need[plural+"/"+t] = model.KindTerm
				}
			}
		}
	}
	for _, t := range b.cfg.Taxonomies {
		need[t.Plural] = model.KindTaxonomy
	}
	for key, kind := range need {
		if kind == model.KindSection && b.taxonomy(key) == nil && b.taxonomy(parentKey(key)) != nil {
			kind = model.KindTerm
		}
		for _, l := range b.langs {
			if b.byKey[key][l.Code] == nil {
				b.add(&model.Page{Kind: kind, Lang: l, Key: key, Title: autoTitle(key, l), Site: b.site})
			}
		}
	}
}

func autoTitle(key string, l *model.Language) string {
	if key == "" {
		return l.Title
	}
	return path.Base(key)
}

func parentKey(key string) string {
	if i := strings.LastIndex(key, "/"); i >= 0 {
		return key[:i]
	}
	return ""
}

// collect lists the pages in a stable order and gives each its URL.
func (b *assembler) collect() {
	for _, l := range b.langs {
		for _, key := range sortedKeys(b.byKey) {
			if p := b.byKey[key][l.Code]; p != nil {
				p.URL = pageURL(l, key)
				p.Section, _, _ = strings.Cut(key, "/")
				b.site.Pages = append(b.site.Pages, p)
			}
		}
		l.Home = b.byKey[""][l.Code]
	}
	b.site.Index()
}

func pageURL(l *model.Language, key string) string {
	if key == "" {
		return l.Prefix + "/"
	}
	return l.Prefix + "/" + key + "/"
}

// link resolves parents, members, neighbours, translations and terms.
func (b *assembler) link() {
	for _, p := range b.site.Pages {
		p.Translations = nil
		for _, l := range b.langs {
			if t := b.byKey[p.Key][l.Code]; t != nil && t != p {
				p.Translations = append(p.Translations, t)
			}
		}
		if p.Kind == model.KindHome {
			continue
		}
		parent := b.byKey[parentKey(p.Key)][p.Lang.Code]
		if parent == nil {
			// addMissingListPages makes every parent; a page without one
			// is a bug here, reported rather than a crash.
			b.errs = append(b.errs, model.Errorf(p.Source, 0, 0, "internal error: no parent page for %q", p.Key))
			continue
		}
		p.Parent = parent
		parent.Pages = append(parent.Pages, p)
		if p.Kind == model.KindTaxonomy || p.Kind == model.KindTerm {
			p.Taxonomy = strings.Split(p.Key, "/")[0]
		}
	}
	for _, p := range b.site.Pages {
		for plural, terms := range p.TermKeys {
			for _, t := range terms {
				term := b.byKey[plural+"/"+t][p.Lang.Code]
				term.Pages = append(term.Pages, p)
				if p.Terms == nil {
					p.Terms = map[string][]*model.Page{}
				}
				p.Terms[plural] = append(p.Terms[plural], term)
			}
		}
	}
	for _, p := range b.site.Pages {
		model.SortPages(p.Pages)
		for _, terms := range p.Terms {
			model.SortPages(terms)
		}
	}
	for _, p := range b.site.Pages {
		// Neighbours are siblings in the folder tree; a term lists pages
		// of many sections, so its list would give a page a stranger's
		// neighbour.
		if p.Kind != model.KindTerm {
			linkNeighbours(p.Pages)
		}
	}
}

// crossLinks works out what each page shows of others beside its
// neighbours: its alternates, where its language switcher leads, and its
// breadcrumbs. Templates read them as fields.
func (b *assembler) crossLinks() {
	for _, p := range b.site.Pages {
		for _, l := range b.langs {
			if l == p.Lang {
				p.Alternates = append(p.Alternates, p)
			} else if t := b.byKey[p.Key][l.Code]; t != nil {
				p.Alternates = append(p.Alternates, t)
			}
			if l != p.Lang {
				p.Switcher = append(p.Switcher, translationIn(p, l))
			}
		}
		for q := p.Parent; q != nil; q = q.Parent {
			p.Breadcrumbs = append(p.Breadcrumbs, q)
		}
		slices.Reverse(p.Breadcrumbs)
	}
}

// translationIn returns the page in language l: its translation, or for a
// page that has none, the nearest section above it that does.
func translationIn(p *model.Page, l *model.Language) *model.Page {
	for q := p; q != nil; q = q.Parent {
		if q.Lang == l {
			return q
		}
		for _, t := range q.Translations {
			if t.Lang == l {
				return t
			}
		}
	}
	return l.Home
}

// linkNeighbours sets Prev and Next among pages of the same kind, so a zone
// leads to the next zone, not to a subsection.
func linkNeighbours(pages []*model.Page) {
	var prev *model.Page
	for _, p := range pages {
		if p.Kind != model.KindPage && p.Kind != model.KindTerm {
			continue
		}
		if prev != nil {
			prev.Next, p.Prev = p, prev
		}
		prev = p
	}
}
