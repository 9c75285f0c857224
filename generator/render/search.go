package render

import (
	"encoding/json"
	"html"
	"regexp"
	"strings"

	"westcoast/generator/model"
)

// searchDoc is one page in the search index. Keys are short because the
// index is downloaded by every reader who searches.
type searchDoc struct {
	Title    string   `json:"t"`
	URL      string   `json:"u"` // relative to the index file's folder
	Section  string   `json:"s,omitempty"`
	Passages []string `json:"p"`
}

var (
	blockElement = regexp.MustCompile(`(?s)<(p|li|h[1-6]|td|th|dd|dt|blockquote)\b[^>]*>(.*?)</(p|li|h[1-6]|td|th|dd|dt|blockquote)>`)
	anyTag       = regexp.MustCompile(`<[^>]*>`)
	spaces       = regexp.MustCompile(`\s+`)
)

// searchIndex writes the pages of one language with their text cut into
// passages, so the search script can show the passage that matched. The
// script matches Chinese as substrings, which needs no word segmentation.
func searchIndex(site *model.Site, l *model.Language) ([]byte, error) {
	var docs []searchDoc
	for _, p := range site.Pages {
		if p.Lang != l || p.Layout == "search" {
			continue
		}
		d := searchDoc{Title: p.Title, URL: strings.TrimPrefix(p.URL, l.Prefix+"/"), Passages: []string{}}
		if d.URL == "" {
			d.URL = "./"
		}
		if p.Parent != nil && p.Parent.Kind != model.KindHome {
			d.Section = p.Parent.Title
		}
		if p.Description != "" {
			d.Passages = append(d.Passages, p.Description)
		}
		d.Passages = append(d.Passages, passages(string(p.Content))...)
		docs = append(docs, d)
	}
	return json.Marshal(map[string]any{"pages": docs})
}

// passages returns the text of each block element in rendered HTML.
func passages(content string) []string {
	var out []string
	for _, m := range blockElement.FindAllStringSubmatch(content, -1) {
		text := html.UnescapeString(anyTag.ReplaceAllString(m[2], ""))
		if text = strings.TrimSpace(spaces.ReplaceAllString(text, " ")); text != "" {
			out = append(out, text)
		}
	}
	return out
}
