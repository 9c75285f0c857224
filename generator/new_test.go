package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestNewPage: new page fills in the site's archetypes in
// layouts/archetypes/, the most particular first (section and language,
// section, default and language, default), else the built-in one; a
// section's facts archetype makes the facts file; the pages it makes are
// drafts, and it says so.
func TestNewPage(t *testing.T) {
	archetypes := map[string]string{
		"news.zh.md":   "+++\ntitle = \"{{.Name}}（{{.Lang}}）\"\ndraft = true\n+++\n新闻正文。\n",
		"news.md":      "+++\ntitle = \"{{.Name}} in {{.Section}}\"\ndraft = true\n+++\nText of {{.Path}}.\n",
		"news.toml":    "weight = 10\n",
		"default.md":   "+++\ntitle = \"{{.Name}}\"\n+++\n",
		"broken.md":    "+++\ntitle = \"{{.Nope}}\"\n+++\n",
		"unparsed.md":  "+++\n\ntitle = \"{{.Name\"\n+++\n",
		"published.md": "+++\ntitle = \"{{.Name}}\"\n+++\n",
	}
	tests := []struct {
		args  []string
		code  int
		files map[string]string // in content/
		err   string
	}{
		{[]string{"page", "news/harbour"}, 0, map[string]string{
			"news/harbour.toml":  "weight = 10\n",
			"news/harbour.zh.md": "+++\ntitle = \"harbour（zh）\"\ndraft = true\n+++\n新闻正文。\n",
			"news/harbour.en.md": "+++\ntitle = \"harbour in news\"\ndraft = true\n+++\nText of news/harbour.\n",
		}, "wrote content/news/harbour.toml\nwrote content/news/harbour.zh.md\nwrote content/news/harbour.en.md\n" +
			"note: content/news/harbour.zh.md and content/news/harbour.en.md are drafts (draft = true): build and serve leave them out unless run with -drafts; delete that line to publish them\n"},
		{[]string{"page", "about"}, 0, map[string]string{
			"about.zh.md": "+++\ntitle = \"about\"\n+++\n",
			"about.en.md": "+++\ntitle = \"about\"\n+++\n",
		}, "wrote content/about.zh.md\nwrote content/about.en.md\n"},
		{[]string{"page", "broken/x"}, 1, nil,
			`layouts/archetypes/broken.md:2:11: executing "layouts/archetypes/broken.md" at <.Nope>: can't evaluate field Nope in type main.archetype` + "\n"},
		{[]string{"page", "unparsed/x"}, 1, nil, "layouts/archetypes/unparsed.md:3: bad character U+0022 '\"'\n"},
		{[]string{"page", "news/harbour"}, 1, nil, "content/news/harbour.toml: already exists; nothing was written\n"},
		{[]string{"page", "News/x"}, 2, nil, "generator new: \"News/x\" is not a path of slugs such as zones/harbour (lower-case ASCII letters, digits and '-')\n" +
			"usage: generator new [-source DIR] page <path> (see generator new -h)\n"},
		{[]string{"page", "news//x"}, 2, nil, "generator new: \"news//x\" is not a path of slugs such as zones/harbour (lower-case ASCII letters, digits and '-')\n" +
			"usage: generator new [-source DIR] page <path> (see generator new -h)\n"},
		{[]string{"post", "x"}, 2, nil, "generator new: want page and a path (such as zones/harbour), or zone and a slug\n" +
			"usage: generator new [-source DIR] page <path> (see generator new -h)\n"},
	}
	t.Chdir(t.TempDir())
	os.WriteFile("config.toml", []byte(twoLanguages), 0o644)
	os.MkdirAll("layouts/archetypes", 0o755)
	for name, text := range archetypes {
		os.WriteFile(filepath.Join("layouts/archetypes", name), []byte(text), 0o644)
	}
	for _, tt := range tests {
		var stderr bytes.Buffer
		code := run(append([]string{"new"}, tt.args...), &stderr)
		if code != tt.code || stderr.String() != tt.err {
			t.Errorf("new %s: exit %d\n%s\nwant exit %d\n%s", strings.Join(tt.args, " "), code, stderr.String(), tt.code, tt.err)
		}
		for name, want := range tt.files {
			if got, err := os.ReadFile(filepath.Join("content", name)); err != nil || string(got) != want {
				t.Errorf("new %s: content/%s is %q (%v), want %q", strings.Join(tt.args, " "), name, got, err, want)
			}
		}
	}
	if _, err := os.Stat("content/broken"); !os.IsNotExist(err) {
		t.Error("an archetype that failed left a folder behind")
	}
}

// TestNewPageBuilds: the real site's archetypes make pages that build.
func TestNewPageBuilds(t *testing.T) {
	dir := t.TempDir()
	for _, part := range []string{"config.toml", "content", "layouts"} {
		copyTree(t, filepath.Join("..", part), filepath.Join(dir, part))
	}
	var stderr bytes.Buffer
	if code := run([]string{"new", "-source", dir, "zone", "harbour"}, &stderr); code != 0 {
		t.Fatalf("new zone: %d %s", code, stderr.String())
	}
	if code := run([]string{"new", "-source", dir, "page", "notes"}, &stderr); code != 0 {
		t.Fatalf("new page: %d %s", code, stderr.String())
	}
	if code := run([]string{"check", "-source", dir, "-drafts"}, &stderr); code != 0 {
		t.Fatalf("check -drafts after new: %d %s", code, stderr.String())
	}
}
