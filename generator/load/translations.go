package load

import (
	"fmt"

	"westcoast/generator/model"
)

// groupOf is a page's translation key: its translationKey, or else its
// key, so that content/about.fr.md... is paired by name, and a file of
// another name joins the pair by setting translationKey = "about".
func groupOf(key string, fm frontMatter) string {
	if fm.TranslationKey != "" {
		return fm.TranslationKey
	}
	return key
}

// factsOfGroups finds each translation key's facts file: the one beside
// any of its files, so that a file paired by translationKey has the facts
// of the page it translates.
func (b *assembler) factsOfGroups() {
	b.groupFacts = map[string]*factsSource{}
	for _, f := range b.files {
		fa := b.facts[f.key]
		if f.kind != markdownFile || fa == nil {
			continue
		}
		sf := b.parsed[f.path]
		group := groupOf(f.key, sf.fm)
		if other := b.groupFacts[group]; other != nil && other != fa {
			b.errs = append(b.errs, sf.src.at("translationKey").Errorf(
				"translationKey %q pairs this page with one whose facts are in %s, but its own are in %s: keep one facts file", group, other.path, fa.path))
			continue
		}
		b.groupFacts[group] = fa
	}
	if b.cache == nil {
		b.countFactsUses()
	}
}

// countFactsUses counts the pages that take each facts file: addFile
// looks each one up as here.
func (b *assembler) countFactsUses() {
	b.factsUses = map[*factsSource]int{}
	for _, f := range b.files {
		if f.kind != markdownFile {
			continue
		}
		if fa := b.groupFacts[groupOf(f.key, b.parsed[f.path].fm)]; fa != nil {
			b.factsUses[fa]++
		}
	}
}

// tookFacts lets a build drop a facts file once the last of its pages has
// taken it. Parsed facts files are most of what parsing holds (figures,
// their labels, where each key is written), and a page's translations sit
// together in the files' order, so few are held at once.
func (b *assembler) tookFacts(fa *factsSource) {
	if b.factsUses == nil {
		return
	}
	if b.factsUses[fa]--; b.factsUses[fa] > 0 {
		return
	}
	delete(b.factsUses, fa)
	delete(b.sharedFigures, fa.src)
	*fa = factsSource{path: fa.path} // checkFacts names it
}

// join adds a page to its translation key's pages. Two pages of one
// language with one translation key, or a page paired with a list page,
// are errors at the translationKey that pairs them.
func (b *assembler) join(p *model.Page) {
	group := b.byGroup[p.TranslationKey]
	if group == nil {
		group = map[string]*model.Page{}
		b.byGroup[p.TranslationKey] = group
	}
	if other := group[p.Lang.Code]; other != nil {
		at, q := b.pairedBy(p, other)
		b.errs = append(b.errs, keyPos(at, "translationKey").Errorf(
			"translationKey %q: %s is its %s page already; a page has one file per language", at.TranslationKey, describePage(q), p.Lang.Code))
		return
	}
	for _, other := range group {
		if other.Kind != p.Kind {
			at, q := b.pairedBy(p, other)
			b.errs = append(b.errs, keyPos(at, "translationKey").Errorf(
				"translationKey %q pairs this %s with %s, a %s: translations are pages of one kind", at.TranslationKey, at.Kind, describePage(q), q.Kind))
			return
		}
	}
	group[p.Lang.Code] = p
}

// pairedBy returns the one of two pages whose translationKey paired them,
// and the other.
func (b *assembler) pairedBy(p, other *model.Page) (at, q *model.Page) {
	if p.TranslationKey == p.Key || p.Source == "" {
		return other, p
	}
	return p, other
}

// describePage names a page for a message: its file, or for a page made
// without one, its folder.
func describePage(p *model.Page) string {
	if p.Source != "" {
		return p.Source
	}
	return fmt.Sprintf("the %s made for %s/%s/", p.Kind, ContentDir, p.Key)
}
