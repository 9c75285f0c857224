package render

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"westcoast/generator/model"
	"westcoast/generator/render/tmplexec"
)

// testSite is a small site: a home page and a section with two pages, in
// Chinese and English, built as the loader would leave it.
func testSite() *model.Site {
	zh := &model.Language{Code: "zh", Default: true, UI: map[string]string{"updated": "更新于%s", "home": "首页"}}
	en := &model.Language{Code: "en", Prefix: "/en", UI: map[string]string{"updated": "Updated %s on %s", "home": "Home"}}
	site := &model.Site{
		Config:    &model.Config{BaseURL: "https://example.com/", DefaultLanguage: "zh", Updated: "2024-05-01"},
		Languages: []*model.Language{zh, en},
	}
	for _, l := range site.Languages {
		home := &model.Page{Kind: model.KindHome, Lang: l, Title: "home " + l.Code, URL: l.Prefix + "/", Source: "content/_index." + l.Code + ".md"}
		posts := &model.Page{Kind: model.KindSection, Lang: l, Key: "posts", Section: "posts", Title: "posts", URL: l.Prefix + "/posts/", Source: "content/posts/_index." + l.Code + ".md", Parent: home}
		a := &model.Page{Kind: model.KindPage, Lang: l, Key: "posts/a", Section: "posts", Title: "a", URL: l.Prefix + "/posts/a/", Source: "content/posts/a." + l.Code + ".md", Parent: posts}
		b := &model.Page{Kind: model.KindPage, Lang: l, Key: "posts/b", Section: "posts", Title: "b", URL: l.Prefix + "/posts/b/", Source: "content/posts/b." + l.Code + ".md", Parent: posts}
		home.Pages, posts.Pages = []*model.Page{posts}, []*model.Page{a, b}
		l.Home = home
		site.Pages = append(site.Pages, home, posts, a, b)
	}
	views := map[*model.Language]*model.LangSite{}
	for _, l := range site.Languages {
		views[l] = &model.LangSite{Site: site, Language: l}
	}
	for _, p := range site.Pages {
		p.Site = views[p.Lang]
		p.Extra = new(model.Extra) // each its own, for tests to set
	}
	site.Index()
	return site
}

// sound are layouts every page of testSite renders with.
var sound = map[string]string{
	"layouts/_default/baseof.html":  `<html>{{block "main" .}}{{end}}</html>`,
	"layouts/_default/home.html":    `{{define "main"}}<h1>{{.Title}}</h1>{{end}}`,
	"layouts/_default/section.html": `{{define "main"}}<h1>{{.Title}}</h1>{{end}}`,
	"layouts/_default/page.html":    `{{define "main"}}<h1>{{.Title}}</h1>{{end}}`,
	"layouts/partials/x.html":       `<p>{{.}}</p>`,
}

// renderWith renders testSite with the sound layouts and some replaced.
func renderWith(t *testing.T, site *model.Site, files map[string]string) (map[string][]byte, error) {
	t.Helper()
	all := map[string]string{}
	for k, v := range sound {
		all[k] = v
	}
	for k, v := range files {
		all[k] = v
	}
	l, _ := ReadLayouts(mapFS(all))
	var out Memory
	err := Site(site, l, &out, nil)
	return out.Files(), err
}

