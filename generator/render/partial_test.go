package render

import "testing"

// A page counts the partials it is passed through: it may go
// maxPartialNesting deep, not one further, whatever other pages do.
func TestNestedCountsOnThePage(t *testing.T) {
	var p Page
	for i := range maxPartialNesting {
		var err error
		if p, err = nested("tree.html", p); err != nil {
			t.Fatalf("partial %d deep: %v", i+1, err)
		}
	}
	if _, err := nested("tree.html", Page{}); err != nil {
		t.Errorf("another page, at the top: %v", err)
	}
	_, err := nested("tree.html", p)
	want := `partial "tree.html": partials call each other more than 100 deep; does one call itself without end?`
	if err == nil || err.Error() != want {
		t.Errorf("one deeper: %v, want %q", err, want)
	}
}
