package render

import (
	"encoding/xml"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"westcoast/generator/load"
	"westcoast/generator/model"
)

// loadFixture loads one of the generator's fixture sites.
func loadFixture(t *testing.T, dir string, opts load.Options) (*model.Site, *Layouts) {
	t.Helper()
	site, err := load.Site(os.DirFS(dir), opts)
	if err != nil {
		t.Fatal(err)
	}
	layouts, err := ReadLayouts(os.DirFS(dir))
	if err != nil {
		t.Fatal(err)
	}
	return site, layouts
}

type sitemapFile struct {
	XMLName xml.Name
	URLs    []struct {
		Loc string `xml:"loc"`
	} `xml:"url"`
	Parts []struct {
		Loc     string `xml:"loc"`
		Lastmod string `xml:"lastmod"`
	} `xml:"sitemap"`
}

func parseSitemap(t *testing.T, files map[string][]byte, name string) sitemapFile {
	t.Helper()
	var f sitemapFile
	if err := xml.Unmarshal(files[name], &f); err != nil {
		t.Fatalf("%s: %v\n%s", name, err, files[name])
	}
	return f
}

// writeSitemapWith writes a site's sitemap as it is split within limits.
func writeSitemapWith(site *model.Site, limits sitemapLimits) (sitemapPlan, map[string][]byte, error) {
	plan := planSitemap(site, limits)
	var out Memory
	r := &renderer{site: site, out: &out}
	err := r.writeSitemap(plan)
	return plan, out.Files(), err
}

// Issue 9, item 4: a sitemap that would pass the protocol's limits on one
// file (50,000 URLs, 50 MB) is split into parts that keep within them,
// listed in order by sitemap.xml, a sitemap index, which robots.txt names.
// Tested with small limits on the fixture sites.
func TestSitemapSplit(t *testing.T) {
	site, _ := loadFixture(t, "../testdata/newsroom", load.Options{Now: time.Date(2024, 6, 1, 0, 0, 0, 0, time.UTC)})
	_, whole, err := writeSitemapWith(site, sitemapLimits{sitemapMaxURLs, sitemapMaxBytes})
	if err != nil {
		t.Fatal(err)
	}
	if len(whole) != 1 {
		t.Fatalf("a small site's sitemap is %d files, want 1", len(whole))
	}
	var all []string
	for _, u := range parseSitemap(t, whole, model.SitemapFile).URLs {
		all = append(all, u.Loc)
	}
	if len(all) != len(site.Pages) {
		t.Fatalf("the sitemap lists %d URLs for %d pages", len(all), len(site.Pages))
	}
	tests := []struct {
		name   string
		limits sitemapLimits
	}{
		{"by URLs", sitemapLimits{urls: 4, bytes: sitemapMaxBytes}},
		{"by bytes", sitemapLimits{urls: sitemapMaxURLs, bytes: 2500}},
		{"one URL a file", sitemapLimits{urls: 1, bytes: sitemapMaxBytes}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			plan, files, err := writeSitemapWith(site, tt.limits)
			if err != nil {
				t.Fatal(err)
			}
			index := parseSitemap(t, files, model.SitemapFile)
			if index.XMLName.Local != "sitemapindex" || len(index.Parts) < 2 {
				t.Fatalf("sitemap.xml is a %s of %d parts, want an index of several:\n%s", index.XMLName.Local, len(index.Parts), files[model.SitemapFile])
			}
			var listed, written []string
			for n, part := range index.Parts {
				name := model.SitemapPart(n + 1)
				if want := "https://news.example.org/" + name; part.Loc != want {
					t.Errorf("part %d is at %s, want %s", n+1, part.Loc, want)
				}
				if len(files[name]) > tt.limits.bytes {
					t.Errorf("%s has %d bytes, over the limit of %d", name, len(files[name]), tt.limits.bytes)
				}
				f := parseSitemap(t, files, name)
				if len(f.URLs) == 0 || len(f.URLs) > tt.limits.urls {
					t.Errorf("%s lists %d URLs, want 1 to %d", name, len(f.URLs), tt.limits.urls)
				}
				for _, u := range f.URLs {
					listed = append(listed, u.Loc)
				}
			}
			if !slices.Equal(listed, all) {
				t.Errorf("the parts list\n%q\nwant every page once, in order:\n%q", listed, all)
			}
			for name := range files {
				written = append(written, name)
			}
			slices.Sort(written)
			planned := plan.files()
			slices.Sort(planned)
			if !slices.Equal(written, planned) {
				t.Errorf("wrote %q, planned %q", written, planned)
			}
		})
	}
}

