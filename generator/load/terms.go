package load

import (
	"slices"
	"strings"

	"westcoast/generator/model"
)

// linkTerms files each page under its terms, and gives it its Terms: the
// term pages by taxonomy, each list in SortPages' order. Pages of one
// language filed under the same terms share one Terms map, which nothing
// changes after load: a large site files thousands of pages under a few
// dozen combinations of terms, and a map for every page was a tenth of
// the model.
func (b *assembler) linkTerms() {
	shared := map[string]map[string][]*model.Page{}
	var key strings.Builder
	for _, p := range b.site.Pages {
		if len(p.TermKeys) == 0 {
			continue
		}
		termsKey(&key, p)
		for plural, terms := range p.TermKeys {
			for _, t := range terms {
				term := b.byKey[plural+"/"+t][p.Lang.Code]
				term.Pages = append(term.Pages, p)
			}
		}
		if m, ok := shared[key.String()]; ok {
			p.Terms = m
			continue
		}
		p.Terms = b.termPages(p)
		shared[key.String()] = p.Terms
	}
}

// termPages makes a page's Terms.
func (b *assembler) termPages(p *model.Page) map[string][]*model.Page {
	m := make(map[string][]*model.Page, len(p.TermKeys))
	for plural, terms := range p.TermKeys {
		for _, t := range terms {
			m[plural] = append(m[plural], b.byKey[plural+"/"+t][p.Lang.Code])
		}
	}
	for _, list := range m {
		// model.SortPages' order (TestOrders), without its reflection.
		slices.SortStableFunc(list, model.ComparePages)
	}
	return m
}

// termsKey writes what tells a page's Terms apart: its language and its
// terms by taxonomy, each list sorted, as Terms' lists are.
func termsKey(key *strings.Builder, p *model.Page) {
	key.Reset()
	key.WriteString(p.Lang.Code)
	for _, plural := range sortedKeys(p.TermKeys) {
		key.WriteString("\x00" + plural)
		terms := slices.Clone(p.TermKeys[plural])
		slices.Sort(terms)
		for _, t := range terms {
			key.WriteString("\x01" + t)
		}
	}
}
