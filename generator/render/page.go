package render

import (
	"fmt"
	"html/template"
	"strings"
	"time"

	"westcoast/generator/markdown"
	"westcoast/generator/model"
)

// Page is what a template's dot is: the page being rendered, with the
// helpers that depend on it (its language, its place in the site).
type Page struct {
	*model.Page
	// The model page's fields that templates read most, copied to the top
	// (newPage fills them): text/template looks a field up by name at
	// every use, and finds one promoted from the embedded page only by
	// reflect's search through embedded structs, which allocates; a field
	// of Page itself is found by a short loop. That search was a tenth of
	// a plain page's template time.
	Kind                   model.Kind
	Lang                   *model.Language
	Site                   *model.LangSite
	Key, Section, URL      string
	Title, LinkTitle       string
	Description, Permalink string
	Image                  string
	Summary                template.HTML
	Params                 map[string]any
	Figures                []*model.Figure
	Terms                  map[string][]*model.Page
	Pages                  []*model.Page
	Alternates, Switcher   []*model.Page
	Breadcrumbs            []*model.Page
	// Content is the page's text as HTML, converted as the page is
	// rendered.
	Content template.HTML
	// toc are the text's headings, for TableOfContents.
	toc []markdown.Heading
	// outPath is where the page is written; links are relative to it.
	outPath string
	// absLinks makes every link absolute, for pages such as 404.html that a
	// host serves at any URL.
	absLinks bool
	// pager is which pager of a list page is being rendered; nil on pages
	// that list nothing.
	pager *pagerState
	// making are the partialCached results being made around this
	// execution, to refuse one that asks for itself.
	making *making
	// partials is how many partials this page is passed through, as the
	// dot, around this execution (see nested).
	partials int
}

// newPage is the template's view of p.
func newPage(p *model.Page) Page {
	return Page{Page: p, Kind: p.Kind, Lang: p.Lang, Site: p.Site, Key: p.Key, Section: p.Section, URL: p.URL,
		Title: p.Title, LinkTitle: p.LinkTitle, Description: p.Description, Permalink: p.Permalink, Image: p.Image,
		Summary: p.Summary, Params: p.Params, Figures: p.Figures, Terms: p.Terms, Pages: p.Pages,
		Alternates: p.Alternates, Switcher: p.Switcher, Breadcrumbs: p.Breadcrumbs}
}

// TableOfContents is Hugo's: a <nav id="TableOfContents"> with a list of
// links to the text's ## and ### headings, or "" when it has none.
func (p Page) TableOfContents() template.HTML { return markdown.TableOfContents(p.toc) }

// NotFound reports whether this is the 404 page, which is rendered with
// the home page as its data.
func (p Page) NotFound() bool { return p.absLinks }

// T returns a UI string in the page's language. Given values, it formats
// the string with them ({{.T "updated" $date}}), and a string whose verbs
// (%s, %d) do not take exactly those values is an error, not a page that
// shows "%!s(MISSING)". Without values it returns the string as written,
// verbs and all, for printf or a script to fill in.
func (p Page) T(key string, args ...any) (string, error) {
	s, ok := p.Lang.UI[key]
	if !ok {
		return "", fmt.Errorf("no UI string %q in %s", key, p.Lang.Code)
	}
	if len(args) == 0 {
		return s, nil
	}
	out, err := sprintf(s, args...)
	if err != nil {
		return "", fmt.Errorf("UI string %q in %s: %w", key, p.Lang.Code, err)
	}
	return out, nil
}

// ui is T for Go code, which asks only for keys the loader checked.
func (p Page) ui(key string) string { return p.Lang.T(key) }

// Rel returns a link to target relative to this page. target is a
// *model.Page, a render.Page, a menu entry, or a site path such as
// "/site.css" or "/#fragment"-style strings. A menu entry's address
// (https://…) is returned as it is.
func (p Page) Rel(target any) (string, error) {
	u, err := targetURL(target)
	if err != nil || !strings.HasPrefix(u, "/") {
		return u, err
	}
	if p.absLinks {
		return absolute(p.Site.Config.BaseURL, u), nil
	}
	return relative(p.outPath, u), nil
}

