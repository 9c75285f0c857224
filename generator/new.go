package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"text/template"

	"github.com/BurntSushi/toml"

	"westcoast/generator/load"
	"westcoast/generator/render"
	"westcoast/generator/source"
)

var slug = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// archetypeDir holds the templates new fills in: Hugo's archetypes,
// kept with the other templates so the site's top level stays as it is.
const archetypeDir = render.LayoutDir + "/archetypes"

// newFlags registers the flags of new.
func newFlags(fs *flag.FlagSet) *string {
	return fs.String("source", ".", sourceUsage)
}

// runNew scaffolds a page in every language of the site, from the
// archetypes in layouts/archetypes/: "new page zones/harbour" writes
// content/zones/harbour.zh.md, harbour.en.md and, if the archetypes have
// one for the section, the facts file harbour.toml. "new zone harbour" is
// "new page zones/harbour". It writes only inside the site's content/,
// never overwrites a file, and says that the pages are drafts when they
// are.
func runNew(args []string, stderr io.Writer) error {
	flags := flag.NewFlagSet("new", flag.ContinueOnError)
	dir := newFlags(flags)
	if err := parseFlags(flags, args, stderr, true); err != nil {
		return err
	}
	key, err := newKey(flags.Args())
	if err != nil {
		return err
	}
	if err := checkSite(*dir, path.Dir(path.Join(load.ContentDir, key))); err != nil {
		return err
	}
	src := source.New(*dir, source.DefaultMaxFileSize)
	langs, err := siteLanguages(src)
	if err != nil {
		return err
	}
	files, err := scaffold(src, key, langs)
	if err != nil {
		return err
	}
	return writeAll(*dir, files, stderr)
}

// newKey reads "page <path>" or "zone <slug>" into the new page's key.
func newKey(args []string) (string, error) {
	const want = "want page and a path (such as zones/harbour), or zone and a slug"
	if len(args) != 2 {
		return "", usageError{"new", want}
	}
	kind, name := args[0], args[1]
	switch kind {
	case "zone":
		if !slug.MatchString(name) {
			return "", usageError{"new", fmt.Sprintf("%q is not a slug (lower-case ASCII letters, digits and '-')", name)}
		}
		return "zones/" + name, nil
	case "page":
		for _, part := range strings.Split(name, "/") {
			if !slug.MatchString(part) {
				return "", usageError{"new", fmt.Sprintf("%q is not a path of slugs such as zones/harbour (lower-case ASCII letters, digits and '-')", name)}
			}
		}
		return name, nil
	}
	return "", usageError{"new", want}
}

// newFile is a file new writes, inside content/.
type newFile struct{ name, text string }

// archetype is what an archetype is given: {{.Name}} is "harbour" for
// zones/harbour, {{.Section}} "zones", {{.Lang}} the page's language code
// ("" for the facts file), {{.Path}} "zones/harbour".
type archetype struct {
	Name, Section, Lang, Path string
}

// scaffold fills in the archetypes for key in each language, and for its
// facts file if the section has one.
func scaffold(src fs.FS, key string, langs []string) ([]newFile, error) {
	section := ""
	if i := strings.Index(key, "/"); i > 0 {
		section = key[:i]
	}
	data := archetype{Name: path.Base(key), Section: section, Path: key}
	var files []newFile
	for _, lang := range langs {
		data.Lang = lang
		text, err := fillArchetype(src, section, lang, ".md", data)
		if err != nil {
			return nil, err
		}
		files = append(files, newFile{key + "." + lang + ".md", text})
	}
	data.Lang = ""
	text, err := fillArchetype(src, section, "", ".toml", data)
	if err != nil || text == "" {
		return files, err
	}
	return append([]newFile{{key + ".toml", text}}, files...), nil
}

// fillArchetype finds the archetype for a section, a language and a kind
// of file (.md or .toml) and fills it in: layouts/archetypes/SECTION.LANG.md,
// then SECTION.md, default.LANG.md, default.md, and last the built-in one.
// There is no built-in facts file but the zones'.
func fillArchetype(src fs.FS, section, lang, ext string, data archetype) (string, error) {
	var names []string
	for _, base := range []string{section, "default"} {
		if base == "" {
			continue
		}
		if lang != "" {
			names = append(names, base+"."+lang+ext)
		}
		names = append(names, base+ext)
	}
	text, name := "", ""
	for _, n := range names {
		p := path.Join(archetypeDir, n)
		b, err := fs.ReadFile(src, p)
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err != nil {
			return "", err
		}
		text, name = string(b), p
		break
	}
	if name == "" {
		text, name = builtinArchetype(section, ext), "the built-in archetype"
	}
	if text == "" {
		return "", nil
	}
	t, err := template.New(name).Option("missingkey=error").Parse(text)
	if err != nil {
		return "", templateError(err)
	}
	var out bytes.Buffer
	if err := t.Execute(&out, data); err != nil {
		return "", templateError(err)
	}
	return out.String(), nil
}

