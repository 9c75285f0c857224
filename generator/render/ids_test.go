package render

import (
	"maps"
	"testing"
	"testing/fstest"
)

func TestReservedIDs(t *testing.T) {
	fsys := fstest.MapFS{
		"layouts/_default/baseof.html": {Data: []byte(`<body><main id="main" class="wrap">{{block "main" .}}{{end}}</main></body>`)},
		"layouts/_default/page.html":   {Data: []byte(`{{define "main"}}<h2 id='figures-heading'>x</h2><p data-id="not-an-id"></p>{{end}}`)},
		"layouts/partials/row.html":    {Data: []byte(`<tr id="{{.ID}}"></tr><div id="main"></div><input id="q">`)},
		"layouts/assets/site.css":      {Data: []byte(`#main { id="css-is-not-a-layout" }`)},
	}
	l, err := ReadLayouts(fsys)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		"main":            "layouts/_default/baseof.html",
		"figures-heading": "layouts/_default/page.html",
		"q":               "layouts/partials/row.html",
	}
	if got := l.ReservedIDs(); !maps.Equal(got, want) {
		t.Errorf("got  %v\nwant %v", got, want)
	}
	if ids := (*Layouts)(nil).ReservedIDs(); ids != nil {
		t.Errorf("nil layouts reserve %v", ids)
	}
}
