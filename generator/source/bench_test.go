package source

import (
	"io/fs"
	"os"
	"testing"
)

// BenchmarkWalkRead walks the real site and reads every file, through the
// source and through os.DirFS, to show what the checks cost.
func BenchmarkWalkRead(b *testing.B) {
	for _, c := range []struct {
		name string
		fsys fs.FS
	}{{"source", New("../..", DefaultMaxFileSize)}, {"dirfs", os.DirFS("../..")}} {
		b.Run(c.name, func(b *testing.B) {
			for b.Loop() {
				for _, dir := range []string{"content", "layouts"} {
					err := fs.WalkDir(c.fsys, dir, func(p string, d fs.DirEntry, err error) error {
						if err != nil || d.IsDir() {
							return err
						}
						_, err = fs.ReadFile(c.fsys, p)
						return err
					})
					if err != nil {
						b.Fatal(err)
					}
				}
			}
		})
	}
}
