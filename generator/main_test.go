package main

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"westcoast/generator/par"
)

func TestExitStatus(t *testing.T) {
	broken := t.TempDir()
	os.WriteFile(filepath.Join(broken, "config.toml"), []byte("baseURL = \"https://x.org/\"\ntypo = 1\n"), 0o644)
	out := t.TempDir()
	tests := []struct {
		name string
		args []string
		code int
		want string
	}{
		{"unknown command", []string{"frobnicate"}, 2, "generator: unknown command \"frobnicate\" (want build, check, serve, new, version or help)\n" +
			"usage: generator [command] [flags] (see generator help)\n"},
		{"bad flag", []string{"build", "-nope"}, 2, "generator build: flag provided but not defined: -nope\n" +
			"usage: generator build [flags] (see generator build -h)\n"},
		{"bad size", []string{"check", "-maxFileSize", "lots"}, 2, "generator check: invalid value \"lots\" for flag -maxFileSize: want a size such as 10MB, 512KB or 2000000 (bytes)\n" +
			"usage: generator check [flags] (see generator check -h)\n"},
		{"argument to build", []string{"build", "site"}, 2, "generator build: unexpected argument \"site\"\n"},
		{"help for nothing", []string{"help", "nope"}, 2, "generator help: unknown command \"nope\"\n"},
		{"content error", []string{"build", "-source", broken, "-destination", filepath.Join(out, "p")}, 1, `config.toml:2:1: unknown key "typo"`},
		{"fixture builds", []string{"build", "-source", "testdata/site", "-destination", filepath.Join(out, "q")}, 0, "built 15 pages (zh 8, en 7) in "},
		{"check", []string{"check", "-source", "testdata/site"}, 0, "checked 15 pages (zh 8, en 7): no problems"},
		{"version", []string{"version"}, 0, "generator "},
		{"new without a kind", []string{"new"}, 2, "generator new: want page and a path (such as zones/harbour), or zone and a slug\n" +
			"usage: generator new [-source DIR] page <path> (see generator new -h)\n"},
		{"new outside a site", []string{"new", "-source", out, "zone", "x"}, 1,
			"new: " + out + " is not a site's folder: it has no config.toml (run new in one, or give -source DIR)\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stderr bytes.Buffer
			code := run(tt.args, &stderr)
			if code != tt.code || !strings.HasPrefix(stderr.String(), tt.want) {
				t.Errorf("run(%q) = %d, stderr %q; want %d and %q", tt.args, code, stderr.String(), tt.code, tt.want)
			}
		})
	}
	if _, err := os.Stat(filepath.Join(out, "p")); !os.IsNotExist(err) {
		t.Error("a failed build wrote its destination")
	}
}

// twoLanguages is as much config as new needs.
const twoLanguages = "[languages.zh]\nweight = 1\n[languages.en]\nweight = 2\n"

func TestNewZone(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "config.toml"), []byte(twoLanguages), 0o644)
	t.Chdir(dir)
	var stderr bytes.Buffer
	if code := run([]string{"new", "zone", "harbour"}, &stderr); code != 0 {
		t.Fatalf("new zone: %d %s", code, stderr.String())
	}
	for _, f := range []string{"harbour.toml", "harbour.zh.md", "harbour.en.md"} {
		if _, err := os.Stat(filepath.Join("content/zones", f)); err != nil {
			t.Error(err)
		}
	}
	if code := run([]string{"new", "zone", "harbour"}, &stderr); code != 1 {
		t.Errorf("second new zone harbour: exit %d, want 1 (no overwrite)", code)
	}
	if code := run([]string{"new", "zone", "Bad Name"}, &stderr); code != 2 {
		t.Errorf("new zone with a bad slug: exit %d, want 2", code)
	}
}

// TestNewZoneWithSource: -source names the site; the files go into its
// content/zones/, and the paths printed lead there from here.
func TestNewZoneWithSource(t *testing.T) {
	t.Chdir(t.TempDir())
	os.Mkdir("site", 0o755)
	os.WriteFile("site/config.toml", []byte(twoLanguages), 0o644)
	var stderr bytes.Buffer
	if code := run([]string{"new", "-source", "site", "zone", "harbour"}, &stderr); code != 0 {
		t.Fatalf("new zone: %d %s", code, stderr.String())
	}
	want := "wrote site/content/zones/harbour.toml\nwrote site/content/zones/harbour.zh.md\nwrote site/content/zones/harbour.en.md\n" +
		"note: site/content/zones/harbour.zh.md and site/content/zones/harbour.en.md are drafts (draft = true): " +
		"build and serve leave them out unless run with -drafts; delete that line to publish them\n"
	if stderr.String() != want {
		t.Errorf("stderr %q, want %q", stderr.String(), want)
	}
	if _, err := os.Stat("content"); !os.IsNotExist(err) {
		t.Error("new -source site wrote into the current folder")
	}
}

