package markdown

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
)

// figureCall stands in for the figure shortcode: one figure, "x".
func figureCall(name string, args []string) (string, error) {
	if name != "figure" || len(args) != 1 || args[0] != "x" {
		return "", errors.New("no such figure")
	}
	return "3*10_亿", nil
}

func TestExpandShortcodes(t *testing.T) {
	tests := []struct{ src, want, err string }{
		{`总投资{{< figure "x" >}}。`, `总投资3\*10\_亿。`, ""},
		{"甲\n乙{{< figure \"y\" >}}", "甲\n乙", "2:2: no such figure"},
		{"第一行\n{{<", "第一行\n{{<", `2:1: "{{<" starts no shortcode call: write {{< name "arg" >}} or {{< name key="value" >}}`},
		{`{{< figure "x" >}} and {{< x`, `3\*10\_亿 and {{< x`, `1:24: shortcode "x" is not closed with >}}`},
		{"no calls", "no calls", ""},
	}
	for _, tt := range tests {
		out, errs := ExpandShortcodes([]byte(tt.src), figureCall)
		if string(out) != tt.want || errs.joined() != tt.err {
			t.Errorf("ExpandShortcodes(%q) = %q, %q; want %q, %q", tt.src, out, errs.joined(), tt.want, tt.err)
		}
	}
}

func (l Errors) joined() string {
	if len(l) == 0 {
		return ""
	}
	return l.Error()
}

// FuzzShortcodes expands any text with stand-in shortcodes and converts
// the result: errors are inside the text as written, a text without errors
// has no call left unexpanded, and no placeholder reaches the HTML.
func FuzzShortcodes(f *testing.F) {
	for _, seed := range []string{
		`总投资{{< figure "x" >}}。`,
		`{{< figure "x" "bare" >}}级`,
		`{{< video "x" >}}`,
		`{{< figure >}}`,
		"第一行\n{{<",
		"{{< b k=\"v\" >}}\n**inner** {{< t \"a\" >}}\n{{< /b >}}",
		"{{< b `raw \"q\"` />}} {{</* b \"x\" */>}} {{< /b >}} {{% b %}}",
		"```\n{{< b >}}\n```\n[a]({{< b >}} \"{{< b >}}\")",
		"{{< b >}}{{< b >}}x{{< /b >}}\n## h {{{< b >}}}",
	} {
		f.Add(seed)
	}
	c := New(Options{})
	f.Fuzz(func(t *testing.T, body string) {
		if strings.ContainsRune(body, placeholderMark) {
			return // no content file holds a control character: load refuses it
		}
		x, errs := Expand([]byte(body), testShortcode(c))
		lines := strings.Count(body, "\n") + 1
		for _, e := range errs {
			if e.Line < 1 || e.Line > lines || e.Col < 1 {
				t.Fatalf("error without a true position: %v", e)
			}
		}
		if len(errs) > 0 {
			return
		}
		if !strings.Contains(body, "/*") && strings.Contains(string(x.Text), "{{<") {
			t.Fatalf("a shortcode was left in the text without an error: %q", x.Text)
		}
		doc, err := c.ConvertPage(x.Text, Page{Shortcodes: x.HTML})
		if err != nil {
			var list Errors
			if !asErrors(x.Place(err), &list) {
				t.Fatalf("error %T %v, want Errors", err, err)
			}
			for _, e := range list {
				if e.Line < 1 || e.Line > lines || e.Col < 1 {
					t.Fatalf("error without a true position: %v", e)
				}
			}
			return
		}
		if strings.ContainsRune(string(doc.HTML), placeholderMark) {
			t.Fatalf("a placeholder reached the HTML: %q", doc.HTML)
		}
	})
}

