package markdown

import (
	"html/template"
	"strings"
	"testing"
)

// The typographer sets English punctuation and leaves Chinese, and code,
// as typed.
func TestTypographer(t *testing.T) {
	c := New(Options{Typographer: true})
	tests := []convertCase{
		{"quotes and apostrophes", `"Zones," she said, "it's 'ready'."`, `<p>“Zones,” she said, “it’s ‘ready’.”</p>`},
		{"dashes and ellipsis", "2024--2025 --- and so on...", "<p>2024–2025 — and so on…</p>"},
		{"angle quotes stay", "a << b >> c", "<p>a &lt;&lt; b &gt;&gt; c</p>"},
		{"Chinese quoted in English", `the "东家口" zone`, `<p>the &quot;东家口&quot; zone</p>`},
		{"Chinese punctuation", "他说：“好……”——完", "<p>他说：“好……”——完</p>"},
		{"beside Chinese", "港口--码头...再\"见\"", "<p>港口--码头...再&quot;见&quot;</p>"},
		{"code stays", "`\"a\" -- b...`", "<p><code>&quot;a&quot; -- b...</code></p>"},
	}
	for _, tt := range tests {
		got, err := c.Convert([]byte(tt.in), nil)
		if err != nil {
			t.Fatal(err)
		}
		if s := strings.TrimSpace(string(got)); s != tt.want {
			t.Errorf("%s: Convert(%q)\n got %q\nwant %q", tt.name, tt.in, s, tt.want)
		}
	}
	if got, _ := New(Options{}).Convert([]byte(`"a" -- b...`), nil); strings.TrimSpace(string(got)) != "<p>&quot;a&quot; -- b...</p>" {
		t.Errorf("without the typographer: %s", got)
	}
}

func TestTableOfContentsNesting(t *testing.T) {
	h := func(level int, id string) Heading { return Heading{Level: level, ID: id, Text: id} }
	tests := []struct {
		name string
		in   []Heading
		want string
	}{
		{"none", nil, ""},
		{"only h1 and h4", []Heading{h(1, "a"), h(4, "b")}, ""},
		{"flat", []Heading{h(2, "a"), h(2, "b")}, `<ul><li><a href="#a">a</a></li><li><a href="#b">b</a></li></ul>`},
		{"nested", []Heading{h(2, "a"), h(3, "b"), h(3, "c"), h(2, "d")},
			`<ul><li><a href="#a">a</a><ul><li><a href="#b">b</a></li><li><a href="#c">c</a></li></ul></li><li><a href="#d">d</a></li></ul>`},
		{"h3 first", []Heading{h(3, "a"), h(2, "b")},
			`<ul><li><ul><li><a href="#a">a</a></li></ul></li><li><a href="#b">b</a></li></ul>`},
		{"escaped", []Heading{{Level: 2, ID: `x"y`, Text: "<b>"}}, `<ul><li><a href="#x&#34;y">&lt;b&gt;</a></li></ul>`},
	}
	for _, tt := range tests {
		want := ""
		if tt.want != "" {
			want = `<nav id="TableOfContents">` + tt.want + "</nav>"
		}
		if got := TableOfContents(tt.in); string(got) != want {
			t.Errorf("%s:\n got %s\nwant %s", tt.name, got, want)
		}
	}
}

// testShortcode stands in for render's shortcodes: "b" writes HTML with
// its first argument, "t" text, "bad" fails; a paired call's inner text is
// expanded and converted.
func testShortcode(c *Converter) func(Call) (Expansion, error) {
	var expand func(Call) (Expansion, error)
	expand = func(call Call) (Expansion, error) {
		switch call.Name {
		case "t":
			return Expansion{Text: "*" + strings.Join(call.Args, ",") + "*"}, nil
		case "bad":
			return Expansion{}, errorString("bad call")
		}
		inner := template.HTML("")
		if call.Paired {
			x, errs := Expand(call.Inner, expand)
			if len(errs) > 0 {
				return Expansion{}, errs
			}
			doc, err := c.ConvertPage(x.Text, Page{Shortcodes: x.HTML})
			if err != nil {
				return Expansion{}, x.Place(err)
			}
			inner = doc.HTML
		}
		arg := call.Params["k"]
		if len(call.Args) > 0 {
			arg = call.Args[0]
		}
		return Expansion{HTML: template.HTML("<b>" + template.HTMLEscapeString(arg) + "</b>" + strings.TrimSpace(string(inner)))}, nil
	}
	return expand
}

type errorString string

func (e errorString) Error() string { return string(e) }

