package render

import (
	"strings"
	"testing"
)

func TestWrap(t *testing.T) {
	tests := []struct {
		text  string
		width float64
		want  []string
	}{
		{"Total investment in newly started projects", 200, []string{"Total investment in", "newly started projects"}},
		{"新开工项目总投资", 60, []string{"新开工项", "目总投资"}},
		{"short", 360, []string{"short"}},
		{"Projects going into production · Second half of the year", 360, []string{"Projects going into production · Second", "half of the year"}},
	}
	for _, tt := range tests {
		got := wrap(tt.text, tt.width)
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("wrap(%q, %g) = %q, want %q", tt.text, tt.width, got, tt.want)
		}
		for _, line := range got {
			if textWidth(line) > tt.width {
				t.Errorf("wrap(%q): line %q is %g wide, over %g", tt.text, line, textWidth(line), tt.width)
			}
		}
	}
}
