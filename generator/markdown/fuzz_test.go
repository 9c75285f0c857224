package markdown

import (
	"html"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"
)

// fuzzMaxBytes caps the text FuzzConvert builds. A quarter of MaxBytes is
// enough for a construct that grows with the square of its length to show.
const fuzzMaxBytes = MaxBytes / 4

// FuzzConvert converts head followed by unit repeated times times, so that
// the fuzzer reaches the long runs ("[a](" thirty thousand times) that make
// goldmark slow. Go's fuzzer reports an input that runs ten seconds as a
// hang, and the limits keep any text under a second or two: a hang it
// finds is a construct the limits miss. The seeds are the worst inputs
// found. It checks what must hold of any result: errors point inside the
// text; ids are unique and never ones the page uses; and no element gets
// an attribute that content could restyle the page with.
func FuzzConvert(f *testing.F) {
	for _, seed := range []string{"**重点**\n继续", "他说：\n“你好”", "## 新闻标题 {#x}", "*斜体，*文字", "| a |\n|---|\n| b |", "__a__b_c_", "[x](y)\n中",
		"## Main\n\n## 标题 {.a #main-1}", "正文[^1]\n\n[^1]: 注", "## 甲 {style=\"x\" #y}",
		"- [x] 完成\n- [ ] todo", "见 https://example.org/a。www.x.org me@x.org", "~~“旧”~~新 ~a~ ~~~b~~~",
		"```go\nfunc f() {}\n```", "```\\\" onload=x\ny\n```", "![港口](a.jpg \"t\") ![\"\"](b.png) ![](c.gif)",
		"## 目录 {#TableOfContents}", "&\x1a0\x1a [a](&\x1a1\x1a)"} {
		f.Add("", seed, uint16(1))
	}
	for _, s := range []struct {
		head, unit string
		times      uint16
	}{
		{"", "[a](", 30000},
		{"", "*a_", 30000},
		{"", "*a ", 20000},
		{"", "![", 30000},
		{"", "- ", 200},
		{"", "> - ", 100},
		{"", ">", 200},
		{"## h ", "{a=", 30000},
		{"", "[](x)\n", 30000},
		{"", "[^1]: x\n", 2000},
		{"[^1]: x\n\n", "[^1]", 2000},
		{"|a|\n|-|\n", "|[a](", 30000},
		{"", "[0]: /u\n", 6000},
		{"", "## a\n", 20000},
		{"", "a\n", 6000},
		{"0", "~", 30000}, // goldmark's strikethrough read the rest of the run at each '~': 26 s for 256 KiB
		{"", "~a", 30000},
	} {
		f.Add(s.head, s.unit, s.times)
	}
	c := New(Options{ReservedIDs: testReserved})
	f.Fuzz(func(t *testing.T, head, unit string, times uint16) {
		src := repeat(head, unit, int(times))
		out, err := c.Convert([]byte(src), testPageIDs)
		if err != nil {
			checkErrors(t, src, err)
			return
		}
		checkHTML(t, src, string(out))
	})
}

// repeat builds head + unit×times, at most fuzzMaxBytes long.
func repeat(head, unit string, times int) string {
	if len(head) > fuzzMaxBytes {
		head = head[:fuzzMaxBytes]
	}
	if len(unit) == 0 {
		return head
	}
	times = max(1, min(times, (fuzzMaxBytes-len(head))/len(unit)))
	return head + strings.Repeat(unit, times)
}

func checkErrors(t *testing.T, src string, err error) {
	var list Errors
	if !asErrors(err, &list) || len(list) == 0 {
		t.Fatalf("error %T %v, want Errors", err, err)
	}
	lines := strings.SplitAfter(src, "\n")
	for _, e := range list {
		if e.Line < 1 || e.Line > len(lines) || e.Col < 1 || e.Col > utf8.RuneCountInString(lines[e.Line-1])+1 {
			t.Errorf("error outside the text (%d lines): %v", len(lines), e)
		}
	}
}

var (
	tagRE  = regexp.MustCompile(`<[a-zA-Z][a-zA-Z0-9]*([^>]*)>`)
	attrRE = regexp.MustCompile(`\s([^\s=]+)(?:="([^"]*)")?`)
)

// checkHTML checks every attribute goldmark wrote: only those it writes
// itself for links, images, lists, tables and footnotes, plus id and
// class; ids unique and not the page's.
func checkHTML(t *testing.T, src, out string) {
	ids := map[string]bool{}
	for _, tag := range tagRE.FindAllStringSubmatch(out, -1) {
		for _, a := range attrRE.FindAllStringSubmatch(tag[1], -1) {
			name, value := a[1], html.UnescapeString(a[2])
			switch name {
			case "href", "src", "alt", "title", "role", "start", "class",
				"tabindex", "loading", "decoding", // code blocks and images, as the converter writes them
				"checked", "disabled", "type": // task lists' check boxes
			case "style":
				if !regexp.MustCompile(`^text-align:(left|right|center)$`).MatchString(value) {
					t.Errorf("style=%q in %q", value, src)
				}
			case "id":
				_, layout := testReserved[value]
				_, page := testPageIDs[value]
				if ids[value] || layout || page {
					t.Errorf("id %q twice or reserved in %q:\n%s", value, src, out)
				}
				ids[value] = true
			default:
				t.Errorf("attribute %s=%q in %q", name, value, src)
			}
		}
	}
}
