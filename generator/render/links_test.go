package render

import (
	"strings"
	"testing"
)

// TestIDList: a page's packed heading ids hold each id, and only those:
// not a part of one, nor two run together, nor one whose length (past a
// byte of uvarint) is taken for text.
func TestIDList(t *testing.T) {
	long := strings.Repeat("长", 100) // 300 bytes: a length of two bytes
	ids := packIDs([]string{"a", "bc", long, "\x02xy", "新闻"})
	for _, tc := range []struct {
		id   string
		want bool
	}{
		{"a", true}, {"bc", true}, {long, true}, {"\x02xy", true}, {"新闻", true},
		{"b", false}, {"abc", false}, {"", false}, {long[:3], false}, {"xy", false}, {"新", false},
	} {
		if got := ids.has(tc.id); got != tc.want {
			t.Errorf("has(%q) = %v, want %v", tc.id, got, tc.want)
		}
	}
	if none := packIDs(nil); none != "" || none.has("") {
		t.Errorf("no ids: %q", none)
	}
	if empty := packIDs([]string{""}); !empty.has("") || empty.has("a") {
		t.Errorf("an empty id: %q", empty)
	}
}
