package main

import (
	"bytes"
	"flag"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"testing"
)

// The hostile-input corpus: testdata/hostile/*.txtar, one case a file. Each
// case is a small site (or the fixture site with files added and replaced)
// and a command line, with the exit status and the exact standard error a
// user must see. Whatever the case, the runner also checks what must always
// hold: no source file is changed or lost, nothing is written outside the
// destination, and a failed build leaves the destination as it was.
//
// A case file starts with directives, one a line, before its files:
//
//	args: build -destination out     the command line ($ROOT is the case's folder)
//	exit: 1                          the exit status
//	fixture: testdata/site s   copy a site into $ROOT/s (default: into $ROOT)
//	symlink: content/x.zh.md -> /etc/passwd
//	fifo: content/y.zh.md
//	dest: out                        the destination, if args do not say it
//	env: SOURCE_DATE_EPOCH=1714521600  set in the environment of the run
//
// and then files as in txtar: "-- path --" lines, each followed by its text.
// "-- want.err --" is the expected standard error; $ROOT in it stands for
// the case's folder, and a duration ("in 12ms") is written "in TIME".
var update = flag.Bool("update", false, "rewrite expected output from what the generator makes: testdata/golden, and want.err in testdata/hostile")

func TestHostileInputs(t *testing.T) {
	cases, err := filepath.Glob("testdata/hostile/*.txtar")
	if err != nil || len(cases) == 0 {
		t.Fatalf("no cases in testdata/hostile: %v", err)
	}
	for _, file := range cases {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
			runHostileCase(t, file)
		})
	}
}

// hostileCase is one parsed case file.
type hostileCase struct {
	args    []string
	exit    int
	fixture [2]string // source folder, folder under $ROOT
	links   [][2]string
	fifos   []string
	dest    string
	env     [][2]string
	files   []txtarFile
	wantErr *string
}

type txtarFile struct {
	name string
	data []byte
}

func runHostileCase(t *testing.T, file string) {
	file, err := filepath.Abs(file)
	if err != nil {
		t.Fatal(err)
	}
	text, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	c := parseHostileCase(t, string(text))
	outer := t.TempDir()
	root := filepath.Join(outer, "root")
	if err := os.MkdirAll(root, 0o755); err != nil {
		t.Fatal(err)
	}
	// A file beside the case's folder: writing outside it shows here.
	writeFile(t, filepath.Join(outer, "sentinel"), []byte("outside\n"))
	c.materialize(t, root)
	for i, a := range c.args {
		c.args[i] = strings.ReplaceAll(a, "$ROOT", root)
	}
	dest := c.destination(root)
	before := snapshot(t, outer)
	t.Chdir(root)
	for _, e := range c.env {
		t.Setenv(e[0], e[1])
	}
	var stderr bytes.Buffer
	code := run(c.args, &stderr)
	got := normalizeStderr(stderr.String(), root)
	if *update {
		rewriteWantErr(t, file, string(text), got)
	} else if c.wantErr != nil && got != *c.wantErr {
		t.Errorf("stderr:\n%s\nwant:\n%s", got, *c.wantErr)
	}
	if code != c.exit {
		t.Errorf("exit status %d, want %d (stderr: %s)", code, c.exit, got)
	}
	after := snapshot(t, outer)
	checkUntouched(t, outer, dest, before, after, code != 0)
}

func parseHostileCase(t *testing.T, text string) *hostileCase {
	c := &hostileCase{}
	header, files := splitTxtar(text)
	for _, line := range strings.Split(header, "\n") {
		key, val, ok := strings.Cut(line, ":")
		val = strings.TrimSpace(val)
		if !ok || strings.HasPrefix(line, "#") {
			continue
		}
		switch key {
		case "args":
			c.args = strings.Fields(val)
		case "exit":
			c.exit, _ = strconv.Atoi(val)
		case "fixture":
			from, into, _ := strings.Cut(val, " ")
			c.fixture = [2]string{from, strings.TrimSpace(into)}
		case "symlink":
			from, to, _ := strings.Cut(val, " -> ")
			c.links = append(c.links, [2]string{from, to})
		case "fifo":
			c.fifos = append(c.fifos, val)
		case "dest":
			c.dest = val
		case "env":
			name, value, _ := strings.Cut(val, "=")
			c.env = append(c.env, [2]string{name, value})
		default:
			t.Fatalf("unknown directive %q", key)
		}
	}
	if c.args == nil {
		t.Fatal("no args: directive")
	}
	for _, f := range files {
		if f.name == "want.err" {
			s := string(f.data)
			c.wantErr = &s
			continue
		}
		c.files = append(c.files, f)
	}
	return c
}

