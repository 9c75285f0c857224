package render

import (
	"bytes"
	"errors"
	"fmt"
	"html/template"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"

	"westcoast/generator/model"
)

// partial runs a partial template, as Hugo's partial does:
// {{partial "footer.html" .}} runs layouts/partials/footer.html with the
// page as its dot.
func (r *renderer) partial(name string, ctx any, extra ...any) (template.HTML, error) {
	if len(extra) > 0 {
		return "", fmt.Errorf("partial takes a name and one value; to pass more, use dict")
	}
	if p, ok := ctx.(Page); ok {
		p, err := nested(name, p)
		if err != nil {
			return "", err
		}
		ctx = p
	}
	return r.runPartial(name, ctx)
}

// nested is the page as the dot of one partial deeper, or the fault of a
// page whose partials nest past maxPartialNesting. Counted on the page,
// the depth is that page's own: partialCalls, which counts the partials of
// every page at once, could blame a page that nests a few deep for one
// that calls a partial without end, and name a different call from one
// build to the next.
func nested(name string, p Page) (Page, error) {
	if p.partials >= maxPartialNesting {
		return p, &innerFault{msg: nestingFault(name)}
	}
	p.partials++
	return p, nil
}

func nestingFault(name string) string {
	return fmt.Sprintf("partial %q: partials call each other more than %d deep; does one call itself without end?", name, maxPartialNesting)
}

// partialCached runs a partial once for every page that shares its
// language, its depth in the site and the variants given, and reuses the
// result: {{partialCached "footer.html" .}}, or with variants,
// {{partialCached "nav.html" . .Section}}. Unlike Hugo's, the language and
// the depth are always part of the key, because every UI string depends on
// the one and every relative link on the other; whatever else the partial
// shows of the page must be given as a variant, or the first page's will
// be shown on every page.
func (r *renderer) partialCached(name string, ctx any, variants ...any) (template.HTML, error) {
	p, ok := ctx.(Page)
	if !ok {
		return "", fmt.Errorf("partialCached needs the page (.) as its value, not %s", describe(ctx))
	}
	var arr [128]byte
	key, err := appendCacheKey(arr[:0], name, p, variants)
	if err != nil {
		return "", err
	}
	// A partial that asks for its own cached result, directly or through
	// others, would wait for itself for ever.
	if p.making.has(key) {
		return "", &innerFault{msg: fmt.Sprintf("partialCached %q asks for its own result: it would wait for itself; use partial for a partial that calls itself", name)}
	}
	return r.cache.get(key, func(key string) (template.HTML, error) {
		p, err := nested(name, p)
		if err != nil {
			return "", err
		}
		p.making = &making{key: key, up: p.making}
		return r.runPartial(name, p)
	})
}

// making is a partialCached result being made, and the one it is made
// for, if any: a list that the page passed to the partial carries.
type making struct {
	key string
	up  *making
}

func (m *making) has(key []byte) bool {
	for ; m != nil; m = m.up {
		if m.key == string(key) {
			return true
		}
	}
	return false
}

// maxPartialNesting is how deep partials may call each other on one page:
// far deeper than any layout nests, far short of the stack's end.
const maxPartialNesting = 100

// partialCalls counts the partials running at once on all the pages being
// rendered. A partial that calls itself without end would otherwise
// overflow the stack: the build died with a Go stack trace. Pages render
// on GOMAXPROCS goroutines, so while every page nests its partials at
// most maxPartialNesting deep the count stays under GOMAXPROCS+1 times
// that; past it, some page's partials nest deeper. Counting them all
// needs no state per page.
type partialCalls struct{ running atomic.Int64 }

func (c *partialCalls) enter(name string) error {
	n := c.running.Add(1)
	if n > maxPartialNesting && n > int64(maxPartialNesting*(runtime.GOMAXPROCS(0)+1)) {
		c.running.Add(-1)
		return &innerFault{msg: nestingFault(name)}
	}
	return nil
}

func (c *partialCalls) leave() { c.running.Add(-1) }

// innerFault is a fault of partials calling each other (too deep, or a
// cached result asked for while it is made). It is passed up through every
// partial unchanged, as the template call that met it (at), so that the
// message names that call once rather than every call around it.
type innerFault struct {
	msg string
	at  error
}

func (e *innerFault) Error() string {
	if e.at != nil {
		return e.at.Error()
	}
	return e.msg
}

