package publish

import (
	"os"
	"path/filepath"
	"testing"

	"westcoast/generator/render"
)

func TestDirReplacesWhole(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	if err := Dir(dest, []render.File{{Path: "old.html", Data: []byte("old")}, {Path: "a/b.html", Data: []byte("b")}}); err != nil {
		t.Fatal(err)
	}
	if err := Dir(dest, []render.File{{Path: "a/b.html", Data: []byte("new")}}); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dest, "old.html")); !os.IsNotExist(err) {
		t.Error("a file of the earlier build is still there")
	}
	if data, _ := os.ReadFile(filepath.Join(dest, "a/b.html")); string(data) != "new" {
		t.Errorf("a/b.html = %q", data)
	}
	entries, _ := os.ReadDir(filepath.Dir(dest))
	if len(entries) != 1 {
		t.Errorf("temporary folders left beside the destination: %d entries", len(entries))
	}
}

func TestFailedWriteKeepsOld(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	if err := Dir(dest, []render.File{{Path: "index.html", Data: []byte("good")}}); err != nil {
		t.Fatal(err)
	}
	// A file and a folder at one path cannot both be written.
	err := Dir(dest, []render.File{{Path: "x", Data: []byte("1")}, {Path: "x/y", Data: []byte("2")}})
	if err == nil {
		t.Fatal("no error")
	}
	if data, _ := os.ReadFile(filepath.Join(dest, "index.html")); string(data) != "good" {
		t.Errorf("the published site was changed by a failed build: %q", data)
	}
}

func TestRefusesDangerousDestinations(t *testing.T) {
	wd, _ := os.Getwd()
	for _, dest := range []string{"/", ".", wd, filepath.Dir(wd)} {
		if err := Dir(dest, nil); err == nil {
			t.Errorf("Dir(%q) was allowed", dest)
		}
	}
}
