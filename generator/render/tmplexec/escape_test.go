package tmplexec

import (
	"bytes"
	"fmt"
	"html/template"
	"testing"
)

// escapeContexts are one-action templates whose action html/template
// escapes with each of the escapers we implement (the comment names them).
var escapeContexts = []string{
	`{{.}}`,                           // htmlescaper
	`<a title="{{.}}">`,               // attrescaper
	`<a title='{{.}}'>`,               // attrescaper
	`<a title={{.}}>`,                 // nospaceescaper
	`<title>{{.}}</title>`,            // rcdataescaper
	`<textarea>{{.}}</textarea>`,      // rcdataescaper
	`<a href="{{.}}">`,                // urlfilter, urlnormalizer, attrescaper
	`<a href={{.}}>`,                  // urlfilter, urlnormalizer, nospaceescaper
	`<a href="/s?q={{.}}&x=1">`,       // urlescaper, attrescaper
	`<a href="{{.}}/x">`,              // urlfilter, urlnormalizer, attrescaper
	`<p style="color: {{.}}">`,        // cssvaluefilter, attrescaper
	`<script>var x = {{.}};</script>`, // jsvalescaper
	`<button onclick="f({{.}})">`,     // jsvalescaper, attrescaper
	`<script type="application/ld+json">{{.}}</script>`, // jsvalescaper
	`<!-- {{.}} -->x`,                        // commentescaper
	`<script>var s = "{{.}}";</script>`,      // jsstrescaper
	`<a onclick='f("x{{.}}")'>`,              // jsstrescaper, attrescaper
	"<script>var t = `a${1}{{.}}`;</script>", // jstmpllitescaper
	`<script>var r = /x{{.}}y/;</script>`,    // jsregexpescaper
}

// named is a string type html/template does not know: it is printed as
// fmt prints it.
type named string

type stringerValue struct{ s string }

func (s stringerValue) String() string { return "<" + s.s + ">" }

// escapeValue makes a value of one of the kinds an escaper meets from s.
func escapeValue(s string, kind uint8) any {
	switch kind % 16 {
	case 0:
		return s
	case 1:
		return template.HTML(s)
	case 2:
		return template.URL(s)
	case 3:
		return template.JS(s)
	case 4:
		return template.CSS(s)
	case 5:
		return template.HTMLAttr(s)
	case 6:
		return template.Srcset(s)
	case 7:
		return template.JSStr(s)
	case 8:
		return len(s)
	case 9:
		return float64(len(s)) / 3
	case 10:
		return len(s)%2 == 0
	case 11:
		return nil
	case 12:
		return &s
	case 13:
		return named(s)
	case 14:
		return stringerValue{s}
	}
	return []string{s, s}
}

// FuzzEscapers checks that our escapers write what html/template's do,
// for every kind of value, in every context.
func FuzzEscapers(f *testing.F) {
	for _, s := range []string{"", "a b", `<b>"x" & 'y'</b>`, "javascript:alert(1)", "http://x.org/a b?c=d&e=%zz%41",
		"\x00\ufdd0\uffff\u2028", "red; background: url(x)", "expression(x)", "a--b", "中文 +=`", "/x,y 2x", `\61`,
		"a.png 1x, javascript:x 2x,\t/b%20c.png\f100w", "x.png 1x!",
		"expres-sion", "Moz-Binding: x", "\xff\xe2\x80\xe2\x80\xa9\xef\xbf", "a,b.png 2x,,", "\ufffd\ufdef\ufff0 \x7f"} {
		for k := range 16 {
			f.Add(s, uint8(k))
		}
	}
	sets := make([]*Set, len(escapeContexts))
	for i, text := range escapeContexts {
		sets[i] = NewSet(template.Must(template.New("t").Parse(text)), nil, Options{})
		if err := sets[i].Execute(new(bytes.Buffer), "t", "warm up"); err != nil {
			f.Fatal(err)
		}
	}
	f.Fuzz(func(t *testing.T, s string, kind uint8) {
		for i, text := range escapeContexts {
			want, wantErr := runHTML(text, escapeValue(s, kind))
			var got bytes.Buffer
			err := sets[i].Execute(&got, "t", escapeValue(s, kind))
			if got.String() != want || fmt.Sprint(err) != fmt.Sprint(wantErr) {
				t.Errorf("%s with %T %q:\n got %q, %v\nwant %q, %v", text, escapeValue(s, kind), s, got.String(), err, want, wantErr)
			}
		}
	})
}

// TestEscapersCompiled makes sure FuzzEscapers tests our escapers, not
// html/template against itself: every context compiles and runs fast for
// plain text.
func TestEscapersCompiled(t *testing.T) {
	for _, text := range escapeContexts {
		set := NewSet(template.Must(template.New("t").Parse(text)), nil, Options{})
		for range 2 {
			if err := set.Execute(new(bytes.Buffer), "t", "x"); err != nil {
				t.Fatal(err)
			}
		}
		if set.entry("t").prog.Load() == nil {
			t.Errorf("%s is not compiled", text)
		}
		fast0, bailed0, _ := Runs()
		set.Execute(new(bytes.Buffer), "t", `a <b> "c"`)
		if fast, bailed, _ := Runs(); fast != fast0+1 || bailed != bailed0 {
			t.Errorf("%s did not run fast", text)
		}
	}
}