func TestExpand(t *testing.T) {
	c := New(Options{})
	tests := []struct{ name, src, want string }{
		{"inline", `a {{< b "x" >}} c`, "<p>a <b>x</b> c</p>"},
		{"alone, in place of the paragraph", "a\n\n{{< b k=\"y\" >}}\n\nc", "<p>a</p>\n<b>y</b>\n<p>c</p>"},
		{"text, kept literal", `{{< t "**" "_" >}}`, `<p>***,_*</p>`},
		{"paired and nested", "{{< b \"o\" >}}\n**m** {{< b \"i\" />}}\n{{< /b >}}", "<b>o</b><p><strong>m</strong> <b>i</b></p>"},
		{"self-closed", "{{< b />}}", "<b></b>"},
		{"literal", "`{{</* b \"x\" */>}}`", "<p><code>{{&lt; b &quot;x&quot; &gt;}}</code></p>"},
		{"escaped quote", `{{< b "say \"hi\"" >}}`, "<b>say &#34;hi&#34;</b>"},
		{"raw", "{{< b `a \"b\"` >}}", "<b>a &#34;b&#34;</b>"},
		{"a closing tag closes the nearest call of its name", "{{< b \"1\" >}}{{< b \"2\" >}}x{{< /b >}}", "<p><b>1</b><b>2</b><p>x</p></p>"},
		{"not a call", "{{ x }} and {{<", "<p>{{ x }} and {{&lt;</p>"},
		{"in a heading, not in its id", "## Title {{< b \"x\" >}}", `<h2 id="title">Title <b>x</b></h2>`},
	}
	for _, tt := range tests {
		x, errs := Expand([]byte(tt.src), testShortcode(c))
		if tt.name == "not a call" {
			if len(errs) != 1 {
				t.Errorf("%s: errors %v", tt.name, errs)
			}
			continue
		}
		if len(errs) > 0 {
			t.Errorf("%s: %v", tt.name, errs)
			continue
		}
		doc, err := c.ConvertPage(x.Text, Page{Shortcodes: x.HTML})
		if err != nil {
			t.Errorf("%s: %v", tt.name, err)
			continue
		}
		if got := strings.TrimSpace(string(doc.HTML)); got != tt.want {
			t.Errorf("%s: %q\n got %q\nwant %q", tt.name, tt.src, got, tt.want)
		}
	}
}

// Errors are at the call, or in its inner text, in the text as written,
// not in the expanded one.
func TestExpandErrors(t *testing.T) {
	c := New(Options{})
	tests := []struct{ src, want string }{
		{"第一行\n好{{< bad >}}", "2:2: bad call"},
		{"{{< b \"a\" k=\"b\" >}}", `1:1: shortcode "b" mixes positional and named parameters: use one kind`},
		{"{{< b k=\"a\" k=\"b\" >}}", `1:1: shortcode "b": parameter k is set twice`},
		{"{{< b \"a\n\" >}}", `1:1: shortcode "b": a quoted parameter ends at the end of its line: close it with "`},
		{"{{< b `a >}}", "1:1: shortcode \"b\": a `raw` parameter is not closed with `"},
		{"{{< /b x >}}", "1:1: {{< /b >}} takes no parameters"},
		{"x\n\n{{< /b >}}", "3:1: {{< /b >}} closes no {{< b >}} before it"},
		{"{{% b %}}", "1:1: {{% … %}} shortcodes are not supported: write {{< … >}} (the inner text of a paired call is Markdown already)"},
		{"{{< b >}}\n\n甲\n\n## h {style=\"x\"}\n{{< /b >}}", `5:7: heading attribute "style" is not allowed: content may set only {#id} and {.class}`},
		{"{{< b >}}乙{{< b >}}{{< bad >}}{{< /b >}}{{< /b >}}", "1:20: bad call"},
		{"{{< t \"长长长\" >}}{{< t >}}\n\n## a {style=\"x\"}", `3:7: heading attribute "style" is not allowed: content may set only {#id} and {.class}`},
		{"前{{< b >}}后\n\n```\n{{< b >}}\n```", "4:1: a shortcode's output cannot stand here (in code, or a link's title); to show the call itself in code, write {{</* name */>}}"},
		{"[a]({{< b >}})", "1:5: a shortcode cannot stand in a link's destination; write the address, or the path of the content file"},
	}
	for _, tt := range tests {
		x, errs := Expand([]byte(tt.src), testShortcode(c))
		var got error = errs
		if len(errs) == 0 {
			got = nil
			if _, err := c.ConvertPage(x.Text, Page{Shortcodes: x.HTML}); err != nil {
				got = x.Place(err)
			}
		}
		if errString(got) != tt.want {
			t.Errorf("%q:\n got %s\nwant %s", tt.src, errString(got), tt.want)
		}
	}
}
