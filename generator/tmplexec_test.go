package main

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"westcoast/generator/load"
	"westcoast/generator/render/tmplexec"
)

// plainLayouts are where the benchmark's layouts (../shared/bench beside
// the main checkout) are seen from this folder, in the main checkout or in
// a worktree one level further down.
var plainLayouts = []string{"../../shared/bench/layouts-plain", "../../../shared/bench/layouts-plain"}

// TestFastTemplatesSameOutput renders sites with the fast template
// executor and with html/template alone, and compares every file byte for
// byte: the real site, a synthetic one of zone pairs, and the synthetic
// one with the benchmark's plain layouts.
func TestFastTemplatesSameOutput(t *testing.T) {
	sites := map[string]fs.FS{"real": os.DirFS(".."), "pairs": pairsSite(t, 40)}
	for _, plain := range plainLayouts {
		if _, err := os.Stat(plain); err != nil {
			continue
		}
		dir := pairsDir(t, 40)
		if err := os.RemoveAll(filepath.Join(dir, "layouts")); err != nil {
			t.Fatal(err)
		}
		copyTree(t, plain, filepath.Join(dir, "layouts"))
		copyTree(t, "../layouts/assets", filepath.Join(dir, "layouts", "assets")) // as race.sh does
		sites["plain"] = os.DirFS(dir)
		break
	}
	if sites["plain"] == nil {
		t.Log("no ../shared/bench/layouts-plain: the plain layouts are not compared")
	}
	for name, fsys := range sites {
		t.Run(name, func(t *testing.T) {
			tmplexec.Disable(true)
			want, err := buildInMemory(fsys, load.Options{})
			tmplexec.Disable(false)
			if err != nil {
				t.Fatal(err)
			}
			fast0, bailed0, slow0 := tmplexec.Runs()
			got, err := buildInMemory(fsys, load.Options{})
			if err != nil {
				t.Fatal(err)
			}
			fast, bailed, slow := tmplexec.Runs()
			fast, bailed, slow = fast-fast0, bailed-bailed0, slow-slow0
			if len(got.Files) != len(want.Files) {
				t.Fatalf("%d files, want %d", len(got.Files), len(want.Files))
			}
			for i, f := range got.Files {
				if w := want.Files[i]; f.Path != w.Path || !bytes.Equal(f.Data, w.Data) {
					t.Errorf("%s differs from html/template's %s", f.Path, w.Path)
				}
			}
			// Each template runs once in html/template, to be escaped;
			// after that nearly every run must be fast, or this test
			// compares html/template with itself.
			if fast < 4*slow {
				t.Errorf("%d fast runs, %d in html/template", fast, slow)
			}
			t.Logf("%d fast runs, %d in html/template of which %d bailed out of the fast path", fast, slow, bailed)
		})
	}
}
