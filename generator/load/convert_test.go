package load

import (
	"testing"

	"westcoast/generator/markdown"
)

// TestFigureKeepsItsUnit: a figure quoted in text is one unbreakable run,
// so that a narrow screen never ends a line in "CNY 42" and starts the next
// with "billion".
func TestFigureKeepsItsUnit(t *testing.T) {
	s, err := Load(site(map[string]string{
		"content/a.toml": "[[figures]]\nid = \"x\"\nkind = \"money\"\nvalue = 42e9\nlabel = { zh = \"甲\", en = \"A\" }\n" +
			"[[figures]]\nid = \"n\"\nkind = \"count\"\nvalue = 9\nunit = { zh = \"个\", en = \"urban renewal projects\" }\nlabel = { zh = \"乙\", en = \"B\" }\n",
	}), Options{}, markdown.New())
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct{ lang, text, want string }{
		{"en", `worth {{< figure "x" >}} in all`, "worth CNY\u00a042\u00a0billion in all"},
		{"en", `{{< figure "x" "bare" >}}-class`, "42\u00a0billion-class"},
		{"en", `the {{< figure "n" >}} under way`, "the 9\u00a0urban\u00a0renewal\u00a0projects under way"},
		{"zh", `总投资{{< figure "x" >}}。`, "总投资420亿元。"},
	}
	for _, tt := range tests {
		out, errs := expandShortcodes(s.Page(tt.lang, "a"), "content/a."+tt.lang+".md", 4, []byte(tt.text))
		if len(errs) > 0 {
			t.Fatalf("%s: %v", tt.text, errs)
		}
		if string(out) != tt.want {
			t.Errorf("%s %s: got %q, want %q", tt.lang, tt.text, out, tt.want)
		}
	}
}
