package search

import (
	"slices"
	"westcoast/generator/jsonstr"
)

// fragment is a document's file: what the script shows of a result. It is
// the JSON encoding/json makes, with SetEscapeHTML(false), of
//
//	struct {
//		Title    string      `json:"t"`
//		URL      string      `json:"u"`
//		Section  string      `json:"s,omitempty"`
//		Passages [][2]string `json:"p"` // text, anchor; the description first
//	}
//
// written by hand, since encoding/json's reflection cost more than the
// rest of a page's indexing.
func fragment(d Doc) []byte { return appendFragment(nil, d) }

// appendFragment appends fragment(d) to buf.
func appendFragment(buf []byte, d Doc) []byte {
	size := len(d.Title) + len(d.URL) + len(d.Section) + len(d.Description) + 32
	for _, p := range d.Passages {
		size += len(p.Text) + len(p.Anchor) + 8
	}
	buf = slices.Grow(buf, size+size/16)
	buf = jsonstr.Append(append(buf, `{"t":`...), d.Title, false)
	buf = jsonstr.Append(append(buf, `,"u":`...), d.URL, false)
	if d.Section != "" {
		buf = jsonstr.Append(append(buf, `,"s":`...), d.Section, false)
	}
	buf = append(buf, `,"p":[`...)
	sep := ""
	if d.Description != "" {
		buf = jsonstr.Append(append(buf, '['), d.Description, false)
		buf = append(buf, `,""]`...)
		sep = ","
	}
	for _, p := range d.Passages {
		buf = jsonstr.Append(append(append(buf, sep...), '['), p.Text, false)
		buf = jsonstr.Append(append(buf, ','), p.Anchor, false)
		buf = append(buf, ']')
		sep = ","
	}
	return append(buf, "]}"...)
}
