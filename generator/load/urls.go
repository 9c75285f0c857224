package load

import (
	"regexp"
	"strings"

	"westcoast/generator/model"
)

// slug sets the last part of a page's URL, which a page (not a list: a
// list's URL is its folder's) may set per language.
func (b *assembler) slug(p *model.Page, slug string) {
	switch {
	case slug == "":
		return
	case p.Kind != model.KindPage:
		b.errs = append(b.errs, keyPos(p, "slug").Errorf("slug sets the URL of a page, not of a %s: a %s's URL is its folder's name", p.Kind, p.Kind))
	case !isSlug(slug):
		b.errs = append(b.errs, keyPos(p, "slug").Errorf("slug %q cannot be part of a URL: use lower-case ASCII letters, digits and '-'", slug))
	default:
		p.Slug = slug
	}
}

// layoutName is what layout may say: a template's name, which render
// looks for in the page's section and in _default, never a path.
var layoutName = regexp.MustCompile(`^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*$`)

// layout refuses a layout that is a path ("../partials/nav"), which would
// name a template outside the folders a layout is looked for in.
func (b *assembler) layout(p *model.Page) {
	if p.Layout != "" && !layoutName.MatchString(p.Layout) {
		b.errs = append(b.errs, keyPos(p, "layout").Errorf("layout %q is not a template's name: write the name alone, such as \"fancy\" for layouts/_default/fancy.html", p.Layout))
		p.Layout = ""
	}
}

// aliases checks a page's aliases and gives each its language's prefix:
// "/old/" on an English page is /en/old/. An alias is a path in the site
// that ends in "/" (a folder) or in ".html" (a file), and stays in the
// site.
func (b *assembler) aliases(p *model.Page, aliases []string) []string {
	var out []string
	for _, a := range aliases {
		if msg := badAlias(a); msg != "" {
			b.errs = append(b.errs, aliasPos(p).Errorf("alias %q: %s", a, msg))
			continue
		}
		if !strings.HasSuffix(a, "/") && !strings.HasSuffix(a, ".html") {
			a += "/"
		}
		out = append(out, p.Lang.Prefix+a)
	}
	return out
}

func aliasPos(p *model.Page) model.Pos {
	if pos, ok := p.KeyPos.Find("aliases"); ok {
		return pos
	}
	return model.Pos{File: p.Source}
}

// badAlias says what is wrong with an alias, or "".
func badAlias(a string) string {
	if !strings.HasPrefix(a, "/") || strings.HasPrefix(a, "//") {
		return `write a path in the site that starts with "/", such as "/old/path/"`
	}
	parts := strings.Split(strings.TrimSuffix(a[1:], "/"), "/")
	for i, part := range parts {
		switch {
		case part == "" && len(parts) == 1:
			return "the home page's own URL cannot redirect"
		case part == "" || part == "." || part == "..":
			return "each part of the path must be a name: no empty part, \".\" or \"..\""
		case strings.ContainsAny(part, "?#%\\"):
			return `a path has no "?", "#", "%" or "\"`
		case strings.IndexFunc(part, func(r rune) bool { return r <= ' ' || r == 0x7f }) >= 0:
			return "a path has no spaces or control characters"
		case strings.Contains(part, ".") && (i < len(parts)-1 || strings.HasSuffix(a, "/") || !strings.HasSuffix(part, ".html")):
			return `a name with a "." is a file, which must be the last part and end in ".html"`
		}
	}
	return ""
}

// checkAliases reports an alias that is another page's URL, or another
// page's alias too, at the aliases key. Other files of the site (a feed, a
// stylesheet) are render's to compare.
func (b *assembler) checkAliases() {
	owner := map[string]*model.Page{}
	for _, p := range b.site.Pages {
		owner[p.URL] = p
	}
	for _, p := range b.site.Pages {
		for _, a := range p.Aliases {
			written := strings.TrimPrefix(a, p.Lang.Prefix) // as the page has it, but for a final "/"
			switch other := owner[a]; {
			case other == p:
				b.errs = append(b.errs, aliasPos(p).Errorf("alias %q is the page's own URL", written))
			case other != nil && other.URL == a:
				b.errs = append(b.errs, aliasPos(p).Errorf("alias %q is the URL of %s", written, describePage(other)))
			case other != nil:
				b.errs = append(b.errs, aliasPos(p).Errorf("alias %q is an alias of %s too", written, describePage(other)))
			default:
				owner[a] = p
			}
		}
	}
}
