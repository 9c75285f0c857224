package source

import (
	"fmt"
	"io"
	"io/fs"
	"net"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"testing/fstest"
)

// makeTree builds a source folder from a list of entries: "name" is a file
// holding its own name, "name -> target" a symlink,
// "name |" a named pipe, "name =" a socket and "name N" a file of N bytes.
func makeTree(t *testing.T, entries ...string) string {
	t.Helper()
	root := t.TempDir()
	for _, e := range entries {
		name, arg, _ := strings.Cut(e, " ")
		p := filepath.Join(root, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		var err error
		switch {
		case strings.HasPrefix(arg, "-> "):
			err = os.Symlink(strings.TrimPrefix(arg, "-> "), p)
		case arg == "|":
			err = syscall.Mkfifo(p, 0o644)
		case arg == "=":
			var l net.Listener
			if l, err = net.Listen("unix", p); err == nil {
				t.Cleanup(func() { l.Close() })
			}
		case arg != "":
			err = os.WriteFile(p, []byte(strings.Repeat("x", atoi(t, arg))), 0o644)
		default:
			err = os.WriteFile(p, []byte(name), 0o644)
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	return root
}

func atoi(t *testing.T, s string) int {
	var s2 Size
	if err := s2.Set(s); err != nil {
		t.Fatal(err)
	}
	return int(s2)
}

// hostile is a source folder with one of each thing the source refuses,
// beside things it reads.
func hostile(t *testing.T) string {
	return makeTree(t,
		"config.toml",
		"content/a.md",
		"content/sub/b.md",
		"content/same.md -> a.md",
		"content/shared -> sub",
		"content/up.md -> ../config.toml",
		"content/passwd -> /etc/passwd",
		"content/chain -> passwd",
		"content/etc -> /etc",
		"content/zero -> /dev/zero",
		"content/pipe |",
		"content/pipe-link -> pipe",
		"content/sock =",
		"content/loop -> ..",
		"content/sub/self -> .",
		"content/nowhere -> missing.md",
		"content/big 1025",
		"content/edge 1024",
		"content/.#a.md -> editor@host.4242:1700000000",
		"content/.hidden -> /etc/passwd",
		"layouts/assets/shadow -> /etc/shadow",
		".env",
		".git/config",
		"content/env -> ../.env",
		"content/token -> ../.git/config",
		"layouts/assets/git -> ../../.git",
		"content/a.md~",
		"content/#a.md#",
		"layouts/assets/site.css~",
		"layouts/assets/.git",
		"layouts/assets/vendor/.git/config",
		"layouts/assets/.DS_Store",
		"layouts/assets/.well-known/security.txt",
	)
}

func TestReadFile(t *testing.T) {
	fsys := New(hostile(t), 1024)
	tests := []struct{ name, want, err string }{
		{"config.toml", "config.toml", ""},
		{"content/a.md", "content/a.md", ""},
		{"content/same.md", "content/a.md", ""},
		{"content/up.md", "config.toml", ""},
		{"content/shared/b.md", "content/sub/b.md", ""},
		{"content/edge", strings.Repeat("x", 1024), ""},
		{"content/passwd", "", "content/passwd: symlink to /etc/passwd leads outside the site source"},
		{"content/chain", "", "content/chain: symlink to passwd leads outside the site source"},
		{"content/etc/passwd", "", "content/etc: symlink to /etc leads outside the site source"},
		{"content/zero", "", "content/zero: symlink to /dev/zero leads outside the site source"},
		{"layouts/assets/shadow", "", "layouts/assets/shadow: symlink to /etc/shadow leads outside the site source"},
		{"content/pipe", "", "content/pipe: is a named pipe, not a regular file or folder"},
		{"content/pipe-link", "", "content/pipe-link: symlink to pipe leads to a named pipe, not a regular file or folder"},
		{"content/sock", "", "content/sock: is a socket, not a regular file or folder"},
		{"content/loop/a.md", "", "content/loop: symlink to .. leads back into a folder that holds it"},
		{"content/sub/self/b.md", "", "content/sub/self: symlink to . leads back into a folder that holds it"},
		{"content/nowhere", "", "content/nowhere: symlink to missing.md leads nowhere"},
		{"content/.hidden", "", "content/.hidden: symlink to /etc/passwd leads outside the site source"},
		{"content/token", "", "content/token: symlink to ../.git/config leads into .git: hidden files and folders (.git, .env) are never part of a site"},
		{"content/env", "", "content/env: symlink to ../.env leads into .env: hidden files and folders (.git, .env) are never part of a site"},
		{"layouts/assets/git/config", "", "layouts/assets/git: symlink to ../../.git leads into .git: hidden files and folders (.git, .env) are never part of a site"},
		{".git/config", ".git/config", ""},
		{"content/big", "", "content/big: 1.1KB is more than the 1KB limit (-maxFileSize)"},
		{"content/missing.md", "", "open content/missing.md: no such file or directory"},
		{"content/a.md/x", "", "open content/a.md/x: not a folder"},
		{"../config.toml", "", "open ../config.toml: invalid argument"},
		{"content/sub", "", "read content/sub: is a folder"},
	}
	// Twice: the second time every folder is known, and a file in one is
	// opened straight away (readKnownFolder), with the same refusals.
	for _, pass := range []string{"cold", "warm"} {
		for _, tt := range tests {
			t.Run(pass+"/"+tt.name, func(t *testing.T) {
				data, err := fsys.ReadFile(tt.name)
				if got := errText(err); got != tt.err || string(data) != tt.want {
					t.Errorf("ReadFile(%q) = %q, %s; want %q, %s", tt.name, data, got, tt.want, tt.err)
				}
			})
		}
	}
}

// TestReadKnownFolderRefusesSwaps: a file of a known folder that becomes a
// symlink, a pipe or too large is refused as the long way refuses it.
func TestReadKnownFolderRefusesSwaps(t *testing.T) {
	root := makeTree(t, "content/a.md", "content/b.md", "content/c.md")
	fsys := New(root, 1024)
	for _, name := range []string{"content/a.md", "content/b.md", "content/c.md"} {
		if _, err := fsys.ReadFile(name); err != nil {
			t.Fatal(err)
		}
	}
	p := func(name string) string { return filepath.Join(root, filepath.FromSlash(name)) }
	for _, name := range []string{"content/a.md", "content/b.md", "content/c.md"} {
		if err := os.Remove(p(name)); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Symlink("/etc/passwd", p("content/a.md")); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mkfifo(p("content/b.md"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p("content/c.md"), []byte(strings.Repeat("x", 1025)), 0o644); err != nil {
		t.Fatal(err)
	}
	for name, want := range map[string]string{
		"content/a.md": "content/a.md: symlink to /etc/passwd leads outside the site source",
		"content/b.md": "content/b.md: is a named pipe, not a regular file or folder",
		"content/c.md": "content/c.md: 1.1KB is more than the 1KB limit (-maxFileSize)",
	} {
		if data, err := fsys.ReadFile(name); errText(err) != want {
			t.Errorf("ReadFile(%q) = %q, %s; want %s", name, data, errText(err), want)
		}
	}
}

func errText(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}

// TestWalk: a walk meets each refusal once, at the entry, with the message
// ReadFile gives, and goes on with the entries that can be read. Hidden
// entries that cannot be read are left out without a word.
func TestWalk(t *testing.T) {
	wantWalked := []string{".env", "config.toml", "content/a.md", "content/edge", "content/same.md",
		"content/shared/b.md", "content/sub/b.md", "content/up.md", "layouts/assets/.well-known/security.txt"}
	root := hostile(t)
	walked, errs := walk(t, root)
	if strings.Join(walked, " ") != strings.Join(wantWalked, " ") {
		t.Errorf("walked %q\nwant %q", walked, wantWalked)
	}
	if strings.Join(errs, "\n--\n") != strings.Join(hostileErrs, "\n--\n") {
		t.Errorf("walk errors:\n%s\nwant:\n%s", strings.Join(errs, "\n--\n"), strings.Join(hostileErrs, "\n--\n"))
	}

	// A folder of more than parallelEntries is read on every core: the
	// same entries in the same order, the same refusals.
	var fill []string
	for i := range parallelEntries {
		name := fmt.Sprintf("content/fill-%03d.md", i)
		fill = append(fill, name)
		if err := os.WriteFile(filepath.Join(root, name), []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	wantWalked = append(append(slices.Clone(wantWalked[:4]), fill...), wantWalked[4:]...)
	walked, errs = walk(t, root)
	if strings.Join(walked, " ") != strings.Join(wantWalked, " ") {
		t.Errorf("large folder: walked %q\nwant %q", walked, wantWalked)
	}
	if strings.Join(errs, "\n--\n") != strings.Join(hostileErrs, "\n--\n") {
		t.Errorf("large folder: walk errors:\n%s\nwant:\n%s", strings.Join(errs, "\n--\n"), strings.Join(hostileErrs, "\n--\n"))
	}
}

// walk lists the files a walk of the source at root reaches, and the
// errors it meets.
func walk(t *testing.T, root string) (walked, errs []string) {
	t.Helper()
	err := fs.WalkDir(New(root, 1024), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			errs = append(errs, err.Error())
			return nil
		}
		if !d.IsDir() {
			walked = append(walked, p)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return walked, errs
}

// hostileErrs are the refusals a walk of hostile meets, a folder at a time.
var hostileErrs = []string{
	"content/big: 1.1KB is more than the 1KB limit (-maxFileSize)\n" +
		"content/chain: symlink to passwd leads outside the site source\n" +
		"content/env: symlink to ../.env leads into .env: hidden files and folders (.git, .env) are never part of a site\n" +
		"content/etc: symlink to /etc leads outside the site source\n" +
		"content/loop: symlink to .. leads back into a folder that holds it\n" +
		"content/nowhere: symlink to missing.md leads nowhere\n" +
		"content/passwd: symlink to /etc/passwd leads outside the site source\n" +
		"content/pipe: is a named pipe, not a regular file or folder\n" +
		"content/pipe-link: symlink to pipe leads to a named pipe, not a regular file or folder\n" +
		"content/sock: is a socket, not a regular file or folder\n" +
		"content/token: symlink to ../.git/config leads into .git: hidden files and folders (.git, .env) are never part of a site\n" +
		"content/zero: symlink to /dev/zero leads outside the site source",
	"content/shared/self: symlink to . leads back into a folder that holds it",
	"content/sub/self: symlink to . leads back into a folder that holds it",
	"layouts/assets/git: symlink to ../../.git leads into .git: hidden files and folders (.git, .env) are never part of a site\n" +
		"layouts/assets/shadow: symlink to /etc/shadow leads outside the site source",
}

// TestFS: on a tree with nothing to refuse, the source is an ordinary
// fs.FS, symlinks inside it included.
func TestFS(t *testing.T) {
	root := makeTree(t, "config.toml", "content/a.md", "content/sub/b.md", "content/same.md -> a.md",
		"content/shared -> sub", "layouts/x.html -> ../content/sub/b.md")
	err := fstest.TestFS(New(root, DefaultMaxFileSize), "config.toml", "content/a.md", "content/sub/b.md",
		"content/same.md", "content/shared/b.md", "layouts/x.html")
	if err != nil {
		t.Fatal(err)
	}
}

// TestGrowsWhileRead: the limit holds for what is read, not only for the
// size the file had when it was opened.
func TestGrowsWhileRead(t *testing.T) {
	root := makeTree(t, "grows.md 1000")
	f, err := New(root, 1024).Open("grows.md")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := os.WriteFile(filepath.Join(root, "grows.md"), []byte(strings.Repeat("y", 4096)), 0o644); err != nil {
		t.Fatal(err)
	}
	data, err := io.ReadAll(f)
	want := "grows.md: grew past the 1KB limit while being read (-maxFileSize)"
	if errText(err) != want || len(data) != 1024 {
		t.Errorf("read %d bytes, %v; want 1024 and %q", len(data), err, want)
	}
}

func TestMissingRoot(t *testing.T) {
	_, err := New(filepath.Join(t.TempDir(), "nope"), DefaultMaxFileSize).ReadFile("config.toml")
	if want := "open config.toml: no such file or directory"; errText(err) != want {
		t.Errorf("got %v, want %q", err, want)
	}
}
