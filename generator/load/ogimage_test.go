package load

import (
	"strings"
	"testing"
)

// withParams is testConfig with [params] and a [languages.en.params].
func withParams(site, en string) string {
	cfg := testConfig
	if site != "" {
		cfg = strings.Replace(cfg, "[taxonomies]", "[params]\n"+site+"\n\n[taxonomies]", 1)
	}
	if en != "" {
		cfg += "[languages.en.params]\n" + en + "\n"
	}
	return cfg
}

// bundle is a page bundle at content/news/<name>/ with some files.
func bundle(name, params string, files ...string) map[string]string {
	m := map[string]string{
		"content/news/" + name + "/index.zh.md": "+++\ntitle = \"甲\"\n" + params + "+++\n",
		"content/news/" + name + "/index.en.md": "+++\ntitle = \"A\"\n" + params + "+++\n",
	}
	for _, f := range files {
		m["content/news/"+name+"/"+f] = "\x89PNG"
	}
	return m
}

func merge(ms ...map[string]string) map[string]string {
	out := map[string]string{}
	for _, m := range ms {
		for k, v := range m {
			out[k] = v
		}
	}
	return out
}

// Issue 12, item 10: a page's og:image (.Image) is its own params.images,
// else its bundle's *feature*, *cover* or *thumbnail* image, else the
// site's params.images, in the page's language; an absolute URL.
func TestPageImage(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string
		want  map[string]string // "lang key": Image
	}{
		{"no image anywhere", nil, map[string]string{"zh a": "", "en ": ""}},
		{"the site's", map[string]string{"config.toml": withParams(`images = ["/og.png"]`, ""), "layouts/assets/og.png": "\x89PNG"},
			map[string]string{"zh a": "https://example.com/og.png", "en ": "https://example.com/og.png"}},
		{"a language's over the site's", map[string]string{
			"config.toml":           withParams(`images = ["/og.png"]`, `images = ["https://cdn.example.org/en.png"]`),
			"layouts/assets/og.png": "\x89PNG"},
			map[string]string{"zh a": "https://example.com/og.png", "en a": "https://cdn.example.org/en.png"}},
		{"a file of content/ as the site's", map[string]string{"config.toml": withParams(`images = ["/img/og.png"]`, ""), "content/img/og.png": "\x89PNG"},
			map[string]string{"en a": "https://example.com/img/og.png"}},
		{"the page's own, beside it", merge(bundle("x", "[params]\nimages = [\"photo.jpg\", \"other.jpg\"]\n", "photo.jpg", "feature.png"),
			map[string]string{"config.toml": withParams(`images = ["https://cdn.example.org/og.png"]`, "")}),
			map[string]string{"zh news/x": "https://example.com/news/x/photo.jpg", "en news/x": "https://example.com/en/news/x/photo.jpg", "zh a": "https://cdn.example.org/og.png"}},
		{"the page's own, an address", bundle("x", "[params]\nimages = [\"https://cdn.example.org/x.jpg\"]\n"),
			map[string]string{"zh news/x": "https://cdn.example.org/x.jpg"}},
		{"the bundle's feature image first", bundle("x", "", "cover.jpg", "my-feature.png", "thumbnail.jpg"),
			map[string]string{"en news/x": "https://example.com/en/news/x/my-feature.png"}},
		{"then its cover or thumbnail", bundle("x", "", "thumbnail.jpg", "notes.txt", "photo.jpg"),
			map[string]string{"zh news/x": "https://example.com/news/x/thumbnail.jpg"}},
		{"not a file that is no image", bundle("x", "", "cover.txt"),
			map[string]string{"zh news/x": ""}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := Site(site(tt.files), Options{})
			if err != nil {
				t.Fatal(err)
			}
			for page, want := range tt.want {
				lang, key, _ := strings.Cut(page, " ")
				if got := s.Page(lang, key).Image; got != want {
					t.Errorf("%s: Image %q, want %q", page, got, want)
				}
			}
		})
	}
}

func TestPageImageErrors(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string
		want  string
	}{
		{"the site's, not a list", map[string]string{"config.toml": withParams(`images = "/og.png"`, "")},
			`config.toml:6:10: params.images: expected a list of images, such as ["/og-image.png"], found a string`},
		{"the site's, no file", map[string]string{"config.toml": withParams(`images = ["/og-imag.png"]`, ""), "layouts/assets/og-image.png": "\x89PNG"},
			`config.toml:6:10: params.images: "/og-imag.png" is no file of the site: a site path names a file of layouts/assets/ or content/`},
		{"the site's, relative", map[string]string{"config.toml": withParams(`images = ["og.png"]`, "")},
			`config.toml:6:10: params.images: "og.png": the site's images are site paths (/og-image.png) or addresses (https://…)`},
		{"a language's, no file", map[string]string{"config.toml": withParams("", `images = ["/en.png"]`)},
			`config.toml:24:10: params.images: "/en.png" is no file of the site: a site path names a file of layouts/assets/ or content/`},
		{"the page's, not beside it", bundle("x", "[params]\nimages = [\"photo.jpg\"]\n", "foto.jpg"),
			`content/news/x/index.en.md:4:1: params.images: no file "photo.jpg" beside the page: a page's image is a file of its bundle, a site path (/og-image.png) or an address (https://…)` + "\n" +
				`content/news/x/index.zh.md:4:1: params.images: no file "photo.jpg" beside the page: a page's image is a file of its bundle, a site path (/og-image.png) or an address (https://…)`},
		{"the page's, without a scheme", map[string]string{"content/a.en.md": "+++\ntitle = \"A\"\n[params]\nimages = [\"//cdn.example.org/a.jpg\"]\n+++\n"},
			`content/a.en.md:4:1: params.images: "//cdn.example.org/a.jpg": write the address with its scheme (https:)`},
		{"the page's, a list of numbers", map[string]string{"content/a.en.md": "+++\ntitle = \"A\"\n[params]\nimages = [1]\n+++\n"},
			`content/a.en.md:4:1: params.images: expected a list of images, such as ["/og-image.png"], found an array holding an integer`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			wantLoad(t, tt.files, tt.want)
		})
	}
}
