package publish

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
)

// file is one file to publish.
type file struct{ path, data string }

func files(kv ...string) []file {
	var out []file
	for i := 0; i < len(kv); i += 2 {
		out = append(out, file{kv[i], kv[i+1]})
	}
	return out
}

// Dir publishes files to dest in one step: Stage, Write each, Commit.
func Dir(dest string, opts Options, files []file) error {
	s, err := Stage(dest, opts)
	if err != nil {
		return err
	}
	for _, f := range files {
		if err := s.Write(f.path, []byte(f.data)); err != nil {
			s.Discard()
			return err
		}
	}
	return s.Commit()
}

func TestDirReplacesWhole(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	if err := Dir(dest, Options{}, files("old.html", "old", "a/b.html", "b")); err != nil {
		t.Fatal(err)
	}
	if err := Dir(dest, Options{}, files("a/b.html", "new")); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dest, "old.html")); !os.IsNotExist(err) {
		t.Error("a file of the earlier build is still there")
	}
	if data, _ := os.ReadFile(filepath.Join(dest, "a/b.html")); string(data) != "new" {
		t.Errorf("a/b.html = %q", data)
	}
	info, err := os.Stat(dest)
	if err != nil || info.Mode().Perm() != 0o755 {
		t.Errorf("published folder: %v %v, want mode 0755", info.Mode(), err)
	}
	assertAlone(t, dest)
}

// assertAlone fails if anything but dest is left beside it.
func assertAlone(t *testing.T, dest string) {
	t.Helper()
	entries, _ := os.ReadDir(filepath.Dir(dest))
	for _, e := range entries {
		if e.Name() != filepath.Base(dest) {
			t.Errorf("left beside the destination: %s", e.Name())
		}
	}
}

func TestFailedWriteKeepsOld(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	if err := Dir(dest, Options{}, files("index.html", "good")); err != nil {
		t.Fatal(err)
	}
	// A file and a folder at one path cannot both be written.
	err := Dir(dest, Options{}, files("x", "1", "x/y", "2"))
	if err == nil {
		t.Fatal("no error")
	}
	if data, _ := os.ReadFile(filepath.Join(dest, "index.html")); string(data) != "good" {
		t.Errorf("the published site was changed by a failed build: %q", data)
	}
	assertAlone(t, dest)
}

func TestRefusesDestination(t *testing.T) {
	root := t.TempDir()
	site := filepath.Join(root, "site")
	for _, d := range []string{"content/zones", "layouts", "other"} {
		os.MkdirAll(filepath.Join(site, d), 0o755)
	}
	os.WriteFile(filepath.Join(site, "config.toml"), []byte("x"), 0o644)
	os.WriteFile(filepath.Join(site, "other", "keep.txt"), []byte("x"), 0o644)
	os.Symlink(filepath.Join(site, "content"), filepath.Join(root, "link-to-content"))
	os.MkdirAll(filepath.Join(root, "empty"), 0o755)
	t.Chdir(site)
	tests := []struct{ dest, want string }{
		{"/", "cannot publish to /: it is the root of the file system"},
		{".", "cannot publish to .: it is the site's source folder; build into a folder of its own, such as public"},
		{site, "it is the site's source folder"},
		{root, "it holds the site's source folder"},
		{"..", "it holds the site's source folder"},
		{"content", "cannot publish to content: it is the site's content/ folder; build into a folder of its own, such as public"},
		{"content/zones/", "it is inside the site's content/ folder"},
		{"content/new/deeper", "it is inside the site's content/ folder"},
		{"layouts", "it is the site's layouts/ folder"},
		{"config.toml", "it is the site's config.toml"},
		{filepath.Join(root, "link-to-content"), "it is the site's content/ folder"},
		{"other/keep.txt", "it is a file, not a folder"},
		{"other", "cannot publish to other: it is a folder this generator did not make (it has no .generator-output file); empty it, or build into another folder"},
		{"", "cannot publish to : no folder given"},
	}
	for _, tt := range tests {
		if err := Dir(tt.dest, Options{Source: "."}, files("index.html", "x")); err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("Dir(%q): %v, want %q", tt.dest, err, tt.want)
		}
	}
	for _, ok := range []string{"public", filepath.Join(root, "empty"), filepath.Join(root, "new", "parents", "made")} {
		if err := Dir(ok, Options{Source: "."}, files("index.html", "x")); err != nil {
			t.Errorf("Dir(%q): %v", ok, err)
		}
	}
	if data, _ := os.ReadFile(filepath.Join(site, "other", "keep.txt")); string(data) != "x" {
		t.Error("a refused destination was changed")
	}
}

