package render

import (
	"html/template"
	"strings"
	"testing"

	"westcoast/generator/model"
)

// A page counts the partials it is passed through: it may go
// maxPartialNesting deep, not one further, whatever other pages do.
func TestNestedCountsOnThePage(t *testing.T) {
	var p Page
	for i := range maxPartialNesting {
		var err error
		if p, err = nested("tree.html", p); err != nil {
			t.Fatalf("partial %d deep: %v", i+1, err)
		}
	}
	if _, err := nested("tree.html", Page{}); err != nil {
		t.Errorf("another page, at the top: %v", err)
	}
	_, err := nested("tree.html", p)
	want := `partial "tree.html": partials call each other more than 100 deep; does one call itself without end?`
	if err == nil || err.Error() != want {
		t.Errorf("one deeper: %v, want %q", err, want)
	}
}

// The cache key of a partialCached call, as the bytes between its parts
// show it: name, language, depth (or absolute), then each variant by its
// type and value.
func TestAppendCacheKey(t *testing.T) {
	zh, en := &model.Language{Code: "zh"}, &model.Language{Code: "en"}
	page := Page{Lang: zh, outPath: "/zones/x/index.html"}
	other := &model.Page{Lang: en, Key: "zones/y"}
	tests := []struct {
		page     Page
		variants []any
		want     string
	}{
		{page, nil, "nav.html|zh|3"},
		{Page{Lang: en, outPath: "/index.html"}, nil, "nav.html|en|1"},
		{Page{Lang: zh, outPath: "/404.html", absLinks: true}, nil, "nav.html|zh|absolute"},
		{page, []any{"zones", true, 7}, "nav.html|zh|3|string:zones|bool:true|int:7"},
		{page, []any{false, int64(-2), 1.5, model.KindHome}, "nav.html|zh|3|bool:false|int64:-2|float64:1.5|model.Kind:home"},
		{page, []any{other, Page{Page: other, Lang: en, Key: "zones/y"}, en}, "nav.html|zh|3|page:en:zones/y|page:en:zones/y|lang:en"},
		{page, []any{""}, "nav.html|zh|3|string:"},
	}
	for _, tt := range tests {
		b, err := appendCacheKey([]byte("kept:"), "nav.html", tt.page, tt.variants)
		if err != nil {
			t.Errorf("%v: %v", tt.variants, err)
			continue
		}
		if got := strings.ReplaceAll(string(b), "\x00", "|"); got != "kept:"+tt.want {
			t.Errorf("%v: key %q, want %q", tt.variants, got, "kept:"+tt.want)
		}
	}
	_, err := appendCacheKey(nil, "nav.html", page, []any{[]string{"a"}})
	want := "partialCached: a list cannot tell results apart: use text, a number, a page or a language"
	if err == nil || err.Error() != want {
		t.Errorf("a list as a variant: %v, want %q", err, want)
	}
}

// Each name a partial is called by finds the template partialName finds,
// and no other name does.
func TestPartialNames(t *testing.T) {
	base := template.Must(template.New("_default/baseof.html").Parse(`{{define "partials/a.html"}}a{{end}}` +
		`{{define "partials/partials/b.html"}}b{{end}}{{define "c.html"}}c{{end}}`))
	names := partialNames(base)
	for _, name := range []string{"a.html", "partials/a.html", "partials/b.html", "partials/partials/b.html", "c.html", "b.html", "x.html", "_default/baseof.html"} {
		full, ok := names[name]
		want := partialName(name)
		exists := base.Lookup(want) != nil
		if ok != exists || ok && full != want {
			t.Errorf("%q: %q, %v; partialName finds %q, which exists: %v", name, full, ok, want, exists)
		}
	}
}

// A result is made once per key, however the key's bytes are reused.
func TestPartialCacheOncePerKey(t *testing.T) {
	var c partialCache
	made := 0
	build := func(key string) (template.HTML, error) {
		made++
		return template.HTML("<" + key + ">"), nil
	}
	key := []byte("a\x00zh\x002")
	for range 3 {
		if h, _ := c.get(key, build); h != "<a\x00zh\x002>" {
			t.Fatalf("got %q", h)
		}
	}
	copy(key, "b")
	if h, _ := c.get(key, build); h != "<b\x00zh\x002>" || made != 2 {
		t.Errorf("another key: %q, made %d results, want 2", h, made)
	}
}
