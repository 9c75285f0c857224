package build

import (
	"fmt"
	"html"
	"net/url"
	"path"
	"regexp"
	"sort"
	"strings"
)

var (
	linkAttr = regexp.MustCompile(`\s(?:href|src)="([^"]*)"`)
	idAttr   = regexp.MustCompile(`\sid="([^"]*)"`)
)

// CheckLinks follows every href and src in the built HTML and reports each
// one that leads to no file, or to a #fragment that the target lacks.
// Links to other sites are not followed; absolute links into the site
// itself (from baseURL) are. It also reports an id that more than one
// element on a page has: a link to it finds only the first, and a script
// that looks it up gets the wrong one.
func (r *Result) CheckLinks() error {
	files := map[string]bool{}
	ids := map[string]map[string]int{} // by HTML file: how many elements have each id
	for _, f := range r.Files {
		files[f.Path] = true
		if strings.HasSuffix(f.Path, ".html") {
			ids[f.Path] = idCounts(string(f.Data))
		}
	}
	base := r.Site.Config.BaseURL
	var problems []string
	for _, f := range r.Files {
		if !strings.HasSuffix(f.Path, ".html") {
			continue
		}
		for _, m := range linkAttr.FindAllStringSubmatch(string(f.Data), -1) {
			if msg := checkLink(files, ids, base, f.Path, html.UnescapeString(m[1])); msg != "" {
				problems = append(problems, fmt.Sprintf("public/%s: link %q: %s", f.Path, m[1], msg))
			}
		}
		for id, n := range ids[f.Path] {
			if n > 1 {
				problems = append(problems, fmt.Sprintf("public/%s: id %q is on %d elements", f.Path, id, n))
			}
		}
	}
	sort.Strings(problems)
	if len(problems) > 0 {
		return fmt.Errorf("%d problems in the built pages:\n%s", len(problems), strings.Join(problems, "\n"))
	}
	return nil
}

// idCounts counts the elements that have each id in an HTML page.
func idCounts(doc string) map[string]int {
	counts := map[string]int{}
	for _, m := range idAttr.FindAllStringSubmatch(doc, -1) {
		counts[html.UnescapeString(m[1])]++
	}
	return counts
}

func checkLink(files map[string]bool, ids map[string]map[string]int, base, from, link string) string {
	inSite := strings.HasPrefix(link, base)
	if inSite {
		link = strings.TrimPrefix(link, base)
		from = "index.html" // resolve from the site root
	} else if u, err := url.Parse(link); err != nil {
		return "not a URL"
	} else if u.Scheme != "" || strings.HasPrefix(link, "//") {
		return "" // another site
	}
	target, frag, _ := strings.Cut(link, "#")
	target, _, _ = strings.Cut(target, "?")
	var p string
	switch {
	case target == "" && inSite:
		p = "index.html"
	case target == "":
		p = from
	case strings.HasPrefix(target, "/"):
		return "site-root link: links must be relative so the site works under a subpath"
	default:
		p = path.Join(path.Dir(from), target)
		if strings.HasSuffix(target, "/") || target == "." || target == ".." {
			p = path.Join(p, "index.html")
		}
	}
	if strings.HasPrefix(p, "../") || p == ".." {
		return "leads outside the site"
	}
	if !files[p] {
		if files[path.Join(p, "index.html")] {
			return "folder link without a trailing slash"
		}
		return "no such file"
	}
	if frag != "" && ids[p][frag] == 0 {
		return fmt.Sprintf("%s has no id %q", p, frag)
	}
	return ""
}
