package render

import (
	"bytes"
	"maps"
	"slices"
	"strings"
	"testing"
)

func layoutsWith(t *testing.T, files map[string]string) *Layouts {
	t.Helper()
	all := maps.Clone(sound)
	all["layouts/404.html"] = `{{define "main"}}<p>404 {{.Lang.Code}}</p>{{end}}`
	all["layouts/assets/site.css"] = "body{}"
	for k, v := range files {
		all[k] = v
	}
	l, _ := ReadLayouts(mapFS(all))
	return l
}

// TestPiecesAsSite: a site rendered piece by piece, each page to its own
// output, is the same files as the site rendered at once.
func TestPiecesAsSite(t *testing.T) {
	site := testSite()
	l := layoutsWith(t, map[string]string{"layouts/partials/search.html": `<form data-index="{{.Lang.SearchIndexURL}}"></form>`})
	var whole Memory
	if err := Site(site, l, &whole, nil); err != nil {
		t.Fatal(err)
	}
	var rest Memory
	ps, err := NewPieces(site, l)
	if err != nil {
		t.Fatal(err)
	}
	pieces := map[string][]byte{}
	for _, p := range slices.Backward(site.Pages) { // any order
		var one Memory
		if err := ps.Page(p, &one); err != nil {
			t.Fatal(err)
		}
		if files := one.Files(); len(files) != 1 || files[p.OutPath()] == nil {
			t.Errorf("%s: the page's own output got %v", p.URL, slices.Sorted(maps.Keys(files)))
		}
		maps.Copy(pieces, one.Files())
	}
	if err := ps.Assets(&rest); err != nil {
		t.Fatal(err)
	}
	if err := ps.SiteFiles(&rest); err != nil {
		t.Fatal(err)
	}
	maps.Copy(pieces, rest.Files())
	sameFiles(t, pieces, whole.Files())
	// The search index is let go once written: a second time is a fault,
	// not a crash.
	if err := ps.SiteFiles(&Memory{}); err == nil || !strings.Contains(err.Error(), "search index was written already") {
		t.Errorf("the site files made twice: %v", err)
	}
	// A preview renders a page again after that when its text changed
	// under the render; the page is the same, and the index is left alone.
	for _, p := range site.Pages {
		var one Memory
		if err := ps.Page(p, &one); err != nil {
			t.Fatal(err)
		}
		sameFiles(t, one.Files(), map[string][]byte{p.OutPath(): whole.Files()[p.OutPath()]})
		ps.r.search.skip(p) // as a page that fails does
	}

	// The next render keeps every page's passages and makes the same
	// site files.
	var again Memory
	next, err := NewPieces(site, l)
	if err != nil {
		t.Fatal(err)
	}
	if err := next.SiteFiles(&again); err == nil {
		t.Error("the site files were made before the pages")
	}
	if missing := next.Keep(site.Pages, ps); len(missing) > 0 {
		t.Fatalf("%s: no passages to keep", missing[0].URL)
	}
	if err := next.SiteFiles(&again); err != nil {
		t.Fatal(err)
	}
	for name, data := range again.Files() {
		if !bytes.Equal(data, whole.Files()[name]) {
			t.Errorf("%s differs when the passages are kept", name)
		}
	}
}

func sameFiles(t *testing.T, got, want map[string][]byte) {
	t.Helper()
	for _, name := range slices.Sorted(maps.Keys(want)) {
		if !bytes.Equal(got[name], want[name]) {
			t.Errorf("%s: pieces made\n%s\nSite made\n%s", name, got[name], want[name])
		}
	}
	for name := range got {
		if want[name] == nil {
			t.Errorf("%s: made by pieces only", name)
		}
	}
}

// TestLayoutSum: a page's sum changes with the layouts that render it,
// and only with those.
func TestLayoutSum(t *testing.T) {
	site := testSite()
	sums := func(files map[string]string) map[string]uint64 {
		s := SumLayouts(layoutsWith(t, files))
		m := map[string]uint64{"404": s.NotFound()}
		for _, p := range site.Pages {
			m[p.URL] = s.Page(p)
		}
		return m
	}
	before := sums(nil)
	base := SumLayouts(layoutsWith(t, nil))
	tests := []struct {
		name  string
		files map[string]string
		want  []string // the pages whose sum changes
	}{
		{"the page template", map[string]string{"layouts/_default/page.html": `{{define "main"}}<h2>{{.Title}}</h2>{{end}}`},
			[]string{"/en/posts/a/", "/en/posts/b/", "/posts/a/", "/posts/b/"}},
		{"a template for one section", map[string]string{"layouts/posts/section.html": `{{define "main"}}<h2>{{.Title}}</h2>{{end}}`},
			[]string{"/en/posts/", "/posts/"}},
		{"the 404 template", map[string]string{"layouts/404.html": `{{define "main"}}<p>gone</p>{{end}}`},
			[]string{"404"}},
		{"a broken page template", map[string]string{"layouts/_default/home.html": `{{define "main"}}{{.Title}{{end}}`},
			[]string{"/", "/en/"}},
		{"a partial", map[string]string{"layouts/partials/x.html": `<p>{{.}}!</p>`}, slices.Collect(maps.Keys(before))},
		{"the base layout", map[string]string{"layouts/_default/baseof.html": `<html lang="x">{{block "main" .}}{{end}}</html>`}, slices.Collect(maps.Keys(before))},
		{"an id the page template reserves", map[string]string{"layouts/_default/home.html": `{{define "main"}}<h1 id="top">{{.Title}}</h1>{{end}}`},
			slices.Collect(maps.Keys(before))},
		// A preview kept from layouts without search has no page's
		// passages to give the index.
		{"a search page: the index comes", map[string]string{"layouts/_default/search.html": `{{define "main"}}<form data-index="{{.Lang.SearchIndexURL}}"></form>{{end}}`},
			slices.Collect(maps.Keys(before))},
		{"the stylesheet", map[string]string{"layouts/assets/site.css": "body{color:red}"}, nil},
		{"nothing", nil, nil},
	}
	for _, tt := range tests {
		after := sums(tt.files)
		var changed []string
		for k, v := range after {
			if before[k] != v {
				changed = append(changed, k)
			}
		}
		slices.Sort(changed)
		slices.Sort(tt.want)
		if !slices.Equal(changed, tt.want) {
			t.Errorf("%s: the sums of %v changed, want those of %v", tt.name, changed, tt.want)
		}
		if same := SumLayouts(layoutsWith(t, tt.files)).Same(base); same != (len(tt.want) == 0) {
			t.Errorf("%s: Same says %v", tt.name, same)
		}
	}
}
