package main

import (
	"bytes"
	"encoding/binary"
	"hash/crc32"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"os"
	"path/filepath"
	"testing"

	"westcoast/generator/load"
)

// photo makes a test image: a gradient, so that resizing has something to
// average, as a JPEG or PNG.
func photo(t *testing.T, format string, w, h int) string {
	t.Helper()
	m := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := range h {
		for x := range w {
			m.Set(x, y, color.RGBA{uint8(x * 255 / w), uint8(y * 255 / h), uint8((x + y) % 256), 255})
		}
	}
	var b bytes.Buffer
	var err error
	if format == "png" {
		err = png.Encode(&b, m)
	} else {
		err = jpeg.Encode(&b, m, nil)
	}
	if err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// bundle is the fixture's bundle page beta with images beside it.
func bundle(t *testing.T, text string, extra map[string]string) map[string]string {
	files := map[string]string{
		"content/posts/beta/wide.jpg":    photo(t, "jpeg", 1000, 500),
		"content/posts/beta/small.png":   photo(t, "png", 200, 100),
		"content/posts/beta/index.en.md": page("Beta", text),
	}
	for k, v := range extra {
		files[k] = v
	}
	return files
}

// Issue 12, item 6: an image of a page bundle gets its size, lazy loading
// and, when it is wider than the column, a srcset of resized copies, which
// are written beside it in every language.
func TestBundleImages(t *testing.T) {
	res := build(t, bundle(t, "![Port at dusk](wide.jpg)\n\n![A seal](small.png \"Seal\")\n\n![\"\"](small.png)\n\n![Remote](https://example.org/x.png)\n", nil))
	contains(t, "en/posts/beta/index.html", res.file("en/posts/beta/index.html"),
		`<img src="wide.jpg" alt="Port at dusk" width="1000" height="500" srcset="wide-640w.jpg 640w, wide-960w.jpg 960w, wide.jpg 1000w" sizes="(min-width: 42rem) 40rem, calc(100vw - 2rem)" loading="lazy" decoding="async">`,
		`<img src="small.png" alt="A seal" title="Seal" width="200" height="100" loading="lazy" decoding="async">`,
		`<img src="small.png" alt="" width="200" height="100" loading="lazy" decoding="async">`,
		`<img src="https://example.org/x.png" alt="Remote" loading="lazy" decoding="async">`,
	)
	for _, lang := range []string{"", "en/"} {
		for name, width := range map[string]int{"wide-640w.jpg": 640, "wide-960w.jpg": 960} {
			data := res.file(lang + "posts/beta/" + name)
			cfg, format, err := image.DecodeConfig(bytes.NewReader([]byte(data)))
			if err != nil || format != "jpeg" || cfg.Width != width || cfg.Height != width/2 {
				t.Errorf("%s%s: %s %dx%d %v, want a jpeg %dx%d", lang, name, format, cfg.Width, cfg.Height, err, width, width/2)
			}
		}
		if res.file(lang+"posts/beta/small-640w.png") != "" || res.file(lang+"posts/beta/wide-1280w.jpg") != "" {
			t.Errorf("a copy no smaller than its image was made")
		}
	}
	if err := res.CheckLinks(); err != nil {
		t.Errorf("check: %v", err)
	}
}

// Issue 12, item 6: resizing is deterministic, and a second build takes
// the copies from the cache instead of making them again.
func TestImageCache(t *testing.T) {
	files := bundle(t, "![Port at dusk](wide.jpg)\n", nil)
	cache := t.TempDir()
	first, err := buildInMemory(fixtureWith(t, files), load.Options{CacheDir: cache})
	if err != nil {
		t.Fatal(err)
	}
	uncached := build(t, files)
	if first.file("posts/beta/wide-640w.jpg") != uncached.file("posts/beta/wide-640w.jpg") {
		t.Fatal("the same image resized twice gave different bytes")
	}
	kept, err := filepath.Glob(filepath.Join(cache, "images", "*-640w.jpeg"))
	if err != nil || len(kept) != 1 {
		t.Fatalf("cache holds %v (%v), want one 640w copy", kept, err)
	}
	// A copy in the cache is used as it is: mark it and build again.
	if err := os.WriteFile(kept[0], []byte("from the cache"), 0o644); err != nil {
		t.Fatal(err)
	}
	second, err := buildInMemory(fixtureWith(t, files), load.Options{CacheDir: cache})
	if err != nil {
		t.Fatal(err)
	}
	if got := second.file("en/posts/beta/wide-640w.jpg"); got != "from the cache" {
		t.Errorf("second build made the copy again (%d bytes)", len(got))
	}
}

// Issue 12, item 6: an image without alt text, one that is not there and a
// file that would be overwritten by a resized copy are errors.
func TestImageErrors(t *testing.T) {
	tests := []struct {
		name  string
		text  string
		extra map[string]string
		want  string
	}{
		{"no alt text", "Text\n\nSee ![](wide.jpg).\n", nil,
			`content/posts/beta/index.en.md:6:5: image wide.jpg has no alt text: say what it shows, ![what it shows](wide.jpg), or mark it decorative with ![""](wide.jpg)`},
		{"missing", "![Port](port.jpg)\n", nil,
			`content/posts/beta/index.en.md:4:1: image port.jpg: no such file: the page is at /en/posts/beta/, so the image would be /en/posts/beta/port.jpg; put it in the page's bundle, beside its index.en.md`},
		{"not an image", "![Port](bad.png)\n", map[string]string{"content/posts/beta/bad.png": "not a png"},
			`content/posts/beta/index.en.md:4:1: image bad.png: content/posts/beta/bad.png cannot be read as an image (image: unknown format)`},
		{"too many pixels", "![Blank](bomb.png)\n", map[string]string{"content/posts/beta/bomb.png": pngHeader(20000, 20000)},
			`content/posts/beta/index.en.md:4:1: image bomb.png: content/posts/beta/bomb.png is 20000×20000 pixels; an image may have at most 50 million (8000×6250): scale it down`},
		{"copy over a file", "![Port](wide.jpg)\n", map[string]string{"content/posts/beta/wide-640w.jpg": "x"},
			"two files would be written to en/posts/beta/wide-640w.jpg: from content/posts/beta/wide-640w.jpg and from content/posts/beta/wide.jpg resized to 640 pixels\ntwo files would be written to posts/beta/wide-640w.jpg: from content/posts/beta/wide-640w.jpg and from content/posts/beta/wide.jpg resized to 640 pixels"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := buildErr(t, bundle(t, tt.text, tt.extra)); got != tt.want {
				t.Errorf("got:\n%s\nwant:\n%s", got, tt.want)
			}
		})
	}
}

// pngHeader is the start of a PNG of width×height pixels: as much as
// image.DecodeConfig reads.
func pngHeader(width, height int) string {
	ihdr := binary.BigEndian.AppendUint32(nil, uint32(width))
	ihdr = binary.BigEndian.AppendUint32(ihdr, uint32(height))
	ihdr = append(ihdr, 8, 6, 0, 0, 0) // 8-bit RGBA
	chunk := binary.BigEndian.AppendUint32(nil, uint32(len(ihdr)))
	chunk = append(append(chunk, "IHDR"...), ihdr...)
	chunk = binary.BigEndian.AppendUint32(chunk, crc32.ChecksumIEEE(chunk[4:]))
	return "\x89PNG\r\n\x1a\n" + string(chunk)
}
