package model

import "testing"

// A figure quoted in text is one unbreakable run, so that a narrow screen
// never ends a line in "CNY 42" and starts the next with "billion"; and a
// shortcode names what is wrong with it.
func TestFigureShortcode(t *testing.T) {
	figures := []*Figure{
		{ID: "x", Value: 42e9, Measure: &Measure{Kind: "money"}},
		{ID: "n", Value: 9, Measure: &Measure{Kind: "count", Unit: Texts{{"zh", "个"}, {"en", "urban renewal projects"}}}},
	}
	site := &LangSite{Site: &Site{}}
	other := &Page{Lang: en, Key: "other", Source: "content/other.en.md", Figures: []*Figure{{ID: "y", Value: 5, Measure: &Measure{Kind: "percent"}}}, Site: site}
	site.Pages = []*Page{other}
	site.Index()
	tests := []struct {
		lang *Language
		args []string
		want string
	}{
		{en, []string{"x"}, "CNY\u00a042\u00a0billion"},
		{en, []string{"x", "bare"}, "42\u00a0billion"},
		{en, []string{"n"}, "9\u00a0urban\u00a0renewal\u00a0projects"},
		{zh, []string{"x"}, "420亿元"},
		{en, []string{"/other/#y"}, "5%"},
		{en, []string{"nope"}, `error: figure "nope": content/a.en.md has no figure with that id`},
		{en, []string{"/gone/#y"}, `error: figure "/gone/#y": no page at /gone`},
		{en, []string{"x", "wide"}, `error: figure form "wide": the one form is "bare"`},
		{en, nil, `error: figure takes an id and an optional form: {{< figure "id" "bare" >}}`},
	}
	for _, tt := range tests {
		p := &Page{Lang: tt.lang, Source: "content/a.en.md", Figures: figures, Site: site}
		got, err := p.FigureShortcode("figure", tt.args)
		if err != nil {
			got = "error: " + err.Error()
		}
		if got != tt.want {
			t.Errorf("%s %q: got %q, want %q", tt.lang.Code, tt.args, got, tt.want)
		}
	}
	if _, err := (&Page{Lang: en}).FigureShortcode("video", nil); err == nil || err.Error() != `unknown shortcode "video": the one shortcode is figure` {
		t.Errorf("unknown shortcode: %v", err)
	}
}
