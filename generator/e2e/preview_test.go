package e2e

import (
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"westcoast/generator/serve"
	"westcoast/generator/source"
)

// TestPreview: the preview, in a browser, on a copy of the site. A change
// to the stylesheet applies without reloading the page; a mistake in the
// content shows over the page with its file, line and column, and goes
// once fixed, again without a reload; a change to the page's text reloads
// it.
func TestPreview(t *testing.T) {
	b := newBrowser(t)
	dir := copyOfSite(t)
	s, err := serve.Start(serve.Options{Dir: dir, Source: source.New(dir, source.DefaultMaxFileSize), Addr: "127.0.0.1:0", Log: io.Discard})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	edit := func(name string, change func(string) string) {
		t.Helper()
		p := filepath.Join(dir, filepath.FromSlash(name))
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(change(string(data))), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	b.open("http://" + s.Addr() + "/zones/dongjiakou/")
	eval[any](b, `window.notReloaded = true`)
	stillThere := func(what string) {
		t.Helper()
		if !eval[bool](b, `window.notReloaded === true`) {
			t.Fatalf("%s reloaded the page", what)
		}
	}

	edit("layouts/assets/site.css", func(s string) string { return s + "\nbody { border-top: 7px solid rgb(1, 2, 3) }\n" })
	waitUntil(b, "the new stylesheet", `getComputedStyle(document.body).borderTopWidth === "7px"`)
	stillThere("a change to the stylesheet")

	edit("content/zones/dongjiakou.en.md", func(s string) string { return strings.Replace(s, "+++\n", "+++\ntitel = \"x\"\n", 1) })
	waitUntil(b, "the error overlay", `(document.getElementById("live-preview-errors") || {}).textContent?.includes(
		'content/zones/dongjiakou.en.md:2:1: unknown key "titel" (did you mean "title"?)')`)
	stillThere("a mistake")
	edit("content/zones/dongjiakou.en.md", func(s string) string { return strings.Replace(s, "titel = \"x\"\n", "", 1) })
	waitUntil(b, "the overlay to go", `document.getElementById("live-preview-errors") === null`)
	stillThere("the fix of a mistake that changed nothing on this page")

	edit("content/zones/dongjiakou.zh.md", func(s string) string { return s + "\n\n预览里的新段落。\n" })
	waitUntil(b, "the reloaded page", `window.notReloaded === undefined && document.body.textContent.includes("预览里的新段落。")`)
	b.settle()
	b.clean("the preview")
}

// waitFor polls a JavaScript condition in the page until it holds.
func waitUntil(b *browser, what, cond string) {
	b.t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	// A page being reloaded has no body for a moment: that is a no.
	for !eval[bool](b, "(() => { try { return !!("+cond+") } catch { return false } })()") {
		if time.Now().After(deadline) {
			b.t.Fatalf("waiting for %s: %s is still false", what, cond)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// copyOfSite copies the site's config.toml, content/ and layouts/ into a
// temporary folder.
func copyOfSite(t *testing.T) string {
	t.Helper()
	repo := filepath.Join("..", "..")
	dir := t.TempDir()
	for _, part := range []string{"config.toml", "content", "layouts"} {
		err := filepath.WalkDir(filepath.Join(repo, part), func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			rel, _ := filepath.Rel(repo, p)
			data, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			target := filepath.Join(dir, rel)
			if err := os.MkdirAll(filepath.Dir(target), 0o755); err != nil {
				return err
			}
			return os.WriteFile(target, data, 0o644)
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	return dir
}
