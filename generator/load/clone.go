package load

import (
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
	c := cloner{copies: map[graphNode]reflect.Value{}, fields: map[reflect.Type][]int{}, pages: map[*model.Page]*model.Page{}}
	site := c.node(reflect.ValueOf(s))
	// Copies are made shallow, then their fields led to the copies, one
	// after another: following Next from page to page would go as deep as
	// the longest list.
	for len(c.todo) > 0 {
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
	// pages are the copies of pages, and the lists of pages the commonest
	// field: they go without reflection, which makes a copy of 20,000
	// pages several times faster.
	pages map[*model.Page]*model.Page
}

var (
	pageType     = reflect.TypeFor[*model.Page]()
	pageListType = reflect.TypeFor[[]*model.Page]()
)

// page returns the copy of p.
func (c *cloner) page(p *model.Page) *model.Page {
	if p == nil {
		return nil
	}
	if dup, ok := c.pages[p]; ok {
		return dup
	}
	dup := new(model.Page)
	*dup = *p
	c.pages[p] = dup
	c.todo = append(c.todo, reflect.ValueOf(dup).Elem())
	return dup
}

func (c *cloner) pageList(list []*model.Page) []*model.Page {
	if list == nil {
		return nil
	}
	dup := make([]*model.Page, len(list))
	for i, p := range list {
		dup[i] = c.page(p)
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
		if v.IsNil() {
			return v
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
