package render

import (
	"strings"
)

// relative returns the URL of target as seen from a page at from. Both are
// site-relative paths that start with "/"; from is a folder URL (ends in
// "/") or a file. The result never starts with "/", so the site works under
// any subpath.
func relative(from, target string) string {
	target, frag, hasFrag := strings.Cut(target, "#")
	fromDir := from[:strings.LastIndex(from, "/")+1]
	fromParts := splitPath(fromDir)
	targetParts := splitPath(target)
	common := 0
	for common < len(fromParts) && common < len(targetParts) && fromParts[common] == targetParts[common] {
		common++
	}
	rel := strings.Repeat("../", len(fromParts)-common) + strings.Join(targetParts[common:], "/")
	if strings.HasSuffix(target, "/") && len(targetParts) > common {
		rel += "/"
	}
	if rel == "" {
		rel = "./"
	}
	if hasFrag {
		if target == fromDir || rel == "./" {
			return "#" + frag
		}
		rel += "#" + frag
	}
	return rel
}

func splitPath(p string) []string {
	p = strings.Trim(p, "/")
	if p == "" {
		return nil
	}
	return strings.Split(p, "/")
}

// absolute joins a site-relative path to the base URL.
func absolute(baseURL, p string) string {
	return strings.TrimSuffix(baseURL, "/") + "/" + strings.TrimPrefix(p, "/")
}
