package render

import (
	"strings"
)

// relative returns the URL of target as seen from a page at from. Both are
// site-relative paths that start with "/"; from is a folder URL (ends in
// "/") or a file. The result never starts with "/", so the site works under
// any subpath.
//
// It climbs to the site's root and goes down to the target, even between
// neighbours ("../../zones/y/", not "../y/"): a link then depends only on
// how deep the page is, so a fragment rendered once (partialCached) fits
// every page at that depth.
func relative(from, target string) string {
	depth := strings.Count(from, "/") - 1
	target = strings.TrimPrefix(target, "/")
	var b strings.Builder // one allocation, of the link's length
	if depth > 0 {
		b.Grow(3*depth + len(target))
		for range depth {
			b.WriteString("../")
		}
	} else if target == "" || target[0] == '#' {
		b.Grow(2 + len(target))
		b.WriteString("./")
	} else {
		return target
	}
	b.WriteString(target)
	return b.String()
}

// absolute joins a site-relative path to the base URL.
func absolute(baseURL, p string) string {
	return strings.TrimSuffix(baseURL, "/") + "/" + strings.TrimPrefix(p, "/")
}