// passedFault tells the template executor which errors to pass up as
// they are: a fault of partials calling each other, once the call that met
// it is named, is passed up unchanged by every template around it.
func passedFault(err error) bool {
	var inner *innerFault
	return errors.As(err, &inner) && inner.at != nil
}

func (r *renderer) runPartial(name string, ctx any) (template.HTML, error) {
	if r.layouts.base == nil {
		return "", fmt.Errorf("no partials: the layouts did not parse")
	}
	if err := r.partialCalls.enter(name); err != nil {
		return "", err
	}
	defer r.partialCalls.leave()
	full, ok := r.layouts.partials[name]
	if !ok {
		full = partialName(name)
		if r.layouts.base.Lookup(full) == nil {
			return "", fmt.Errorf("no partial %q: there is no %s/%s", name, LayoutDir, full)
		}
	}
	b := r.bufs.Get().(*bytes.Buffer)
	defer r.bufs.Put(b)
	b.Reset()
	if err := r.layouts.baseExec.Execute(b, full, ctx); err != nil {
		var inner *innerFault
		if errors.As(err, &inner) {
			if inner.at == nil {
				inner.at = err
			}
			return "", inner
		}
		return "", err
	}
	return template.HTML(b.String()), nil
}

// partialName is the template a partial's name calls: "footer.html" and
// "partials/footer.html" both call partials/footer.html.
func partialName(name string) string { return "partials/" + strings.TrimPrefix(name, "partials/") }

// partialNames are the names that call each partial of base, as
// partialName finds them, so that a call does not build the name again.
func partialNames(base *template.Template) map[string]string {
	names := map[string]string{}
	for _, t := range base.Templates() {
		full := t.Name()
		for _, name := range []string{full, strings.TrimPrefix(full, "partials/")} {
			if partialName(name) == full {
				names[name] = full
			}
		}
	}
	return names
}

// appendCacheKey appends what partialCached tells results apart by.
func appendCacheKey(b []byte, name string, p Page, variants []any) ([]byte, error) {
	b = append(b, name...)
	b = append(b, 0)
	b = append(b, p.Lang.Code...)
	b = append(b, 0)
	if p.absLinks {
		b = append(b, "absolute"...)
	} else {
		b = strconv.AppendInt(b, int64(strings.Count(p.outPath, "/")), 10)
	}
	for _, v := range variants {
		b = append(b, 0)
		switch v := v.(type) {
		case string:
			b = append(append(b, "string:"...), v...)
		case bool:
			b = strconv.AppendBool(append(b, "bool:"...), v)
		case int:
			b = strconv.AppendInt(append(b, "int:"...), int64(v), 10)
		case int64, float64, model.Kind:
			b = fmt.Appendf(b, "%T:%v", v, v)
		case *model.Page:
			b = append(append(append(append(b, "page:"...), v.Lang.Code...), ':'), v.Key...)
		case Page:
			b = append(append(append(append(b, "page:"...), v.Lang.Code...), ':'), v.Key...)
		case *model.Language:
			b = append(append(b, "lang:"...), v.Code...)
		default:
			return nil, fmt.Errorf("partialCached: %s cannot tell results apart: use text, a number, a page or a language", describe(v))
		}
	}
	return b, nil
}

// partialCache holds partialCached's results; each is made once even when
// several pages ask for it at the same time. Keys are looked up as bytes,
// which a map of strings does without making a string of them; a key is
// made a string only when it is new.
type partialCache struct {
	mu      sync.RWMutex
	entries map[string]*cacheEntry
}

type cacheEntry struct {
	once sync.Once
	html template.HTML
	err  error
}

// get returns the result for key, which build makes, given key as a string,
// the first time it is asked for.
func (c *partialCache) get(key []byte, build func(key string) (template.HTML, error)) (template.HTML, error) {
	c.mu.RLock()
	e := c.entries[string(key)]
	c.mu.RUnlock()
	if e == nil {
		c.mu.Lock()
		if e = c.entries[string(key)]; e == nil {
			if c.entries == nil {
				c.entries = map[string]*cacheEntry{}
			}
			e = &cacheEntry{}
			c.entries[string(key)] = e
		}
		c.mu.Unlock()
	}
	e.once.Do(func() { e.html, e.err = build(string(key)) })
	return e.html, e.err
}
