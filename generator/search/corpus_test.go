package search

import (
	"bytes"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
)

// corpus makes n pairs of synthetic documents like those of the bench
// corpus (../shared/bench/gencorpus): Chinese cut from the article in
// generator/testdata, English drawn from a small vocabulary, so that
// almost every key is in almost every document, the worst case for the
// size of a query's shards. Documents 0…n-1 are Chinese, n…2n-1 their
// English translations. Each has the given number of passages.
func corpus(t testing.TB, n, passages int) []Doc {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "testdata", "article.zh.txt"))
	if err != nil {
		t.Fatal(err)
	}
	var sentences []string
	for _, s := range strings.FieldsFunc(string(data), func(r rune) bool { return r == '。' || r == '\n' }) {
		if s = strings.TrimSpace(s); len([]rune(s)) > 8 {
			sentences = append(sentences, s+"。")
		}
	}
	vocab := strings.Fields(`innovation industry park zone digital economy new materials finance
		bureau development project investment support supporting supported modern platform
		factory harbor port logistics energy green carbon material chip cluster high quality
		growth export import trade talent service market capital land research network city
		district local global open smart steady rapid attract launch the a of and to in for
		with by on under through across chain sector value plan strategy policy enterprise`)
	seed := uint32(1)
	next := func(k int) int { // xorshift: the same corpus every run
		seed ^= seed << 13
		seed ^= seed >> 17
		seed ^= seed << 5
		return int(seed % uint32(k))
	}
	docs := make([]Doc, 2*n)
	for i := 0; i < n; i++ {
		zh := Doc{Title: string([]rune(sentences[next(len(sentences))])[:9]), URL: "zones/z" + strconv.Itoa(i) + "/", Group: i}
		en := Doc{Title: "Zone " + strconv.Itoa(i), URL: "en/zones/z" + strconv.Itoa(i) + "/", Group: i}
		for p := 0; p < passages; p++ {
			var s, w strings.Builder
			for k := 0; k < 3; k++ {
				s.WriteString(sentences[next(len(sentences))])
			}
			for k := 0; k < 40; k++ {
				w.WriteString(vocab[next(len(vocab))] + " ")
			}
			anchor := ""
			if p > 0 {
				anchor = "h" + strconv.Itoa(p)
			}
			zh.Passages = append(zh.Passages, Passage{Text: s.String(), Anchor: anchor})
			en.Passages = append(en.Passages, Passage{Text: w.String(), Anchor: anchor})
		}
		docs[i], docs[n+i] = zh, en
	}
	return docs
}

// build indexes docs on two goroutines, as render does, and returns the
// index's files by path.
func build(docs []Doc, shardSize int) map[string][]byte {
	files, _ := buildMeasured(docs, shardSize, true)
	return files
}

// buildMeasured is build, and says how many bytes of memory the Builder
// holds once every document is in, before it makes the files. Unless
// keepDocs, the documents' files are dropped as a build writes them out.
func buildMeasured(docs []Doc, shardSize int, keepDocs bool) (map[string][]byte, uint64) {
	files := map[string][]byte{}
	var mu sync.Mutex
	keep := func(id int, frag []byte) {
		mu.Lock()
		files[FragmentPath(id)] = frag
		mu.Unlock()
	}
	if !keepDocs {
		keep = nil
	}
	b, held := addMeasured(docs, keep)
	// English documents come after the Chinese ones, as the site lists them.
	n := slices.IndexFunc(docs, func(d Doc) bool { return strings.HasPrefix(d.URL, "en/") })
	maps.Copy(files, finish(b, []Language{{"zh", "中文", 0, n}, {"en", "English", n, len(docs)}}, shardSize))
	return files, held
}

// addMeasured adds docs to a new Builder on two goroutines, as render
// does, giving each document's file to keep if it is not nil, and says
// how many bytes of memory the Builder holds once every document is in.
func addMeasured(docs []Doc, keep func(id int, frag []byte)) (*Builder, uint64) {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	b := NewBuilder(len(docs))
	var wg sync.WaitGroup
	for w := range 2 {
		wg.Go(func() {
			for i := w; i < len(docs); i += 2 {
				if frag := b.Add(i, docs[i]); keep != nil {
					keep(i, frag)
				}
			}
		})
	}
	wg.Wait()
	runtime.GC()
	runtime.ReadMemStats(&after)
	return b, after.HeapAlloc - before.HeapAlloc
}

// finish returns the files Finish makes, by path, each copied as Finish
// hands it over. The data handed over is then overwritten, so that a
// Finish that read it after (to hash it, say) would make other files.
func finish(b *Builder, langs []Language, shardSize int) map[string][]byte {
	files := map[string][]byte{}
	err := b.Finish(langs, shardSize, func(path string, data []byte) error {
		if _, ok := files[path]; ok {
			return fmt.Errorf("%s made twice", path)
		}
		files[path] = bytes.Clone(data)
		clear(data)
		return nil
	})
	if err != nil {
		panic(err) // no write above fails but for a bug in Finish
	}
	return files
}

// BenchmarkIndex10kPairs indexes 10,000 pairs of documents; it reports
// the shards' total size.
func BenchmarkIndex10kPairs(b *testing.B) {
	docs := corpus(b, 10000, 8)
	b.ReportAllocs()
	var size int
	var held uint64
	start := cpuTime()
	for b.Loop() {
		size = 0
		var files map[string][]byte
		files, held = buildMeasured(docs, DefaultShardSize, false)
		for name, data := range files {
			if strings.HasPrefix(name, "s/") {
				size += len(data)
			}
		}
	}
	b.ReportMetric(float64(cpuTime()-start)/float64(b.N), "cpu-ns/op")
	b.ReportMetric(float64(size)/(1<<20), "MB-shards")
	b.ReportMetric(float64(held)/(1<<20), "MB-held")
}

// BenchmarkAdd indexes the documents of 2,000 pairs on one goroutine,
// without making the files: the work each page's render adds.
func BenchmarkAdd(b *testing.B) { benchmarkAdd(b, corpus(b, 2000, 8)) }

// benchmarkAdd indexes docs into a new index on one goroutine, and reports
// the CPU time a document took.
func benchmarkAdd(b *testing.B, docs []Doc) {
	b.ReportAllocs()
	start := cpuTime()
	for b.Loop() {
		builder := NewBuilder(len(docs))
		for i, d := range docs {
			builder.Add(i, d)
		}
	}
	b.ReportMetric(float64(cpuTime()-start)/float64(b.N*len(docs)), "cpu-ns/doc")
}
