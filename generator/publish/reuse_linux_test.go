package publish

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

// inode is the identity of the file at p.
func inode(t *testing.T, p string) (ino uint64, nlink uint64) {
	t.Helper()
	info, err := os.Lstat(p)
	if err != nil {
		t.Fatal(err)
	}
	st := info.Sys().(*syscall.Stat_t)
	return st.Ino, uint64(st.Nlink)
}

func TestUnchangedFilesShared(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	if err := Dir(dest, Options{}, files("same.html", "same", "a/b/same.css", "x", "changed.html", "old", "longer.html", "ab")); err != nil {
		t.Fatal(err)
	}
	before := map[string]uint64{}
	for _, name := range []string{"same.html", "a/b/same.css", "changed.html", "longer.html", Marker} {
		before[name], _ = inode(t, filepath.Join(dest, name))
	}
	if err := Dir(dest, Options{}, files("same.html", "same", "a/b/same.css", "x", "changed.html", "new", "longer.html", "abc")); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name, data string
		shared     bool
	}{
		{"same.html", "same", true},
		{"a/b/same.css", "x", true},
		{Marker, markerText, true},
		{"changed.html", "new", false}, // same size, other bytes
		{"longer.html", "abc", false},  // the old bytes are a prefix
	} {
		p := filepath.Join(dest, tc.name)
		ino, nlink := inode(t, p)
		if shared := ino == before[tc.name]; shared != tc.shared {
			t.Errorf("%s: shared with the old site = %v, want %v", tc.name, shared, tc.shared)
		}
		if nlink != 1 {
			t.Errorf("%s: %d names once the old site is gone, want 1", tc.name, nlink)
		}
		if data, _ := os.ReadFile(p); string(data) != tc.data {
			t.Errorf("%s = %q, want %q", tc.name, data, tc.data)
		}
	}
	assertAlone(t, dest)
}

// The old site's file is shared only when it is the generator's own:
// anything else is written anew, as a fresh build would write it, and the
// old file is left as it was.
func TestOnlyOwnFilesShared(t *testing.T) {
	dir := t.TempDir()
	dest := filepath.Join(dir, "public")
	site := files("linked.html", "same", "private.html", "same", "symlink.html", "same", "via/dir.html", "same", "ok.html", "same")
	if err := Dir(dest, Options{}, site); err != nil {
		t.Fatal(err)
	}
	outside := filepath.Join(dir, "outside")
	if err := os.Mkdir(outside, 0o755); err != nil {
		t.Fatal(err)
	}
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	// A second name elsewhere: sharing would tie that name to the site.
	must(os.Link(filepath.Join(dest, "linked.html"), filepath.Join(outside, "backup.html")))
	// Another mode than a new file gets.
	must(os.Chmod(filepath.Join(dest, "private.html"), 0o600))
	// A symbolic link to a file with the same bytes, in and out of the site.
	must(os.WriteFile(filepath.Join(outside, "target.html"), []byte("same"), 0o644))
	must(os.Remove(filepath.Join(dest, "symlink.html")))
	must(os.Symlink(filepath.Join(outside, "target.html"), filepath.Join(dest, "symlink.html")))
	must(os.RemoveAll(filepath.Join(dest, "via")))
	must(os.WriteFile(filepath.Join(outside, "dir.html"), []byte("same"), 0o644))
	must(os.Symlink(outside, filepath.Join(dest, "via")))
	okIno, _ := inode(t, filepath.Join(dest, "ok.html"))

	if err := Dir(dest, Options{}, site); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"linked.html", "private.html", "symlink.html", "via/dir.html", "ok.html"} {
		p := filepath.Join(dest, name)
		info, err := os.Lstat(p)
		if err != nil {
			t.Fatal(err)
		}
		if !info.Mode().IsRegular() || info.Mode().Perm() != 0o644&^umask(t) {
			t.Errorf("%s: mode %v, want a plain file as new ones are", name, info.Mode())
		}
		if data, _ := os.ReadFile(p); string(data) != "same" {
			t.Errorf("%s = %q", name, data)
		}
		ino, nlink := inode(t, p)
		if want := name == "ok.html"; (ino == okIno) != want || nlink != 1 {
			t.Errorf("%s: shared = %v (want %v), %d names", name, ino == okIno, want, nlink)
		}
	}
	for _, name := range []string{"backup.html", "target.html", "dir.html"} {
		if _, nlink := inode(t, filepath.Join(outside, name)); nlink != 1 {
			t.Errorf("outside/%s now has %d names, want 1", name, nlink)
		}
	}
}

// A build that fails leaves the old site's files with their one name.
func TestDiscardUnshares(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	if err := Dir(dest, Options{}, files("index.html", "same")); err != nil {
		t.Fatal(err)
	}
	s, err := Stage(dest, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Write("index.html", []byte("same")); err != nil {
		t.Fatal(err)
	}
	if _, nlink := inode(t, filepath.Join(dest, "index.html")); nlink != 2 {
		t.Fatalf("index.html has %d names while staged, want 2: not shared", nlink)
	}
	s.Discard()
	if _, nlink := inode(t, filepath.Join(dest, "index.html")); nlink != 1 {
		t.Errorf("index.html has %d names after Discard, want 1", nlink)
	}
	assertAlone(t, dest)
}

func umask(t *testing.T) os.FileMode {
	m, ok := processUmask()
	if !ok {
		t.Skip("no umask in /proc/self/status")
	}
	return os.FileMode(m)
}
