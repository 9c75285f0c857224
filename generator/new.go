package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"

	"westcoast/generator/source"
)

var slug = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// zonesDir is where new zone writes, inside the site source.
const zonesDir = "content/zones"

// newFlags registers the flags of new.
func newFlags(fs *flag.FlagSet) *string {
	return fs.String("source", ".", sourceUsage)
}

// runNew scaffolds a zone: a Chinese and an English page and the facts file
// they share. It writes only into a site's own content/zones/ and never
// overwrites a file.
func runNew(args []string, stderr io.Writer) error {
	flags := flag.NewFlagSet("new", flag.ContinueOnError)
	dir := newFlags(flags)
	if err := parseFlags(flags, args, stderr, true); err != nil {
		return err
	}
	args = flags.Args()
	if len(args) != 2 || args[0] != "zone" {
		return usageError{"new", "want zone and a slug"}
	}
	name := args[1]
	if !slug.MatchString(name) {
		return usageError{"new", fmt.Sprintf("%q is not a slug (lower-case ASCII letters, digits and '-')", name)}
	}
	if err := checkSite(*dir); err != nil {
		return err
	}
	files := []struct{ name, text string }{
		{name + ".toml", "weight = 100\nthemes = []\nindustries = []\n\n# [[figures]]\n# id = \"new-projects\"\n# kind = \"count\"\n# value = 14\n# unit = { zh = \"个\", en = \"projects\" }\n# label = { zh = \"新开工项目\", en = \"New projects\" }\n"},
		{name + ".zh.md", "+++\ntitle = \"" + name + "\"\ndescription = \"\"\nsummary = \"\"\ndraft = true\n+++\n"},
		{name + ".en.md", "+++\ntitle = \"" + name + "\"\ndescription = \"\"\nsummary = \"\"\ndraft = true\n+++\n"},
	}
	target := filepath.Join(*dir, filepath.FromSlash(zonesDir))
	for _, f := range files {
		if _, err := os.Lstat(filepath.Join(target, f.name)); err == nil {
			return fmt.Errorf("%s: already exists; nothing was written", path.Join(zonesDir, f.name))
		}
	}
	if err := os.MkdirAll(target, 0o755); err != nil {
		return fmt.Errorf("new: %w", err)
	}
	for _, f := range files {
		p := filepath.Join(target, f.name)
		if err := writeNew(p, f.text); err != nil {
			return fmt.Errorf("new: %w", err)
		}
		fmt.Fprintln(stderr, "wrote", p)
	}
	return nil
}

// checkSite makes sure dir is a site's folder and that content/zones/, if
// it is there, is a folder inside it: a symlink leading out must not
// carry new files elsewhere.
func checkSite(dir string) error {
	src := source.New(dir, source.DefaultMaxFileSize)
	if _, err := src.Stat("config.toml"); errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("new: %s is not a site's folder: it has no config.toml (run new in one, or give -source DIR)", dir)
	} else if err != nil {
		return err
	}
	for _, p := range []string{"content", zonesDir} {
		info, err := src.Stat(p)
		switch {
		case errors.Is(err, fs.ErrNotExist):
			return nil
		case err != nil:
			return err
		case !info.IsDir():
			return fmt.Errorf("%s: not a folder; nothing was written", p)
		}
	}
	return nil
}

// writeNew creates the file p, failing if anything, even a dangling
// symlink, is already there.
func writeNew(p, text string) error {
	f, err := os.OpenFile(p, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	if _, err := f.WriteString(text); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
