package load

import (
	"fmt"
	"testing"
	"testing/fstest"
)

// pairsSite is a site of n page pairs in one section, each filed under
// two of six tags.
func pairsSite(n int) fstest.MapFS {
	tags := []string{"a", "b", "c", "d", "e", "f"}
	files := map[string]string{}
	for _, t := range tags {
		files["content/tags/"+t+"/_index.zh.md"] = "+++\ntitle = \"" + t + "\"\n+++\n"
		files["content/tags/"+t+"/_index.en.md"] = "+++\ntitle = \"" + t + "\"\n+++\n"
	}
	for i := range n {
		base := fmt.Sprintf("content/zones/zone-%05d", i)
		files[base+".toml"] = fmt.Sprintf("weight = %d\ntags = [%q, %q]\n", 100+i, tags[i%6], tags[(i+1)%6])
		files[base+".zh.md"] = fmt.Sprintf("+++\ntitle = \"功能区%d\"\nsummary = \"第%d个功能区的**摘要**。\"\n+++\n正文\n", i, i)
		files[base+".en.md"] = fmt.Sprintf("+++\ntitle = \"Zone %d\"\nsummary = \"The *summary* of zone %d.\"\n+++\nText\n", i, i)
	}
	return site(files)
}

func BenchmarkCloneSite(b *testing.B) {
	s, err := Site(pairsSite(10000), Options{})
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		cloneSite(s)
	}
}

// BenchmarkLoadCached is a whole load of 10,000 pairs with every file
// parsed and listed already, as the preview's after an edit to a file that
// changes the page graph.
func BenchmarkLoadCached(b *testing.B) {
	fsys := pairsSite(10000)
	opts := Options{Cache: NewCache()}
	if _, err := Site(fsys, opts); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		files := opts.Cache.listing()
		opts.Cache.Forget("content/zones/zone-05000.toml")
		opts.Cache.keepListing(files)
		if _, err := Site(fsys, opts); err != nil {
			b.Fatal(err)
		}
	}
}
