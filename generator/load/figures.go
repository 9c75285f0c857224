package load

import (
	"fmt"
	"strings"

	"westcoast/generator/model"
)

var figureKinds = map[string]bool{"money": true, "count": true, "percent": true}

// figures checks a page's figures and makes them model figures. Labels and
// units are needed in every language; periods and qualifiers need their UI
// strings.
func (b *builder) figures(f contentFile, list []figureConfig) []*model.Figure {
	where := f.path
	text := ""
	if fa := b.facts[f.key]; fa != nil && fa.set["figures"] {
		where, text = fa.path, fa.text
	}
	seen := map[string]bool{}
	var out []*model.Figure
	for _, fc := range list {
		line := figureLine(text, fc.ID)
		bad := func(format string, args ...any) {
			b.errs = append(b.errs, model.Errorf(where, line, 0, "figure %q: %s", fc.ID, fmt.Sprintf(format, args...)))
		}
		switch {
		case fc.ID == "" || !slugPart.MatchString(fc.ID):
			bad("id must be a slug such as \"new-projects\"")
		case seen[fc.ID]:
			bad("id used twice in this page")
		case !figureKinds[fc.Kind]:
			bad("kind must be money, count or percent, not %q", fc.Kind)
		}
		seen[fc.ID] = true
		for _, l := range b.langs {
			if fc.Label[l.Code] == "" {
				bad("label has no %q", l.Code)
			}
			if fc.Kind == "count" && fc.Unit[l.Code] == "" && len(fc.Unit) > 0 {
				bad("unit has no %q", l.Code)
			}
			if fc.Period != "" && l.UI["period."+fc.Period] == "" {
				bad("period %q needs the UI string \"period.%s\" in languages.%s.ui", fc.Period, fc.Period, l.Code)
			}
			if fc.Status != "" && l.UI["status."+fc.Status] == "" {
				bad("status %q needs the UI string \"status.%s\" in languages.%s.ui", fc.Status, fc.Status, l.Code)
			}
			if fc.Approx != "" && !strings.Contains(l.UI["approx."+fc.Approx], "%s") {
				bad("approx %q needs the UI string \"approx.%s\" (with %%s) in languages.%s.ui", fc.Approx, fc.Approx, l.Code)
			}
		}
		out = append(out, &model.Figure{ID: fc.ID, Kind: fc.Kind, Value: fc.Value, Unit: fc.Unit,
			Period: fc.Period, Approx: fc.Approx, Status: fc.Status, Label: fc.Label, Chart: fc.Chart})
	}
	return out
}

// figureLine finds the line that gives a figure its id, for errors.
func figureLine(text, id string) int {
	for i, l := range strings.Split(text, "\n") {
		if strings.Contains(l, `"`+id+`"`) && strings.Contains(l, "id") {
			return i + 1
		}
	}
	return 0
}

// termsOf checks a page's taxonomy terms.
func (b *builder) termsOf(p *model.Page, terms map[string][]string) {
	for plural, list := range terms {
		for _, t := range list {
			if !slugPart.MatchString(t) {
				b.errs = append(b.errs, model.Errorf(p.Source, 0, 0, "%s: %q is not a slug (lower-case ASCII letters, digits and '-')", plural, t))
			}
		}
	}
	p.TermKeys = terms
}
