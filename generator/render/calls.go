package render

import (
	"html/template"
	"reflect"
	"time"

	"westcoast/generator/model"
	"westcoast/generator/render/tmplexec"
)

// execOptions tell the template executor what it may know of our
// templates' calls, and where it finds them escaped.
func execOptions(escaped *tmplexec.Escaped) tmplexec.Options {
	return tmplexec.Options{Calls: pageCalls, Passed: passedFault, Escaped: escaped}
}

// pageCalls lets the template executor call Page's methods directly
// rather than through reflect, which allocated their arguments and
// results at every call: {{.Rel .}} is on every link of every page. A
// method whose type is not here is still called, by reflect.
func pageCalls(fn any) tmplexec.Call {
	switch f := fn.(type) {
	case func(Page, any) (string, error): // Rel, Abs, FormatDate
		return func(res *tmplexec.Results, r reflect.Value, a []reflect.Value) (reflect.Value, error) {
			s, err := f(recv(r), a[0].Interface())
			return res.String(s), err
		}
	case func(Page, string, ...any) (string, error): // T
		return func(res *tmplexec.Results, r reflect.Value, a []reflect.Value) (reflect.Value, error) {
			args := make([]any, len(a)-1)
			for i := range args {
				args[i] = a[i+1].Interface()
			}
			s, err := f(recv(r), a[0].String(), args...)
			return res.String(s), err
		}
	case func(Page, *model.Figure) string: // Figure, Label, Period, Status
		return func(res *tmplexec.Results, r reflect.Value, a []reflect.Value) (reflect.Value, error) {
			return res.String(f(recv(r), a[0].Interface().(*model.Figure))), nil
		}
	case func(Page, float64) string: // Num, Money
		return func(res *tmplexec.Results, r reflect.Value, a []reflect.Value) (reflect.Value, error) {
			return res.String(f(recv(r), a[0].Float())), nil
		}
	case func(Page, string) (*model.Page, error): // Get
		return func(res *tmplexec.Results, r reflect.Value, a []reflect.Value) (reflect.Value, error) {
			p, err := f(recv(r), a[0].String())
			return reflect.ValueOf(p), err
		}
	case func(Page, string, *model.MenuEntry) bool: // IsMenuCurrent, HasMenuCurrent
		return func(res *tmplexec.Results, r reflect.Value, a []reflect.Value) (reflect.Value, error) {
			return reflect.ValueOf(f(recv(r), a[0].String(), a[1].Interface().(*model.MenuEntry))), nil
		}
	case func(Page) bool: // NotFound
		return func(res *tmplexec.Results, r reflect.Value, _ []reflect.Value) (reflect.Value, error) {
			return reflect.ValueOf(f(recv(r))), nil
		}
	case func(Page) template.HTML: // TableOfContents
		return func(res *tmplexec.Results, r reflect.Value, _ []reflect.Value) (reflect.Value, error) {
			return res.HTML(f(recv(r))), nil
		}
	case func(Page) []Chart:
		return func(res *tmplexec.Results, r reflect.Value, _ []reflect.Value) (reflect.Value, error) {
			return reflect.ValueOf(f(recv(r))), nil
		}
	case func(Page, []*model.Figure) FigureTable:
		return func(res *tmplexec.Results, r reflect.Value, a []reflect.Value) (reflect.Value, error) {
			return reflect.ValueOf(f(recv(r), a[0].Interface().([]*model.Figure))), nil
		}
	case func(Page) (*Pager, error): // Paginator
		return func(res *tmplexec.Results, r reflect.Value, _ []reflect.Value) (reflect.Value, error) {
			p, err := f(recv(r))
			return reflect.ValueOf(p), err
		}
	case func(Page) []*model.Language: // Languages
		return func(res *tmplexec.Results, r reflect.Value, _ []reflect.Value) (reflect.Value, error) {
			return reflect.ValueOf(f(recv(r))), nil
		}
	case func(Page) string: // FeedURL, and the model page's other strings
		return func(res *tmplexec.Results, r reflect.Value, _ []reflect.Value) (reflect.Value, error) {
			return res.String(f(recv(r))), nil
		}
	case func(*model.Language) string: // .Lang.FeedURL, SearchIndexURL
		return func(res *tmplexec.Results, r reflect.Value, _ []reflect.Value) (reflect.Value, error) {
			return res.String(f(r.Interface().(*model.Language))), nil
		}
	case func(*model.Language, string) string: // .Lang.T
		return func(res *tmplexec.Results, r reflect.Value, a []reflect.Value) (reflect.Value, error) {
			return res.String(f(r.Interface().(*model.Language), a[0].String())), nil
		}
	case func(*model.LangSite, string, string) *model.Page: // .Site.Page
		return func(_ *tmplexec.Results, r reflect.Value, a []reflect.Value) (reflect.Value, error) {
			return reflect.ValueOf(f(r.Interface().(*model.LangSite), a[0].String(), a[1].String())), nil
		}
	case func(*Pager) *Pager: // Prev, Next, First, Last
		return func(_ *tmplexec.Results, r reflect.Value, _ []reflect.Value) (reflect.Value, error) {
			return reflect.ValueOf(f(r.Interface().(*Pager))), nil
		}
	case func(*time.Time) bool: // .Date.IsZero, .Lastmod.IsZero
		return func(_ *tmplexec.Results, r reflect.Value, _ []reflect.Value) (reflect.Value, error) {
			return reflect.ValueOf(f(r.Interface().(*time.Time))), nil
		}
	case func(Page, ...any) (any, error): // Date
		return func(res *tmplexec.Results, r reflect.Value, a []reflect.Value) (reflect.Value, error) {
			args := make([]any, len(a))
			for i := range a {
				args[i] = a[i].Interface()
			}
			v, err := f(recv(r), args...)
			return tmplexec.Interface(v), err
		}
	}
	return nil
}

// recv is the Page a method is called on: a copy, as for any value
// receiver.
func recv(v reflect.Value) Page { return v.Interface().(Page) }
