package tmplexec

import (
	"bytes"
	"errors"
	"fmt"
	"html/template"
	"reflect"
	"strings"
	"testing"
)

// page is a dot with what layouts use: fields, promoted fields, methods
// with and without errors and arguments, maps and lists.
type page struct {
	*inner
	Title  string
	Count  int
	Ratio  float64
	Draft  bool
	HTML   template.HTML
	URL    template.URL
	Params map[string]any
	Tags   []string
	Nums   map[int]string
	Next   *page
	Kind   kind
	Any    any
}

type inner struct{ Deep string }

type kind string

func (p page) Upper(s string) string            { return strings.ToUpper(s) }
func (p page) Join(sep string, s ...any) string { return fmt.Sprint(sep, s) }
func (p page) Fail() (string, error)            { return "", errors.New("failed") }
func (p *page) Ptr() string                     { return "ptr:" + p.Title }
func (p page) Add(a, b int) int                 { return a + b }
func (p page) Half(f float64) float64           { return f / 2 }
func (p page) Self() page                       { return p }
func (p page) Wrap(s string) template.HTML      { return template.HTML("<b>" + s + "</b>") }
func (p page) PtrLen(s *string) int             { return len(*s) }

// testCalls calls some of page's methods directly, as a site's Calls do:
// their results are kept in Results.
func testCalls(fn any) Call {
	switch f := fn.(type) {
	case func(page, string) string: // Upper
		return func(res *Results, r reflect.Value, a []reflect.Value) (reflect.Value, error) {
			return res.String(f(r.Interface().(page), a[0].String())), nil
		}
	case func(page, string) template.HTML: // Wrap
		return func(res *Results, r reflect.Value, a []reflect.Value) (reflect.Value, error) {
			return res.HTML(f(r.Interface().(page), a[0].String())), nil
		}
	case func(page, string, ...any) string: // Join
		return func(res *Results, r reflect.Value, a []reflect.Value) (reflect.Value, error) {
			return res.String(f(r.Interface().(page), a[0].String(), anys(a[1:])...)), nil
		}
	}
	return nil
}

func testPage() page {
	return page{inner: &inner{Deep: "deep"}, Title: `Tom & "Jerry" <b>`, Count: 3, Ratio: 0.5, HTML: "<i>it</i>",
		URL: "javascript:x()", Params: map[string]any{"a": 1, "s": "str", "list": []int{1, 2}, "m": map[string]any{"x": "y"}},
		Tags: []string{"b", "a"}, Nums: map[int]string{2: "two", 1: "one"}, Next: &page{Title: "next"}, Kind: "page"}
}

var testFuncs = template.FuncMap{
	"add":  func(a, b int) int { return a + b },
	"dict": func(kv ...any) (map[string]any, error) { return map[string]any{fmt.Sprint(kv[0]): kv[1]}, nil },
	"boom": func() (string, error) { return "", errors.New("boom") },
}

// sameAsHTML runs text with data in html/template and in a Set (twice: the
// first run compiles) and fails when outputs or errors differ. It
// returns whether the second run took the fast path.
func sameAsHTML(t *testing.T, text string, data any) bool {
	t.Helper()
	want, wantErr := runHTML(text, data)
	set, err := template.New("t").Funcs(testFuncs).Parse(text)
	if err != nil {
		t.Fatalf("%q: %v", text, err)
	}
	x := NewSet(set, testFuncs, Options{Calls: testCalls})
	fast0, _, _ := Runs()
	for i := 0; i < 2; i++ {
		var b bytes.Buffer
		b.WriteString("keep")
		err := x.Execute(&b, "t", data)
		got := strings.TrimPrefix(b.String(), "keep")
		if fmt.Sprint(err) != fmt.Sprint(wantErr) || err == nil && got != want {
			t.Errorf("%q run %d:\n got %q, %v\nwant %q, %v", text, i, got, err, want, wantErr)
		}
	}
	fast, _, _ := Runs()
	return fast > fast0
}

func runHTML(text string, data any) (string, error) {
	set, err := template.New("t").Funcs(testFuncs).Parse(text)
	if err != nil {
		return "", err
	}
	var b bytes.Buffer
	err = set.Execute(&b, data)
	return b.String(), err
}