// Abs returns the absolute URL of target, from baseURL.
func (p Page) Abs(target any) (string, error) {
	u, err := targetURL(target)
	if err != nil || !strings.HasPrefix(u, "/") {
		return u, err
	}
	return absolute(p.Site.Config.BaseURL, u), nil
}

func targetURL(target any) (string, error) {
	switch t := target.(type) {
	case *model.Page:
		if t == nil {
			return "", fmt.Errorf("link to a page that does not exist")
		}
		return t.URL, nil
	case Page:
		return t.URL, nil
	case *Pager:
		if t == nil {
			return "", fmt.Errorf("link to a pager that does not exist")
		}
		return t.URL, nil
	case *model.MenuEntry:
		if t.Page != nil {
			return t.Page.URL, nil
		}
		return t.URL, nil
	case string:
		if len(t) == 0 || t[0] != '/' {
			return "", fmt.Errorf("link %q: site paths start with /", t)
		}
		return t, nil
	}
	return "", fmt.Errorf("cannot link to %s", describe(target))
}

// Get returns the page with a key ("zones", "zones/dongjiakou") in this
// page's language, or an error naming the key.
func (p Page) Get(key string) (*model.Page, error) {
	if q := p.Site.Page(p.Lang.Code, key); q != nil {
		return q, nil
	}
	return nil, fmt.Errorf("no page %q in %s", key, p.Lang.Code)
}

// Num writes a number in the page's language.
func (p Page) Num(v float64) string { return p.Lang.FormatNumber(v) }

// Money writes an amount of yuan in the page's language.
func (p Page) Money(v float64) string { return p.Lang.FormatMoney(v, false) }

// Date is the page's date, a time, as in Hugo ({{.Date.Year}}). Given a
// date, it writes it as FormatDate does: that is its older form,
// {{.Date .Site.Config.Updated}}, which layouts written for it still use.
func (p Page) Date(d ...any) (any, error) {
	switch len(d) {
	case 0:
		return p.Page.Date, nil
	case 1:
		return p.FormatDate(d[0])
	}
	return nil, fmt.Errorf("Date takes no value (the page's date) or one (a date to write, as FormatDate does), not %d", len(d))
}

// FormatDate writes a date in the page's language, with its format.date
// from config.toml. It takes a time or a string in RFC 3339 or YYYY-MM-DD
// form, such as .Site.Config.Updated.
func (p Page) FormatDate(d any) (string, error) {
	switch v := d.(type) {
	case time.Time:
		return p.Lang.FormatDate(v), nil
	case string:
		for _, layout := range []string{time.RFC3339, time.DateOnly} {
			if t, err := time.Parse(layout, v); err == nil {
				return p.Lang.FormatDate(t), nil
			}
		}
		return "", fmt.Errorf("date %q: want a day as YYYY-MM-DD or a time as YYYY-MM-DDThh:mm:ssZ", v)
	}
	return "", fmt.Errorf("cannot write %s as a date", describe(d))
}

// Figure writes a figure's value with its unit and qualifier.
func (p Page) Figure(f *model.Figure) string { return f.Format(p.Lang, "") }

// Label is a figure's label in the page's language.
func (p Page) Label(f *model.Figure) string { return f.Label.In(p.Lang.Code) }

// Period is a figure's period in the page's language, or "".
func (p Page) Period(f *model.Figure) string {
	if f.Period == "" {
		return ""
	}
	return p.ui("period." + f.Period)
}

// IsMenuCurrent reports whether a menu entry leads to this page, as
// Hugo's: {{if $.IsMenuCurrent "main" .}} aria-current="page"{{end}}.
func (p Page) IsMenuCurrent(menu string, e *model.MenuEntry) bool {
	return e != nil && e.Page == p.Page && !p.NotFound()
}

// HasMenuCurrent reports whether a menu entry leads to a section that
// this page is in (the home page aside, which every page is in).
func (p Page) HasMenuCurrent(menu string, e *model.MenuEntry) bool {
	if e == nil || e.Page == nil || e.Page.Kind == model.KindHome {
		return false
	}
	for _, q := range p.Breadcrumbs {
		if q == e.Page {
			return true
		}
	}
	return false
}

// Languages are the site's languages, in order.
func (p Page) Languages() []*model.Language { return p.Site.Languages }
