package render

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"westcoast/generator/model"
	srcfs "westcoast/generator/source"
)

// A page's text is read again as it renders; a file that changed since it
// was loaded, even to text of the same length, is refused rather than mixed
// with what was loaded from it. Both ways of reading are held to it: a
// plain fs.FS, and the source folder's read of a known size into a buffer
// used before for a longer text.
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
		{"shorter", string(data[:len(data)-2]), changed},
		{"gone", "", "content/a.zh.md: cannot read: "}, // and the system's words
	} {
		for kind, fsys := range map[string]fs.FS{"MapFS": fstest.MapFS{}, "source": sourceWith(t, "")} {
			if tc.now != "" {
				fsys = fstest.MapFS{file: {Data: []byte(tc.now)}}
				if kind == "source" {
					fsys = sourceWith(t, tc.now)
				}
			}
			buf := []byte(strings.Repeat("旧", 40))
			text, err := readText(fsys, loaded, &buf)
			switch {
			case tc.want == "" && (err != nil || string(text) != string(body)):
				t.Errorf("%s, %s: %q, %v; want the text", kind, tc.name, text, err)
			case tc.want != "" && (err == nil || !strings.HasPrefix(err.Error(), tc.want)):
				t.Errorf("%s, %s: error %v, want %q", kind, tc.name, err, tc.want)
			}
		}
	}
}

// sourceWith is a source folder whose content/a.zh.md holds text (none if
// text is empty), read once as load reads it, so that its folder is known
// and the next read takes the sized way.
func sourceWith(t *testing.T, text string) *srcfs.FS {
	dir := t.TempDir()
	if err := os.Mkdir(filepath.Join(dir, "content"), 0o755); err != nil {
		t.Fatal(err)
	}
	fsys := srcfs.New(dir, srcfs.DefaultMaxFileSize)
	if text == "" {
		return fsys
	}
	name := filepath.Join(dir, "content", "a.zh.md")
	if err := os.WriteFile(name, []byte("+++\n+++\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := fsys.ReadFile("content/a.zh.md"); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return fsys
}
