package load

import (
	"os"
	"testing"

	"westcoast/generator/model"
)

// The loader's share of a large site is parsing front matter and facts
// files: these measure one of each, as the real site writes them.
func benchParse(b *testing.B, path string, parse func(string, []byte, schema) error) {
	data, err := os.ReadFile(path)
	if err != nil {
		b.Fatal(err)
	}
	tax := []model.Taxonomy{{Singular: "industry", Plural: "industries"}, {Singular: "theme", Plural: "themes"}}
	sc := newSchema(tax, nil)
	b.ReportAllocs()
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if err := parse(path, data, sc); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkParseFrontMatter(b *testing.B) {
	benchParse(b, "../../content/zones/dongjiakou.zh.md", func(p string, d []byte, sc schema) error {
		_, err := parseFile(p, d, sc)
		return err
	})
}

func BenchmarkParseFacts(b *testing.B) {
	benchParse(b, "../../content/zones/dongjiakou.toml", func(p string, d []byte, sc schema) error {
		_, err := parseFacts(p, d, sc)
		return err
	})
}
