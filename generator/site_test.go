package main

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
	"testing/fstest"
	"time"

	"westcoast/generator/load"
)

// TestGolden builds the fixture sites and compares every output file with
// its golden copy: testdata/site with testdata/golden, and the trilingual
// newsroom (issue 12: links by content path, dates, params, menus,
// aliases, a right-to-left language, translationKey, slug) with
// testdata/golden-newsroom, as of 1 June 2024. Run with -update after a
// deliberate change, and read the diff.
func TestGolden(t *testing.T) {
	t.Run("site", func(t *testing.T) { testGolden(t, "testdata/site", "testdata/golden", load.Options{}) })
	t.Run("newsroom", func(t *testing.T) {
		testGolden(t, "testdata/newsroom", "testdata/golden-newsroom", load.Options{Now: newsroomNow})
	})
}

// newsroomNow is when the newsroom fixture is built: after its articles,
// before the page it schedules and after the one that expired.
var newsroomNow = time.Date(2024, 6, 1, 0, 0, 0, 0, time.UTC)

func testGolden(t *testing.T, site, golden string, opts load.Options) {
	res, err := buildInMemory(os.DirFS(site), opts)
	if err != nil {
		t.Fatal(err)
	}
	if err := res.CheckLinks(); err != nil {
		t.Errorf("check: %v", err)
	}
	if *update {
		if err := os.RemoveAll(golden); err != nil {
			t.Fatal(err)
		}
		for _, f := range res.Files {
			p := filepath.Join(golden, filepath.FromSlash(f.Path))
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(p, f.Data, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		return
	}
	want := map[string][]byte{}
	err = fs.WalkDir(os.DirFS(golden), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		want[p], err = os.ReadFile(filepath.Join(golden, p))
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range res.Files {
		w, ok := want[f.Path]
		if !ok {
			t.Errorf("%s: built but not in %s", f.Path, golden)
			continue
		}
		delete(want, f.Path)
		if !bytes.Equal(f.Data, w) {
			t.Errorf("%s differs from golden:\n got: %s\nwant: %s", f.Path, f.Data, w)
		}
	}
	for p := range want {
		t.Errorf("%s: in %s but not built", p, golden)
	}
}

// TestDeterministic builds the fixture twice: the same input must give the
// same bytes, whatever the goroutine schedule or map order.
func TestDeterministic(t *testing.T) {
	a, err := buildInMemory(os.DirFS("testdata/site"), load.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 5; i++ {
		b, err := buildInMemory(os.DirFS("testdata/site"), load.Options{})
		if err != nil {
			t.Fatal(err)
		}
		if len(a.Files) != len(b.Files) {
			t.Fatalf("build %d: %d files, first build %d", i, len(b.Files), len(a.Files))
		}
		for j := range a.Files {
			if a.Files[j].Path != b.Files[j].Path || !bytes.Equal(a.Files[j].Data, b.Files[j].Data) {
				t.Fatalf("build %d: %s differs", i, a.Files[j].Path)
			}
		}
	}
}

func TestDraftsAndBaseURL(t *testing.T) {
	res, err := buildInMemory(os.DirFS("testdata/site"), load.Options{Drafts: true, BaseURL: "https://other.example/"})
	if err != nil {
		t.Fatal(err)
	}
	files := map[string][]byte{}
	for _, f := range res.Files {
		files[f.Path] = f.Data
	}
	if _, ok := files["wip/index.html"]; !ok {
		t.Error("-drafts: wip/index.html not built")
	}
	if !bytes.Contains(files["index.html"], []byte(`href="https://other.example/"`)) {
		t.Error("-baseURL: canonical URL of the home page does not use the override")
	}
}

func BenchmarkBuildFixture(b *testing.B) {
	fsys := os.DirFS("testdata/site")
	b.ReportAllocs()
	for b.Loop() {
		if _, err := buildInMemory(fsys, load.Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// fixtureWith is the fixture site in memory, with some files replaced.
func fixtureWith(t testing.TB, files map[string]string) fstest.MapFS {
	t.Helper()
	return siteWith(t, "testdata/site", files)
}

// siteWith is a site in memory, with some files replaced; "" removes one.
func siteWith(t testing.TB, dir string, files map[string]string) fstest.MapFS {
	t.Helper()
	fixture := os.DirFS(dir)
	fsys := fstest.MapFS{}
	err := fs.WalkDir(fixture, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(fixture, p)
		fsys[p] = &fstest.MapFile{Data: data}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	for name, data := range files {
		if data == "" {
			delete(fsys, name)
			continue
		}
		fsys[name] = &fstest.MapFile{Data: []byte(data)}
	}
	return fsys
}

// TestErrors builds the fixture with some files replaced and compares the
// whole report: every phase's faults together, each once, sorted.
func TestErrors(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string
		want  string
	}{
		{"one template fault on every page is one line",
			map[string]string{"layouts/_default/page.html": "{{define \"main\"}}\n<a href=\"{{.Rel (.Get \"nowhere\")}}\">x</a>{{end}}"},
			"layouts/_default/page.html:2:18: .Get: no page \"nowhere\" in en (rendering content/posts/alpha.en.md and 1 more page)\n" +
				"layouts/_default/page.html:2:18: .Get: no page \"nowhere\" in zh (rendering content/posts/alpha.zh.md and 2 more pages)"},
		{"a UI string with more verbs than values",
			map[string]string{
				"layouts/_default/home.html": "{{define \"main\"}}<p>{{.T \"approx.about\"}} {{.T \"approx.about\" 3 4}}</p>{{end}}",
			},
			"layouts/_default/home.html:1:45: .T: UI string \"approx.about\" in en: \"about %s\" wants 1 value but gets 2 (rendering content/_index.en.md)\n" +
				"layouts/_default/home.html:1:45: .T: UI string \"approx.about\" in zh: \"约%s\" wants 1 value but gets 2 (rendering content/_index.zh.md)"},
		{"content, layout and render faults together",
			map[string]string{
				"content/solo.zh.md":         "+++\ntitle = \"独页\"\nmonolingual = true\ntitel = \"x\"\n+++\n",
				"layouts/_default/term.html": "{{define \"main\"}}{{if .Title}}{{end}}",
				"layouts/404.html":           "<p>{{.Nope}}</p>",
			},
			"content/solo.zh.md:4:1: unknown key \"titel\" (did you mean \"title\"?)\n" +
				"layouts/_default/term.html:1:1: {{define \"main\"}} has no matching {{end}}"},
		{"layout and render faults together",
			map[string]string{
				"layouts/_default/term.html": "{{define \"main\"}}{{if .Title}}{{end}}",
				"layouts/404.html":           "<p>{{.Nope}}</p>",
			},
			"layouts/404.html:1:6: .Nope: a page has no field or method Nope (rendering the zh 404 page and 1 more page)\n" +
				"layouts/_default/term.html:1:1: {{define \"main\"}} has no matching {{end}}"},
		{"a layout that names no template",
			map[string]string{"content/solo.zh.md": "+++\ntitle = \"独页\"\nmonolingual = true\nlayout = \"fancy\"\n+++\n"},
			"content/solo.zh.md:4:1: layout \"fancy\" names no template: looked for layouts/_default/fancy.html"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := buildInMemory(fixtureWith(t, tt.files), load.Options{})
			if err == nil {
				t.Fatal("no error")
			}
			if err.Error() != tt.want {
				t.Errorf("got\n%s\nwant\n%s", err, tt.want)
			}
		})
	}
}
