package model

import (
	"fmt"
	"strings"
)

// FigureShortcode writes the built-in shortcode {{< figure "id" >}} for a
// page: the figure in the page's language. "id" is a figure of the page,
// "/path/#id" one of another page in the same language; a second argument
// "bare" leaves out the currency or counter. Its spaces do not break.
func (p *Page) FigureShortcode(name string, args []string) (string, error) {
	if name != "figure" {
		return "", fmt.Errorf("unknown shortcode %q: the one shortcode is figure", name)
	}
	if len(args) < 1 || len(args) > 2 {
		return "", fmt.Errorf(`figure takes an id and an optional form: {{< figure "id" "bare" >}}`)
	}
	form := ""
	if len(args) == 2 {
		if form = args[1]; form != "bare" {
			return "", fmt.Errorf("figure form %q: the one form is \"bare\"", form)
		}
	}
	f, err := p.figureRef(args[0])
	if err != nil {
		return "", err
	}
	// One unbreakable run: a narrow screen never ends a line in "CNY 42"
	// and starts the next with "billion".
	return strings.ReplaceAll(f.Format(p.Lang, form), " ", "\u00a0"), nil
}

// figureRef finds "id" on the page itself or "/path/#id" on another page in
// the same language.
func (p *Page) figureRef(ref string) (*Figure, error) {
	owner := p
	id := ref
	if i := strings.Index(ref, "#"); i >= 0 {
		key := strings.Trim(ref[:i], "/")
		id = ref[i+1:]
		if owner = p.Site.Page(p.Lang.Code, key); owner == nil {
			return nil, fmt.Errorf("figure %q: no page at /%s", ref, key)
		}
	}
	for _, f := range owner.Figures {
		if f.ID == id {
			return f, nil
		}
	}
	return nil, fmt.Errorf("figure %q: %s has no figure with that id", ref, owner.Source)
}