func TestRenderErrors(t *testing.T) {
	page := func(body string) map[string]string {
		return map[string]string{"layouts/_default/page.html": "{{define \"main\"}}" + body + "{{end}}"}
	}
	tests := []struct {
		name  string
		files map[string]string
		want  string
	}{
		{"a UI string given too few values",
			page(`<p>{{.T "updated" .Title}}</p>`),
			`layouts/_default/page.html:1:23: .T: UI string "updated" in en: "Updated %s on %s" wants 2 values but gets 1 (rendering content/posts/a.en.md and 1 more page)`},
		{"printf of a UI string given no value",
			map[string]string{"layouts/_default/home.html": `{{define "main"}}{{printf (.T "updated")}}{{end}}`},
			"layouts/_default/home.html:1:20: printf (.T \"updated\"): \"Updated %s on %s\" wants 2 values but gets none (rendering content/_index.en.md)\n" +
				"layouts/_default/home.html:1:20: printf (.T \"updated\"): \"更新于%s\" wants 1 value but gets none (rendering content/_index.zh.md)"},
		{"a UI string that does not exist",
			page(`{{.T "hom"}}`),
			"layouts/_default/page.html:1:20: .T: no UI string \"hom\" in en (rendering content/posts/a.en.md and 1 more page)\n" +
				"layouts/_default/page.html:1:20: .T: no UI string \"hom\" in zh (rendering content/posts/a.zh.md and 1 more page)"},
		{"a misspelt field",
			page(`{{.Titel}}`),
			`layouts/_default/page.html:1:20: .Titel: a page has no field or method Titel (rendering content/posts/a.zh.md and 3 more pages)`},
		{"a field of nothing",
			map[string]string{"layouts/_default/home.html": `{{define "main"}}{{.Parent.Title}}{{end}}`},
			`layouts/_default/home.html:1:27: .Parent.Title: no .Title: this is a page that does not exist (rendering content/_index.zh.md and 1 more page)`},
		{"a value of the wrong kind",
			page(`{{.Num "x"}}`),
			`layouts/_default/page.html:1:25: "x": not a number (rendering content/posts/a.zh.md and 3 more pages)`},
		{"too few values",
			page(`{{.Get}}`),
			`layouts/_default/page.html:1:20: .Get: Get takes 1 value, got 0 (rendering content/posts/a.zh.md and 3 more pages)`},
		{"a link to a number",
			page(`{{.Rel 3}}`),
			`layouts/_default/page.html:1:20: .Rel: cannot link to the number 3 (rendering content/posts/a.zh.md and 3 more pages)`},
		{"dict with an odd count",
			page(`{{template "partials/x.html" (dict "a")}}`),
			`layouts/_default/page.html:1:48: dict "a": dict needs key, value pairs (rendering content/posts/a.zh.md and 3 more pages)`},
		{"a page that does not exist",
			page(`<a href="{{.Rel (.Get "nowhere")}}">x</a>`),
			"layouts/_default/page.html:1:35: .Get: no page \"nowhere\" in en (rendering content/posts/a.en.md and 1 more page)\n" +
				"layouts/_default/page.html:1:35: .Get: no page \"nowhere\" in zh (rendering content/posts/a.zh.md and 1 more page)"},
		{"a date that is not one",
			page(`{{.Date "yesterday"}}`),
			`layouts/_default/page.html:1:20: .Date: date "yesterday": want a day as YYYY-MM-DD or a time as YYYY-MM-DDThh:mm:ssZ (rendering content/posts/a.zh.md and 3 more pages)`},
		{"a number as a date",
			page(`{{.Date 3}}`),
			`layouts/_default/page.html:1:20: .Date: cannot write the number 3 as a date (rendering content/posts/a.zh.md and 3 more pages)`},
		{"a field the page has not, among those most pages leave unset",
			page(`{{.Extra.Foo}}`),
			`layouts/_default/page.html:1:26: .Extra.Foo: a page has no field or method Foo (rendering content/posts/a.zh.md and 3 more pages)`},
		{"the 404 page",
			map[string]string{"layouts/404.html": `<p>{{.Titel}}</p>`},
			`layouts/404.html:1:6: .Titel: a page has no field or method Titel (rendering the zh 404 page and 1 more page)`},
		{"a partial's fault is reported at the partial",
			map[string]string{"layouts/partials/x.html": "<p>\n  {{.Lang.Cod}}</p>", "layouts/_default/page.html": `{{define "main"}}{{template "partials/x.html" .}}{{end}}`},
			`layouts/partials/x.html:2:10: .Lang.Cod: a language has no field or method Cod (rendering content/posts/a.zh.md and 3 more pages)`},
		{"an HTML context fault",
			page(`<a href="{{.Title}}`),
			`layouts/_default/baseof.html: ends inside an unclosed tag, attribute or quote, here or in a template it calls (rendering content/posts/a.zh.md and 3 more pages)`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := renderWith(t, testSite(), tt.files)
			if err == nil {
				t.Fatal("no error")
			}
			if err.Error() != tt.want {
				t.Errorf("got\n%s\nwant\n%s", err.Error(), tt.want)
			}
		})
	}
}

