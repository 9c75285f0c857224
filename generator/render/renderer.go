package render

import (
	"bytes"
	"fmt"
	"html/template"
	"strings"
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
	// mdTypographer converts the text of languages that set typographer.
	mdTypographer *markdown.Converter
	images        *imageIndex
	// What follows is shared by the renderers to() makes of this one.
	cache        *partialCache
	partialCalls *partialCalls
	search       *searchIndex
	links        *contentLinks
	bufs         *sync.Pool
	stats        *Stats // nil: nothing is counted
}

func newRenderer(site *model.Site, layouts *Layouts, out Output, images *imageIndex) *renderer {
	r := &renderer{
		site:          site,
		out:           out,
		md:            markdown.New(markdown.Options{ReservedIDs: layouts.ReservedIDs()}),
		mdTypographer: markdown.New(markdown.Options{ReservedIDs: layouts.ReservedIDs(), Typographer: true}),
		images:        images,
		cache:         new(partialCache),
		partialCalls:  new(partialCalls),
		search:        newSearchIndex(site, layouts.searched),
		links:         newContentLinks(layouts.ReservedIDs(), out),
		bufs:          &sync.Pool{New: func() any { return new(bytes.Buffer) }},
	}
	r.layouts = layouts.bound(template.FuncMap{"partial": r.partial, "partialCached": r.partialCached})
	return r
}

// page renders one page: its text converted, its layout executed, the
// file handed to the output, its passages given to the search index.
func (r *renderer) page(p *model.Page) error {
	lay, skip, err := r.layouts.lookup(p)
	if err != nil || skip {
		r.search.skip(p)
		return err
	}
	rp := newPage(p)
	rp.outPath = p.URL + model.IndexFile
	doc, err := r.content(rp) // shortcodes see the page as it renders
	if err != nil {
		r.search.skip(p)
		return err
	}
	if err := r.search.add(r.out, p, doc.Passages); err != nil {
		return err
	}
	rp.Content, rp.toc = doc.HTML, doc.Headings
	if err := r.aliases(p); err != nil {
		return err
	}
	if !isList(p) {
		return r.write(lay, rp, p.OutPath())
	}
	// A list page is written once per pager if its template asks for
	// .Paginator while the first is written.
	rp.pager = &pagerState{number: 1}
	if err := r.write(lay, rp, p.OutPath()); err != nil || !rp.pager.used {
		return err
	}
	for n := 2; n <= pagerCount(p, r.site.Config.Paginate); n++ {
		url := p.PagerURL(n)
		rp.pager, rp.outPath = &pagerState{number: n}, url+model.IndexFile
		if err := r.write(lay, rp, strings.TrimPrefix(url, "/")+model.IndexFile); err != nil {
			return err
		}
		r.stats.pagers(p.Lang, 1)
	}
	return nil
}

// write executes a layout for a page and hands the result to the output.
func (r *renderer) write(lay layout, p Page, path string) error {
	buf := r.bufs.Get().(*bytes.Buffer)
	defer r.bufs.Put(buf)
	buf.Reset()
	if err := lay.execute(capped{buf}, p); err != nil {
		return err
	}
	return r.out.Write(path, buf.Bytes())
}

// MaxPageSize is the most a template may write for one page. A real page is
// a few hundred kilobytes at most; a template that writes without end
// ({{range 100000000000}}) stops here with an error, before it takes all
// the memory there is.
const MaxPageSize = 100 << 20

// capped is a page's buffer that refuses to grow past MaxPageSize.
type capped struct{ buf *bytes.Buffer }

func (c capped) Write(p []byte) (int, error) {
	if c.buf.Len()+len(p) > MaxPageSize {
		return 0, errTooBig
	}
	return c.buf.Write(p)
}

var errTooBig = fmt.Errorf("the page is more than %d MB: a template writes without end", MaxPageSize>>20)

// WriteString, Len and Truncate let the fast template executor write
// strings without copying them, and take back what a failed run wrote.
func (c capped) WriteString(s string) (int, error) {
	if c.buf.Len()+len(s) > MaxPageSize {
		return 0, errTooBig
	}
	return c.buf.WriteString(s)
}

func (c capped) Len() int { return c.buf.Len() }

func (c capped) Truncate(n int) { c.buf.Truncate(n) }
