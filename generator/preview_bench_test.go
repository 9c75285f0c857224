package main

import (
	"bufio"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"westcoast/generator/load"
	"westcoast/generator/model"
	"westcoast/generator/serve"
	"westcoast/generator/source"
)

// Save to reload, as an editor meets it: from writing a file to the open
// page's browser hearing of the change (the watcher, the load, the pages
// rendered before the browser hears, the event), and fetching the page
// again, as the reload does (or, for a stylesheet, fetching it). The
// preview is idle when each edit is saved: the background work of the
// last one is done. Run:
//
//	go test ./generator -run '^$' -bench Preview -benchtime 10x
//
// BenchmarkPreview10kPairs writes and first renders 10,000 zone pairs
// (about a minute on two cores), and an edit to a title there leaves every
// page to render again in the background before the next.

func BenchmarkPreviewRealSite(b *testing.B) {
	dir := b.TempDir()
	for _, part := range []string{"config.toml", "content", "layouts"} {
		copyTree(b, filepath.Join("..", part), filepath.Join(dir, part))
	}
	benchPreview(b, dir, "/zones/dongjiakou/", "content/zones/dongjiakou")
}

func BenchmarkPreview10kPairs(b *testing.B) {
	benchPreview(b, pairsDir(b, 10000), "/zones/zone-05000/", "content/zones/zone-05000")
}

// benchPreview serves the site in dir and times edits to the page at URL
// page, whose content files are base.zh.md and base.en.md.
func benchPreview(b *testing.B, dir, page, base string) {
	log := io.Discard
	if os.Getenv("PREVIEW_LOG") != "" {
		log = os.Stderr
	}
	s, err := serve.Start(serve.Options{Dir: dir, Source: source.New(dir, source.DefaultMaxFileSize), Addr: "127.0.0.1:0", Log: log})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	p := &previewClient{b: b, root: "http://" + s.Addr()}
	p.idle()
	n := 0
	edit := func(name string, change func(text string) string) {
		n++
		p.write(filepath.Join(dir, filepath.FromSlash(name)), change)
	}
	edits := []struct {
		name  string
		event string
		save  func()
	}{
		{"text", "reload", func() {
			edit(base+".zh.md", func(s string) string { return s + fmt.Sprintf("\n\n新的一段%d。\n", n) })
		}},
		{"title", "reload", func() {
			edit(base+".zh.md", func(s string) string { return strings.Replace(s, "title = \"", fmt.Sprintf("title = \"%d ", n), 1) })
		}},
		{"page-template", "reload", func() {
			edit("layouts/zones/page.html", func(s string) string {
				return strings.Replace(s, `{{define "main"}}`, fmt.Sprintf(`{{define "main"}}<i hidden>%d</i>`, n), 1)
			})
		}},
		{"stylesheet", "css", func() {
			edit("layouts/assets/site.css", func(s string) string { return s + fmt.Sprintf("/* %d */\n", n) })
		}},
	}
	for _, e := range edits {
		b.Run(e.name, func(b *testing.B) {
			p.b = b
			for b.Loop() {
				b.StopTimer()
				events := p.listen(page)
				b.StartTimer()
				e.save()
				select {
				case got := <-events:
					if got != e.event {
						b.Fatalf("the page heard %q, want %q", got, e.event)
					}
				case <-time.After(5 * time.Minute):
					b.Fatalf("the page heard nothing, want %q", e.event)
				}
				if e.event == "css" {
					p.get("/site.css")
				} else {
					p.get(page)
				}
				b.StopTimer()
				p.idle()
				b.StartTimer()
			}
		})
	}
}

// previewClient is a browser showing a page of the preview.
type previewClient struct {
	b    *testing.B
	root string
	body io.Closer
}

func (p *previewClient) get(path string) string {
	resp, err := http.Get(p.root + path)
	if err != nil {
		p.b.Fatal(err)
	}
	defer resp.Body.Close()
	data, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != 200 {
		p.b.Fatalf("GET %s: %d", path, resp.StatusCode)
	}
	return string(data)
}

// idle waits until the preview has no work left: the site files, which it
// makes last, are fresh.
func (p *previewClient) idle() { p.get("/" + model.SearchDir + "index.json") }

// listen loads the page and opens its event stream; the channel gets the
// first event that is not about errors.
func (p *previewClient) listen(page string) <-chan string {
	if p.body != nil {
		p.body.Close()
	}
	_, version, _ := strings.Cut(p.get(page), `data-version="`)
	version, _, _ = strings.Cut(version, `"`)
	resp, err := http.Get(p.root + "/__live?path=" + page + "&version=" + version)
	if err != nil {
		p.b.Fatal(err)
	}
	p.body = resp.Body
	r := bufio.NewReader(resp.Body)
	if line, err := r.ReadString('\n'); err != nil || line != ": connected\n" {
		p.b.Fatalf("the event stream began %q, %v", line, err)
	}
	events := make(chan string, 1)
	go func() {
		for {
			line, err := r.ReadString('\n')
			if err != nil {
				events <- "closed"
				return
			}
			if event, ok := strings.CutPrefix(strings.TrimSpace(line), "event: "); ok && event != "errors" {
				events <- event
				return
			}
		}
	}()
	return events
}

func (p *previewClient) write(path string, change func(string) string) {
	data, err := os.ReadFile(path)
	if err != nil {
		p.b.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(change(string(data))), 0o644); err != nil {
		p.b.Fatal(err)
	}
}

// BenchmarkUpdate10kPairs times the load's share of save to reload on
// 10,000 zone pairs: load.Update after an edit to one page's text, to its
// title, and to its weight.
func BenchmarkUpdate10kPairs(b *testing.B) {
	dir := pairsDir(b, 10000)
	fsys := source.New(dir, source.DefaultMaxFileSize)
	opts := load.Options{Cache: load.NewCache()}
	site, _, err := load.Update(fsys, opts, nil, nil)
	if err != nil {
		b.Fatal(err)
	}
	base := "content/zones/zone-05000"
	n := 0
	for _, e := range []struct {
		name, file string
		change     func(string) string
	}{
		{"text", ".zh.md", func(s string) string { return s + fmt.Sprintf("\n\n新的一段%d。\n", n) }},
		{"title", ".zh.md", func(s string) string { return strings.Replace(s, "title = \"", fmt.Sprintf("title = \"%d ", n), 1) }},
		// A weight is the page graph's: a whole load, with the parsed files.
		{"weight", ".toml", func(s string) string {
			return regexp.MustCompile(`weight = \d+`).ReplaceAllString(s, fmt.Sprintf("weight = %d", 5100+n%2))
		}},
	} {
		name := base + e.file
		b.Run(e.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				b.StopTimer()
				n++
				p := &previewClient{b: b}
				p.write(filepath.Join(dir, filepath.FromSlash(name)), e.change)
				b.StartTimer()
				if site, _, err = load.Update(fsys, opts, site, []string{name}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
