package main

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
	"testing/fstest"

	"westcoast/generator/load"
)

func BenchmarkBuildRealSite(b *testing.B) {
	fsys := os.DirFS("..")
	b.ReportAllocs()
	for b.Loop() {
		if _, err := buildInMemory(fsys, load.Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// largeSite is the fixture site's config and layouts with n pages per
// language, each a few Chinese or English paragraphs with a figure. It is
// written to disk: fstest.MapFS lists a folder by scanning every file, which
// would measure the map rather than the generator.
func largeSite(b *testing.B, n int) fs.FS {
	fsys := fixtureWith(b, nil)
	zh := "今年以来，**董家口经济区**锚定打造支撑全市产业经济发展的重要一极，\n创新突破、提质增效。下半年争取新开工项目{{< figure \"projects\" >}}。\n\n"
	en := "Since the start of the year, the **zone** has set its sights on growth,\nand aims to start {{< figure \"projects\" >}}.\n\n"
	for i := 0; i < 50; i++ { // a term's page needs a title
		for _, lang := range []string{"zh", "en"} {
			fsys[fmt.Sprintf("content/tags/t%d/_index.%s.md", i, lang)] = &fstest.MapFile{Data: []byte(fmt.Sprintf("+++\ntitle = \"t%d\"\n+++\n", i))}
		}
	}
	for i := 0; i < n; i++ {
		dir := fmt.Sprintf("content/posts/p%05d", i)
		fsys[dir+".toml"] = &fstest.MapFile{Data: []byte(fmt.Sprintf("weight = %d\ntags = [\"t%d\"]\n[[figures]]\nid = \"projects\"\nkind = \"count\"\nvalue = %d\nunit = { zh = \"个\", en = \"projects\" }\nlabel = { zh = \"项目\", en = \"Projects\" }\n", i+1, i%50, i))}
		fsys[dir+".zh.md"] = &fstest.MapFile{Data: []byte(fmt.Sprintf("+++\ntitle = \"页面%d\"\n+++\n## 标题\n\n%s%s%s", i, zh, zh, zh))}
		fsys[dir+".en.md"] = &fstest.MapFile{Data: []byte(fmt.Sprintf("+++\ntitle = \"Page %d\"\n+++\n## Heading\n\n%s%s%s", i, en, en, en))}
	}
	dir := b.TempDir()
	for name, f := range fsys {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			b.Fatal(err)
		}
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			b.Fatal(err)
		}
	}
	return os.DirFS(dir)
}

// BenchmarkBuild10kPages builds 5,000 pages in each of two languages.
func BenchmarkBuild10kPages(b *testing.B) {
	fsys := largeSite(b, 5000)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if _, err := buildInMemory(fsys, load.Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
