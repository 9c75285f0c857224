package load

import (
	"fmt"
	"path"
	"slices"
	"strings"
	"time"

	"westcoast/generator/model"
)

// assembler turns parsed files into the page graph: every cross-page fact
// (translations, switcher targets, alternates, breadcrumbs, neighbours,
// terms, URLs, menus) is worked out here, once, and the model is not
// changed after.
type assembler struct {
	cfg        *model.Config
	langs      []*model.Language
	files      []contentFile
	parsed     map[string]*sourceFile
	facts      map[string]*factsSource
	src        *tomlSource // config.toml
	params     map[string]any
	langConfig map[string]languageConfig
	now        time.Time // what publishDate and expiryDate are compared with
	until      time.Time // when a page next comes into the build or leaves it (changesAt)
	site       *model.Site
	views      map[string]*model.LangSite // by language code
	errs       model.Errors
	// pages by key, then by language code; and by translation key, then
	// by language code
	byKey, byGroup map[string]map[string]*model.Page
	// groupFacts is the facts file of each translation key's pages.
	groupFacts map[string]*factsSource
	// factsUses counts, in a build, the pages still to take each facts
	// file (see tookFacts).
	factsUses map[*factsSource]int
	kept      []string // keptKeys
	// unpublished says why each content file left out of the build is;
	// unpublishedKeys holds their keys.
	unpublished     map[string]string
	unpublishedKeys map[string]bool
	cache           *Cache // the preview's, or nil
	// keys are byKey's keys, sorted, or nil when a key was added since
	// they were (pageKeys); a key dropped since may still be there.
	keys []string
	// summaries are what each page's summary is made from, by file.
	summaries map[string]summarySource
	// sharedFigures are the figures of facts files, which every
	// translation of their pages shares, by the facts file's front matter.
	sharedFigures map[*tomlSource][]*model.Figure
	// sharedTexts are figures' labels and units, by what they say (see
	// texts); textsBuf and textsKey are texts' buffers.
	sharedTexts map[string]model.Texts
	textsBuf    model.Texts
	textsKey    []byte
	// measures are figures' measures, by what they say (measure).
	measures map[measureKey]*model.Measure
	// sharedTermKeys are pages' TermKeys, by what they say (sharedTerms,
	// which makes its keys in textsKey too).
	sharedTermKeys map[string]map[string][]string
	// extra is where addFile makes a page's Extra.
	extra model.Extra
	// pages is where pages are made.
	pages pageBlock
}

func (b *assembler) assemble() (*model.Site, error) {
	b.site = &model.Site{Config: b.cfg, Languages: b.langs}
	b.byKey = map[string]map[string]*model.Page{}
	b.byGroup = map[string]map[string]*model.Page{}
	b.unpublished, b.unpublishedKeys = map[string]string{}, map[string]bool{}
	b.langSites()
	b.factsOfGroups()
	for _, f := range b.files {
		if f.kind == markdownFile {
			b.addFile(f)
		}
	}
	b.checkFacts()
	b.checkTranslations()
	b.dropDrafts()
	b.dropUnpublished()
	b.addMissingListPages()
	if err := b.errs.Err(); err != nil {
		return nil, err
	}
	b.collect()
	b.link()
	b.crossLinks()
	b.checkAliases()
	b.menus()
	b.site.Unpublished = b.unpublished
	return b.site, b.errs.Err()
}

