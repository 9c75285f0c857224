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
