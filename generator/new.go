package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
)

var slug = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// runNew scaffolds a zone: a Chinese and an English page and the facts file
// they share. It never overwrites a file.
func runNew(args []string, stderr io.Writer) error {
	if len(args) != 2 || args[0] != "zone" {
		return usageError{"new zone <slug>"}
	}
	name := args[1]
	if !slug.MatchString(name) {
		return usageError{fmt.Sprintf("new zone: %q is not a slug (lower-case ASCII letters, digits and '-')", name)}
	}
	dir := filepath.Join("content", "zones")
	files := map[string]string{
		name + ".toml":  "weight = 100\nthemes = []\nindustries = []\n\n# [[figures]]\n# id = \"new-projects\"\n# kind = \"count\"\n# value = 14\n# unit = { zh = \"个\", en = \"projects\" }\n# label = { zh = \"新开工项目\", en = \"New projects\" }\n",
		name + ".zh.md": "+++\ntitle = \"" + name + "\"\ndescription = \"\"\nsummary = \"\"\ndraft = true\n+++\n",
		name + ".en.md": "+++\ntitle = \"" + name + "\"\ndescription = \"\"\nsummary = \"\"\ndraft = true\n+++\n",
	}
	for _, f := range []string{name + ".toml", name + ".zh.md", name + ".en.md"} {
		if _, err := os.Stat(filepath.Join(dir, f)); err == nil {
			return fmt.Errorf("%s: already exists; nothing was written", filepath.Join(dir, f))
		}
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	for _, f := range []string{name + ".toml", name + ".zh.md", name + ".en.md"} {
		if err := os.WriteFile(filepath.Join(dir, f), []byte(files[f]), 0o644); err != nil {
			return err
		}
		fmt.Fprintln(stderr, "wrote", filepath.Join(dir, f))
	}
	return nil
}
