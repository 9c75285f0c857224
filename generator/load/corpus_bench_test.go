package load

import (
	"os"
	"testing"
)

// BenchmarkLoadCorpus loads the site at $WESTCOAST_CORPUS (such as a
// corpus made by ../shared/bench), to profile the loader on a large site:
//
//	WESTCOAST_CORPUS=/work/bench/plain10k go test -run - -bench LoadCorpus -cpuprofile cpu.out ./generator/load
func BenchmarkLoadCorpus(b *testing.B) {
	dir := os.Getenv("WESTCOAST_CORPUS")
	if dir == "" {
		b.Skip("WESTCOAST_CORPUS names no site")
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Site(os.DirFS(dir), Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkParseCorpus parses (without reading) the first thousand
// Markdown and facts files of the site at $WESTCOAST_CORPUS: the parse
// work of a large site without its file system calls.
func BenchmarkParseCorpus(b *testing.B) {
	dir := os.Getenv("WESTCOAST_CORPUS")
	if dir == "" {
		b.Skip("WESTCOAST_CORPUS names no site")
	}
	cfg, err := readConfig(os.DirFS(dir), Options{})
	if err != nil {
		b.Fatal(err)
	}
	files, err := listContent(os.DirFS(dir), cfg)
	if err != nil {
		b.Fatal(err)
	}
	var parsed []contentFile
	data := map[string][]byte{}
	for _, f := range files {
		if f.kind != resourceFile && len(parsed) < 1000 {
			parsed = append(parsed, f)
			if data[f.path], err = os.ReadFile(dir + "/" + f.path); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportAllocs()
	for b.Loop() {
		for _, f := range parsed {
			if f.kind == markdownFile {
				_, err = parseFile(f.path, data[f.path], cfg.schema)
			} else {
				_, err = parseFacts(f.path, data[f.path], cfg.schema)
			}
			if err != nil {
				b.Fatal(err)
			}
		}
	}
}
