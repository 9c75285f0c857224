package load

import (
	"maps"
	"reflect"
	"sync"
	"unsafe"

	"westcoast/generator/model"
)

// cloneSite copies a site's page graph: the site, every page and every
// language once, each pointer among them (Parent, Pages, Translations,
// Home, the site's index...) led to the copy. Everything else (texts,
// figures, params) is shared, since no one changes a model. Update changes
// the copies, so a site already handed out stays as it was.
//
// It goes by reflection, field by field, so that a field added to the
// model later is copied too, and one that points into the graph, exported
// or not, is led to the copy.
func cloneSite(s *model.Site) *model.Site {
	c := cloner{copies: map[graphNode]reflect.Value{}, fields: map[reflect.Type][]int{},
		pages: make(map[*model.Page]*model.Page, len(s.Pages)), slab: make([]model.Page, len(s.Pages))}
	site := c.node(reflect.ValueOf(s))
	// Copies are made shallow, then their fields led to the copies, one
	// after another: following Next from page to page would go as deep as
	// the longest list.
	for len(c.todo) > 0 || len(c.pageTodo) > 0 {
		if n := len(c.pageTodo); n > 0 {
			p := c.pageTodo[n-1]
			c.pageTodo = c.pageTodo[:n-1]
			c.fixPage(p)
			continue
		}
		v := c.todo[len(c.todo)-1]
		c.todo = c.todo[:len(c.todo)-1]
		c.fix(v)
	}
	return site.Interface().(*model.Site)
}

// graphTypes are the model's types that point at one another.
var graphTypes = map[reflect.Type]bool{
	reflect.TypeFor[model.Site]():     true,
	reflect.TypeFor[model.Page]():     true,
	reflect.TypeFor[model.Language](): true,
	reflect.TypeFor[model.LangSite](): true,
}

type graphNode struct {
	t reflect.Type
	p uintptr
}

type cloner struct {
	copies map[graphNode]reflect.Value
	todo   []reflect.Value // copies whose fields still lead into the old graph
	fields map[reflect.Type][]int
	// Pages, the lists and maps of pages, the languages and their sites
	// are most of a graph, and go without reflection (fixPage), which
	// makes a copy of 20,000 pages several times faster. pages are the
	// copies of pages, made in slab while it lasts; pageTodo, the copies
	// to fix; ptrs, room for the copies of lists of pages.
	pages    map[*model.Page]*model.Page
	slab     []model.Page
	pageTodo []*model.Page
	ptrs     []*model.Page
	langs    map[*model.Language]*model.Language
	views    map[*model.LangSite]*model.LangSite
	// terms are the copies of Terms maps, which pages filed under the
	// same terms share (linkTerms), by the original's address.
	terms map[unsafe.Pointer]map[string][]*model.Page
}

var (
	pageType     = reflect.TypeFor[*model.Page]()
	pageListType = reflect.TypeFor[[]*model.Page]()
	pageMapType  = reflect.TypeFor[map[string]*model.Page]()
	termMapType  = reflect.TypeFor[map[string][]*model.Page]()
)

// page returns the copy of p.
func (c *cloner) page(p *model.Page) *model.Page {
	if p == nil {
		return nil
	}
	if dup, ok := c.pages[p]; ok {
		return dup
	}
	var dup *model.Page
	if len(c.slab) > 0 {
		dup, c.slab = &c.slab[0], c.slab[1:]
	} else {
		dup = new(model.Page)
	}
	*dup = *p
	c.pages[p] = dup
	c.pageTodo = append(c.pageTodo, dup)
	return dup
}

// pageList returns a copy of list that leads to the copies. The copies of
// lists share arrays, each with no room beyond its end.
func (c *cloner) pageList(list []*model.Page) []*model.Page {
	if list == nil {
		return nil
	}
	n := len(list)
	if n == 0 {
		return []*model.Page{} // empty, not nil, as it was
	}
	if len(c.ptrs) < n {
		c.ptrs = make([]*model.Page, max(n, 4096))
	}
	dup := c.ptrs[:n:n]
	c.ptrs = c.ptrs[n:]
	for i, p := range list {
		dup[i] = c.page(p)
	}
	return dup
}

