package load

import (
	"bytes"
	"fmt"
	"maps"
	"reflect"
	"slices"
	"time"

	"westcoast/generator/model"
)

// frontMatter is every key a page may set, in its Markdown front matter or
// in the shared facts file beside it.
type frontMatter struct {
	Title       string    `toml:"title"`
	LinkTitle   string    `toml:"linkTitle"`
	Description string    `toml:"description"`
	Summary     string    `toml:"summary"`
	Draft       bool      `toml:"draft"`
	Monolingual bool      `toml:"monolingual"`
	Weight      int       `toml:"weight"`
	Layout      string    `toml:"layout"`
	Date        time.Time `toml:"date"`
	Lastmod     time.Time `toml:"lastmod"`
	PublishDate time.Time `toml:"publishDate"`
	ExpiryDate  time.Time `toml:"expiryDate"`
	Aliases     []string  `toml:"aliases"`
	Slug        string    `toml:"slug"`
	// TranslationKey pairs files of different names as one page's
	// translations.
	TranslationKey string         `toml:"translationKey"`
	Figures        []figureConfig `toml:"figures"`
	Params         freeForm       `toml:"params"`
	// Terms holds the taxonomy keys (industries = [...]) by plural name;
	// they are known only from config (see withTaxonomies).
	Terms map[string][]string `toml:"-"`
}

// freeForm is the params table: its keys are the layouts' to read, however
// deeply nested, so none of them is an unknown key. (Decoded as a plain
// map, the TOML library would report every key inside an array of tables as
// undecoded.)
type freeForm map[string]any

// UnmarshalTOML takes the table whole, which also marks every key in it as
// decoded.
func (f *freeForm) UnmarshalTOML(data any) error {
	m, ok := data.(map[string]any)
	if !ok {
		return fmt.Errorf("params must be a table, not %s", tomlType(data))
	}
	*f = m
	return nil
}

type figureConfig struct {
	ID     string            `toml:"id"`
	Kind   string            `toml:"kind"`
	Value  float64           `toml:"value"`
	Unit   map[string]string `toml:"unit"`
	Period string            `toml:"period"`
	Approx string            `toml:"approx"`
	Status string            `toml:"status"`
	Label  map[string]string `toml:"label"`
	Chart  string            `toml:"chart"`
	// units and labels are Unit and Label as lists by language code,
	// which is all a figure keeps of them once decoded (see
	// compactFigures): every facts file is held until its pages are
	// made, and these small maps were the largest part of them.
	units, labels model.Texts
}

// compactFigures moves figures' units and labels from maps into lists.
func compactFigures(list []figureConfig) {
	for i := range list {
		fc := &list[i]
		fc.units, fc.Unit = textsByCode(fc.Unit), nil
		fc.labels, fc.Label = textsByCode(fc.Label), nil
	}
}

// textsByCode lists m's texts in the order of their language codes.
func textsByCode(m map[string]string) model.Texts {
	if len(m) == 0 {
		return nil
	}
	t := make(model.Texts, 0, len(m))
	for _, code := range slices.Sorted(maps.Keys(m)) {
		t = append(t, model.LangText{Lang: code, Text: m[code]})
	}
	return t
}

// sourceFile is one parsed Markdown file.
type sourceFile struct {
	path string // relative to the site source, e.g. content/zones/x.zh.md
	fm   frontMatter
	set  keySet       // top-level keys present in the front matter
	src  *tomlSource  // the front matter, which knows where its keys are
	body model.Text   // where the text after the front matter is
	more *moreSummary // the text before <!--more-->, if the text has one
}

const fence = "+++"

