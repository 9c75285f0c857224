package load

import (
	"net/url"
	"sort"
	"strconv"
	"strings"

	"westcoast/generator/model"
)

// menuConfig is one [[languages.<code>.menus.<name>]] entry, as Hugo's.
type menuConfig struct {
	Name    string `toml:"name"`
	PageRef string `toml:"pageRef"`
	URL     string `toml:"url"`
	Weight  int    `toml:"weight"`
}

// langSites makes each language's view of the site: its params, with the
// site's [params] under them. Menus need the pages, and come later (menus).
func (b *assembler) langSites() {
	b.views = map[string]*model.LangSite{}
	for _, l := range b.langs {
		v := &model.LangSite{Site: b.site, Language: l, Title: l.Title,
			Params: mergeParams(b.params, b.langConfig[l.Code].Params), Menus: map[string][]*model.MenuEntry{}}
		b.views[l.Code] = v
		b.site.Views = append(b.site.Views, v)
	}
}

// mergeParams lays over on base: a key in both takes over's value, but two
// tables are merged, key by key, the same way.
func mergeParams(base, over map[string]any) map[string]any {
	out := make(map[string]any, len(base)+len(over))
	for k, v := range base {
		out[k] = v
	}
	for k, v := range over {
		a, aok := out[k].(map[string]any)
		b, bok := v.(map[string]any)
		if aok && bok {
			v = mergeParams(a, b)
		}
		out[k] = v
	}
	return out
}

// menus resolves each language's menus: a pageRef names a page in that
// language; one left out of this build (a draft, a page still to come)
// leaves its entry out too, so that a menu can name a page before it is
// published.
func (b *assembler) menus() {
	for _, l := range b.langs {
		lc := b.langConfig[l.Code]
		for _, name := range sortedKeys(lc.Menus) {
			var entries []*model.MenuEntry
			for i, mc := range lc.Menus[name] {
				if e := b.menuEntry(l, name, i, mc); e != nil {
					entries = append(entries, e)
				}
			}
			sort.SliceStable(entries, func(i, j int) bool { return menuBefore(entries[i], entries[j]) })
			b.views[l.Code].Menus[name] = entries
		}
	}
}

// menuBefore orders entries as pages are: weighted first, by weight, then
// by name; entries alike keep the order they are written in.
func menuBefore(a, b *model.MenuEntry) bool {
	if (a.Weight == 0) != (b.Weight == 0) {
		return a.Weight != 0
	}
	if a.Weight != b.Weight {
		return a.Weight < b.Weight
	}
	return a.Name < b.Name
}

func (b *assembler) menuEntry(l *model.Language, menu string, i int, mc menuConfig) *model.MenuEntry {
	path := []string{"languages", l.Code, "menus", menu, strconv.Itoa(i)}
	at := func(key string) model.Pos { return b.src.valueAt(append(path, key)...) }
	what := "languages." + l.Code + ".menus." + menu
	e := &model.MenuEntry{Name: mc.Name, Weight: mc.Weight}
	switch {
	case mc.PageRef != "" && mc.URL != "":
		b.errs = append(b.errs, at("url").Errorf("%s: an entry has both pageRef and url: keep one", what))
	case mc.URL != "":
		if !menuURL(mc.URL) {
			b.errs = append(b.errs, at("url").Errorf(`%s: url %q: write an address (https://example.org/) or a path in the site (/search/)`, what, mc.URL))
		}
		if mc.Name == "" {
			b.errs = append(b.errs, b.src.at(path...).Errorf("%s: the entry for %s has no name", what, mc.URL))
		}
		e.URL = mc.URL
	case mc.PageRef != "":
		p, found := b.pageRef(l, mc.PageRef)
		switch {
		case p != nil:
			e.Page = p
			if e.Name == "" {
				e.Name = linkTitle(p)
			}
		case !found:
			b.errs = append(b.errs, at("pageRef").Errorf("%s: pageRef %q: no page %s in %s", what, mc.PageRef, contentPath(mc.PageRef), l.Code))
		default:
			return nil // not published in this build
		}
	default:
		b.errs = append(b.errs, b.src.at(path...).Errorf("%s: an entry needs pageRef (a page of the site) or url (any address)", what))
	}
	return e
}

// pageRef finds the page a menu names, by its path in content/ ("/zones",
// "/about.md", "/zones/_index.md"), in language l: the page with that
// path, or the translation in l of the page another language has there.
// found is true for a page that exists but is left out of this build.
func (b *assembler) pageRef(l *model.Language, ref string) (p *model.Page, found bool) {
	key := strings.Trim(contentPath(ref), "/")
	if p := b.byKey[key][l.Code]; p != nil {
		return p, true
	}
	for _, other := range b.langs {
		if q := b.byKey[key][other.Code]; q != nil {
			for _, t := range q.Translations {
				if t.Lang == l {
					return t, true
				}
			}
		}
	}
	return nil, b.unpublishedKeys[key]
}

// contentPath turns a pageRef into a page key's path: "/zones/_index.md"
// and "/zones/" are "/zones".
func contentPath(ref string) string {
	ref = "/" + strings.Trim(ref, "/")
	ref = strings.TrimSuffix(ref, ".md")
	for _, index := range []string{"/_index", "/index"} {
		if strings.HasSuffix(ref, index) {
			return strings.TrimSuffix(ref, index)
		}
	}
	return ref
}

// menuURL accepts an address with a scheme (https:, mailto:) or a path in
// the site that starts with one "/" and does not climb out of it ("..").
// An http: or https: address names its host: a browser reads "https:x"
// as the host x.
func menuURL(raw string) bool {
	u, err := url.Parse(raw)
	switch {
	case err != nil:
		return false
	case u.Scheme == "http" || u.Scheme == "https":
		return u.Host != ""
	case u.Scheme != "":
		return u.Scheme == "mailto"
	}
	for _, part := range strings.Split(u.Path, "/") {
		if part == "." || part == ".." {
			return false
		}
	}
	return strings.HasPrefix(raw, "/") && !strings.HasPrefix(raw, "//")
}

func linkTitle(p *model.Page) string {
	if p.LinkTitle != "" {
		return p.LinkTitle
	}
	return p.Title
}
