package markdown

import (
	"errors"
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

func FuzzShortcodes(f *testing.F) {
	for _, seed := range []string{
		`总投资{{< figure "x" >}}。`,
		`{{< figure "x" "bare" >}}级`,
		`{{< video "x" >}}`,
		`{{< figure >}}`,
		"第一行\n{{<",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, body string) {
		out, errs := ExpandShortcodes([]byte(body), figureCall)
		lines := strings.Count(body, "\n") + 1
		for _, e := range errs {
			if e.Line < 1 || e.Line > lines || e.Col < 1 {
				t.Fatalf("error without a true position: %v", e)
			}
		}
		if len(errs) == 0 && strings.Contains(string(out), "{{<") {
			t.Fatalf("a shortcode was left in the text without an error: %q", out)
		}
	})
}