func TestRefusesCurrentFolder(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "a", "b")
	os.MkdirAll(dir, 0o755)
	t.Chdir(dir)
	for dest, want := range map[string]string{".": "it is the current folder", "..": "it holds the current folder"} {
		if err := Dir(dest, Options{}, nil); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("Dir(%q): %v, want %q", dest, err, want)
		}
	}
}

func TestRefusesSymlinkDestination(t *testing.T) {
	root := t.TempDir()
	if err := Dir(filepath.Join(root, "real"), Options{}, files("a", "1")); err != nil {
		t.Fatal(err)
	}
	os.Symlink("real", filepath.Join(root, "link"))
	err := Dir(filepath.Join(root, "link"), Options{}, files("a", "2"))
	if err == nil || !strings.Contains(err.Error(), "it is a symbolic link; name the folder itself") {
		t.Errorf("publishing through a symlink: %v", err)
	}
}

func TestWriteRefusesPathsOutside(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "out", "public")
	for _, name := range []string{"../x", "/etc/x", "a/../../x", "", "a//b", "./a", "a\\b", ".generator-output", "a/.."} {
		s, err := Stage(dest, Options{})
		if err != nil {
			t.Fatal(err)
		}
		if err := s.Write(name, []byte("x")); err == nil {
			t.Errorf("Write(%q) was allowed", name)
		}
		s.Discard()
	}
	s, _ := Stage(dest, Options{})
	s.Write("a.html", nil)
	if err := s.Write("a.html", nil); err == nil || err.Error() != "publish: a.html is written twice" {
		t.Errorf("second write: %v", err)
	}
	s.Discard()
	entries, _ := os.ReadDir(filepath.Dir(filepath.Dir(dest)))
	if len(entries) != 1 {
		t.Errorf("writes escaped: %d entries above the destination's folder", len(entries))
	}
}

// TestWriteTwice: a second file at a path, or a file where other files
// made a folder, is refused by name, also when the first was shared from
// the published site, and after the folders made were forgotten.
func TestWriteTwice(t *testing.T) {
	var many []file
	for i := range maxFolders + 10 {
		many = append(many, file{fmt.Sprintf("p%d/index.html", i), "x"})
	}
	for _, tc := range []struct {
		name   string
		before []file // published first
		writes []file
		want   string
	}{
		{"file", nil, files("a.html", "1", "a.html", "1"), "publish: a.html is written twice"},
		{"shared", files("a.html", "1"), files("a.html", "1", "a.html", "1"), "publish: a.html is written twice"},
		{"folder", nil, files("a/b.html", "1", "a", "2"), "publish: a: other files are written inside it"},
		{"forgotten", nil, append(slices.Clone(many), many[0]), "publish: p0/index.html is written twice"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dest := filepath.Join(t.TempDir(), "public")
			if tc.before != nil {
				if err := Dir(dest, Options{}, tc.before); err != nil {
					t.Fatal(err)
				}
			}
			err := Dir(dest, Options{}, tc.writes)
			if err == nil || err.Error() != tc.want {
				t.Errorf("got %v, want %s", err, tc.want)
			}
		})
	}
}