func TestSameAsHTMLTemplate(t *testing.T) {
	tests := []struct {
		text string
		fast bool // compiled and run without falling back
	}{
		{`<p title="{{.Title}}">{{.Title}}</p>`, true},
		{`{{.Deep}} {{.Count}} {{.Ratio}} {{.Draft}} {{.HTML}} <a href="{{.URL}}">{{.URL}}</a>`, true},
		{`<a href="/x?q={{.Title}}&b={{.Count}}">x</a><a href="{{.Title}}">`, true},
		{`{{.Params.a}} {{.Params.s}} {{.Params.missing}} {{.Params.m.x}} {{.Params.missing.x}}`, true},
		{`{{.Upper .Title}} {{.Upper "x"}} {{.Join "-" 1 "a" .Count}} {{.Next.Ptr}} {{.Add 1 2}} {{.Half 3.0}}`, true},
		{`{{.Self.Self.Title}} {{(.Self).Title}} {{$x := .Self}}{{$x.Title}}`, true},
		{`{{.Wrap .Title}} <a title="{{.Upper .Title}}" href="{{.Upper .Params.s}}">{{.Upper (.Upper .Title)}}</a>`, true},
		{`{{$u := .Upper "x"}}{{range .Tags}}{{$u = $.Upper .}}{{$u}}{{end}}{{$u}} {{if eq (.Upper "a") "A"}}yes{{end}}`, true},
		{`{{printf "%s|%v" (.Wrap .Title) (.Join "," .Tags)}} {{len (.Upper .Title)}} {{index (.Upper "ab") 1}}`, true},
		{`<script>var w = {{.Wrap .Title}}, u = {{.Upper .Title}};</script>`, true},
		{`{{(.Upper .Title).Nope}}`, false},
		{`{{.Upper .URL}}`, false},
		{`{{.PtrLen (.Upper .Title)}}`, false},
		{`{{.PtrLen .Next.Title}}`, false},
		// Escapers that each change the value, one after another and
		// action after action, reusing the state's two buffers.
		{`<a href="/{{.Title}}?q={{.Title}}" title="{{.Title}}" onclick="f({{.Title}}, '{{.Title}}')">{{.Title}}{{.Upper .Title}}</a>`, true},
		{`<a href={{.Title}} title={{.Title}}>{{.Title}}</a><script>var s = "{{.Title}}", r = /{{.Title}}/;</script>`, true},
		{`{{.Fail}}`, false},
		{`{{boom}}`, false},
		{`{{.Nope}}`, false},
		{`{{.Title.Nope}}`, false},
		{`{{.Half 3}} {{.Add 1.0 2}}`, true},
		{`{{.Ptr}}`, false},
		{`{{if .Draft}}d{{else if .Count}}c{{else}}e{{end}}{{with .Params.s}}{{.}}{{else}}none{{end}}{{with .Params.zz}}x{{else with .Tags}}{{.}}{{end}}`, true},
		{`{{range .Tags}}[{{.}}]{{else}}none{{end}}{{range $i, $t := .Tags}}{{$i}}={{$t}} {{end}}{{range $k, $v := .Nums}}{{$k}}:{{$v}};{{end}}`, true},
		{`{{range .Params.missing}}x{{else}}empty{{end}}{{range 3}}{{.}}{{end}}{{range $i := 2}}{{$i}}{{end}}`, true},
		{`{{range $i, $t := .Tags}}{{if eq $i 1}}{{break}}{{end}}{{$t}}{{end}}|{{range .Tags}}{{if eq . "b"}}{{continue}}{{end}}{{.}}{{end}}`, true},
		{`{{$n := 0}}{{range .Tags}}{{$n = add $n 1}}{{end}}{{$n}}`, true},
		{`{{define "x"}}<{{.}}>{{$}}{{end}}{{template "x" .Title}}{{template "x" .Count}}{{block "y" .}}{{.Kind}}{{end}}`, true},
		{`{{eq .Kind "page"}} {{ne .Count 3}} {{lt .Count 4}} {{le 2 2}} {{gt 1.5 .Ratio}} {{ge "a" "b"}} {{eq .Count 1 2 3}} {{eq .Next .Next}}`, true},
		{`{{eq .Count "x"}}`, false},
		{`{{and .Count .Title}} {{or .Draft .Params.missing}} {{and .Draft .Nope}} {{not .Draft}} {{len .Tags}} {{len .Title}}`, true},
		{`{{index .Tags 1}} {{index .Params "s"}} {{index .Params "list" 0}} {{index .Nums 3}}`, true},
		{`{{print .Count "a" .Ratio nil}} {{println .Title}} {{js .Title}} {{printf "%d" .Count}}`, true},
		{`{{html .Title}} {{urlquery .Title}} {{.Count | html}} {{html .Title .Count nil .Next}} <a href="/s?q={{.Title | urlquery}}&r={{urlquery .Tags}}">`, true},
		{`<a title="{{.HTML | html}}" href="{{.URL | urlquery}}">{{.Params.missing | html}}`, true},
		{`{{.Count | add 2}} {{.Title | printf "%s!"}} {{"lit"}} {{3}} {{1.5}} {{true}}`, true},
		{`{{nil | print}}`, false},
		{`<script>var x = {{.Title}}, y = {{.Count}}, z = {{.Params}}, n = {{.Params.missing}};</script>`, true},
		{`<div style="color: {{.Kind}}">`, true},
		{`<title>{{.Title}} {{.HTML}}</title><textarea>{{.HTML}}</textarea>`, true},
		{`<a title="{{.HTML}}">`, false},
		{`<a href="{{.Params.s}}" title={{.Title}}>`, true},
		{`{{with $x := .Params}}{{$x.s}}{{end}}{{$y := 1}}{{if true}}{{$y = 2}}{{end}}{{$y}}`, true},
		{`{{range $k, $v := .Params}}{{$k}}{{end}}`, true},
		{`{{.Any}} {{with .Any}}x{{end}} {{.Next.Next}} {{.Next.Next.Title}}`, false},
	}
	for _, tt := range tests {
		if fast := sameAsHTML(t, tt.text, testPage()); fast != tt.fast {
			t.Errorf("%q: fast path %v, want %v", tt.text, fast, tt.fast)
		}
	}
}

