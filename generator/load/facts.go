package load

import (
	"maps"
	"time"

	"westcoast/generator/model"
)

// factsSource is a parsed facts file: the language-independent keys of the
// page beside it.
type factsSource struct {
	path string
	fm   frontMatter
	set  keySet
	src  *tomlSource
}

func parseFacts(path string, data []byte, sc schema) (*factsSource, error) {
	src := &tomlSource{file: path, text: string(data)}
	fm, set, err := decodeFrontMatter(src, sc)
	if err != nil {
		return nil, err
	}
	return &factsSource{path: path, fm: fm, set: set, src: src}, nil
}

// sharedKeys are the keys a facts file may set: those that do not depend on
// language. Titles and descriptions are written per language.
var sharedKeys = map[string]bool{"weight": true, "layout": true, "figures": true, "params": true, "draft": true,
	"date": true, "lastmod": true, "publishDate": true, "expiryDate": true, "aliases": true}

// merge adds a page's facts to one translation's front matter. A key set in
// both places is an error: a fact is entered once.
func (fa *factsSource) merge(sf *sourceFile, tax []model.Taxonomy) (frontMatter, model.Errors) {
	fm := sf.fm
	var list model.Errors
	for _, key := range fa.set {
		if !sharedKeys[key] && model.FindTaxonomy(tax, key) == nil {
			list = append(list, fa.src.at(key).Errorf("%q depends on language: set it in each Markdown file, not here", key))
			continue
		}
		if sf.set.has(key) {
			list = append(list, sf.src.at(key).Errorf("%q is also set in %s: enter a fact once", key, fa.path))
		}
	}
	if len(list) > 0 {
		return fm, list
	}
	if fa.set.has("weight") {
		fm.Weight = fa.fm.Weight
	}
	if fa.set.has("layout") {
		fm.Layout = fa.fm.Layout
	}
	if fa.set.has("draft") {
		fm.Draft = fa.fm.Draft
	}
	if fa.set.has("figures") {
		fm.Figures = fa.fm.Figures
	}
	if fa.set.has("params") {
		fm.Params = fa.fm.Params
	}
	if fa.set.has("aliases") {
		fm.Aliases = fa.fm.Aliases
	}
	for _, date := range [...]struct {
		key      string
		to, from *time.Time
	}{
		{"date", &fm.Date, &fa.fm.Date}, {"lastmod", &fm.Lastmod, &fa.fm.Lastmod},
		{"publishDate", &fm.PublishDate, &fa.fm.PublishDate}, {"expiryDate", &fm.ExpiryDate, &fa.fm.ExpiryDate},
	} {
		if fa.set.has(date.key) {
			*date.to = *date.from
		}
	}
	fm.Terms = mergeTerms(fm.Terms, fa.fm.Terms)
	return fm, nil
}

// mergeTerms is a page's terms with its facts file's. When only one of
// them files the page, its map is shared, not copied: nothing changes a
// page's terms after load, and the facts file's are every translation's.
func mergeTerms(own, facts map[string][]string) map[string][]string {
	switch {
	case len(facts) == 0:
		return own
	case len(own) == 0:
		return facts
	}
	terms := make(map[string][]string, len(own)+len(facts))
	maps.Copy(terms, own)
	maps.Copy(terms, facts)
	return terms
}