// TestFoldersForgotten: files written into folders made long before, whose
// making was forgotten, are written.
func TestFoldersForgotten(t *testing.T) {
	var fs []file
	for _, name := range []string{"index.html", "more.html"} {
		for i := range 2*maxFolders + 1 {
			fs = append(fs, file{fmt.Sprintf("s/p%d/%s", i, name), name})
		}
	}
	dest := filepath.Join(t.TempDir(), "public")
	if err := Dir(dest, Options{}, fs); err != nil {
		t.Fatal(err)
	}
	for _, f := range []file{fs[0], fs[len(fs)/2], fs[len(fs)-1]} {
		if got, err := os.ReadFile(filepath.Join(dest, f.path)); err != nil || string(got) != f.data {
			t.Errorf("%s: %q, %v", f.path, got, err)
		}
	}
}

func TestConcurrentWrites(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	s, err := Stage(dest, Options{})
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	for i := range 200 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			name := filepath.ToSlash(filepath.Join("d", string(rune('a'+i%7)), "p", string(rune('a'+i%26))+strings.Repeat("x", i/26)+".html"))
			if err := s.Write(name, []byte(name)); err != nil {
				t.Error(err)
			}
		}()
	}
	wg.Wait()
	if err := s.Commit(); err != nil {
		t.Fatal(err)
	}
	n := 0
	filepath.WalkDir(dest, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && d.Name() != Marker {
			n++
		}
		return nil
	})
	if n != 200 {
		t.Errorf("%d files published, want 200", n)
	}
}

// Two builds into one destination take turns: both succeed, and the site
// is one of them, whole.
func TestTwoBuildsAtOnce(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	var wg sync.WaitGroup
	errs := make([]error, 8)
	for i := range errs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			v := strings.Repeat(string(rune('a'+i)), 3)
			errs[i] = Dir(dest, Options{}, files("index.html", v, "sub/page.html", v))
		}()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			t.Error(err)
		}
	}
	a, _ := os.ReadFile(filepath.Join(dest, "index.html"))
	b, _ := os.ReadFile(filepath.Join(dest, "sub/page.html"))
	if len(a) != 3 || !bytes.Equal(a, b) {
		t.Errorf("mixed site: %q and %q", a, b)
	}
	assertAlone(t, dest)
}

func TestCleansUpAfterKilledBuilds(t *testing.T) {
	parent := t.TempDir()
	dest := filepath.Join(parent, "public")
	if err := Dir(dest, Options{}, files("index.html", "one")); err != nil {
		t.Fatal(err)
	}
	// What killed builds leave: half-written sites, and an old site moved
	// aside by a two-rename swap that was killed before its second rename.
	for _, name := range []string{".public.new-123", ".public.new-456/deep"} {
		os.MkdirAll(filepath.Join(parent, name), 0o755)
	}
	if err := Dir(dest, Options{}, files("index.html", "two")); err != nil {
		t.Fatal(err)
	}
	assertAlone(t, dest)

	os.Rename(dest, filepath.Join(parent, ".public.old-789"))
	os.MkdirAll(filepath.Join(parent, ".public.new-999"), 0o755)
	s, err := Stage(dest, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if data, _ := os.ReadFile(filepath.Join(dest, "index.html")); string(data) != "two" {
		t.Errorf("the site moved aside was not put back: %q", data)
	}
	s.Discard()
	assertAlone(t, dest)
}

func TestOldSiteNotRemovable(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	if err := Dir(dest, Options{}, files("index.html", "old")); err != nil {
		t.Fatal(err)
	}
	var log bytes.Buffer
	s, err := Stage(dest, Options{Log: &log})
	if err != nil {
		t.Fatal(err)
	}
	s.removeAll = func(string) error { return errors.New("device or resource busy") }
	s.Write("index.html", []byte("new"))
	if err := s.Commit(); err != nil {
		t.Fatalf("publishing failed although only the old site's removal did: %v", err)
	}
	if data, _ := os.ReadFile(filepath.Join(dest, "index.html")); string(data) != "new" {
		t.Errorf("index.html = %q, want the new site", data)
	}
	want := "warning: the new site is published, but the old one could not be removed (device or resource busy); the next build will try again\n"
	if log.String() != want {
		t.Errorf("log: %q, want %q", log.String(), want)
	}
	// The next build removes the leftover.
	if err := Dir(dest, Options{}, files("index.html", "newer")); err != nil {
		t.Fatal(err)
	}
	assertAlone(t, dest)
}
