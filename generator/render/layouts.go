package render

import (
	"html/template"
	"io/fs"
	"path"
	"sort"
	"strings"
	"sync"
	"text/template/parse"

	"westcoast/generator/model"
	"westcoast/generator/render/tmplexec"
)

// LayoutDir is the folder of templates and assets inside the site source.
const LayoutDir = "layouts"

const baseName = "_default/baseof.html"

// layout is one page template with everything it can call, and the
// template to execute: the base layout when the page template only fills in
// its blocks.
type layout struct {
	name  string             // the page template, by its name inside layouts/
	page  *template.Template // as parsed, never executed
	entry string
	src   sources
	// set is the base layout, every partial and the page template, bound
	// to one render; nil in the layouts ReadLayouts returns.
	set func() *tmplexec.Set
	// escaped are the set's templates as html/template escapes them,
	// made once for every render.
	escaped func() *tmplexec.Escaped
}

// Layouts are the parsed templates: for each page template, a set made of
// the base layout, every partial and the page template itself. They are
// parsed once and executed concurrently.
type Layouts struct {
	sets map[string]layout // by page template name
	// broken are page templates that failed to parse: pages that would use
	// them are not rendered (their fault is reported once, at the template)
	// and never fall back to another template.
	broken map[string]bool
	// allBroken is set when the base layout or a partial failed, which
	// every page needs.
	allBroken bool
	assets    []model.Asset
	src       sources
	// err holds the faults of the templates, which render.Site reports
	// with those of the pages.
	err error
	ids map[string]string // ReservedIDs
	// searched: a template points readers at the search index
	// (usesSearchIndex), so a render makes one.
	searched bool
	// base is the base layout with every partial, never executed: partials
	// and shortcodes run in baseExec.
	base *template.Template
	// baseExec executes base, in a render (nil in the layouts ReadLayouts
	// returns).
	baseExec *tmplexec.Set
	// baseEscaped are base's templates as html/template escapes them,
	// made once for every render.
	baseEscaped func() *tmplexec.Escaped
	// partials are the partials of base by each name that calls them
	// (see partialNames).
	partials map[string]string
}

// sources are the texts of the template files, by name inside layouts/,
// to turn the byte offsets html/template reports into lines and columns.
type sources map[string]string

// ReadLayouts parses every template in layouts/. Template names are paths
// inside layouts/ ("_default/page.html", "partials/head.html"), and errors
// name the file, line and column. It reports every faulty file, and still
// returns the layouts that parsed, so a build can show the faults of the
// pages that use sound templates too.
func ReadLayouts(fsys fs.FS) (*Layouts, error) {
	src := sources{}
	l := &Layouts{sets: map[string]layout{}, broken: map[string]bool{}, src: src}
	if err := l.read(fsys, src); err != nil {
		l.err, l.allBroken = err, true
		return l, err
	}
	l.ids = literalIDs(src)
	l.searched = usesSearchIndex(src)
	errs := shortcodeClashes(src)
	parsed := map[string]*template.Template{}
	for _, name := range sortedKeys(src) {
		t, err := template.New(name).Funcs(funcs).Parse(src[name])
		if err != nil {
			errs = append(errs, parseError(err, src))
			l.broken[name] = true
			continue
		}
		parsed[name] = t
	}
	base, ok := baseSet(parsed, l.broken)
	l.allBroken = !ok
	l.base = base
	l.partials = partialNames(base)
	l.baseEscaped = sync.OnceValue(func() *tmplexec.Escaped {
		return tmplexec.NewEscaped(template.Must(base.Clone()), funcs) // cannot fail: never executed
	})
	for _, name := range sortedKeys(src) {
		if isPageTemplate(name) && parsed[name] != nil {
			if err := l.addPage(base, parsed[name], src); err != nil {
				errs = append(errs, err)
				l.broken[name] = true
			}
		}
	}
	l.err = errs.Err()
	return l, l.err
}

// usesSearchIndex says whether a template can point a reader at the search
// index: by .Lang.SearchIndexURL, or by its folder written out. Layouts
// that do neither have no search, and a render makes no index for them,
// much as Hugo makes only the outputs a site asks for. For the bench's
// plain layouts that was some 40,000 files nothing links to, and over a
// third of a 10,000-pair build's CPU time.
func usesSearchIndex(src sources) bool {
	for _, text := range src {
		if strings.Contains(text, "SearchIndexURL") || strings.Contains(text, model.SearchDir) {
			return true
		}
	}
	return false
}

