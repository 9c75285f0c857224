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
// itself (from baseURL) are.
func (r *Result) CheckLinks() error {
	files := map[string]string{}
	for _, f := range r.Files {
		files[f.Path] = string(f.Data)
	}
	base := r.Site.Config.BaseURL
	var problems []string
	for _, f := range r.Files {
		if !strings.HasSuffix(f.Path, ".html") {
			continue
		}
		for _, m := range linkAttr.FindAllStringSubmatch(string(f.Data), -1) {
			if msg := checkLink(files, base, f.Path, html.UnescapeString(m[1])); msg != "" {
				problems = append(problems, fmt.Sprintf("public/%s: link %q: %s", f.Path, m[1], msg))
			}
		}
	}
	sort.Strings(problems)
	if len(problems) > 0 {
		return fmt.Errorf("%d broken links:\n%s", len(problems), strings.Join(problems, "\n"))
	}
	return nil
}

func checkLink(files map[string]string, base, from, link string) string {
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
	data, ok := files[p]
	if !ok {
		if _, isDir := files[path.Join(p, "index.html")]; isDir {
			return "folder link without a trailing slash"
		}
		return "no such file"
	}
	if frag != "" && !hasID(data, frag) {
		return fmt.Sprintf("%s has no id %q", p, frag)
	}
	return ""
}

func hasID(doc, id string) bool {
	for _, m := range idAttr.FindAllStringSubmatch(doc, -1) {
		if html.UnescapeString(m[1]) == id {
			return true
		}
	}
	return false
}
