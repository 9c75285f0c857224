package model

import (
	"maps"
	"testing"
)

// A page's figures bring their ids, and their charts' titles' ids, each
// with the words an error about it uses.
func TestOwnIDs(t *testing.T) {
	p := &Page{Figures: []*Figure{{ID: "tax-share", Measure: &Measure{Chart: "tax"}}, {ID: `say"hi"`, Measure: &Measure{}}}}
	want := map[string]string{
		"tax-share":       `figure "tax-share" of this page`,
		"chart-tax-title": `the title of this page's "tax" chart`,
		`say"hi"`:         `figure "say\"hi\"" of this page`,
	}
	if got := p.OwnIDs(); !maps.Equal(got, want) {
		t.Errorf("OwnIDs() = %q, want %q", got, want)
	}
	if got := (&Page{}).OwnIDs(); got != nil {
		t.Errorf("a page without figures: %q, want none", got)
	}
}
