package main

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// Issue 9, item 7: a build ends with one line, and with -v (or on a
// terminal) a summary of what it made below it, like Hugo's.
func TestBuildSummary(t *testing.T) {
	src := t.TempDir()
	if err := os.CopyFS(src, fixtureWith(t, map[string]string{
		"config.toml":                    fixtureConfig(t, "paginate = 1"),
		"layouts/_default/section.html":  pagingSection,
		"content/posts/alpha.toml":       "aliases = [\"/old/alpha/\"]\n" + readFile(t, "testdata/site/content/posts/alpha.toml"),
		"layouts/assets/humans.txt":      "a static file",
		"content/posts/beta/another.txt": "beside the bundle's note",
	})); err != nil {
		t.Fatal(err)
	}
	firstLine := regexp.MustCompile(`^built 15 pages \(zh 8, en 7\) in [0-9.]+[mµn]?s\n`)
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"one line in a log", nil, ""},
		// Feeds: the home page, posts and the two tags, in each language.
		// Static files: site.css, humans.txt, and the bundle's two
		// files beside the page in each language.
		{"a summary with -v", []string{"-v"}, `                   zh  en  total
  pages             8   7     15
  paginator pages   1   1      2
  aliases           1   1      2
  feeds             4   4      8
  static files                 6
  resized images               0
`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stderr bytes.Buffer
			args := append([]string{"build", "-source", src, "-destination", filepath.Join(t.TempDir(), "public")}, tt.args...)
			if code := run(args, &stderr); code != 0 {
				t.Fatalf("exit %d: %s", code, stderr.String())
			}
			first := firstLine.FindString(stderr.String())
			if first == "" {
				t.Fatalf("the first line is not built … in TIME:\n%s", stderr.String())
			}
			if got := strings.TrimPrefix(stderr.String(), first); got != tt.want {
				t.Errorf("after the first line:\n%s\nwant\n%s", got, tt.want)
			}
		})
	}
}

// On a terminal, a build that runs past its first second shows one line
// that says how far it has got, rewritten in place and erased at the end.
func TestProgressLine(t *testing.T) {
	shown := make(chan bool, 1)
	count := func() (int, int) {
		select {
		case shown <- true:
		default:
		}
		return 3, 10
	}
	var w bytes.Buffer
	stop := startProgress(&w, count, 0, time.Hour)
	<-shown
	stop()
	if want := "\rrendered 3 of 10 pages (30%)\x1b[K\r\x1b[K"; w.String() != want {
		t.Errorf("wrote %q, want %q", w.String(), want)
	}

	// A build done before the line is due shows nothing.
	w.Reset()
	startProgress(&w, count, time.Hour, time.Hour)()
	if w.Len() != 0 {
		t.Errorf("a short build wrote %q", w.String())
	}
}

func TestProgressText(t *testing.T) {
	tests := []struct {
		done, total int
		want        string
	}{
		{0, 0, "loading the site…"},
		{0, 20000, "rendered 0 of 20000 pages (0%)"},
		{1234, 20000, "rendered 1234 of 20000 pages (6%)"},
		{19999, 20000, "rendered 19999 of 20000 pages (99%)"},
		{20000, 20000, "rendered all 20000 pages; writing the rest…"},
	}
	for _, tt := range tests {
		if got := progressText(tt.done, tt.total); got != tt.want {
			t.Errorf("progressText(%d, %d) = %q, want %q", tt.done, tt.total, got, tt.want)
		}
	}
}

// Only a terminal gets the progress line: a pipe, a file or a buffer (a
// CI log) does not.
func TestIsTerminal(t *testing.T) {
	f, err := os.Create(filepath.Join(t.TempDir(), "log"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	defer w.Close()
	for name, out := range map[string]any{"a file": f, "a pipe": w, "a buffer": &bytes.Buffer{}} {
		if isTerminal(out.(interface{ Write([]byte) (int, error) })) {
			t.Errorf("%s is taken for a terminal", name)
		}
	}
}
