package main

import (
	"fmt"
	"path"
	"strings"
	"testing"

	"westcoast/generator/load"
	"westcoast/generator/model"
	"westcoast/generator/render"
)

// Limits no output file may pass, however large the site: a list page
// paginates and a feed carries the latest entries, so neither grows with
// the number of pages.
const (
	maxHTMLPage = 300 << 10
	maxFeed     = 1 << 20
)

// TestOutputsStaySmall builds the real site with a few hundred and then
// four times as many more zone pairs: no page or feed passes its limit,
// and the largest of each kind of file grows by no more than a few per
// cent (a longer number in a pager), not with the site.
func TestOutputsStaySmall(t *testing.T) {
	if testing.Short() {
		t.Skip("builds two sites of hundreds of pages")
	}
	small, large := largestFiles(t, 300), largestFiles(t, 1200)
	for kind, limit := range map[string]int{"html": maxHTMLPage, "feed": maxFeed} {
		if got := large[kind]; got.size > limit {
			t.Errorf("the largest %s file at 1,200 pairs is %s, %d bytes: over %d", kind, got.name, got.size, limit)
		}
	}
	for kind, s := range small {
		l := large[kind]
		if float64(l.size) > 1.05*float64(s.size) {
			t.Errorf("the largest %s file grows with the site: %s, %d bytes at 300 pairs; %s, %d bytes at 1,200", kind, s.name, s.size, l.name, l.size)
		}
	}
}

type sizedFile struct {
	name string
	size int
}

// largestFiles renders the real site with n more zone pairs in memory and
// returns its largest file of each kind: html and feed. (The sitemap grows
// with the site up to the protocol's limits, where it splits, and the
// search index's files have limits of their own: render and search test
// those.)
func largestFiles(t *testing.T, n int) map[string]sizedFile {
	var out render.Memory
	if _, err := renderSite(pairsSite(t, n), load.Options{}, &out); err != nil {
		t.Fatal(err)
	}
	largest := map[string]sizedFile{}
	files := out.Files()
	for name, data := range files {
		kind := kindOf(name)
		if kind != "" && len(data) > largest[kind].size {
			largest[kind] = sizedFile{name, len(data)}
		}
	}
	for _, kind := range []string{"html", "feed"} {
		if largest[kind].size == 0 {
			t.Fatalf("%d pairs: no %s file among %d", n, kind, len(files))
		}
	}
	t.Logf("%d pairs, %d files: largest %s", n, len(files), fmt.Sprint(largest))
	return largest
}

func kindOf(name string) string {
	switch {
	case strings.HasPrefix(name, model.SearchDir), strings.HasPrefix(path.Base(name), "sitemap"):
		return ""
	case path.Ext(name) == ".xml":
		return "feed"
	case path.Ext(name) == ".html":
		return "html"
	}
	return ""
}
