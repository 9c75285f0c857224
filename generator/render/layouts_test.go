package render

import (
	"strings"
	"testing"
	"testing/fstest"
)

// base is a base layout for tests whose page templates fill in its blocks.
const base = `<html>{{block "main" .}}{{end}}</html>`

func TestTemplateErrors(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string
		want  string
	}{
		{"parse error names file and line",
			map[string]string{"layouts/_default/page.html": "<h1>\n{{.Title}\n</h1>"},
			`layouts/_default/page.html:2: bad character U+007D '}'`},
		{"unknown function",
			map[string]string{"layouts/partials/x.html": "{{nope .}}"},
			`layouts/partials/x.html:1: function "nope" not defined`},
		{"unclosed block",
			map[string]string{"layouts/_default/baseof.html": "<html>\n\n{{block \"main\" .}}"},
			`layouts/_default/baseof.html:3:1: {{block "main" .}} has no matching {{end}}`},
		{"unclosed if, after closed ones and a string holding }}",
			map[string]string{"layouts/_default/page.html": "{{if .A}}{{end}}\n<p>{{with \"}}\"}}x{{end}}\n  <b>{{- if .Title -}}\n{{range .Pages}}{{end}}</b>"},
			`layouts/_default/page.html:3:6: {{- if .Title -}} has no matching {{end}}`},
		{"the innermost unclosed block",
			map[string]string{"layouts/_default/page.html": "{{range .Pages}}\n{{if .Title}}{{else}}"},
			`layouts/_default/page.html:2:1: {{if .Title}} has no matching {{end}}`},
		{"unclosed define, counted in characters",
			map[string]string{"layouts/_default/page.html": "标题 {{define \"main\"}}"},
			`layouts/_default/page.html:1:4: {{define "main"}} has no matching {{end}}`},
		{"a long action is cut short",
			map[string]string{"layouts/_default/page.html": "{{if and .Title .Description .Summary .Content .Params}}"},
			`layouts/_default/page.html:1:1: {{if and .Title .Description .Summary …}} has no matching {{end}}`},
		{"a comment ignored, then an unclosed action",
			map[string]string{"layouts/_default/page.html": "{{/* {{if}} */}}\n<p>{{.Title"},
			`layouts/_default/page.html:2:4: an action {{ has no }}`},
		{"unclosed comment",
			map[string]string{"layouts/_default/page.html": "<p>\n {{/* note"},
			`layouts/_default/page.html:2:2: a comment {{/* has no */}}`},
		{"stray text beside blocks",
			map[string]string{"layouts/_default/baseof.html": base,
				"layouts/_default/home.html": "{{define \"main\"}}<h1>{{.Title}}</h1>{{end}}\n\n  stray words here"},
			`layouts/_default/home.html:3:3: text "stray words here" is outside {{define}}: a page layout either only defines blocks for layouts/_default/baseof.html, or is a whole page without {{define}}`},
		{"a stray action beside blocks",
			map[string]string{"layouts/_default/baseof.html": base,
				"layouts/zones/page.html": "{{/* the zone page */}}\n{{define \"main\"}}x{{end}}\n{{template \"partials/x.html\" .}}"},
			`layouts/zones/page.html:3:1: {{template "partials/x.html" .}} is outside {{define}}: a page layout either only defines blocks for layouts/_default/baseof.html, or is a whole page without {{define}}`},
		{"long stray text is cut at its first line",
			map[string]string{"layouts/_default/baseof.html": base,
				"layouts/_default/page.html": "<!DOCTYPE html>\n<html>{{define \"main\"}}x{{end}}</html>"},
			`layouts/_default/page.html:1:1: text "<!DOCTYPE html>…" is outside {{define}}: a page layout either only defines blocks for layouts/_default/baseof.html, or is a whole page without {{define}}`},
		{"blocks with no base layout",
			map[string]string{"layouts/_default/page.html": "{{define \"main\"}}x{{end}}"},
			`layouts/_default/page.html: defines blocks, but there is no layouts/_default/baseof.html for them to fill in`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ReadLayouts(mapFS(tt.files))
			if err == nil {
				t.Fatal("no error")
			}
			if err.Error() != tt.want {
				t.Errorf("got  %s\nwant %s", err.Error(), tt.want)
			}
		})
	}
}

// TestLayoutShapes checks the templates that are fine: which one a page
// starts from.
func TestLayoutShapes(t *testing.T) {
	files := map[string]string{
		"layouts/_default/baseof.html": base,
		"layouts/_default/page.html":   "{{/* fills in main */}}\n{{define \"main\"}}x{{end}}\n\t",
		"layouts/_default/home.html":   "<!DOCTYPE html><p>{{.Title}}</p>",
		"layouts/_default/empty.html":  "\n",
		"layouts/_default/list.html":   "{{define \"item\"}}<li>{{.}}</li>{{end}}<ul>{{range .Pages}}{{if .}}{{template \"item\" .Title}}{{end}}{{end}}</ul>",
		"layouts/404.html":             "<p>{{block \"x\" .}}{{end}}</p>",
	}
	l, err := ReadLayouts(mapFS(files))
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		"_default/page.html":  baseName,
		"_default/home.html":  "_default/home.html",
		"_default/empty.html": baseName,
		"_default/list.html":  "_default/list.html",
		"404.html":            "404.html",
	}
	for name, entry := range want {
		if got := l.sets[name].entry; got != entry {
			t.Errorf("%s starts from %q, want %q", name, got, entry)
		}
	}
}

// TestAllFaultsReported: every faulty file is reported, not only the first,
// and a page template that parsed is still usable.
func TestAllFaultsReported(t *testing.T) {
	files := map[string]string{
		"layouts/_default/baseof.html":  base,
		"layouts/_default/page.html":    "{{.Title",
		"layouts/_default/home.html":    "{{if .Title}}",
		"layouts/_default/section.html": "{{define \"main\"}}ok{{end}}",
	}
	l, err := ReadLayouts(mapFS(files))
	want := "layouts/_default/home.html:1:1: {{if .Title}} has no matching {{end}}\n" +
		"layouts/_default/page.html:1:1: an action {{ has no }}"
	if err == nil || err.Error() != want {
		t.Fatalf("got  %v\nwant %s", err, want)
	}
	if _, ok := l.sets["_default/section.html"]; !ok {
		t.Error("the sound section template is not usable")
	}
	if !l.broken["_default/page.html"] || !l.broken["_default/home.html"] {
		t.Error("the faulty templates are not marked broken")
	}
}

func mapFS(files map[string]string) fstest.MapFS {
	fsys := fstest.MapFS{}
	for name, data := range files {
		fsys[name] = &fstest.MapFile{Data: []byte(data)}
	}
	return fsys
}

// FuzzUnclosed: whatever the text, the scan for an unclosed action ends,
// and what it blames is an action in the text.
func FuzzUnclosed(f *testing.F) {
	for _, s := range []string{"{{if .}}", "{{/* x", "{{\"}}\"", "{{- range -}}{{end}}", "{{define `x}}`}}", "{{'}'}}{{with}}"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		u, ok := unclosed(text)
		if ok && !strings.HasPrefix(text[u.offset:], "{{") {
			t.Errorf("unclosed(%q) blames offset %d, not an action", text, u.offset)
		}
	})
}
