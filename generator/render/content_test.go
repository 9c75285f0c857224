package render

import (
	"testing"
	"testing/fstest"

	"westcoast/generator/model"
)

// A page's text is read again as it renders; a file that changed since it
// was loaded, even to text of the same length, is refused rather than mixed
// with what was loaded from it.
func TestReadTextRefusesChangedFiles(t *testing.T) {
	const file = "content/a.zh.md"
	data := []byte("+++\ntitle = \"甲\"\n+++\n正文\n")
	body := data[len("+++\ntitle = \"甲\"\n+++\n"):]
	loaded := model.Text{File: file, Offset: len(data) - len(body), Length: len(body), Line: 4, Sum: model.TextSum(body)}
	changed := "content/a.zh.md: changed while the site was being built: build again"
	for _, tc := range []struct {
		name, now, want string
	}{
		{"unchanged", string(data), ""},
		{"same length, other text", "+++\ntitle = \"甲\"\n+++\n正史\n", changed},
		{"longer", string(data) + "更多\n", changed},
	} {
		fsys := fstest.MapFS{file: {Data: []byte(tc.now)}}
		text, err := readText(fsys, loaded)
		switch {
		case tc.want == "" && (err != nil || string(text) != string(body)):
			t.Errorf("%s: %q, %v; want the text", tc.name, text, err)
		case tc.want != "" && (err == nil || err.Error() != tc.want):
			t.Errorf("%s: error %v, want %q", tc.name, err, tc.want)
		}
	}
}