func TestUnknownLayout(t *testing.T) {
	site := testSite()
	zh := site.Page("zh", "posts/a")
	zh.Layout = "fancy"
	zh.KeyPos = model.KeyPositions{{Key: "layout", Pos: model.Pos{File: zh.Source, Line: 3, Col: 10}}}
	site.Page("en", "posts/a").Layout = "fancy" // the loader gave no position
	_, err := renderWith(t, site, nil)
	want := "content/posts/a.en.md: layout \"fancy\" names no template: looked for layouts/posts/fancy.html, layouts/_default/fancy.html\n" +
		"content/posts/a.zh.md:3:10: layout \"fancy\" names no template: looked for layouts/posts/fancy.html, layouts/_default/fancy.html"
	if err == nil || err.Error() != want {
		t.Errorf("got\n%v\nwant\n%s", err, want)
	}
}

// TestMissingTemplate: a kind without a template is one fault of the
// layouts, whatever the number of pages of that kind.
func TestMissingTemplate(t *testing.T) {
	site := testSite()
	site.Page("en", "posts/b").Source = "" // a page made without a file
	l, _ := ReadLayouts(mapFS(map[string]string{"layouts/_default/home.html": "<p>{{.Title}}</p>", "layouts/_default/section.html": "<p></p>"}))
	err := Site(site, l, &Memory{}, nil)
	want := "layouts: no page template: looked for layouts/posts/page.html, layouts/_default/page.html (rendering content/posts/a.zh.md and 3 more pages)"
	if err == nil || err.Error() != want {
		t.Errorf("got\n%v\nwant\n%s", err, want)
	}
	site.Page("zh", "posts/a").Source = ""
	site.Page("zh", "posts/b").Source = ""
	err = Site(site, l, &Memory{}, nil)
	want = "layouts: no page template: looked for layouts/posts/page.html, layouts/_default/page.html (rendering the page /posts/a/ and 3 more pages)"
	if err == nil || err.Error() != want {
		t.Errorf("got\n%v\nwant\n%s", err, want)
	}
}

// TestBrokenLayoutNoFallback: a page whose template failed to parse is not
// rendered with another one, and the other pages are still rendered, so
// their faults show in the same run.
func TestBrokenLayoutNoFallback(t *testing.T) {
	_, err := renderWith(t, testSite(), map[string]string{
		"layouts/posts/page.html":    `{{define "main"}}{{if .Title}}{{end}}`,
		"layouts/_default/home.html": `{{define "main"}}{{.Titel}}{{end}}`,
	})
	want := "layouts/_default/home.html:1:20: .Titel: a page has no field or method Titel (rendering content/_index.zh.md and 1 more page)\n" +
		"layouts/posts/page.html:1:1: {{define \"main\"}} has no matching {{end}}"
	if err == nil || err.Error() != want {
		t.Errorf("got\n%v\nwant\n%s", err, want)
	}
}

func TestCollisions(t *testing.T) {
	site := testSite()
	site.Assets = []model.Asset{{Path: "posts/a/index.html", Source: "content/posts/a/index.html", Data: []byte("x")}}
	_, err := renderWith(t, site, map[string]string{"layouts/assets/sitemap.xml": "<x/>"})
	want := "two files would be written to posts/a/index.html: from content/posts/a.zh.md and from content/posts/a/index.html\n" +
		"two files would be written to sitemap.xml: from layouts/assets/sitemap.xml and from the generator (sitemap.xml)"
	if err == nil || err.Error() != want {
		t.Errorf("got\n%v\nwant\n%s", err, want)
	}
}

