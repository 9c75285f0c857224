package markdown

import (
	"bytes"
	"io/fs"
	"os"
	"strings"
	"testing"
	"time"
)

// BenchmarkRealSite converts the text of every page of the real site (the
// repository's content/), as render does, and reports the time per page:
//
//	go test ./generator/markdown -run '^$' -bench RealSite
func BenchmarkRealSite(b *testing.B) {
	texts := realTexts(b)
	c := New(Options{})
	b.ResetTimer()
	start := time.Now()
	for range b.N {
		for _, t := range texts {
			if _, err := c.ConvertDoc(t, nil); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(time.Since(start).Nanoseconds())/float64(b.N*len(texts)), "ns/page")
}

// realTexts are the texts of the real site's pages, without front matter.
func realTexts(b *testing.B) [][]byte {
	var texts [][]byte
	root := os.DirFS("../../content")
	err := fs.WalkDir(root, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".md") {
			return err
		}
		data, err := fs.ReadFile(root, p)
		if i := bytes.Index(data[3:], []byte("\n+++")); i >= 0 && bytes.HasPrefix(data, []byte("+++")) {
			data = data[i+7:]
		}
		texts = append(texts, data)
		return err
	})
	if err != nil || len(texts) == 0 {
		b.Fatalf("no content: %v", err)
	}
	return texts
}
