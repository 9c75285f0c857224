package render

import (
	"testing"
	"testing/fstest"
)

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
		{"unclosed define",
			map[string]string{"layouts/_default/baseof.html": "<html>\n\n{{block \"main\" .}}"},
			`layouts/_default/baseof.html:3: unexpected EOF`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := fstest.MapFS{}
			for name, data := range tt.files {
				fsys[name] = &fstest.MapFile{Data: []byte(data)}
			}
			_, err := ReadLayouts(fsys)
			if err == nil {
				t.Fatal("no error")
			}
			if err.Error() != tt.want {
				t.Errorf("got  %q\nwant %q", err.Error(), tt.want)
			}
		})
	}
}
