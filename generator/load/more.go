package load

import (
	"bytes"
	"fmt"
	"strings"

	"westcoast/generator/markdown"
	"westcoast/generator/model"
)

// MoreDivider is Hugo's summary divider: the text before it, on a line of
// its own, is the page's summary when front matter sets none.
const MoreDivider = "<!--more-->"

// moreSummary is the text before a page's <!--more-->.
type moreSummary struct {
	text []byte
	line int // the divider's line in the file
}

// findMore looks for <!--more--> on a line of its own, outside fenced
// code, in a page's text, which starts on the file's line bodyLine. Raw
// HTML is dropped from pages, so the divider shows nowhere.
func findMore(body []byte, bodyLine int) *moreSummary {
	if !bytes.Contains(body, []byte(MoreDivider)) {
		return nil // most pages: one scan, no line splitting
	}
	var fence string // the open fence, "```" or "~~~" or longer
	off := 0
	for n := 0; off < len(body); n++ {
		end := bytes.IndexByte(body[off:], '\n')
		if end < 0 {
			end = len(body) - off
		}
		line := strings.TrimSpace(string(body[off : off+end]))
		switch {
		case fence != "":
			if strings.HasPrefix(line, fence) && strings.Trim(line, fence[:1]) == "" {
				fence = ""
			}
		case strings.HasPrefix(line, "```") || strings.HasPrefix(line, "~~~"):
			fence = line[:len(line)-len(strings.TrimLeft(line, line[:1]))]
		case line == MoreDivider:
			// A copy: the rest of the file is not to be held.
			return &moreSummary{text: bytes.Clone(bytes.TrimSpace(body[:off])), line: bodyLine + n}
		}
		off += end + 1
	}
	return nil
}

// convertMore converts the text before <!--more--> as the page's summary.
// Its lines are the file's, so its errors are at their own lines; one that
// is about the whole summary is at the divider.
func convertMore(p *model.Page, src summarySource, quotes *bool) model.Errors {
	text, errs := markdown.ExpandShortcodes(src.more.text, summaryShortcode(p, quotes))
	if len(errs) > 0 {
		return MarkdownErrors(model.Pos{File: src.path, Line: src.line}, "", errs)
	}
	var err error
	p.Summary, err = inline().ConvertInline(text)
	if block, ok := err.(*markdown.NotInline); ok {
		return model.Errors{model.Errorf(src.path, src.more.line, 1,
			"the summary, the text before %s, is one paragraph of inline Markdown: found %s; end the first paragraph with %s, or set summary in the front matter",
			MoreDivider, block.Found, MoreDivider)}
	}
	if err != nil {
		return MarkdownErrors(model.Pos{File: src.path, Line: src.line}, "", err)
	}
	return nil
}

// summaryShortcode is the one shortcode of a summary, figure: a summary
// is made before any page is rendered, so it cannot run the layouts'. It
// sets quotes when it is called.
func summaryShortcode(p *model.Page, quotes *bool) markdown.Shortcode {
	return func(name string, args []string) (string, error) {
		*quotes = true
		if name != "figure" {
			return "", fmt.Errorf("shortcode %q in a summary: a summary can quote figures ({{< figure \"id\" >}}) but runs no other shortcode; set summary in the front matter", name)
		}
		return p.FigureShortcode(name, args)
	}
}
