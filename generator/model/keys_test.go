package model

import "testing"

func TestKeyPositions(t *testing.T) {
	at := func(line int) Pos { return Pos{File: "content/a.zh.md", Line: line, Col: 1} }
	var k KeyPositions
	k = k.With("layout", at(2)).With("summary", at(3)).With("layout", at(5))
	for _, tc := range []struct {
		key   string
		want  Pos
		found bool
	}{
		{"layout", at(5), true}, // the later place, in the earlier's stead
		{"summary", at(3), true},
		{"slug", Pos{}, false},
	} {
		got, found := k.Find(tc.key)
		if got != tc.want || found != tc.found {
			t.Errorf("Find(%q) = %v, %v; want %v, %v", tc.key, got, found, tc.want, tc.found)
		}
	}
	if len(k) != 2 {
		t.Errorf("%d entries, want 2: %v", len(k), k)
	}
}

func TestTextsIn(t *testing.T) {
	texts := Texts{{"zh", "个"}, {"en", "projects"}}
	for code, want := range map[string]string{"zh": "个", "en": "projects", "fr": ""} {
		if got := texts.In(code); got != want {
			t.Errorf("In(%q) = %q, want %q", code, got, want)
		}
	}
}