// A part of the index says when the latest of its pages changed, if any
// page in it says.
func TestSitemapIndexLastmod(t *testing.T) {
	site, _ := loadFixture(t, "../testdata/newsroom", load.Options{Now: time.Date(2024, 6, 1, 0, 0, 0, 0, time.UTC)})
	_, files, err := writeSitemapWith(site, sitemapLimits{urls: 1, bytes: sitemapMaxBytes})
	if err != nil {
		t.Fatal(err)
	}
	dated := 0
	for n, part := range parseSitemap(t, files, model.SitemapFile).Parts {
		lastmod := ""
		if i := strings.Index(string(files[model.SitemapPart(n+1)]), "<lastmod>"); i >= 0 {
			lastmod = string(files[model.SitemapPart(n+1)])[i+len("<lastmod>"):][:len(part.Lastmod)]
			dated++
		}
		if part.Lastmod != lastmod {
			t.Errorf("part %d: the index says lastmod %q, the part %q", n+1, part.Lastmod, lastmod)
		}
	}
	if dated == 0 {
		t.Error("no part has a lastmod; the newsroom's pages have dates")
	}
}

// The parts' names are planned with every other file of the site, so a
// file of the site at one of them is refused before anything is written.
func TestSitemapPartsPlanned(t *testing.T) {
	site, layouts := loadFixture(t, "../testdata/site", load.Options{})
	site.Assets = append(site.Assets, model.Asset{Path: "sitemap-2.xml", Source: "content/sitemap-2.xml"})
	plan := planSitemap(site, sitemapLimits{urls: 5, bytes: sitemapMaxBytes})
	_, err := planFiles(site, layouts, indexImages(site), plan)
	want := "two files would be written to sitemap-2.xml: from content/sitemap-2.xml and from the generator (sitemap-2.xml)"
	if err == nil || err.Error() != want {
		t.Errorf("got %v\nwant %s", err, want)
	}
}

// TestSitemapSizesPlanned: each file of the sitemap is as long as planned,
// so that it is made in one buffer of its size, whole or in parts.
func TestSitemapSizesPlanned(t *testing.T) {
	site, _ := loadFixture(t, "../testdata/newsroom", load.Options{Now: time.Date(2024, 6, 1, 0, 0, 0, 0, time.UTC)})
	for _, limits := range []sitemapLimits{{sitemapMaxURLs, sitemapMaxBytes}, {urls: 5, bytes: sitemapMaxBytes}, {urls: sitemapMaxURLs, bytes: 3000}} {
		plan, files, err := writeSitemapWith(site, limits)
		if err != nil {
			t.Fatal(err)
		}
		names := []string{model.SitemapFile}
		if len(plan.starts) > 0 {
			names = names[:0]
			for n := 1; n <= len(plan.starts)+1; n++ {
				names = append(names, model.SitemapPart(n))
			}
		}
		if len(plan.sizes) != len(names) {
			t.Fatalf("%+v: %d sizes planned for %d files", limits, len(plan.sizes), len(names))
		}
		for i, name := range names {
			if got := len(files[name]); got != plan.sizes[i] {
				t.Errorf("%+v: %s is %d bytes, planned %d", limits, name, got, plan.sizes[i])
			}
		}
	}
}
