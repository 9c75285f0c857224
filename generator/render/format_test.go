package render

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"westcoast/generator/model"
)

func TestSprintf(t *testing.T) {
	tests := []struct {
		format string
		args   []any
		want   string // the output, or the error when it starts with "error: "
	}{
		{"about %s", []any{"42"}, "about 42"},
		{"%d pages", []any{3}, "3 pages"},
		{"100%% of %s", []any{"it"}, "100% of it"},
		{"%[2]s的%[1]s", []any{"a", "b"}, "b的a"},
		{"%5.1f|%-3d|%+d", []any{2.25, 7, 1}, "  2.2|7  |+1"},
		{"title with %! inside", nil, "error: \"title with %! inside\" wants 1 value but gets none"},
		{"no verbs", nil, "no verbs"},
		{"updated %s", nil, "error: \"updated %s\" wants 1 value but gets none"},
		{"updated %s on %s", []any{"a"}, "error: \"updated %s on %s\" wants 2 values but gets 1"},
		{"one page", []any{1}, "error: \"one page\" wants 0 values but gets 1"},
		{"%s and %s", []any{"a", "b", "c"}, "error: \"%s and %s\" wants 2 values but gets 3"},
		{"%[3]s", []any{"a", "b"}, "error: \"%[3]s\" does not fit the 2 values it gets"},
		{"50%", []any{1}, "error: \"50%\" does not fit the 1 value it gets"},
		{"%*d", []any{3, 4}, "error: \"%*d\" does not fit the 2 values it gets"},
		{"%d pages", []any{"three"}, `error: %d cannot show the text "three"`},
		{"%d", []any{2.5}, "error: %d cannot show the number 2.5"},
		{"%s", []any{nil}, "error: %s cannot show nothing"},
		{"%w", []any{"x"}, `error: "%w" does not fit the 1 value it gets`},
		{"%d", []any{&model.Page{}}, "error: %d cannot show a page"},
		{"%s", []any{"a value with %!s(MISSING) in it"}, "a value with %!s(MISSING) in it"},
	}
	for _, tt := range tests {
		got, err := sprintf(tt.format, tt.args...)
		if err != nil {
			got = "error: " + err.Error()
		}
		if got != tt.want {
			t.Errorf("sprintf(%q, %v):\n got  %s\n want %s", tt.format, tt.args, got, tt.want)
		}
	}
}

// FuzzCheckFormat holds checkFormat to fmt itself: a format passes exactly
// when fmt writes none of its "%!" faults. Formats with "!" of their own
// are left out, as fmt's faults could not be told from their text.
func FuzzCheckFormat(f *testing.F) {
	for _, s := range []string{"%s", "%d pages", "%[2]s %[1]s", "%5.2f", "100%%", "%", "%-+# 0v", "%.*d", "%[0]d", "%[x]s", "%w", "%6[1]d", "约%s"} {
		f.Add(s, uint8(1))
	}
	f.Fuzz(func(t *testing.T, format string, n uint8) {
		if strings.Contains(format, "!") || strings.Contains(format, "*") {
			t.Skip()
		}
		args := []any{"text", 7, 2.5, true}[:n%5]
		err := checkFormat(format, args)
		out := fmt.Sprintf(format, args...)
		if faulty := strings.Contains(out, "%!"); faulty != (err != nil) {
			t.Errorf("checkFormat(%q, %v) = %v, but fmt writes %q", format, args, err, out)
		}
	})
}

// The patterns compiled on first need still compile: a typo in one would
// otherwise show only when a build first meets the fault it reads.
func TestLazyPatternsCompile(t *testing.T) {
	for _, re := range []func() *regexp.Regexp{fmtFault, parseFault, execFault, namedFault, nodePlace, contextDump, calling, goType, packagePrefix} {
		_ = re() // panics if the pattern does not compile
	}
	if len(execRewrites()) == 0 {
		t.Error("no rewrites of execution faults")
	}
	if aliasPage() == nil {
		t.Error("no alias page template")
	}
}
