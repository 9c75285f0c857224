package load

import (
	"encoding/binary"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"unique"

	"westcoast/generator/model"
)

var figureKinds = map[string]bool{"money": true, "count": true, "percent": true}

// pageFigures are a page's figures: made once for all the translations
// that take them from one facts file (shared), since nothing changes a
// figure after load and its checks do not depend on the page's language.
func (b *assembler) pageFigures(src *tomlSource, shared bool, list []figureConfig) []*model.Figure {
	if !shared {
		return b.figures(src, list)
	}
	if figures, ok := b.sharedFigures[src]; ok {
		return figures
	}
	if b.sharedFigures == nil {
		b.sharedFigures = map[*tomlSource][]*model.Figure{}
	}
	figures := b.figures(src, list)
	b.sharedFigures[src] = figures
	return figures
}

// figures checks a page's figures and makes them model figures. Labels and
// units are needed in every language; periods, statuses and qualifiers need
// their UI strings. Each fault is reported at its key in src, the file that
// sets the figures.
func (b *assembler) figures(src *tomlSource, list []figureConfig) []*model.Figure {
	if len(list) == 0 {
		return nil
	}
	seen := make(map[string]int, len(list)) // the first figure with each id
	out := make([]*model.Figure, 0, len(list))
	for i, fc := range list {
		bad := func(key, format string, args ...any) {
			b.errs = append(b.errs, figureKeyPos(src, i, key).Errorf("figure %q: %s", fc.ID, fmt.Sprintf(format, args...)))
		}
		// Where a key is written is looked up only for a fault.
		first, dup := seen[fc.ID]
		if !dup {
			seen[fc.ID] = i
		}
		switch {
		case fc.ID == "" || !isSlug(fc.ID):
			bad("id", "id must be a slug such as \"new-projects\"")
		case dup:
			bad("id", "id used twice in this page (first at line %d)", figureKeyPos(src, first, "id").Line)
		case !figureKinds[fc.Kind]:
			bad("kind", "kind must be money, count or percent, not %q", fc.Kind)
		}
		switch {
		case math.IsNaN(fc.Value) || math.IsInf(fc.Value, 0):
			bad("value", "value must be a number, not %s", strings.ToLower(strconv.FormatFloat(fc.Value, 'g', -1, 64)))
		case fc.Kind == "count" && fc.Value != math.Trunc(fc.Value):
			bad("value", "a count must be a whole number, not %v", fc.Value)
		}
		for _, l := range b.langs {
			if fc.labels.In(l.Code) == "" {
				bad("label", "label has no %q", l.Code)
			}
			if fc.Kind == "count" && fc.units.In(l.Code) == "" && len(fc.units) > 0 {
				bad("unit", "unit has no %q", l.Code)
			}
			if fc.Period != "" && l.UI["period."+fc.Period] == "" {
				bad("period", "period %q needs the UI string \"period.%s\" in languages.%s.ui", fc.Period, fc.Period, l.Code)
			}
			if fc.Status != "" && l.UI["status."+fc.Status] == "" {
				bad("status", "status %q needs the UI string \"status.%s\" in languages.%s.ui", fc.Status, fc.Status, l.Code)
			}
			if fc.Approx != "" && !strings.Contains(l.UI["approx."+fc.Approx], "%s") {
				bad("approx", "approx %q needs the UI string \"approx.%s\" (with %%s) in languages.%s.ui", fc.Approx, fc.Approx, l.Code)
			}
		}
		out = append(out, &model.Figure{ID: intern(fc.ID), Value: fc.Value, Measure: b.measure(fc)})
	}
	return out
}

// measureKey is what a Measure says: its texts are the lists that texts
// shares, the same list for the same texts.
type measureKey struct {
	kind, period, approx, status, chart string
	unit, label                         *model.LangText
}

