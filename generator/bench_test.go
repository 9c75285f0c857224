package main

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"westcoast/generator/load"
	"westcoast/generator/publish"
	"westcoast/generator/render"
)

// Benchmarks of each stage, on the real site and on the real site with a
// thousand more zone pairs (the shape of ../shared/bench's corpus: text
// with headings, a list and a table, figures, industries). Run:
//
//	go test ./generator -run '^$' -bench . -benchmem
//
// None of them asserts a duration: machines are shared.

const benchPairs = 1000

func BenchmarkBuildRealSite(b *testing.B) {
	fsys := os.DirFS("..")
	b.ReportAllocs()
	for b.Loop() {
		if _, err := renderSite(fsys, load.Options{}, discard{}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkLoad1kPairs(b *testing.B) {
	fsys := pairsSite(b, benchPairs)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := load.Site(fsys, load.Options{}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N)/(2*benchPairs), "µs/page")
}

func BenchmarkLayouts(b *testing.B) {
	fsys := os.DirFS("..")
	b.ReportAllocs()
	for b.Loop() {
		if _, err := render.ReadLayouts(fsys); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkRender1kPairs renders a loaded site: Markdown, templates,
// search index, feeds, sitemap; the files go nowhere.
func BenchmarkRender1kPairs(b *testing.B) {
	fsys := pairsSite(b, benchPairs)
	site, layouts, err := loadSite(fsys, load.Options{})
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if err := render.Site(site, layouts, discard{}, nil); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N)/float64(len(site.Pages)), "µs/page")
}

// BenchmarkPublish1kPairs writes a rendered site's files into a fresh
// folder and swaps it in: the file system's share of a build. After the
// first, each build publishes the same files again, which publish links
// from the site it replaces; BenchmarkPublish1kPairsChanged writes them.
func BenchmarkPublish1kPairs(b *testing.B) {
	files := renderedPairs(b)
	benchPublish(b, func(int) map[string][]byte { return files })
}

// BenchmarkPublish1kPairsChanged publishes a site every file of which
// differs from the one it replaces.
func BenchmarkPublish1kPairsChanged(b *testing.B) {
	files := renderedPairs(b)
	changed := make(map[string][]byte, len(files))
	for name, data := range files {
		changed[name] = append(slices.Clip(data), '\n')
	}
	benchPublish(b, func(i int) map[string][]byte {
		if i%2 == 1 {
			return changed
		}
		return files
	})
}

func renderedPairs(b *testing.B) map[string][]byte {
	var mem render.Memory
	if _, err := renderSite(pairsSite(b, benchPairs), load.Options{}, &mem); err != nil {
		b.Fatal(err)
	}
	return mem.Files()
}

// benchPublish publishes build(i) to one folder in the i-th iteration.
func benchPublish(b *testing.B, build func(i int) map[string][]byte) {
	dest := filepath.Join(b.TempDir(), "public")
	b.ReportAllocs()
	n := 0
	for i := 0; b.Loop(); i++ {
		files := build(i)
		out, err := publish.Stage(dest, publish.Options{})
		if err != nil {
			b.Fatal(err)
		}
		for name, data := range files {
			if err := out.Write(name, data); err != nil {
				b.Fatal(err)
			}
		}
		if err := out.Commit(); err != nil {
			b.Fatal(err)
		}
		n = len(files)
	}
	b.ReportMetric(float64(n), "files")
}

// BenchmarkBuild1kPairs is the whole pipeline into a folder.
func BenchmarkBuild1kPairs(b *testing.B) {
	fsys := pairsSite(b, benchPairs)
	dest := filepath.Join(b.TempDir(), "public")
	b.ReportAllocs()
	for b.Loop() {
		if _, err := publishSite(fsys, load.Options{}, dest, publish.Options{}, nil); err != nil {
			b.Fatal(err)
		}
	}
}

// discard is an Output that keeps nothing.
type discard struct{}

func (discard) Write(string, []byte) error { return nil }

// pairsSite is the real site (config, layouts, content) with n more zone
// pairs, written to disk: fstest.MapFS lists a folder by scanning every
// file, which would measure the map rather than the generator.
func pairsSite(b testing.TB, n int) fs.FS {
	b.Helper()
	return os.DirFS(pairsDir(b, n))
}

// pairsDir writes the site pairsSite reads and returns its folder.
func pairsDir(b testing.TB, n int) string {
	b.Helper()
	dir := b.TempDir()
	for _, part := range []string{"config.toml", "content", "layouts"} {
		copyTree(b, filepath.Join("..", part), filepath.Join(dir, part))
	}
	industries := []string{"new-materials", "petrochemicals", "finance", "digital-economy", "tourism", "agriculture"}
	for i := range n {
		base := filepath.Join(dir, "content", "zones", fmt.Sprintf("zone-%05d", i))
		facts := fmt.Sprintf("weight = %d\nindustries = [%q, %q]\n", 100+i, industries[i%6], industries[(i+1)%6]) +
			figureFacts("f1", "money", 1e8*float64(i%97+1), "zone") + figureFacts("f2", "money", 1e8*float64(i%13+2), "zone") +
			figureFacts("f3", "count", float64(i%20+1), "counts")
		writeFile(b, base+".toml", []byte(facts))
		writeFile(b, base+".zh.md", []byte(fmt.Sprintf("+++\ntitle = \"功能区%d\"\nsummary = \"第%d个功能区的**摘要**。\"\n+++\n%s", i, i, zhBody)))
		writeFile(b, base+".en.md", []byte(fmt.Sprintf("+++\ntitle = \"Zone %d\"\nsummary = \"The *summary* of zone %d.\"\n+++\n%s", i, i, enBody)))
	}
	return dir
}

func figureFacts(id, kind string, value float64, chart string) string {
	unit := ""
	if kind == "count" {
		unit = "unit = { zh = \"个\", en = \"projects\" }\n"
	}
	return fmt.Sprintf("\n[[figures]]\nid = %q\nkind = %q\nvalue = %.0f\n%speriod = \"h2\"\nlabel = { zh = \"指标%s\", en = \"Indicator %s\" }\nchart = %q\n",
		id, kind, value, unit, id, id, chart)
}

var (
	zhBody = strings.Repeat("今年以来，**董家口经济区**锚定打造支撑全市产业经济发展的重要一极，\n创新突破、提质增效，高质量发展取得新成效。下半年争取新开工项目{{< figure \"f3\" >}}、总投资{{< figure \"f1\" >}}。\n\n", 3) +
		"## 下一步\n\n- 加快项目落地\n- 推动项目投产\n\n| 指标 | 数值 |\n| --- | --- |\n| 投资 | {{< figure \"f2\" >}} |\n\n" +
		strings.Repeat("围绕绿色低碳新材料产业园项目集聚效应，加快延链补链强链，推动在谈项目快落地、签约项目快开工。\n\n", 4)
	enBody = strings.Repeat("Since the start of the year, the **zone** has worked to become a growth pole,\nmaking fresh progress; it aims to start {{< figure \"f3\" >}} worth {{< figure \"f1\" >}}.\n\n", 3) +
		"## Next steps\n\n- Get projects settled\n- Get them producing\n\n| Indicator | Value |\n| --- | --- |\n| Investment | {{< figure \"f2\" >}} |\n\n" +
		strings.Repeat("It will make more of its new materials park and move faster to extend, complete and strengthen its industrial chains.\n\n", 4)
)