// read loads the template texts and collects the assets.
func (l *Layouts) read(fsys fs.FS, src sources) error {
	var refused model.Errors // files the source refused to read, each named
	err := fs.WalkDir(fsys, LayoutDir, func(p string, d fs.DirEntry, err error) error {
		if e := asRefused(err); e != nil {
			refused = append(refused, e...)
			return nil // and go on with what can be read
		}
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(fsys, p)
		if e := asRefused(err); e != nil {
			refused = append(refused, e...)
			return nil
		} else if err != nil {
			return err
		}
		name := strings.TrimPrefix(p, LayoutDir+"/")
		if strings.HasPrefix(name, "assets/") {
			l.assets = append(l.assets, model.Asset{Path: strings.TrimPrefix(name, "assets/"), Source: p, Data: data})
		} else if strings.HasSuffix(name, ".html") || strings.HasSuffix(name, ".xml") {
			src[name] = string(data)
		}
		return nil
	})
	if err != nil {
		return model.Errorf(LayoutDir, 0, 0, "cannot read: %v", unwrapPathError(err))
	}
	return refused.Err()
}

// asRefused is the source's refusal of files (a symlink out of the site, a
// pipe), or nil for any other error.
func asRefused(err error) model.Errors {
	switch err := err.(type) {
	case model.Errors:
		return err
	case *model.Error:
		return model.Errors{err}
	}
	return nil
}

// isPageTemplate tells page templates from the base layout, partials and
// shortcodes, which every page template's set holds.
func isPageTemplate(name string) bool {
	return name != baseName && !strings.HasPrefix(name, "partials/") && !strings.HasPrefix(name, ShortcodeDir+"/")
}

// baseSet gathers the base layout and the partials into one set that each
// page template is added to. It is not ok when one of them failed to parse.
func baseSet(parsed map[string]*template.Template, broken map[string]bool) (*template.Template, bool) {
	base := template.New(baseName).Funcs(funcs)
	for name := range broken {
		if !isPageTemplate(name) {
			return base, false
		}
	}
	for _, name := range sortedKeys(parsed) {
		if !isPageTemplate(name) {
			addTrees(base, parsed[name])
		}
	}
	return base, true
}

// addPage makes the set for one page template, once its shape is checked.
func (l *Layouts) addPage(base *template.Template, page *template.Template, src sources) *model.Error {
	name := page.Name()
	_, hasBase := src[baseName]
	entry, err := pageEntry(page, src, hasBase)
	if err != nil {
		return err
	}
	lay := layout{name: name, page: page, entry: entry, src: l.src}
	lay.escaped = sync.OnceValue(func() *tmplexec.Escaped { return tmplexec.NewEscaped(l.pageSet(lay, nil), funcs) })
	l.sets[name] = lay
	return nil
}

// bound returns the layouts for one render, with funcs (partial,
// partialCached) bound to that render. The parsed layouts are never
// executed, so they can serve any number of renders. A page template's set
// is made when a page first needs it, on the core that renders that page,
// and its html/template set only if html/template has to run it; the
// escaped templates the fast executor compiles are made once for all
// renders.
func (l *Layouts) bound(funcs template.FuncMap) *Layouts {
	c := *l
	c.sets = make(map[string]layout, len(l.sets))
	all := merge(funcs)
	for name, lay := range l.sets {
		lay.set = sync.OnceValue(func() *tmplexec.Set {
			return tmplexec.New(func() *template.Template { return l.pageSet(lay, funcs) }, all, execOptions(lay.escaped()))
		})
		c.sets[name] = lay
	}
	if l.base != nil {
		// The set partials run in is copied, with funcs, only if
		// html/template has to run one: base itself is never executed.
		c.baseExec = tmplexec.New(func() *template.Template {
			return template.Must(l.base.Clone()).Funcs(funcs) // cannot fail: never executed
		}, all, execOptions(l.baseEscaped()))
	}
	return &c
}

// merge is the functions a bound set calls: funcs, with bound's in place of
// those of the same name.
func merge(bound template.FuncMap) template.FuncMap {
	all := template.FuncMap{}
	for k, v := range funcs {
		all[k] = v
	}
	for k, v := range bound {
		all[k] = v
	}
	return all
}

