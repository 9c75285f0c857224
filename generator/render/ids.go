package render

import (
	"regexp"
	"strings"
)

// idAttr matches an id attribute written out in a template: id="main" or
// id='main', after a space so that data-id="x" is not one.
var idAttr = regexp.MustCompile(`\sid=(?:"([^"]*)"|'([^']*)')`)

// ReservedIDs are the element ids that the layouts write out literally
// (id="main"), each with the first template that does, in name order.
// Headings in content must not take them: a second id="main" breaks the
// skip link, a second id="search-results" breaks search. Ids made by
// template actions (id="{{.ID}}") are not known here; model.Page.IDUser
// tells a page's. A nil *Layouts reserves nothing.
func (l *Layouts) ReservedIDs() map[string]string {
	if l == nil {
		return nil
	}
	return l.ids
}

// literalIDs collects the ids written out in templates, by template name.
func literalIDs(files map[string]string) map[string]string {
	ids := map[string]string{}
	for _, name := range sortedKeys(files) {
		for _, m := range idAttr.FindAllStringSubmatch(files[name], -1) {
			id := m[1] + m[2]
			if id == "" || strings.Contains(id, "{{") {
				continue
			}
			if _, seen := ids[id]; !seen {
				ids[id] = LayoutDir + "/" + name
			}
		}
	}
	return ids
}