func (b *assembler) addFile(f contentFile) {
	sf := b.parsed[f.path]
	if b.summaries == nil {
		b.summaries = make(map[string]summarySource, len(b.parsed))
	}
	if b.cache == nil {
		// A build keeps of the file only what its summary is made from:
		// the parsed files are the larger part of what a load holds, and
		// letting each go as its page is made keeps the two from being
		// held at once.
		b.summaries[f.path] = sf.summarySource(nil)
		delete(b.parsed, f.path)
	} else {
		b.summaries[f.path] = sf.summarySource(sf)
	}
	if b.cache.redo(b, f) {
		return
	}
	errs := len(b.errs)
	fm := sf.fm
	kept := b.keptKeys()
	keyPos, figures := sf.src.positions(kept...), sf.src
	if fa := b.groupFacts[groupOf(f.key, fm)]; fa != nil {
		defer b.tookFacts(fa)
		for _, e := range fa.src.positions(kept...) {
			keyPos = keyPos.With(e.Key, e.Pos)
		}
		if fa.set.has("figures") {
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
	l := model.FindLanguage(b.langs, f.lang)
	// The page's Extra is made in b.extra, then kept (KeepExtra): most
	// pages set none of it, and share one.
	b.extra = model.Extra{Layout: fm.Layout, Draft: fm.Draft, Monolingual: fm.Monolingual}
	p := b.pages.page(model.Page{
		Kind: b.kindOf(f), Lang: l, Key: f.key, TranslationKey: groupOf(f.key, fm), Source: f.path,
		Title: fm.Title, LinkTitle: fm.LinkTitle, Description: fm.Description,
		Weight: fm.Weight, Params: fm.Params, KeyPos: keyPos, Body: sf.body, Site: b.views[f.lang],
		Extra: &b.extra,
	})
	// The preview's cache keeps each page with its own faults, so there
	// each page checks its figures.
	p.Figures = b.pageFigures(figures, figures != sf.src && b.cache == nil, fm.Figures)
	b.termsOf(p, fm.Terms)
	b.dates(p, fm)
	b.slug(p, fm.Slug)
	b.layout(p)
	p.Aliases = b.aliases(p, fm.Aliases)
	p.Taxonomy = taxonomyOf(p)
	p.Extra = model.KeepExtra(p.Extra)
	b.add(p)
	b.cache.keepPage(b, f, p, b.errs[errs:])
}

// add puts a page in the graph, under its key and its translation key.
func (b *assembler) add(p *model.Page) {
	if b.byKey[p.Key] == nil {
		b.byKey[p.Key] = map[string]*model.Page{}
		b.keys = nil
	}
	b.byKey[p.Key][p.Lang.Code] = p
	b.join(p)
}

// drop leaves a page out of the build, and says why for links to it.
func (b *assembler) drop(p *model.Page, why string) {
	delete(b.byKey[p.Key], p.Lang.Code)
	if len(b.byKey[p.Key]) == 0 {
		delete(b.byKey, p.Key)
	}
	if b.byGroup[p.TranslationKey][p.Lang.Code] == p {
		delete(b.byGroup[p.TranslationKey], p.Lang.Code)
	}
	b.unpublished[p.Source] = why
	b.unpublishedKeys[p.Key] = true
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
	for _, key := range sortedKeys(b.byGroup) {
		pages := b.byGroup[key]
		var have *model.Page
		for _, l := range b.langs {
			if p := pages[l.Code]; p != nil && have == nil {
				have = p
			}
		}
		for _, l := range b.langs {
			if have == nil || pages[l.Code] != nil || have.Monolingual {
				continue
			}
			b.errs = append(b.errs, model.Errorf(have.Source, 0, 0, "missing translation: %s (write it, or set monolingual = true)", b.wanted(pages, l)))
		}
	}
}

// wanted says which file would give a page its translation in language l:
// the file named like one of its files, or one that sets its
// translationKey when all of them set it.
func (b *assembler) wanted(pages map[string]*model.Page, l *model.Language) string {
	for _, have := range b.langs {
		if p := pages[have.Code]; p != nil && p.TranslationKey == p.Key {
			return translationPath(p.Source, p.Lang.Code, l.Code) + " does not exist"
		}
	}
	for _, have := range b.langs {
		if p := pages[have.Code]; p != nil {
			return fmt.Sprintf("no %s file has translationKey %q", l.Code, p.TranslationKey)
		}
	}
	return ""
}

func translationPath(source, from, to string) string {
	base := strings.TrimSuffix(source, "."+from+".md")
	if base == source { // the default language's file without a suffix
		base = strings.TrimSuffix(source, ".md")
	}
	return base + "." + to + ".md"
}

// dropDrafts leaves out pages marked draft, unless the build wants them.
// A page that is a draft in one language only is an error: its published
// translations would link to a page that is not there.
func (b *assembler) dropDrafts() {
	if b.cfg.Drafts {
		return
	}
	b.checkDrafts()
	for _, p := range b.all() {
		if p.Draft {
			b.drop(p, "it is a draft (build with -drafts to include it)")
		}
	}
}

func (b *assembler) checkDrafts() {
	for _, key := range sortedKeys(b.byGroup) {
		var published *model.Page
		for _, l := range b.langs {
			if p := b.byGroup[key][l.Code]; p != nil && !p.Draft && published == nil {
				published = p
			}
		}
		for _, l := range b.langs {
			if p := b.byGroup[key][l.Code]; p != nil && p.Draft && published != nil {
				b.errs = append(b.errs, keyPos(p, "draft").Errorf(
					"draft = true here but not in %s: a page is a draft in every language or in none (or build with -drafts)", published.Source))
			}
		}
	}
}

// all lists the pages in the graph in a stable order: by key, then by
// language.
func (b *assembler) all() []*model.Page {
	keys := b.pageKeys()
	// Sized for every key in every language: grown by appending, the list
	// of 200,000 pages was copied some thirty times as it grew, in each
	// of the three steps that walk it.
	list := make([]*model.Page, 0, len(keys)*len(b.langs))
	for _, key := range keys {
		for _, l := range b.langs {
			if p := b.byKey[key][l.Code]; p != nil {
				list = append(list, p)
			}
		}
	}
	return list
}

// pageKeys are the keys of the pages in the graph, sorted, and perhaps
// some of pages dropped since: sorting them once, not at every step,
// matters on a large site.
func (b *assembler) pageKeys() []string {
	if b.keys == nil {
		b.keys = sortedKeys(b.byKey)
	}
	return b.keys
}

// laterKeys are the front matter keys whose place a page keeps
// (model.Page.KeyPos) for the stages after parsing to blame, with the
// taxonomies' keys: a page keeps these few, not every key, because a large
// site has a great many pages.
var laterKeys = []string{"layout", "summary", "draft", "expiryDate", "slug", "translationKey", "aliases", "params.images"}

// keptKeys are laterKeys and the site's taxonomy keys.
func (b *assembler) keptKeys() []string {
	if b.kept == nil {
		b.kept = append([]string(nil), laterKeys...)
		for _, t := range b.cfg.Taxonomies {
			b.kept = append(b.kept, t.Plural)
		}
	}
	return b.kept
}

// keyPos is where a page's front matter (or facts file) sets key, or the
// page's file if it does not.
func keyPos(p *model.Page, key string) model.Pos {
	if pos, ok := p.KeyPos.Find(key); ok {
		return pos
	}
	return model.Pos{File: p.Source}
}

// link resolves parents, members, neighbours, translations and terms.
func (b *assembler) link() {
	for _, p := range b.site.Pages {
		p.Translations = nil
		for _, l := range b.langs {
			if t := b.byGroup[p.TranslationKey][l.Code]; t != nil && t != p {
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
	}
	b.linkTerms()
	for _, p := range b.site.Pages {
		// model.SortPages' order (TestOrders), without its reflection.
		slices.SortStableFunc(p.Pages, model.ComparePages)
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
// breadcrumbs. Templates read them as fields. Pages that show the same
// list share it: the translations of a page have the same alternates, the
// pages of a section the same breadcrumbs, and a page's switcher most
// often leads to its translations.
func (b *assembler) crossLinks() {
	alternates := map[string][]*model.Page{}  // by translation key
	crumbs := map[*model.Page][]*model.Page{} // of each page's members
	var list []*model.Page
	for _, p := range b.site.Pages {
		list = list[:0]
		for _, l := range b.langs {
			if l == p.Lang {
				list = append(list, p)
			} else if t := b.byGroup[p.TranslationKey][l.Code]; t != nil {
				list = append(list, t)
			}
		}
		p.Alternates = alternates[p.TranslationKey]
		if !slices.Equal(p.Alternates, list) {
			p.Alternates = keepList(list)
			alternates[p.TranslationKey] = p.Alternates
		}
		list = list[:0]
		for _, l := range b.langs {
			if l != p.Lang {
				list = append(list, translationIn(p, l))
			}
		}
		p.Switcher = p.Translations
		if !slices.Equal(p.Switcher, list) {
			p.Switcher = keepList(list)
		}
		if p.Parent != nil {
			p.Breadcrumbs = crumbsOf(p.Parent, crumbs)
		}
	}
}

// crumbsOf returns the breadcrumbs of the members of q: q's, then q.
func crumbsOf(q *model.Page, made map[*model.Page][]*model.Page) []*model.Page {
	if list, ok := made[q]; ok {
		return list
	}
	var above []*model.Page
	if q.Parent != nil {
		above = crumbsOf(q.Parent, made)
	}
	list := append(slices.Clone(above), q)
	made[q] = slices.Clip(list)
	return made[q]
}

// keepList returns a copy of list for pages to share, without room to
// grow, so that no append to one page's list changes another's; none for
// an empty list.
func keepList(list []*model.Page) []*model.Page {
	if len(list) == 0 {
		return nil
	}
	return slices.Clip(slices.Clone(list))
}

// taxonomyOf is a taxonomy or term page's Taxonomy: the plural name.
func taxonomyOf(p *model.Page) string {
	if p.Kind != model.KindTaxonomy && p.Kind != model.KindTerm {
		return ""
	}
	return strings.Split(p.Key, "/")[0]
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