// TestBailOutDiscardsOutput runs a compiled template on data it bails out
// on after writing: what it wrote must be taken back, and the output be
// html/template's alone, after what the buffer held before.
func TestBailOutDiscardsOutput(t *testing.T) {
	text := `<p>{{.Title}}</p>{{range $k, $v := .Any}}{{$k}}{{end}}<p>{{.Count}}</p>`
	set := NewSet(template.Must(template.New("t").Parse(text)), nil, Options{})
	p := testPage()
	for range 2 { // compiled after the first
		if err := set.Execute(new(bytes.Buffer), "t", p); err != nil {
			t.Fatal(err)
		}
	}
	p.Any = map[bool]int{true: 1, false: 0} // fmtsort's order for bools is left to text/template
	want, _ := runHTML(text, p)
	_, bailed0, _ := Runs()
	var b bytes.Buffer
	b.WriteString("before")
	if err := set.Execute(&b, "t", p); err != nil {
		t.Fatal(err)
	}
	if _, bailed, _ := Runs(); bailed != bailed0+1 {
		t.Errorf("the run did not bail out")
	}
	if b.String() != "before"+want {
		t.Errorf("got %q, want %q", b.String(), "before"+want)
	}
}

// passed is an error Options.Passed lets a fast run end with.
type passed struct{}

func (passed) Error() string { return "passed" }

// TestPassedErrors: an error of a called function that Options.Passed
// names ends a fast run as it is, without html/template running the
// template again; other errors are html/template's.
func TestPassedErrors(t *testing.T) {
	fail := true
	funcs := template.FuncMap{"f": func(pass bool) (string, error) {
		switch {
		case !fail:
			return "ok", nil
		case pass:
			return "", passed{}
		}
		return "", errors.New("other")
	}}
	set := NewSet(template.Must(template.New("t").Funcs(funcs).Parse(`<p>{{f .}}</p>`)), funcs,
		Options{Passed: func(err error) bool { return errors.As(err, new(passed)) }})
	fail = false
	if err := set.Execute(new(bytes.Buffer), "t", true); err != nil { // compiles it
		t.Fatal(err)
	}
	fail = true
	_, _, slow0 := Runs()
	var b bytes.Buffer
	if err := set.Execute(&b, "t", true); !errors.As(err, new(passed)) || b.Len() != 0 {
		t.Errorf("got %q, %v; want nothing and the passed error", b.String(), err)
	}
	if _, _, slow := Runs(); slow != slow0 {
		t.Errorf("html/template ran")
	}
	err := set.Execute(new(bytes.Buffer), "t", false)
	if want := `template: t:1:5: executing "t" at <f .>: error calling f: other`; fmt.Sprint(err) != want {
		t.Errorf("got %v, want %s", err, want)
	}
}
