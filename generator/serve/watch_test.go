package serve

import (
	"io"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"westcoast/generator/source"
)

// TestWatch: the watcher reports the files that changed, by name, in
// batches: files written, removed, and those of a folder made after it
// started, files and all; not hidden files, nor anything outside
// config.toml, content/ and layouts/.
func TestWatch(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"config.toml", "content/a.md", "layouts/page.html", "public/index.html"} {
		writeFile(dir, name, "x")
	}
	batches := make(chan []string, 100)
	stop, err := watch(dir, source.New(dir, source.DefaultMaxFileSize), func(b []string) { batches <- b }, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	defer stop()
	steps := []struct {
		what string
		do   func() error
		want string
	}{
		{"a file written", func() error { return writeFile(dir, "content/a.md", "y") }, "content/a.md"},
		{"a folder made with files in it", func() error {
			return writeFile(dir, "content/new/deeper/b.md", "b")
		}, "content/new/deeper/b.md"},
		{"a file in the new folder", func() error { return writeFile(dir, "content/new/deeper/c.md", "c") }, "content/new/deeper/c.md"},
		{"a hidden file, then a file", func() error {
			writeFile(dir, "content/.a.md.swp", "x")
			writeFile(dir, "public/index.html", "y")
			return writeFile(dir, "layouts/page.html", "y")
		}, "layouts/page.html"},
		{"a file removed", func() error { return os.Remove(filepath.Join(dir, "content", "a.md")) }, "content/a.md"},
		{"config", func() error { return writeFile(dir, "config.toml", "y") }, "config.toml"},
	}
	for _, step := range steps {
		if err := step.do(); err != nil {
			t.Fatal(err)
		}
		var seen []string
		for !slices.Contains(seen, step.want) {
			select {
			case b := <-batches:
				seen = append(seen, b...)
			case <-time.After(10 * time.Second):
				t.Fatalf("%s: no %s among the changes reported: %v", step.what, step.want, seen)
			}
		}
		for _, name := range seen {
			if !relevant(name) || name == "public/index.html" {
				t.Errorf("%s: reported %s", step.what, name)
			}
		}
	}
}

func TestRelevant(t *testing.T) {
	tests := map[string]bool{
		"config.toml": true, "content/a.md": true, "layouts/x/y.html": true, ".": true,
		"content/.a.md.swp": false, "content/.git/x": false, "public/index.html": false, "README.md": false,
	}
	for name, want := range tests {
		if got := relevant(name); got != want {
			t.Errorf("relevant(%q) = %v, want %v", name, got, want)
		}
	}
}
