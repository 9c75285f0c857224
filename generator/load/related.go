package load

import (
	"slices"
	"strconv"
	"sync"

	"westcoast/generator/model"
	"westcoast/generator/par"
)

// relatedConfig is [related] in config.toml: the part of Hugo's that this
// generator has (its indices, each a taxonomy with a weight), and how many
// related pages a page gets, which Hugo leaves to the template.
type relatedConfig struct {
	Limit   *int           `toml:"limit"`
	Indices []relatedIndex `toml:"indices"`
}

type relatedIndex struct {
	Name   string `toml:"name"`
	Weight *int   `toml:"weight"`
}

// relatedSettings are [related], checked.
type relatedSettings struct {
	limit int
	// weights are what a shared term of each taxonomy counts for, by the
	// taxonomy's plural name; a taxonomy not in it does not count.
	weights map[string]int
}

// defaultRelatedLimit is how many related pages a page gets unless
// [related] says.
const defaultRelatedLimit = 5

// relatedWindow bounds the work .Related takes on a large site: of a
// term's pages, only the relatedWindow on either side of the page, in the
// order related pages are listed (the newest first), are weighed. A term
// of a few hundred pages is weighed whole; one of ten thousand costs no
// more, so the site's build time does not grow with the square of its
// largest term.
const relatedWindow = 50

// readRelated checks [related]: a limit of 0 or more, and indices that
// name each taxonomy once, with a weight of 1 or more. Without indices,
// every taxonomy counts, each shared term 1.
func readRelated(src *tomlSource, rc relatedConfig, taxonomies []model.Taxonomy) (relatedSettings, model.Errors) {
	rs := relatedSettings{limit: defaultRelatedLimit, weights: map[string]int{}}
	var list model.Errors
	if rc.Limit != nil {
		if *rc.Limit < 0 {
			list = append(list, src.valueAt("related", "limit").Errorf("related.limit = %d: must be 0 (no related pages) or more", *rc.Limit))
		} else {
			rs.limit = *rc.Limit
		}
	}
	if rc.Indices == nil {
		for _, t := range taxonomies {
			rs.weights[t.Plural] = 1
		}
		return rs, list
	}
	plurals := make([]string, len(taxonomies))
	for i, t := range taxonomies {
		plurals[i] = t.Plural
	}
	for i, ix := range rc.Indices {
		n := strconv.Itoa(i)
		weight := 1
		if ix.Weight != nil {
			weight = *ix.Weight
		}
		switch {
		case model.FindTaxonomy(taxonomies, ix.Name) == nil:
			list = append(list, src.valueAt("related", "indices", n, "name").Errorf("related.indices: %q is not a taxonomy%s; an index is a taxonomy's plural name, one of %s",
				ix.Name, didYouMean(ix.Name, plurals), quotedList(plurals)))
		case rs.weights[ix.Name] != 0:
			list = append(list, src.valueAt("related", "indices", n, "name").Errorf("related.indices: %q is listed twice", ix.Name))
		case weight < 1:
			list = append(list, src.valueAt("related", "indices", n, "weight").Errorf("related.indices: the weight of %q is %d: must be 1 or more (leave an index out to ignore it)", ix.Name, weight))
		default:
			rs.weights[ix.Name] = weight
		}
	}
	return rs, list
}

func quotedList(names []string) string {
	s := ""
	for i, n := range names {
		if i > 0 {
			s += ", "
		}
		s += strconv.Quote(n)
	}
	if s == "" {
		return "none here: config.toml has no [taxonomies]"
	}
	return s
}

// relate works out each content page's Related, as Hugo's .Related: the
// other content pages of its language that share terms with it, the most
// first (each shared term counting its taxonomy's weight), then the
// newest, then as lists order them; at most the limit. Each page looks
// only at the members of its own terms, near it (relatedWindow), never at
// the whole site.
func relate(site *model.Site, rs relatedSettings) {
	if rs.limit == 0 || len(rs.weights) == 0 {
		return
	}
	var pages []*model.Page
	for _, p := range site.Pages {
		if p.Kind == model.KindPage {
			pages = append(pages, p)
		}
	}
	r := &ranking{pages: slices.Clone(pages), rank: make(map[*model.Page]int, len(pages)), members: map[*model.Page][]int{}}
	slices.SortStableFunc(r.pages, model.CompareNewest)
	for i, p := range r.pages {
		r.rank[p] = i
	}
	for _, t := range site.Pages {
		if t.Kind != model.KindTerm || rs.weights[t.Taxonomy] == 0 {
			continue
		}
		var list []int
		for _, p := range t.Pages {
			if p.Kind == model.KindPage {
				list = append(list, r.rank[p])
			}
		}
		slices.Sort(list)
		r.members[t] = list
	}
	scratch := sync.Pool{New: func() any { return &scores{of: make([]int, len(pages))} }}
	par.Do(len(pages), func(i int) {
		s := scratch.Get().(*scores)
		pages[i].Related = r.related(pages[i], rs, s)
		scratch.Put(s)
	})
}

// ranking is the order related pages are listed in: the content pages by
// rank (model.CompareNewest), each page's rank, and each term's members' ranks, in
// order. Pages go by rank below, which spares a map lookup per candidate.
type ranking struct {
	pages   []*model.Page
	rank    map[*model.Page]int
	members map[*model.Page][]int
}

// scores are the candidates' scores by rank, zero but for those touched.
type scores struct {
	of      []int
	touched []int
}

// related are one page's related pages; s is left as it is found, zero.
func (r *ranking) related(p *model.Page, rs relatedSettings, s *scores) []*model.Page {
	at := r.rank[p]
	for plural, terms := range p.Terms {
		weight := rs.weights[plural]
		for _, t := range terms {
			list := r.members[t]
			i, _ := slices.BinarySearch(list, at)
			for _, q := range list[max(0, i-relatedWindow):min(len(list), i+relatedWindow+1)] {
				if q == at {
					continue
				}
				if s.of[q] == 0 {
					s.touched = append(s.touched, q)
				}
				s.of[q] += weight
			}
		}
	}
	if len(s.touched) == 0 {
		return nil
	}
	// The best limit of them, kept in order as they are found: a large
	// site's pages have a few hundred candidates each, of which five are
	// kept, and sorting them all would cost more than weighing them.
	type candidate struct{ score, rank int }
	better := func(a, b candidate) bool {
		if a.score != b.score {
			return a.score > b.score
		}
		return a.rank < b.rank
	}
	best := make([]candidate, 0, rs.limit+1)
	for _, q := range s.touched {
		c := candidate{s.of[q], q}
		s.of[q] = 0
		if len(best) == rs.limit && !better(c, best[len(best)-1]) {
			continue
		}
		i := len(best)
		for i > 0 && better(c, best[i-1]) {
			i--
		}
		best = slices.Insert(best, i, c)
		if len(best) > rs.limit {
			best = best[:rs.limit]
		}
	}
	s.touched = s.touched[:0]
	out := make([]*model.Page, len(best))
	for i, c := range best {
		out[i] = r.pages[c.rank]
	}
	return out
}
