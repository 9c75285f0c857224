package markdown

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The ids the golden cases run against: the layouts' (and one a footnote
// would take) and a page figure's.
var (
	testReserved = map[string]string{
		"main":           "layouts/_default/baseof.html",
		"search-results": "layouts/_default/search.html",
		"fn:2":           "layouts/_default/odd.html",
	}
	testPageIDs = map[string]string{"tax-share": `figure "tax-share" of this page`}
)

// TestGolden runs the cases in testdata/*.txt: "-- name.md --" is the
// Markdown, "-- name.html --" the HTML it must give or "-- name.err --" the
// errors it must give, exactly.
func TestGolden(t *testing.T) {
	files, err := filepath.Glob("testdata/*.txt")
	if err != nil || len(files) == 0 {
		t.Fatalf("no cases in testdata: %v", err)
	}
	c := New(Options{ReservedIDs: testReserved})
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		sections := splitSections(string(data))
		for _, name := range sectionOrder(string(data)) {
			in, want := sections[name+".md"], ""
			wantHTML, isHTML := sections[name+".html"]
			wantErr, isErr := sections[name+".err"]
			if !isHTML && !isErr {
				t.Fatalf("%s: %q has neither .html nor .err", file, name)
			}
			t.Run(strings.TrimSuffix(filepath.Base(file), ".txt")+"/"+name, func(t *testing.T) {
				out, err := c.Convert([]byte(in), testPageIDs)
				got := strings.TrimSpace(string(out))
				if want = wantHTML; isErr {
					var list Errors
					if err != nil && !errors.As(err, &list) {
						t.Fatalf("error of type %T, want Errors: %v", err, err)
					}
					got, want = errString(err), wantErr
				} else if err != nil {
					t.Fatalf("unexpected error:\n%v", err)
				}
				if got != strings.TrimSpace(want) {
					t.Errorf("Convert(%q)\n got:\n%s\nwant:\n%s", in, got, strings.TrimSpace(want))
				}
			})
		}
	}
}

func errString(err error) string {
	if err == nil {
		return "<no error>"
	}
	return err.Error()
}

// splitSections reads "-- name --" sections; text before the first is a
// comment.
func splitSections(data string) map[string]string {
	sections := map[string]string{}
	name := ""
	for _, line := range strings.SplitAfter(data, "\n") {
		if n, ok := sectionName(line); ok {
			name = n
			sections[name] = ""
		} else if name != "" {
			sections[name] += line
		}
	}
	for k, v := range sections {
		if strings.HasSuffix(k, ".md") {
			sections[k] = strings.TrimSuffix(v, "\n")
		}
	}
	return sections
}

// sectionOrder lists the cases in the order the file gives them.
func sectionOrder(data string) []string {
	var names []string
	for _, line := range strings.Split(data, "\n") {
		if n, ok := sectionName(line); ok && strings.HasSuffix(n, ".md") {
			names = append(names, strings.TrimSuffix(n, ".md"))
		}
	}
	return names
}

func sectionName(line string) (string, bool) {
	line = strings.TrimRight(line, "\n")
	if strings.HasPrefix(line, "-- ") && strings.HasSuffix(line, " --") && len(line) > 6 {
		return line[3 : len(line)-3], true
	}
	return "", false
}

func asErrors(err error, list *Errors) bool { return errors.As(err, list) }