// templateError drops text/template's "template: " before the file name.
func templateError(err error) error {
	return errors.New(strings.TrimPrefix(err.Error(), "template: "))
}

// builtinArchetype is used where the site has none.
func builtinArchetype(section, ext string) string {
	switch {
	case ext == ".md" && section == "zones":
		return "+++\ntitle = \"{{.Name}}\"\ndescription = \"\"\nsummary = \"\"\ndraft = true\n+++\n"
	case ext == ".md":
		return "+++\ntitle = \"{{.Name}}\"\ndescription = \"\"\ndraft = true\n+++\n"
	case section == "zones":
		return "weight = 100\nthemes = []\nindustries = []\n\n# [[figures]]\n# id = \"new-projects\"\n# kind = \"count\"\n# value = 14\n# unit = { zh = \"个\", en = \"projects\" }\n# label = { zh = \"新开工项目\", en = \"New projects\" }\n"
	}
	return ""
}

// siteLanguages are the codes of the languages config.toml configures, by
// weight. Only the languages are read: new must work on a site whose
// content does not build yet.
func siteLanguages(src fs.FS) ([]string, error) {
	data, err := fs.ReadFile(src, load.ConfigFile)
	if err != nil {
		return nil, err
	}
	var cfg struct {
		Languages map[string]struct {
			Weight int `toml:"weight"`
		} `toml:"languages"`
	}
	if _, err := toml.Decode(string(data), &cfg); err != nil {
		return nil, fmt.Errorf("%s: %v", load.ConfigFile, err)
	}
	var codes []string
	for code := range cfg.Languages {
		codes = append(codes, code)
	}
	slices.SortFunc(codes, func(a, b string) int {
		if d := cfg.Languages[a].Weight - cfg.Languages[b].Weight; d != 0 {
			return d
		}
		return strings.Compare(a, b)
	})
	if len(codes) == 0 {
		return nil, fmt.Errorf("%s configures no languages ([languages.zh] and so on): new writes a page in each", load.ConfigFile)
	}
	return codes, nil
}

// writeAll writes the files into content/, none if any is there already,
// and notes which pages are drafts.
func writeAll(dir string, files []newFile, stderr io.Writer) error {
	target := filepath.Join(dir, load.ContentDir)
	for _, f := range files {
		if _, err := os.Lstat(filepath.Join(target, filepath.FromSlash(f.name))); err == nil {
			return fmt.Errorf("%s: already exists; nothing was written", path.Join(load.ContentDir, f.name))
		}
	}
	draftFacts := false
	var drafts []string
	for _, f := range files {
		p := filepath.Join(target, filepath.FromSlash(f.name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return fmt.Errorf("new: %w", err)
		}
		if err := writeNew(p, f.text); err != nil {
			return fmt.Errorf("new: %w", err)
		}
		fmt.Fprintln(stderr, "wrote", p)
		switch {
		case strings.HasSuffix(f.name, ".toml"):
			draftFacts = draftLine.MatchString(f.text)
		case draftFacts || draftLine.MatchString(f.text):
			drafts = append(drafts, p)
		}
	}
	switch {
	case len(drafts) == 1:
		fmt.Fprintf(stderr, "note: %s is a draft (draft = true): build and serve leave it out unless run with -drafts; delete that line to publish it\n", drafts[0])
	case len(drafts) > 1:
		fmt.Fprintf(stderr, "note: %s are drafts (draft = true): build and serve leave them out unless run with -drafts; delete that line to publish them\n", strings.Join(drafts, " and "))
	}
	return nil
}

var draftLine = regexp.MustCompile(`(?m)^\s*draft\s*=\s*true\s*$`)

// checkSite makes sure dir is a site's folder and that each folder from
// content/ down to folder, where it exists, is a folder inside it: a
// symlink leading out must not carry new files elsewhere.
func checkSite(dir, folder string) error {
	src := source.New(dir, source.DefaultMaxFileSize)
	if _, err := src.Stat(load.ConfigFile); errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("new: %s is not a site's folder: it has no config.toml (run new in one, or give -source DIR)", dir)
	} else if err != nil {
		return err
	}
	parts := strings.Split(folder, "/")
	for i := range parts {
		p := strings.Join(parts[:i+1], "/")
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