// pageMap returns a copy of an index of pages that leads to the copies.
func (c *cloner) pageMap(m map[string]*model.Page) map[string]*model.Page {
	if m == nil {
		return nil
	}
	dup := maps.Clone(m)
	for k, p := range dup {
		dup[k] = c.page(p)
	}
	return dup
}

// termMap returns a copy of a page's terms that leads to the copies.
func (c *cloner) termMap(m map[string][]*model.Page) map[string][]*model.Page {
	if m == nil {
		return nil
	}
	at := reflect.ValueOf(m).UnsafePointer()
	if dup, ok := c.terms[at]; ok {
		return dup
	}
	dup := make(map[string][]*model.Page, len(m))
	for k, list := range m {
		dup[k] = c.pageList(list)
	}
	if c.terms == nil {
		c.terms = map[unsafe.Pointer]map[string][]*model.Page{}
	}
	c.terms[at] = dup
	return dup
}

// fixPage leads the fields of a page's copy to the copies: those it knows
// by name here, and any other field of the graph by reflection, so that a
// field added to model.Page is copied right before it is named here.
func (c *cloner) fixPage(p *model.Page) {
	p.Parent, p.Prev, p.Next = c.page(p.Parent), c.page(p.Prev), c.page(p.Next)
	p.Pages, p.Translations, p.Related = c.pageList(p.Pages), c.pageList(p.Translations), c.pageList(p.Related)
	p.Alternates, p.Switcher, p.Breadcrumbs = c.pageList(p.Alternates), c.pageList(p.Switcher), c.pageList(p.Breadcrumbs)
	p.Terms = c.termMap(p.Terms)
	p.Lang = c.language(p.Lang)
	p.Site = c.langSite(p.Site)
	if rest := c.otherPageFields(); len(rest) > 0 {
		v := reflect.ValueOf(p).Elem()
		for _, i := range rest {
			f := settable(v.Field(i))
			f.Set(c.copy(f))
		}
	}
}

// pageFieldsByName are the fields of model.Page that fixPage leads to the
// copies by name.
var pageFieldsByName = map[string]bool{"Parent": true, "Prev": true, "Next": true, "Pages": true, "Translations": true,
	"Related": true, "Alternates": true, "Switcher": true, "Breadcrumbs": true, "Terms": true, "Lang": true, "Site": true}

// otherPageFields are the fields of model.Page that lead into the graph
// and that fixPage does not know by name.
func (c *cloner) otherPageFields() []int {
	t := pageType.Elem()
	rest, ok := c.fields[pageType]
	if !ok {
		for _, i := range c.graphFields(t) {
			if !pageFieldsByName[t.Field(i).Name] {
				rest = append(rest, i)
			}
		}
		c.fields[pageType] = rest
	}
	return rest
}

func (c *cloner) language(l *model.Language) *model.Language { return cloneOnce(c, &c.langs, l) }

func (c *cloner) langSite(v *model.LangSite) *model.LangSite { return cloneOnce(c, &c.views, v) }

// cloneOnce returns the copy of v that seen holds, making it the first
// time: languages and language views are shared by many pages.
func cloneOnce[T any](c *cloner, seen *map[*T]*T, v *T) *T {
	if v == nil {
		return nil
	}
	if *seen == nil {
		*seen = map[*T]*T{}
	}
	dup, ok := (*seen)[v]
	if !ok {
		dup = c.node(reflect.ValueOf(v)).Interface().(*T)
		(*seen)[v] = dup
	}
	return dup
}

// graphFields are the fields of a struct type that lead into the graph.
func (c *cloner) graphFields(t reflect.Type) []int {
	f, ok := c.fields[t]
	if !ok {
		for i := range t.NumField() {
			if holdsGraph(t.Field(i).Type) {
				f = append(f, i)
			}
		}
		c.fields[t] = f
	}
	return f
}

// fix leads the fields of the struct v, a copy, to the copies.
func (c *cloner) fix(v reflect.Value) {
	for _, i := range c.graphFields(v.Type()) {
		f := settable(v.Field(i))
		f.Set(c.copy(f))
	}
}

