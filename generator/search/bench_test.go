package search

import (
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"
)

// siteDocs reads the real site's Markdown (../../content) as documents:
// a file's title and description from its front matter, each paragraph a
// passage, a line starting with # a heading. Unlike corpus's, nearly every
// word is new to the index the first time it is read, as in the real
// site's build, where stemming and adding keys are most of the work.
// Chinese documents come first, then English, as the site lists them.
func siteDocs(t testing.TB) []Doc {
	t.Helper()
	root := filepath.Join("..", "..", "content")
	docs, zh := contentDocs(t, root)
	if zh < 10 || len(docs)-zh < 10 {
		t.Fatalf("%s: %d Chinese and %d English pages, want at least 10 of each", root, zh, len(docs)-zh)
	}
	return docs
}

// contentDocs reads the Markdown under root as siteDocs does, and says
// how many documents are Chinese.
func contentDocs(t testing.TB, root string) ([]Doc, int) {
	t.Helper()
	var zh, en []Doc
	err := filepath.WalkDir(root, func(path string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() || !strings.HasSuffix(path, ".md") {
			return err
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		d := markdownDoc(string(data))
		d.URL = filepath.ToSlash(path)
		if strings.HasSuffix(path, ".en.md") {
			en = append(en, d)
		} else {
			zh = append(zh, d)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	docs := append(zh, en...)
	for i := range docs {
		docs[i].Group = i
	}
	return docs, len(zh)
}

// markdownDoc cuts a Markdown file into a Doc, roughly: this is text to
// index, not a page to render.
func markdownDoc(src string) Doc {
	var d Doc
	_, body, ok := strings.Cut(strings.TrimPrefix(src, "+++\n"), "\n+++\n")
	if !ok {
		body = src
	}
	for line := range strings.Lines(src[:len(src)-len(body)]) {
		key, value, ok := strings.Cut(line, " = ")
		if value, err := strconv.Unquote(strings.TrimSpace(value)); ok && err == nil {
			switch key {
			case "title":
				d.Title = value
			case "description":
				d.Description = value
			}
		}
	}
	for i, para := range strings.Split(body, "\n\n") {
		if para = strings.TrimSpace(para); para != "" {
			heading := strings.HasPrefix(para, "#")
			d.Passages = append(d.Passages, Passage{Text: strings.TrimLeft(para, "# "), Anchor: "p" + strconv.Itoa(i), Heading: heading})
		}
	}
	return d
}

// BenchmarkAddSite indexes the real site's pages into a new index, on one
// goroutine: the work each page's render adds when most of its words are
// new to the index.
func BenchmarkAddSite(b *testing.B) { benchmarkAdd(b, siteDocs(b)) }

// BenchmarkFinish makes the index's files of the real site's pages, and
// of 2,000 pairs of corpus's documents, whose keys are fewer but each in
// many documents. Finish changes nothing in the Builder, so it is run
// again on one filled once.
func BenchmarkFinish(b *testing.B) {
	for _, c := range []struct {
		name string
		docs func(testing.TB) []Doc
	}{
		{"site", siteDocs},
		{"corpus2k", func(t testing.TB) []Doc { return corpus(t, 2000, 8) }},
	} {
		b.Run(c.name, func(b *testing.B) {
			docs := c.docs(b)
			builder := NewBuilder(len(docs))
			for i, d := range docs {
				builder.Add(i, d)
			}
			langs := []Language{{"zh", "中文", 0, len(docs) / 2}, {"en", "English", len(docs) / 2, len(docs)}}
			b.ReportAllocs()
			for b.Loop() {
				builder.Finish(langs, DefaultShardSize, func(string, []byte) error { return nil })
			}
		})
	}
}

// BenchmarkIndexContent indexes the Markdown of the content folder that
// $SEARCH_BENCH_CONTENT names, such as a corpus that
// ../shared/bench/gencorpus makes, read as siteDocs reads the real site's,
// on two goroutines as a build does, then makes the index's files. It
// reports the memory the Builder holds once every document is in
// (MB-held) and what Finish allocates (MB-finish), beside the files'
// size (MB-files), which Finish once held all at once.
func BenchmarkIndexContent(b *testing.B) {
	root := os.Getenv("SEARCH_BENCH_CONTENT")
	if root == "" {
		b.Skip("SEARCH_BENCH_CONTENT names no content folder")
	}
	docs, zh := contentDocs(b, root)
	langs := []Language{{"zh", "中文", 0, zh}, {"en", "English", zh, len(docs)}}
	b.ReportAllocs()
	var held, finish, files uint64
	start := cpuTime()
	for b.Loop() {
		builder, h := addMeasured(docs, nil)
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		files = 0
		err := builder.Finish(langs, DefaultShardSize, func(_ string, data []byte) error {
			files += uint64(len(data))
			return nil
		})
		runtime.ReadMemStats(&after)
		if err != nil {
			b.Fatal(err)
		}
		held, finish = h, after.TotalAlloc-before.TotalAlloc
	}
	runtime.KeepAlive(docs)
	b.ReportMetric(float64(cpuTime()-start)/float64(b.N*len(docs)), "cpu-ns/doc")
	b.ReportMetric(float64(held)/(1<<20), "MB-held")
	b.ReportMetric(float64(finish)/(1<<20), "MB-finish")
	b.ReportMetric(float64(files)/(1<<20), "MB-files")
}
