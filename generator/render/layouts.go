package render

import (
	"fmt"
	"html/template"
	"io/fs"
	"path"
	"sort"
	"strings"

	"westcoast/generator/model"
)

// LayoutDir is the folder of templates and assets inside the site source.
const LayoutDir = "layouts"

const baseName = "_default/baseof.html"

// layout is one page template with everything it can call, and the
// template to execute: the base layout when the page template only fills in
// its blocks.
type layout struct {
	set   *template.Template
	entry string
}

// Layouts are the parsed templates: for each page template, a set made of
// the base layout, every partial and the page template itself. They are
// parsed once and executed concurrently.
type Layouts struct {
	sets   map[string]layout // by page template name
	assets []model.Asset
	ids    map[string]string // ReservedIDs
}

// ReadLayouts parses every template in layouts/. Template names are paths
// inside layouts/ ("_default/page.html", "partials/head.html"), and errors
// name the file and line.
func ReadLayouts(fsys fs.FS) (*Layouts, error) {
	files := map[string]string{}
	l := &Layouts{sets: map[string]layout{}}
	err := fs.WalkDir(fsys, LayoutDir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(fsys, p)
		if err != nil {
			return err
		}
		name := strings.TrimPrefix(p, LayoutDir+"/")
		if strings.HasPrefix(name, "assets/") {
			l.assets = append(l.assets, model.Asset{Path: strings.TrimPrefix(name, "assets/"), Source: p, Data: data})
		} else if strings.HasSuffix(name, ".html") || strings.HasSuffix(name, ".xml") {
			files[name] = string(data)
		}
		return nil
	})
	if err != nil {
		return nil, model.Errorf(LayoutDir, 0, 0, "cannot read: %v", err)
	}
	l.ids = literalIDs(files)
	base, err := parseBase(files)
	if err != nil {
		return nil, err
	}
	for _, name := range sortedNames(files) {
		if name == baseName || strings.HasPrefix(name, "partials/") {
			continue
		}
		set, err := base.Clone()
		if err == nil {
			_, err = set.New(name).Parse(files[name])
		}
		if err != nil {
			return nil, templateError(err)
		}
		l.sets[name] = layout{set: set, entry: entryFor(set, name)}
	}
	return l, nil
}

// parseBase parses the base layout and the partials into one set that each
// page template is added to.
func parseBase(files map[string]string) (*template.Template, error) {
	base := template.New(baseName).Funcs(funcs)
	if text, ok := files[baseName]; ok {
		if _, err := base.Parse(text); err != nil {
			return nil, templateError(err)
		}
	}
	for _, name := range sortedNames(files) {
		if strings.HasPrefix(name, "partials/") {
			if _, err := base.New(name).Parse(files[name]); err != nil {
				return nil, templateError(err)
			}
		}
	}
	return base, nil
}

// lookup finds the template for a page: by layout, then by kind, first in
// the page's section folder and then in _default.
func (l *Layouts) lookup(p *model.Page) (layout, error) {
	var names []string
	section := p.Section
	if p.Kind == model.KindHome {
		section = ""
	}
	for _, base := range []string{p.Layout, string(p.Kind)} {
		if base == "" {
			continue
		}
		if section != "" {
			names = append(names, path.Join(section, base+".html"))
		}
		names = append(names, path.Join("_default", base+".html"))
	}
	for _, name := range names {
		if lay, ok := l.sets[name]; ok {
			return lay, nil
		}
	}
	return layout{}, model.Errorf(p.Source, 0, 0, "no layout for this %s page: looked for %s", p.Kind, "layouts/"+strings.Join(names, ", layouts/"))
}

// entryFor decides, once and before any execution, which template a page
// starts from: html/template rewrites the trees when it first executes
// them, so they must not be inspected while pages render in parallel.
func entryFor(set *template.Template, name string) string {
	if base := set.Lookup(baseName); base != nil && base.Tree != nil && definesBlocks(set, name) {
		return baseName
	}
	return name
}

// execute runs a page template.
func (lay layout) execute(w *strings.Builder, data any) error {
	if err := lay.set.ExecuteTemplate(w, lay.entry, data); err != nil {
		return templateError(err)
	}
	return nil
}

// definesBlocks reports whether a page template only defines blocks (its own
// body is empty), which means it fills in the base layout.
func definesBlocks(set *template.Template, name string) bool {
	t := set.Lookup(name)
	return t == nil || t.Tree == nil || strings.TrimSpace(t.Tree.Root.String()) == ""
}

// templateError turns html/template's "template: name:line:col: msg" into
// the file:line:col form every other error uses.
func templateError(err error) error {
	msg := strings.TrimPrefix(err.Error(), "html/template:")
	msg = strings.TrimSpace(strings.TrimPrefix(msg, "template:"))
	return fmt.Errorf("%s/%s", LayoutDir, msg)
}

func sortedNames(m map[string]string) []string {
	names := make([]string, 0, len(m))
	for k := range m {
		names = append(names, k)
	}
	sort.Strings(names)
	return names
}
