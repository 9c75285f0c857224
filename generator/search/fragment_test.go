package search

import (
	"bytes"
	"encoding/json"
	"testing"
)

// jsonFragment is fragment by encoding/json, as it was first written.
func jsonFragment(d Doc) []byte {
	type file struct {
		Title    string      `json:"t"`
		URL      string      `json:"u"`
		Section  string      `json:"s,omitempty"`
		Passages [][2]string `json:"p"` // text, anchor
	}
	f := file{Title: d.Title, URL: d.URL, Section: d.Section, Passages: [][2]string{}}
	if d.Description != "" {
		f.Passages = append(f.Passages, [2]string{d.Description, ""})
	}
	for _, p := range d.Passages {
		f.Passages = append(f.Passages, [2]string{p.Text, p.Anchor})
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(f); err != nil {
		panic(err)
	}
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n"))
}

// FuzzFragment: a document's file is what encoding/json makes of it,
// whatever its text.
func FuzzFragment(f *testing.F) {
	f.Add("Qingdao’s <park> & \"zone\"", "en/z/", "", "a\tb\n\x01\x7f", "\u2028\u2029", "h1")
	f.Add("數字經濟", "", "Zones", "", "a\xffb\xe2\x80", "\xed\xa0\x80\xe0\x80\x80\xef\xbf\xbf")
	for _, s := range hardText {
		f.Add(s, s, s, s, s, s)
	}
	f.Fuzz(func(t *testing.T, title, url, section, description, text, anchor string) {
		d := Doc{Title: title, URL: url, Section: section, Description: description,
			Passages: []Passage{{Text: text, Anchor: anchor}, {Text: anchor, Anchor: text}}}
		for _, d := range []Doc{d, {Title: title}} {
			if got, want := fragment(d), jsonFragment(d); !bytes.Equal(got, want) {
				t.Fatalf("fragment:\n%s\nencoding/json:\n%s", got, want)
			}
		}
	})
}
