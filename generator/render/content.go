package render

import (
	"errors"
	"io/fs"
	"sync"

	"westcoast/generator/markdown"
	"westcoast/generator/model"
	srcfs "westcoast/generator/source"
)

// content reads a page's text from its source file again and converts it:
// this is where Markdown becomes HTML, page by page, as pages are rendered,
// so no stage holds the HTML of every page. Shortcodes run first, each
// with the page as it renders.
func (r *renderer) content(p Page) (markdown.Doc, error) {
	if p.Body.File == "" {
		return markdown.Doc{}, nil
	}
	buf := texts.Get().(*[]byte)
	defer texts.Put(buf)
	text, err := readText(r.site.Source, p.Body, buf)
	if err != nil {
		return markdown.Doc{}, err
	}
	x, errs := r.expand(p, text)
	if len(errs) > 0 {
		return markdown.Doc{}, placeErrors(p.Body, errs)
	}
	doc, err := r.converter(p).ConvertPage(x.Text, r.markdownPage(p, x))
	if err != nil {
		return markdown.Doc{}, placeErrors(p.Body, x.Place(err))
	}
	r.links.converted(p.Page, doc, r.out, p.OutPath())
	return doc, nil
}

// markdownPage is what the converter knows of the page: its own ids, its
// shortcodes' output, its images.
func (r *renderer) markdownPage(p Page, x markdown.Expanded) markdown.Page {
	links := r.links.of(p.Page)
	return markdown.Page{IDs: p.Page, Shortcodes: x.HTML, Image: r.images.resolver(p.Page), Links: &links,
		NoPassages: !r.search.used}
}

// converter is the Markdown converter for the page's language: with the
// typographer or without.
func (r *renderer) converter(p Page) *markdown.Converter {
	if p.Lang.Typographer {
		return r.mdTypographer
	}
	return r.md
}

// texts are the buffers pages' texts are read into, each used again for
// another page once a page is converted: what a conversion makes of its
// text (HTML, passages, headings, links, errors) is strings, which copy.
var texts = sync.Pool{New: func() any { return new([]byte) }}

// readText reads the text that load found in a file, into buf when fsys
// can, and refuses a file that has changed since: a page must not mix two
// versions of its source.
func readText(fsys fs.FS, t model.Text, buf *[]byte) ([]byte, error) {
	data, err := srcfs.ReadSized(fsys, t.File, t.Offset+t.Length, *buf)
	if data != nil {
		*buf = data[:0]
	}
	var refused *model.Error
	switch {
	case errors.As(err, &refused):
		return nil, refused
	case err != nil:
		return nil, model.Errorf(t.File, 0, 0, "cannot read: %v", unwrapPathError(err))
	}
	if len(data) != t.Offset+t.Length {
		return nil, model.Errorf(t.File, 0, 0, "changed while the site was being built: build again")
	}
	text := data[t.Offset:]
	if model.TextSum(text) != t.Sum {
		return nil, model.Errorf(t.File, 0, 0, "changed while the site was being built: build again")
	}
	return text, nil
}

// placeErrors puts the converter's errors, whose lines count from the
// start of the text, at their lines in the content file.
func placeErrors(t model.Text, err error) error {
	var list markdown.Errors
	if !errors.As(err, &list) {
		return model.Errorf(t.File, t.Line, 0, "%v", err)
	}
	errs := make(model.Errors, len(list))
	for i, e := range list {
		errs[i] = model.Errorf(t.File, t.Line+e.Line-1, e.Col, "%s", e.Msg)
	}
	return errs
}

// unwrapPathError drops the path from an fs error, since the message
// already names the file.
func unwrapPathError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
