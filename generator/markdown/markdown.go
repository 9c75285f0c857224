// Package markdown converts page text to HTML with goldmark, configured once
// for this site: GitHub tables, strikethrough and footnotes, no raw HTML, and
// the rules Chinese text needs (emphasis next to Chinese punctuation, no space
// where a line breaks between Chinese characters, Unicode heading IDs).
package markdown

import (
	"bytes"
	"html/template"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
)

// Converter turns Markdown into HTML. It is safe for concurrent use.
type Converter struct {
	md goldmark.Markdown
}

// New returns a Converter. Build it once: goldmark's setup is not free.
func New() *Converter {
	md := goldmark.New(
		goldmark.WithExtensions(
			extension.Table,         // editors tabulate figures
			extension.Strikethrough, // GFM habit; harmless
			extension.Footnote,      // sources and notes in the about page
			CJK,                     // emphasis and line breaks for Chinese
		),
		goldmark.WithParserOptions(
			parser.WithAutoHeadingID(), // every heading can be linked to
			parser.WithAttribute(),     // {#id} overrides a generated ID
		),
		// html.WithUnsafe is left out on purpose: raw HTML in content is
		// dropped, so content can never break the page or inject script.
	)
	return &Converter{md: md}
}

// Convert renders a whole document.
func (c *Converter) Convert(src []byte) (template.HTML, error) {
	var buf bytes.Buffer
	ctx := parser.NewContext(parser.WithIDs(newHeadingIDs()))
	if err := c.md.Convert(src, &buf, parser.WithContext(ctx)); err != nil {
		return "", err
	}
	return template.HTML(buf.String()), nil
}

// ConvertInline renders a short text, such as a summary, without the
// paragraph around it.
func (c *Converter) ConvertInline(src []byte) (template.HTML, error) {
	out, err := c.Convert(src)
	if err != nil {
		return "", err
	}
	s := bytes.TrimSpace([]byte(out))
	if bytes.HasPrefix(s, []byte("<p>")) && bytes.HasSuffix(s, []byte("</p>")) && bytes.Count(s, []byte("<p>")) == 1 {
		s = s[len("<p>") : len(s)-len("</p>")]
	}
	return template.HTML(s), nil
}