// TestUIValues: .T formats with its values, and returns the string as
// written without any, for a script to fill in.
func TestUIValues(t *testing.T) {
	files, err := renderWith(t, testSite(), map[string]string{
		"layouts/_default/home.html": `{{define "main"}}{{if eq .Lang.Code "zh"}}{{.T "updated" "今天"}}{{else}}{{.T "updated" "today" "the site"}}{{end}}|<i data-f="{{.T "updated"}}"></i>|{{printf "%d/%s" 3 "x"}}{{end}}`,
	})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		"index.html":    `<html>更新于今天|<i data-f="更新于%s"></i>|3/x</html>`,
		"en/index.html": `<html>Updated today on the site|<i data-f="Updated %s on %s"></i>|3/x</html>`,
	}
	for path, w := range want {
		if got := string(files[path]); got != w {
			t.Errorf("%s:\n got  %s\n want %s", path, got, w)
		}
	}
}

// TestPlainMessages covers the rewordings of template messages that the
// layouts above do not reach.
func TestPlainMessages(t *testing.T) {
	src := sources{"p.html": "ab\n{{x}}"}
	tests := []struct{ in, want string }{
		{`template: p.html:2:2: executing "p.html" at <.Site.secret>: secret is an unexported field of struct type *model.Site`,
			`layouts/p.html:2:3: .Site.secret: the site has no field or method secret`},
		{`template: p.html:2:2: executing "p.html" at <dict>: wrong number of args for dict: want at least 1 got 0`,
			`layouts/p.html:2:3: dict: dict takes at least 1 value, got 0`},
		{`template: p.html:2:2: executing "p.html" at <.Title>: range can't iterate over x`,
			`layouts/p.html:2:3: .Title: cannot range over x`},
		{`template: p.html:2:2: executing "p.html" at <eq .Title 1>: error calling eq: incompatible types for comparison`,
			`layouts/p.html:2:3: eq .Title 1: cannot compare values of different kinds`},
		{`template: p.html:2:2: executing "p.html" at <.Period>: error calling Period: runtime error: invalid memory address or nil pointer dereference`,
			`layouts/p.html:2:3: .Period: a value it needs does not exist`},
		{`template: p.html:2:2: executing "p.html" at <.Get>: wrong type for value; expected string; got []*model.Page`,
			`layouts/p.html:2:3: .Get: wants text, got a list of pages`},
		{`template: p.html:2:2: executing "p.html" at <.Lang>: can't give argument to non-function .Lang`,
			`layouts/p.html:2:3: .Lang: .Lang takes no values`},
		{`template: p.html:2:2: executing "p.html" at <.X>: something about map[string]interface {} and *render.Page`,
			`layouts/p.html:2:3: .X: something about a table and a page`},
		{`template: p.html:2:2: executing "p.html" at <len .names>: error calling len: len of type int64`,
			`layouts/p.html:2:3: len .names: cannot take the length of a number`},
		{`template: p.html:2:2: executing "p.html" at <index .Pages "a">: error calling index: cannot index slice/array with type string`,
			`layouts/p.html:2:3: index .Pages "a": a list is indexed by a whole number, not text`},
		{`template: p.html:2:2: executing "p.html" at <index .Title 1>: error calling index: can't index item of type string`,
			`layouts/p.html:2:3: index .Title 1: cannot index text`},
		{`template: p.html:2:2: executing "p.html" at <index .Params 1>: error calling index: value has type int; should be string`,
			`layouts/p.html:2:3: index .Params 1: wants text, got a number`},
		{`html/template: "p.html" is an incomplete or empty template`,
			`layouts: "p.html" is an incomplete or empty template`},
	}
	for _, tt := range tests {
		if got := execError(errors.New(tt.in), src).Error(); got != tt.want {
			t.Errorf("%s\n got  %s\n want %s", tt.in, got, tt.want)
		}
	}
}

