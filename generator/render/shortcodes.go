package render

import (
	"bytes"
	"fmt"
	"html/template"
	"strings"

	"westcoast/generator/markdown"
	"westcoast/generator/model"
)

// ShortcodeDir is the folder of the editors' shortcodes inside layouts/:
// layouts/shortcodes/note.html is called as {{< note >}}.
const ShortcodeDir = "shortcodes"

// builtinFigure is the shortcode that quotes a figure of a page; no
// template may take its name.
const builtinFigure = "figure"

// shortcodeClashes refuses a template that would take the built-in
// figure's name: Hugo's figure shows an image, ours quotes a number, and a
// page that calls one must not silently get the other.
func shortcodeClashes(src sources) model.Errors {
	name := ShortcodeDir + "/" + builtinFigure + ".html"
	if _, ok := src[name]; ok {
		return model.Errors{model.Errorf(LayoutDir+"/"+name, 0, 0, "figure is the built-in shortcode that quotes a figure ({{< figure \"id\" >}}): give this template another name")}
	}
	return nil
}

// Shortcode is a shortcode template's dot: the call, with the page it is
// on. Its methods are Hugo's.
type Shortcode struct {
	// Name is the shortcode's name, as called.
	Name string
	// Page is the page the call is on.
	Page Page
	// Inner is the text between {{< name >}} and {{< /name >}}, converted
	// from Markdown: inline when it is one paragraph, blocks otherwise.
	Inner template.HTML
	// Ordinal counts the shortcode calls of the text from 0.
	Ordinal int
	args    []string
	params  map[string]string
}

// Get returns a parameter: .Get 0 the first positional one, .Get "key"
// a named one; "" when the call does not give it. Asking for a position
// in a call with named parameters, or the other way round, is an error,
// not a quiet "".
func (s Shortcode) Get(key any) (string, error) {
	switch k := key.(type) {
	case int:
		if s.params != nil {
			return "", fmt.Errorf(`position %d asked for, but the call names its parameters: use .Get "key"`, k)
		}
		if k < 0 || k >= len(s.args) {
			return "", nil
		}
		return s.args[k], nil
	case string:
		if s.args != nil {
			return "", fmt.Errorf("%q asked for, but the call gives its parameters by position: use .Get 0", k)
		}
		return s.params[k], nil
	}
	return "", fmt.Errorf(`a position (0) or a name ("key") is wanted, not %s`, describe(key))
}

// Params are the call's parameters: a list for positional ones, a map for
// named ones.
func (s Shortcode) Params() any {
	if s.params != nil {
		return s.params
	}
	return s.args
}

// IsNamedParams reports whether the call names its parameters.
func (s Shortcode) IsNamedParams() bool { return s.params != nil }

// expand replaces the shortcode calls of a page's text: figure with the
// figure's value as text, others with their template's HTML.
func (r *renderer) expand(p Page, text []byte) (markdown.Expanded, markdown.Errors) {
	return markdown.Expand(text, func(c markdown.Call) (markdown.Expansion, error) {
		return r.shortcode(p, c)
	})
}

// shortcode runs one call.
func (r *renderer) shortcode(p Page, c markdown.Call) (markdown.Expansion, error) {
	if c.Name == builtinFigure {
		return figureCall(p, c)
	}
	name := ShortcodeDir + "/" + c.Name + ".html"
	if r.layouts.base == nil || r.layouts.base.Lookup(name) == nil {
		return markdown.Expansion{}, fmt.Errorf("unknown shortcode %q: there is no %s/%s (nor is it the built-in figure)", c.Name, LayoutDir, name)
	}
	sc := Shortcode{Name: c.Name, Page: p, Ordinal: c.Ordinal, args: c.Args, params: c.Params}
	if c.Paired {
		inner, err := r.inner(p, c.Inner)
		if err != nil {
			return markdown.Expansion{}, err
		}
		sc.Inner = inner
	}
	var b bytes.Buffer
	if err := r.layouts.baseExec.Execute(&b, name, sc); err != nil {
		return markdown.Expansion{}, fmt.Errorf("shortcode %q: %v", c.Name, execError(err, r.layouts.src))
	}
	// An empty output is no text at all, so a paragraph that held only
	// the call is gone too.
	return markdown.Expansion{HTML: template.HTML(strings.TrimSpace(b.String()))}, nil
}

// figureCall is the built-in {{< figure "id" >}}. A call such as Hugo's
// image figure ({{< figure src="x.jpg" >}}) is told what this one does.
func figureCall(p Page, c markdown.Call) (markdown.Expansion, error) {
	if c.Params != nil || c.Paired {
		return markdown.Expansion{}, fmt.Errorf(`figure quotes a number of the page: {{< figure "id" >}}; for an image write ![what it shows](photo.jpg)`)
	}
	text, err := p.FigureShortcode(c.Name, c.Args)
	return markdown.Expansion{Text: text}, err
}

// inner converts a paired call's inner text, shortcodes and all: a single
// paragraph without its <p>, so that an inline shortcode stays inline.
func (r *renderer) inner(p Page, text []byte) (template.HTML, error) {
	x, errs := r.expand(p, text)
	if len(errs) > 0 {
		return "", errs
	}
	doc, err := r.converter(p).ConvertPage(x.Text, r.markdownPage(p, x))
	if err != nil {
		return "", x.Place(err)
	}
	html := strings.TrimSpace(string(doc.HTML))
	if strings.HasPrefix(html, "<p>") && strings.HasSuffix(html, "</p>") && strings.Count(html, "<p>") == 1 {
		html = html[len("<p>") : len(html)-len("</p>")]
	}
	return template.HTML(html), nil
}
