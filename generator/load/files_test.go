package load

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"westcoast/generator/source"
)

// A content file is read in one call when the listing's size still holds,
// and whole, the long way, when the file has changed size since: a listed
// size never cuts a file short or lets stale bytes through.
func TestReadContent(t *testing.T) {
	const text = "+++\ntitle = \"甲\"\n+++\n正文\n"
	for _, tc := range []struct {
		name string
		size int64 // as listed
	}{
		{"as listed", int64(len(text))},
		{"grew since", int64(len(text)) - 3},
		{"shrank since", int64(len(text)) + 3},
		{"not listed", 0},
	} {
		dir := t.TempDir()
		if err := os.MkdirAll(filepath.Join(dir, "content"), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, "content", "a.zh.md"), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		fsys := source.New(dir, source.DefaultMaxFileSize)
		if _, err := fsys.ReadDir("content"); err != nil { // as the listing does
			t.Fatal(err)
		}
		data, err := readContent(fsys, contentFile{path: "content/a.zh.md", size: tc.size}, []byte("旧的文字"))
		if err != nil || string(data) != text {
			t.Errorf("%s: %q, %v; want the whole file", tc.name, data, err)
		}
	}
}

// The listing gives each content file its size when the source can read a
// file of known size, and none otherwise.
func TestListedSizes(t *testing.T) {
	dir := t.TempDir()
	for name, text := range map[string]string{"config.toml": testConfig, "content/a.zh.md": "+++\ntitle = \"甲\"\n+++\n"} {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	cfg, err := readConfig(os.DirFS(dir), Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		fsys fs.FS
		want int64
	}{
		{"source", source.New(dir, source.DefaultMaxFileSize), int64(len("+++\ntitle = \"甲\"\n+++\n"))},
		{"os.DirFS", os.DirFS(dir), 0},
	} {
		files, err := listContent(tc.fsys, cfg)
		if err != nil || len(files) != 1 || files[0].size != tc.want {
			t.Errorf("%s: listed %+v, %v; want content/a.zh.md of size %d", tc.name, files, err, tc.want)
		}
	}
}

// Parsing keeps no part of the bytes it parses, which load reads each file
// into and then uses again for the next: every content file of the real
// site, and a page with a summary before <!--more-->, parse the same
// whether or not their bytes are overwritten once parsed.
func TestParseKeepsNoPartOfData(t *testing.T) {
	root := os.DirFS("../..")
	cfg, err := readConfig(root, Options{})
	if err != nil {
		t.Fatal(err)
	}
	files := map[string][]byte{"content/more.zh.md": []byte("+++\ntitle = \"甲\"\nsummary = \"\"\n+++\n导语。\n\n<!--more-->\n\n正文\n")}
	err = fs.WalkDir(root, "content", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			files[p], err = fs.ReadFile(root, p)
		}
		return err
	})
	if err != nil || len(files) < 20 {
		t.Fatalf("read %d files: %v", len(files), err)
	}
	parse := func(p string, data []byte) any {
		if strings.HasSuffix(p, ".toml") {
			fa, err := parseFacts(p, data, cfg.schema)
			if err != nil {
				t.Fatal(err)
			}
			return fa
		}
		sf, err := parseFile(p, data, cfg.schema)
		if err != nil {
			t.Fatal(err)
		}
		return sf
	}
	for p, data := range files {
		kept := bytes.Clone(data)
		got := parse(p, data)
		for i := range data {
			data[i] = 'x'
		}
		if want := parse(p, kept); !reflect.DeepEqual(got, want) {
			t.Errorf("%s: parsed from bytes since overwritten: %+v\nwant %+v", p, got, want)
		}
	}
}

// isSlug says what ^[a-z0-9]+(-[a-z0-9]+)*$ says, the pattern it replaced:
// checked on the cases below and on every string of up to four bytes from
// letters, digits, hyphens and their nearest misses.
func TestIsSlug(t *testing.T) {
	pattern := regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)
	for _, tc := range []struct {
		s    string
		want bool
	}{
		{"", false}, {"a", true}, {"new-projects", true}, {"zone-00001", true}, {"2025", true},
		{"-a", false}, {"a-", false}, {"a--b", false}, {"A", false}, {"a_b", false},
		{"a b", false}, {"a/b", false}, {"数字", false}, {"café", false}, {"a.b", false},
	} {
		if got := isSlug(tc.s); got != tc.want {
			t.Errorf("isSlug(%q) = %v, want %v", tc.s, got, tc.want)
		}
	}
	alphabet := []byte{'a', 'z', '0', '9', '-', 'A', '_', '`', '{', '/', ':', 0xc3}
	var each func(prefix []byte)
	each = func(prefix []byte) {
		if got, want := isSlug(string(prefix)), pattern.MatchString(string(prefix)); got != want {
			t.Errorf("isSlug(%q) = %v, the pattern says %v", prefix, got, want)
		}
		if len(prefix) == 4 {
			return
		}
		for _, c := range alphabet {
			each(append(prefix, c))
		}
	}
	each(nil)
}