// pageSet makes the set a page template executes: a copy of each template
// its entry reaches with {{template}} or {{block}}, from the page template
// itself, the base layout and the partials. Templates it does not reach
// are left out (partial and partialCached run theirs in the base set), as
// executing a set never looks at them; copies, because html/template
// escapes a set's trees in place.
func (l *Layouts) pageSet(lay layout, bound template.FuncMap) *template.Template {
	trees := map[string]*parse.Tree{}
	for _, t := range l.base.Templates() {
		if t.Tree != nil {
			trees[t.Name()] = t.Tree
		}
	}
	for _, t := range lay.page.Templates() {
		// An empty definition does not replace one the set already has,
		// as with Parse.
		if t.Tree != nil && (!parse.IsEmptyTree(t.Tree.Root) || trees[t.Name()] == nil) {
			trees[t.Name()] = t.Tree
		}
	}
	set := template.New(lay.entry).Funcs(funcs).Funcs(bound)
	added := map[string]bool{}
	var add func(name string)
	add = func(name string) {
		tree := trees[name]
		if tree == nil || added[name] {
			return // an undefined one is the executor's error, as in any set
		}
		added[name] = true
		template.Must(set.AddParseTree(name, tree.Copy())) // cannot fail: not executed yet
		called := map[string]bool{}
		calls(tree.Root, called)
		for _, callee := range sortedKeys(called) {
			add(callee)
		}
	}
	add(lay.entry)
	return set
}

// addTrees adds a parsed file's templates to a set. A definition that is
// empty does not replace one the set already has, as with Parse.
func addTrees(set, file *template.Template) {
	for _, t := range file.Templates() {
		if t.Tree == nil || parse.IsEmptyTree(t.Tree.Root) && set.Lookup(t.Name()) != nil {
			continue
		}
		// Cannot fail: the set has not been executed.
		set.AddParseTree(t.Name(), t.Tree)
	}
}

// lookup finds the template for a page: by layout, then by kind, first in
// the page's section folder and then in _default. A layout that names no
// template is an error at the page's layout key, not a quiet fallback.
// skip is set when the page's template failed to parse.
func (l *Layouts) lookup(p *model.Page) (lay layout, skip bool, err error) {
	// The folder is that of the page's section; a page at the root, whose
	// Section is its own key, has none.
	section := p.Section
	if p.Kind == model.KindHome || p.Kind == model.KindPage && p.Key == p.Section {
		section = ""
	}
	candidates := func(base string) []string {
		var names []string
		if section != "" {
			names = append(names, path.Join(section, base+".html"))
		}
		return append(names, path.Join("_default", base+".html"))
	}
	if p.Layout != "" {
		names := candidates(p.Layout)
		if lay, found, skip := l.find(names); found || skip {
			return lay, skip, nil
		}
		return layout{}, false, layoutPos(p).Errorf("layout %q names no template: looked for %s", p.Layout, listFiles(names))
	}
	names := candidates(string(p.Kind))
	if lay, found, skip := l.find(names); found || skip {
		return lay, skip, nil
	}
	// A fault of the layouts, met by every page of the kind: one line.
	at := model.Errorf(LayoutDir, 0, 0, "no %s template: looked for %s", p.Kind, listFiles(names))
	return layout{}, false, &pageError{at: at, page: newPage(p).what()}
}

// find returns the first of names that is a page template.
func (l *Layouts) find(names []string) (lay layout, found, skip bool) {
	if l.allBroken {
		return layout{}, false, true
	}
	for _, name := range names {
		if l.broken[name] {
			return layout{}, false, true
		}
		if lay, ok := l.sets[name]; ok {
			return lay, true, false
		}
	}
	return layout{}, false, false
}

// layoutPos is where the page sets its layout, or its file when the loader
// did not say.
func layoutPos(p *model.Page) model.Pos {
	if pos, ok := p.KeyPos.Find("layout"); ok {
		return pos
	}
	return model.Pos{File: p.Source}
}

func listFiles(names []string) string {
	return LayoutDir + "/" + strings.Join(names, ", "+LayoutDir+"/")
}

// execute runs a page template. Its faults name the template position and
// the page.
func (lay layout) execute(w tmplexec.Buffer, p Page) error {
	if err := lay.set().Execute(w, lay.entry, p); err != nil {
		return &pageError{at: execError(err, lay.src), page: p.what()}
	}
	return nil
}

// pageError is a template fault met while rendering one page.
type pageError struct {
	at   *model.Error
	page string // the content file, or what the page is
}

func (e *pageError) Error() string { return e.at.Error() + " (rendering " + e.page + ")" }

func sortedKeys[V any](m map[string]V) []string {
	names := make([]string, 0, len(m))
	for k := range m {
		names = append(names, k)
	}
	sort.Strings(names)
	return names
}