// TestShortcodeLimits: a text of many or deeply nested calls takes no
// longer than a plain one. Paired calls nest at most MaxShortcodeNesting
// deep (each level's inner text is expanded again); a text with many broken
// calls lists the first maxErrors; closing tags are paired in one pass.
func TestShortcodeLimits(t *testing.T) {
	nested := func(n int) string {
		return strings.Repeat("{{< b >}}\n", n) + "x\n" + strings.Repeat("{{< /b >}}\n", n)
	}
	unclosed := make([]string, maxErrors+1)
	for i := range maxErrors {
		unclosed[i] = fmt.Sprintf("1:%d: {{< /c >}} closes no {{< c >}} before it", 10*maxErrors*10+i*10+1)
	}
	unclosed[maxErrors] = fmt.Sprintf("1:%d: more problems from here on are not listed", 10*maxErrors*10+maxErrors*10+1)
	tests := []struct{ name, src, want string }{
		{"nesting at the limit", nested(MaxShortcodeNesting), ""},
		{"nesting past it", nested(40_000), "21:1: paired shortcodes nest 21 deep here; the limit is 20"},
		{"many failing calls", strings.Repeat("{{< bad >}}\n", 50_000), firstErrors("bad call")},
		{"many broken tags", strings.Repeat("{{< b `\n", 100_000), firstErrors(`shortcode "b" is not closed with >}}`)},
		{"many closing tags of no call", strings.Repeat("{{< t >}} ", 10*maxErrors) + strings.Repeat("{{< /c >}}", 100_000),
			strings.Join(unclosed, "\n")},
		{"size as written", "{{< b >}}\n" + strings.Repeat("a\n", MaxBytes/2) + "{{< /b >}}",
			"524285:1: the text passes the limit of 1,048,576 bytes (1 MiB) on this line; it is 1,048,596 bytes in all: split it into several pages"},
		{"closing tags far from their calls", strings.Repeat("{{< t >}}", 100_000) + strings.Repeat("{{< b >}}", 10) + strings.Repeat("{{< /b >}}", 10), ""},
	}
	c := New(Options{})
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, errs := Expand([]byte(tt.src), testShortcode(c))
			if got := errs.joined(); got != tt.want {
				t.Errorf("got:\n%s\nwant:\n%s", got, tt.want)
			}
		})
	}
}

// firstErrors is what a text of one failing call a line reports: msg on
// each of its first maxErrors lines, and a note.
func firstErrors(msg string) string {
	lines := make([]string, maxErrors+1)
	for i := range maxErrors {
		lines[i] = fmt.Sprintf("%d:1: %s", i+1, msg)
	}
	lines[maxErrors] = fmt.Sprintf("%d:1: more problems from here on are not listed", maxErrors+1)
	return strings.Join(lines, "\n")
}

// TestPairMatchesNearestOpen: pair, which indexes calls by name, pairs
// every closing tag as the plain rule says: with the nearest open call of
// its name before it, dropping the calls opened after that one.
func TestPairMatchesNearestOpen(t *testing.T) {
	nearest := func(tags []tag) {
		var open []int
		for i := range tags {
			switch t := &tags[i]; {
			case t.literal || t.selfClosed:
			case !t.closing:
				open = append(open, i)
			default:
				j := len(open) - 1
				for j >= 0 && tags[open[j]].name != t.name {
					j--
				}
				if j >= 0 {
					o := &tags[open[j]]
					o.paired, o.inner, o.end = true, [2]int{o.end, t.start}, t.end
					open = open[:j]
				}
			}
		}
	}
	r := rand.New(rand.NewPCG(1, 2))
	src := make([]byte, 200)
	for range 30_000 {
		var got, want []tag
		for i := range r.IntN(14) {
			t := tag{start: i * 10, end: i*10 + 5, name: string(rune('a' + r.IntN(3))), closing: r.IntN(2) == 0, selfClosed: r.IntN(8) == 0}
			got, want = append(got, t), append(want, t)
		}
		pair(src, got)
		nearest(want)
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Fatalf("pair:\n%v\nwant:\n%v", got, want)
		}
	}
}