// measure is what the figure measures, one Measure for all the figures
// that measure the same: a few labels and units repeat from one facts
// file to the next. The kinds, periods, statuses and charts are a few
// words that every facts file repeats: one copy of each is kept, not
// each file's.
func (b *assembler) measure(fc figureConfig) *model.Measure {
	m := model.Measure{Kind: intern(fc.Kind), Unit: b.texts(fc.units), Period: intern(fc.Period), Approx: intern(fc.Approx),
		Status: intern(fc.Status), Label: b.texts(fc.labels), Chart: intern(fc.Chart)}
	key := measureKey{kind: m.Kind, period: m.Period, approx: m.Approx, status: m.Status, chart: m.Chart,
		unit: listAt(m.Unit), label: listAt(m.Label)}
	if shared, ok := b.measures[key]; ok {
		return shared
	}
	if b.measures == nil {
		b.measures = map[measureKey]*model.Measure{}
	}
	b.measures[key] = &m
	return &m
}

// listAt is where a shared list of texts starts, or nil for none.
func listAt(t model.Texts) *model.LangText {
	if len(t) == 0 {
		return nil
	}
	return &t[0]
}

// texts keeps of a figure's label or unit the site's languages, in their
// order; none for a figure without one. Figures with the same texts share
// one list: units, and many labels, repeat from one facts file to the next.
func (b *assembler) texts(byCode model.Texts) model.Texts {
	if len(byCode) == 0 {
		return nil
	}
	t, key := b.textsBuf[:0], b.textsKey[:0]
	for _, l := range b.langs {
		if i := slices.IndexFunc(byCode, func(x model.LangText) bool { return x.Lang == l.Code }); i >= 0 {
			t = append(t, model.LangText{Lang: l.Code, Text: byCode[i].Text}) // not the file's code, a part of its text
			// Each with its length first, so that no two lists make one key.
			key = binary.AppendUvarint(append(binary.AppendUvarint(key, uint64(len(l.Code))), l.Code...), uint64(len(byCode[i].Text)))
			key = append(key, byCode[i].Text...)
		}
	}
	b.textsBuf, b.textsKey = t, key
	if shared, ok := b.sharedTexts[string(key)]; ok {
		return shared
	}
	t = append(make(model.Texts, 0, len(t)), t...)
	if b.sharedTexts == nil {
		b.sharedTexts = map[string]model.Texts{}
	}
	b.sharedTexts[string(key)] = t
	return t
}

// intern returns the one copy of s kept for the whole process.
func intern(s string) string {
	if s == "" {
		return ""
	}
	return unique.Make(s).Value()
}

// figureKeyPos is where the i-th figure sets key, or where the figure
// starts if it does not set it.
func figureKeyPos(src *tomlSource, i int, key string) model.Pos {
	n := strconv.Itoa(i)
	if p := src.at("figures", n, key); p.Line > 0 {
		return p
	}
	return src.at("figures", n)
}

// termsOf checks a page's taxonomy terms.
func (b *assembler) termsOf(p *model.Page, terms map[string][]string) {
	for plural, list := range terms {
		for _, t := range list {
			if !isSlug(t) {
				b.errs = append(b.errs, keyPos(p, plural).Errorf("%s: %q is not a slug (lower-case ASCII letters, digits and '-')", plural, t))
			}
		}
	}
	p.TermKeys = b.sharedTerms(terms)
}

// sharedTerms returns a page's terms as a map that every page filed under
// the same terms shares, or nil for none: a site has many pages and
// fewer sets of terms, and a map of one entry is most of the size of a
// page. Nothing changes a page's terms after load.
func (b *assembler) sharedTerms(terms map[string][]string) map[string][]string {
	if len(terms) == 0 {
		return nil
	}
	key := b.textsKey[:0]
	for _, plural := range sortedKeys(terms) {
		key = binary.AppendUvarint(append(binary.AppendUvarint(key, uint64(len(plural))), plural...), uint64(len(terms[plural])))
		for _, t := range terms[plural] {
			key = append(binary.AppendUvarint(key, uint64(len(t))), t...) // each with its length first, so that no two sets make one key
		}
	}
	b.textsKey = key
	if m, ok := b.sharedTermKeys[string(key)]; ok {
		return m
	}
	if b.sharedTermKeys == nil {
		b.sharedTermKeys = map[string]map[string][]string{}
	}
	b.sharedTermKeys[string(key)] = terms
	return terms
}
