package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestExitStatus(t *testing.T) {
	broken := t.TempDir()
	os.WriteFile(filepath.Join(broken, "config.toml"), []byte("baseURL = \"https://x.org/\"\ntypo = 1\n"), 0o644)
	out := t.TempDir()
	tests := []struct {
		name string
		args []string
		code int
		want string
	}{
		{"unknown command", []string{"frobnicate"}, 2, `usage: unknown command "frobnicate"`},
		{"bad flag", []string{"build", "-nope"}, 2, "usage: build: flag provided but not defined: -nope"},
		{"content error", []string{"build", "-source", broken, "-destination", filepath.Join(out, "p")}, 1, `config.toml:2:1: unknown key "typo"`},
		{"fixture builds", []string{"build", "-source", "build/testdata/site", "-destination", filepath.Join(out, "q")}, 0, "built 15 pages (zh 8, en 7) in "},
		{"check", []string{"check", "-source", "build/testdata/site"}, 0, "checked 15 pages (zh 8, en 7): no problems"},
		{"version", []string{"version"}, 0, "generator "},
		{"new without a kind", []string{"new"}, 2, "usage: new zone <slug>"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stderr bytes.Buffer
			code := run(tt.args, &stderr)
			if code != tt.code || !strings.Contains(stderr.String(), tt.want) {
				t.Errorf("run(%q) = %d, stderr %q; want %d and %q", tt.args, code, stderr.String(), tt.code, tt.want)
			}
		})
	}
	if _, err := os.Stat(filepath.Join(out, "p")); !os.IsNotExist(err) {
		t.Error("a failed build wrote its destination")
	}
}

func TestNewZone(t *testing.T) {
	dir := t.TempDir()
	wd, _ := os.Getwd()
	defer os.Chdir(wd)
	os.Chdir(dir)
	var stderr bytes.Buffer
	if code := run([]string{"new", "zone", "harbour"}, &stderr); code != 0 {
		t.Fatalf("new zone: %d %s", code, stderr.String())
	}
	for _, f := range []string{"harbour.toml", "harbour.zh.md", "harbour.en.md"} {
		if _, err := os.Stat(filepath.Join("content/zones", f)); err != nil {
			t.Error(err)
		}
	}
	if code := run([]string{"new", "zone", "harbour"}, &stderr); code != 1 {
		t.Errorf("second new zone harbour: exit %d, want 1 (no overwrite)", code)
	}
	if code := run([]string{"new", "zone", "Bad Name"}, &stderr); code != 2 {
		t.Errorf("new zone with a bad slug: exit %d, want 2", code)
	}
}