// node returns the copy of what the pointer v points to, made on first
// sight as a shallow copy whose fields are led to the copies later.
func (c *cloner) node(v reflect.Value) reflect.Value {
	if v.IsNil() {
		return v
	}
	if v.Type() == pageType {
		return reflect.ValueOf(c.page(v.Interface().(*model.Page)))
	}
	key := graphNode{v.Type(), v.Pointer()}
	if dup, ok := c.copies[key]; ok {
		return dup
	}
	dup := reflect.New(v.Type().Elem())
	dup.Elem().Set(v.Elem())
	c.copies[key] = dup
	c.todo = append(c.todo, dup.Elem())
	return dup
}

// copy returns v with every part that leads into the graph led to the
// copies. Pointers are not followed: their targets are copied as nodes.
func (c *cloner) copy(v reflect.Value) reflect.Value {
	switch v.Kind() {
	case reflect.Pointer:
		return c.node(v)
	case reflect.Struct:
		dup := reflect.New(v.Type()).Elem()
		dup.Set(v)
		c.fix(dup)
		return dup
	case reflect.Slice:
		if v.IsNil() {
			return v
		}
		if v.Type() == pageListType {
			return reflect.ValueOf(c.pageList(v.Interface().([]*model.Page)))
		}
		dup := reflect.MakeSlice(v.Type(), v.Len(), v.Len())
		reflect.Copy(dup, v)
		c.fixElems(dup)
		return dup
	case reflect.Array:
		dup := reflect.New(v.Type()).Elem()
		dup.Set(v)
		c.fixElems(dup)
		return dup
	case reflect.Map:
		switch {
		case v.IsNil():
			return v
		case v.Type() == pageMapType:
			return reflect.ValueOf(c.pageMap(v.Interface().(map[string]*model.Page)))
		case v.Type() == termMapType:
			return reflect.ValueOf(c.termMap(v.Interface().(map[string][]*model.Page)))
		}
		dup := reflect.MakeMapWithSize(v.Type(), v.Len())
		for it := v.MapRange(); it.Next(); {
			dup.SetMapIndex(it.Key(), c.copy(it.Value()))
		}
		return dup
	}
	return v
}

// fixElems leads the elements of a slice or array copy to the copies.
func (c *cloner) fixElems(v reflect.Value) {
	if v.Type().Elem().Kind() == reflect.Pointer { // the common case: a list of pages
		for i := range v.Len() {
			e := v.Index(i)
			e.Set(c.node(e))
		}
		return
	}
	for i := range v.Len() {
		e := v.Index(i)
		e.Set(c.copy(e))
	}
}

// settable reaches an unexported field too (the site's index of pages is
// one): the copy must not lead back into the old graph.
func settable(v reflect.Value) reflect.Value {
	return reflect.NewAt(v.Type(), unsafe.Pointer(v.UnsafeAddr())).Elem()
}

var holds struct {
	sync.Mutex
	known map[reflect.Type]bool
}

// holdsGraph reports whether a value of type t can lead to a site, a page
// or a language. Interfaces are taken not to: the model keeps params and
// the source there.
func holdsGraph(t reflect.Type) bool {
	holds.Lock()
	defer holds.Unlock()
	if holds.known == nil {
		holds.known = map[reflect.Type]bool{}
	}
	h := holdsGraphIn(t, map[reflect.Type]bool{})
	holds.known[t] = h // exact for the type the search starts from
	return h
}

func holdsGraphIn(t reflect.Type, seen map[reflect.Type]bool) bool {
	if h, ok := holds.known[t]; ok {
		return h
	}
	if seen[t] {
		return false // a cycle: whether it holds the graph is decided elsewhere on it
	}
	seen[t] = true
	h := false
	switch t.Kind() {
	case reflect.Pointer:
		h = graphTypes[t.Elem()] || holdsGraphIn(t.Elem(), seen)
	case reflect.Slice, reflect.Array, reflect.Map:
		h = holdsGraphIn(t.Elem(), seen)
	case reflect.Struct:
		for i := range t.NumField() {
			h = holdsGraphIn(t.Field(i).Type, seen) || h
		}
	}
	if h {
		holds.known[t] = h // a "no" met below may come from a cycle cut short
	}
	return h
}
