package load

import (
	"strings"
	"testing"
)

// A summary's faults are at its key: its lines are a TOML string's, not the
// file's.
func TestSummaryErrors(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string
		want  string
	}{
		{"list in a summary",
			map[string]string{"content/a.zh.md": "+++\ntitle = \"甲\"\nsummary = \"- a\\n- b\"\n+++\n"},
			`content/a.zh.md:3:1: summary: found a list; a summary is one paragraph of inline Markdown (text, emphasis, links)`},
		{"second paragraph in a summary",
			map[string]string{"content/a.zh.md": "+++\ntitle = \"甲\"\nsummary = \"a\\n\\nb\"\n+++\n"},
			`content/a.zh.md:3:1: summary: found a second paragraph; a summary is one paragraph of inline Markdown (text, emphasis, links)`},
		{"summary nested past the limit",
			map[string]string{"content/a.zh.md": "+++\ntitle = \"甲\"\nsummary = \"" + strings.Repeat("- ", 101) + "x\"\n+++\n"},
			`content/a.zh.md:3:1: summary: lists, block quotes and footnotes nest 101 deep here; the limit is 100`},
		{"unknown figure in a summary",
			map[string]string{"content/a.zh.md": "+++\ntitle = \"甲\"\nsummary = \"共{{< figure \\\"nope\\\" >}}\"\n+++\n"},
			`content/a.zh.md:3:1: summary: figure "nope": content/a.zh.md has no figure with that id`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			wantLoad(t, tt.files, tt.want)
		})
	}
}
