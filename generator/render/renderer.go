package render

import (
	"bytes"
	"html/template"
	"sync"

	"westcoast/generator/markdown"
	"westcoast/generator/model"
)

// renderer is one render of a site: the layouts bound to it, the Markdown
// converter, what partialCached has made, and the search index as pages
// add to it.
type renderer struct {
	site    *model.Site
	layouts *Layouts
	out     Output
	md      *markdown.Converter
	cache   *partialCache
	search  *searchIndex
	bufs    *sync.Pool
}

func newRenderer(site *model.Site, layouts *Layouts, out Output) *renderer {
	r := &renderer{
		site:   site,
		out:    out,
		md:     markdown.New(markdown.Options{ReservedIDs: layouts.ReservedIDs()}),
		cache:  new(partialCache),
		search: newSearchIndex(site),
		bufs:   &sync.Pool{New: func() any { return new(bytes.Buffer) }},
	}
	r.layouts = layouts.bound(template.FuncMap{"partial": r.partial, "partialCached": r.partialCached})
	return r
}

// page renders one page: its text converted, its layout executed, the
// file handed to the output, its passages given to the search index.
func (r *renderer) page(p *model.Page) error {
	lay, skip, err := r.layouts.lookup(p)
	if err != nil || skip {
		return err
	}
	doc, err := r.content(p)
	if err != nil {
		return err
	}
	r.search.add(p, doc.Passages)
	rp := Page{Page: p, Content: doc.HTML, outPath: p.URL + model.IndexFile}
	return r.write(lay, rp, p.OutPath())
}

// write executes a layout for a page and hands the result to the output.
func (r *renderer) write(lay layout, p Page, path string) error {
	buf := r.bufs.Get().(*bytes.Buffer)
	defer r.bufs.Put(buf)
	buf.Reset()
	if err := lay.execute(buf, p); err != nil {
		return err
	}
	return r.out.Write(path, buf.Bytes())
}