// splitTxtar splits txtar text into its leading comment and its files.
func splitTxtar(text string) (string, []txtarFile) {
	var files []txtarFile
	var header strings.Builder
	var cur *txtarFile
	for _, line := range strings.SplitAfter(text, "\n") {
		trimmed := strings.TrimRight(line, "\n")
		if strings.HasPrefix(trimmed, "-- ") && strings.HasSuffix(trimmed, " --") && len(trimmed) > 6 {
			files = append(files, txtarFile{name: trimmed[3 : len(trimmed)-3]})
			cur = &files[len(files)-1]
			continue
		}
		if cur == nil {
			header.WriteString(line)
		} else {
			cur.data = append(cur.data, line...)
		}
	}
	return header.String(), files
}

func (c *hostileCase) materialize(t *testing.T, root string) {
	if c.fixture[0] != "" {
		copyTree(t, c.fixture[0], filepath.Join(root, c.fixture[1]))
	}
	for _, f := range c.files {
		writeFile(t, filepath.Join(root, f.name), f.data)
	}
	for _, l := range c.links {
		p := filepath.Join(root, l[0])
		os.Remove(p)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.Symlink(strings.ReplaceAll(l[1], "$ROOT", root), p); err != nil {
			t.Fatal(err)
		}
	}
	for _, f := range c.fifos {
		p := filepath.Join(root, f)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := syscall.Mkfifo(p, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// destination is where the case's build publishes, as an absolute path.
func (c *hostileCase) destination(root string) string {
	dest, source := c.dest, "."
	for i := 0; i+1 < len(c.args); i++ {
		switch c.args[i] {
		case "-destination", "--destination":
			dest = c.args[i+1]
		case "-source", "--source":
			source = c.args[i+1]
		}
	}
	if dest == "" {
		dest = filepath.Join(source, "public")
	}
	if !filepath.IsAbs(dest) {
		dest = filepath.Join(root, dest)
	}
	return filepath.Clean(dest)
}

// snapshot records every path under dir with its type and content.
func snapshot(t *testing.T, dir string) map[string]string {
	m := map[string]string{}
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		switch {
		case d.Type()&fs.ModeSymlink != 0:
			target, _ := os.Readlink(p)
			m[p] = "symlink " + target
		case d.IsDir():
			m[p] = "dir"
		case d.Type().IsRegular():
			data, _ := os.ReadFile(p)
			info, _ := d.Info()
			m[p] = "file " + info.Mode().Perm().String() + " " + string(data)
		default:
			m[p] = "special " + d.Type().String()
		}
		return nil
	})
	return m
}

// checkUntouched compares the trees before and after a run: outside the
// destination nothing may change, and after a failure nothing at all.
func checkUntouched(t *testing.T, outer, dest string, before, after map[string]string, failed bool) {
	inDest := func(p string) bool {
		return !failed && (p == dest || strings.HasPrefix(p, dest+string(filepath.Separator)))
	}
	// A missing parent of the destination is made, not an error.
	madeParent := func(p string) bool {
		return !failed && strings.HasPrefix(dest, p+string(filepath.Separator)) && after[p] == "dir"
	}
	for p, was := range before {
		if inDest(p) {
			continue
		}
		if now, ok := after[p]; !ok {
			t.Errorf("%s was removed", strings.TrimPrefix(p, outer))
		} else if now != was {
			t.Errorf("%s was changed", strings.TrimPrefix(p, outer))
		}
	}
	for p := range after {
		if _, ok := before[p]; !ok && !inDest(p) && !madeParent(p) {
			t.Errorf("%s was written outside the destination", strings.TrimPrefix(p, outer))
		}
	}
}

var duration = regexp.MustCompile(`in [0-9.]+(ns|µs|ms|s|m[0-9.]+s)\b`)

func normalizeStderr(s, root string) string {
	s = strings.ReplaceAll(s, root, "$ROOT")
	return duration.ReplaceAllString(s, "in TIME")
}

func rewriteWantErr(t *testing.T, file, text, got string) {
	if i := strings.Index(text, "-- want.err --\n"); i >= 0 {
		rest := text[i+len("-- want.err --\n"):]
		end := strings.Index(rest, "\n-- ")
		tail := ""
		if end >= 0 {
			tail = rest[end+1:]
		}
		text = text[:i] + "-- want.err --\n" + got + tail
	} else {
		text = strings.TrimRight(text, "\n") + "\n-- want.err --\n" + got
	}
	writeFile(t, file, []byte(text))
}

func writeFile(t testing.TB, p string, data []byte) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

func copyTree(t testing.TB, from, to string) {
	t.Helper()
	err := filepath.WalkDir(from, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(from, p)
		data, err := os.ReadFile(p)
		if err == nil {
			writeFile(t, filepath.Join(to, rel), data)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
}