// splitFrontMatter separates TOML front matter from the body. The body keeps
// its place in the file (bodyLine) so errors in it can name true lines. fm
// is a copy and body a part of data: once the file is parsed, nothing of
// it but the front matter is held, since render reads the text again.
func splitFrontMatter(path string, data []byte) (fm string, body []byte, bodyLine int, err error) {
	text := bytes.TrimPrefix(data, []byte("\ufeff"))
	first, rest, _ := bytes.Cut(text, []byte("\n"))
	if string(bytes.TrimRight(first, "\r")) != fence {
		return "", nil, 0, model.Errorf(path, 1, 1, "front matter missing: the file must start with a line %q", fence)
	}
	offset := len(text) - len(rest)
	line := 2
	for len(rest) > 0 {
		l, next, _ := bytes.Cut(rest, []byte("\n"))
		if string(bytes.TrimRight(l, "\r")) == fence {
			return string(text[len(first)+1 : offset]), next, line + 1, nil
		}
		offset += len(l) + 1
		rest = next
		line++
	}
	return "", nil, 0, model.Errorf(path, 1, 1, "front matter is not closed: no line %q after the first", fence)
}

// parseFile reads a Markdown file's front matter strictly (taxonomy keys
// are allowed as lists of strings; anything else unknown is an error) and
// checks that its text is text.
func parseFile(path string, data []byte, sc schema) (*sourceFile, error) {
	fmText, body, bodyLine, err := splitFrontMatter(path, data)
	if err != nil {
		return nil, err
	}
	src := &tomlSource{file: path, text: fmText, lineOffset: 1}
	fm, set, err := decodeFrontMatter(src, sc)
	if err != nil {
		return nil, err
	}
	var list model.Errors
	if e := checkText(path, body, bodyLine); e != nil {
		list = append(list, e)
	}
	if len(list) > 0 {
		return nil, list
	}
	return &sourceFile{path: path, fm: fm, set: set, src: src, body: bodyText(path, data, body, bodyLine),
		more: findMore(body, bodyLine)}, nil
}

// decodeFrontMatter decodes front matter or a facts file in one pass,
// directly where it can (decodeDirect), and checks its params.
func decodeFrontMatter(src *tomlSource, sc schema) (frontMatter, keySet, error) {
	fm, set, ok := decodeDirect(src, sc)
	if !ok {
		var err error
		if fm, set, err = decodeReflect(src, sc); err != nil {
			return fm, set, err
		}
	}
	err := sc.checkParams(src, fm.Params).Err()
	src.keys.dropPaths()
	// Errors from here on are placed by the key index, and decodeDirect
	// keeps no part of the text: a site's files are all parsed before any
	// page is made, and their texts were a good part of what they held.
	src.text = ""
	return fm, set, err
}

// decodeReflect decodes any front matter or facts file, and explains what
// is wrong with it. The taxonomy keys are named only in config, so the
// decoding target is frontMatter's fields plus a list of term slugs per
// taxonomy.
func decodeReflect(src *tomlSource, sc schema) (frontMatter, keySet, error) {
	var fm frontMatter
	target := reflect.New(sc.target)
	if err := src.decode(target.Interface()); err != nil {
		return fm, nil, err
	}
	v := target.Elem()
	base := reflect.ValueOf(&fm).Elem()
	for i := 0; i < base.NumField(); i++ {
		base.Field(i).Set(v.Field(i))
	}
	var set keySet
	for _, path := range src.keys.paths {
		set = set.with(path[0])
	}
	for i, t := range sc.taxonomies {
		if set.has(t.Plural) {
			if fm.Terms == nil {
				fm.Terms = map[string][]string{}
			}
			fm.Terms[t.Plural] = v.Field(base.NumField() + i).Interface().([]string)
		}
	}
	compactFigures(fm.Figures)
	return fm, set, nil
}

// withTaxonomies returns a struct type with frontMatter's fields followed by
// a []string field for each taxonomy, tagged with its plural name, so that a
// misspelt taxonomy is an unknown key like any other.
func withTaxonomies(taxonomies []model.Taxonomy) reflect.Type {
	t := reflect.TypeOf(frontMatter{})
	fields := make([]reflect.StructField, 0, t.NumField()+len(taxonomies))
	for i := 0; i < t.NumField(); i++ {
		fields = append(fields, t.Field(i))
	}
	for i, tax := range taxonomies {
		fields = append(fields, reflect.StructField{
			Name: fmt.Sprintf("Taxonomy%d", i),
			Type: reflect.TypeOf([]string(nil)),
			Tag:  reflect.StructTag(fmt.Sprintf("toml:%q", tax.Plural)),
		})
	}
	return reflect.StructOf(fields)
}