// A page's buffer refuses to grow past MaxPageSize, so that a template
// that writes without end stops with an error.
func TestCappedPage(t *testing.T) {
	var buf bytes.Buffer
	c := capped{&buf}
	chunk := make([]byte, 1<<20)
	var err error
	for i := 0; err == nil && i <= MaxPageSize>>20; i++ {
		_, err = c.Write(chunk)
	}
	if err == nil || err.Error() != "the page is more than 100 MB: a template writes without end" {
		t.Errorf("writing past the cap: %v", err)
	}
	if buf.Len() > MaxPageSize {
		t.Errorf("the buffer grew to %d bytes", buf.Len())
	}
}

// TestFigurePrintedWhole: a figure that a template writes whole, as text
// or as a script's value, is written as before figures shared their
// measures (the want strings are what that model wrote), by the fast
// executor and by html/template alike.
func TestFigurePrintedWhole(t *testing.T) {
	const want = `<p>{n count 14 [{zh 个} {en projects}]  about  [{zh 项目} {en Projects}] money}</p>` +
		`<script>var f = {"ID":"n","Kind":"count","Value":14,"Unit":[{"Lang":"zh","Text":"个"},{"Lang":"en","Text":"projects"}],` +
		`"Period":"","Approx":"about","Status":"","Label":[{"Lang":"zh","Text":"项目"},{"Lang":"en","Text":"Projects"}],"Chart":"money"};</script>`
	for _, slow := range []bool{false, true} {
		tmplexec.Disable(slow)
		site := testSite()
		site.Page("en", "posts/a").Figures = []*model.Figure{{ID: "n", Value: 14, Measure: &model.Measure{Kind: "count",
			Unit: model.Texts{{Lang: "zh", Text: "个"}, {Lang: "en", Text: "projects"}}, Approx: "about",
			Label: model.Texts{{Lang: "zh", Text: "项目"}, {Lang: "en", Text: "Projects"}}, Chart: "money"}}}
		files, err := renderWith(t, site, map[string]string{"layouts/_default/page.html": `{{define "main"}}{{range .Figures}}<p>{{.}}</p><script>var f = {{.}};</script>{{end}}{{end}}`})
		if err != nil {
			t.Fatal(err)
		}
		if got := string(files["en/posts/a/index.html"]); got != "<html>"+want+"</html>" {
			t.Errorf("html/template %v:\n got %s\nwant <html>%s</html>", slow, got, want)
		}
	}
	tmplexec.Disable(false)
}

// TestSearchIndexOnlyWhenUsed: a render makes the search index when a
// layout can point a reader at it, and otherwise no file of it.
func TestSearchIndexOnlyWhenUsed(t *testing.T) {
	tests := []struct {
		name   string
		layout string // a partial besides the sound layouts
		want   bool
	}{
		{"no search", `<p>{{.}}</p>`, false},
		{"its address", `<form data-index="{{.Lang.SearchIndexURL}}"></form>`, true},
		{"its address, through a variable", `{{with .Lang}}<a href="{{.SearchIndexURL}}">i</a>{{end}}`, true},
		{"its folder written out", `<script data-index="/search-index/index.json"></script>`, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			files, err := renderWith(t, testSite(), map[string]string{"layouts/partials/search.html": tt.layout})
			if err != nil {
				t.Fatal(err)
			}
			var index []string
			for name := range files {
				if strings.HasPrefix(name, model.SearchDir) {
					index = append(index, name)
				}
			}
			if _, manifest := files[model.SearchIndexFile]; manifest != tt.want || (len(index) > 0) != tt.want {
				t.Errorf("search index made: %v (%d files), want %v", manifest, len(index), tt.want)
			}
		})
	}
}