// TestHelp: each way of asking for usage exits 0 and lists every flag of
// the command with its default.
func TestHelp(t *testing.T) {
	for _, u := range usages {
		for _, args := range [][]string{{u.name, "-h"}, {u.name, "--help"}, {"help", u.name}} {
			var stderr bytes.Buffer
			if code := run(args, &stderr); code != 0 {
				t.Errorf("%q: exit %d, want 0", args, code)
			}
			if !strings.HasPrefix(stderr.String(), "Usage:\n\n\t"+u.synopsis()+"\n") {
				t.Errorf("%q printed %q", args, stderr.String())
			}
			u.flagSet().VisitAll(func(f *flag.Flag) {
				if !strings.Contains(stderr.String(), "\t-"+f.Name+" ") {
					t.Errorf("%q does not list -%s", args, f.Name)
				}
			})
		}
	}
	for _, args := range [][]string{{"-h"}, {"-help"}, {"--help"}, {"help"}} {
		var stderr bytes.Buffer
		if code := run(args, &stderr); code != 0 || !strings.HasPrefix(stderr.String(), "Usage:\n\n\tgenerator [command] [flags]\n") {
			t.Errorf("%q: exit %d, %q", args, code, stderr.String())
		}
		for _, f := range []string{"source", "destination", "baseURL", "drafts", "maxFileSize", "bind", "port"} {
			if !strings.Contains(stderr.String(), "\t-"+f+" ") {
				t.Errorf("%q does not list -%s", args, f)
			}
		}
	}
}

// TestHelpMatchesDoc: the Commands section of doc.go quotes the help text
// word for word.
func TestHelpMatchesDoc(t *testing.T) {
	doc, err := os.ReadFile("doc.go")
	if err != nil {
		t.Fatal(err)
	}
	const intro = "// Usage, as \"generator help\" prints it:\n//\n"
	_, block, ok := strings.Cut(string(doc), intro)
	if !ok {
		t.Fatalf("doc.go has no line %q", intro)
	}
	var quoted strings.Builder
	for _, line := range strings.Split(block, "\n") {
		if line != "//" && !strings.HasPrefix(line, "//\t") {
			break
		}
		quoted.WriteString(strings.TrimPrefix(strings.TrimPrefix(line, "//"), "\t") + "\n")
	}
	var help bytes.Buffer
	writeHelp(&help)
	if got := strings.TrimSpace(quoted.String()); got != strings.TrimSpace(help.String()) {
		t.Errorf("doc.go quotes:\n%s\n\ngenerator help prints:\n%s", got, help.String())
	}
}

// TestPublishedModes: published files get ordinary permissions, never the
// source file's: a 0600 file is not made readable through the site, nor
// a 0755 one executable.
func TestPublishedModes(t *testing.T) {
	defer syscall.Umask(syscall.Umask(0o022))
	site := filepath.Join(t.TempDir(), "site")
	copyTree(t, "testdata/site", site)
	os.Chmod(filepath.Join(site, "layouts/assets/site.css"), 0o600)
	os.Chmod(filepath.Join(site, "content/posts/beta/note.txt"), 0o755)
	out := filepath.Join(t.TempDir(), "public")
	var stderr bytes.Buffer
	if code := run([]string{"build", "-source", site, "-destination", out}, &stderr); code != 0 {
		t.Fatalf("build: %d %s", code, stderr.String())
	}
	for _, f := range []string{"site.css", "posts/beta/note.txt"} {
		info, err := os.Stat(filepath.Join(out, f))
		if err != nil || info.Mode().Perm() != 0o644 {
			t.Errorf("%s: %v %v, want -rw-r--r--", f, info.Mode(), err)
		}
	}
}

// A panic anywhere in a build, a worker's included, is one line saying it
// is the generator's bug, with exit status 1, and no stack trace.
func TestInternalError(t *testing.T) {
	var stderr bytes.Buffer
	code := 0
	func() {
		defer internalError(&stderr, &code)
		par.Do(4, func(i int) {
			if i == 2 {
				panic("index out of range")
			}
		})
	}()
	want := "generator: internal error: index out of range\nThis is a bug in the generator, not in the site: please report it with the command that caused it.\n"
	if code != 1 || stderr.String() != want {
		t.Errorf("exit %d, stderr %q; want 1 and %q", code, stderr.String(), want)
	}
}
