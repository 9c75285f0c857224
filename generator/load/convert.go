package load

import (
	"errors"
	"net/url"
	"strings"
	"sync"

	"westcoast/generator/markdown"
	"westcoast/generator/model"
	"westcoast/generator/par"
)

// Markdown is converted in two places, with the same converter settings:
// here the summaries, which every list page shows and which are short, and
// in render each page's text, as the page is rendered, so that no stage
// holds every page's HTML.

// inline converts summaries: it needs no reserved ids, since a summary
// has no headings.
var inline = sync.OnceValue(func() *markdown.Converter { return markdown.New(markdown.Options{}) })

// convertSummaries converts every page's summary in parallel, once the page
// graph exists, since a summary may quote figures of other pages. A
// summary that quotes none depends on its text alone: the cache keeps it
// converted for the next load.
func convertSummaries(site *model.Site, sources map[string]summarySource, cache *Cache) error {
	var mu sync.Mutex
	var list model.Errors
	par.Do(len(site.Pages), func(i int) {
		p := site.Pages[i]
		src, ok := sources[p.Source]
		if !ok {
			return
		}
		if html, ok := cache.summary(src.file); ok {
			p.Summary = html
			return
		}
		quotes, errs := summarize(p, src)
		if len(errs) == 0 && !quotes {
			cache.keepSummary(src.file, p.Summary)
		}
		if len(errs) > 0 {
			mu.Lock()
			list = append(list, errs...)
			mu.Unlock()
		}
	})
	return list.Err()
}

// summarySource is what a page's summary is made from. A build keeps it,
// not the whole parsed file, from when the page is assembled to when its
// summary is converted.
type summarySource struct {
	path string       // the content file
	text string       // the front matter's summary, if it sets one
	more *moreSummary // the text before <!--more-->, if there is one
	line int          // the file line the page's text starts on
	// file is the parsed file, by which the preview's cache keeps the
	// summary; nil in a build, which keeps none.
	file *sourceFile
}

// summarySource is what the file's page's summary is made from; file is
// sf where a cache keeps summaries, or nil.
func (sf *sourceFile) summarySource(file *sourceFile) summarySource {
	return summarySource{path: sf.path, text: sf.fm.Summary, more: sf.more, line: sf.body.Line, file: file}
}

// summarize converts a page's summary: its front matter's, or the text
// before its <!--more-->, or none. It reports whether the summary quotes
// a figure: one that does not depends on its text alone.
func summarize(p *model.Page, src summarySource) (quotes bool, errs model.Errors) {
	p.Summary = ""
	switch {
	case src.text != "":
		errs = convertSummary(p, src, &quotes)
	case src.more != nil:
		errs = convertMore(p, src, &quotes)
	}
	return quotes, errs
}

func convertSummary(p *model.Page, src summarySource, quotes *bool) model.Errors {
	at, ok := p.KeyPos.Find("summary")
	if !ok {
		at = model.Pos{File: src.path, Line: 1}
	}
	text, errs := markdown.ExpandShortcodes([]byte(src.text), summaryShortcode(p, quotes))
	if len(errs) > 0 {
		return MarkdownErrors(at, "summary: ", errs)
	}
	var err error
	p.Summary, err = inline().ConvertInlineLinks(text, markdown.Links{Resolve: summaryLink})
	var block *markdown.NotInline
	switch {
	case errors.As(err, &block):
		return model.Errors{at.Errorf("summary: found %s; a summary is one paragraph of inline Markdown (text, emphasis, links)", block.Found)}
	case err != nil:
		return MarkdownErrors(at, "summary: ", err)
	}
	return nil
}

// summaryLink refuses a link to a content file in a summary: lists show
// the summary on pages at other places in the site, where a link made
// relative to its own page would lead astray.
func summaryLink(l markdown.Link) (string, error) {
	if u, err := url.Parse(l.Dest); err == nil && u.Scheme == "" && u.Host == "" && strings.HasSuffix(u.Path, ".md") {
		return "", errors.New("a summary cannot link to a page: lists show it on pages elsewhere in the site; link to it in the page's text")
	}
	return l.Dest, nil
}

// MarkdownErrors places the converter's errors in the content file. Lines
// of a page's text count from where it starts (start); a summary is a TOML
// string whose lines are not the file's, so its errors are placed at its
// key, with a prefix that says so.
func MarkdownErrors(start model.Pos, prefix string, err error) model.Errors {
	var list markdown.Errors
	if !errors.As(err, &list) {
		return model.Errors{start.Errorf("%s%v", prefix, err)}
	}
	errs := make(model.Errors, len(list))
	for i, e := range list {
		if prefix != "" {
			errs[i] = start.Errorf("%s%s", prefix, e.Msg)
		} else {
			errs[i] = model.Errorf(start.File, start.Line+e.Line-1, e.Col, "%s", e.Msg)
		}
	}
	return errs
}

// bodyText records where a page's text is in its file, for render to read
// it again: data is the whole file and body its text.
func bodyText(path string, data, body []byte, line int) model.Text {
	return model.Text{File: path, Offset: len(data) - len(body), Length: len(body), Line: line, Sum: model.TextSum(body)}
}
