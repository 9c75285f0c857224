package load

import (
	"slices"
	"strings"
	"unique"
	"westcoast/generator/model"
)

// decodeDirect decodes front matter or a facts file straight into
// frontMatter, field by field, without reflection: a large site has tens
// of thousands of these files, and storing each value by reflection (then
// checking each key against the type, then copying the fields out of the
// struct that has the taxonomies) was most of their decoding. It takes
// only text that fastParse takes and whose every key and value fits, and
// gives then what decodeReflect would: the same values, the same keys set,
// no unknown key. On anything else ok is false and the caller decodes with
// decodeReflect, which also words every error.
func decodeDirect(src *tomlSource, sc schema) (fm frontMatter, set keySet, ok bool) {
	if off, _ := tomlLimits(src.text); off >= 0 {
		return fm, nil, false
	}
	root, ix, ok := fastParse(src.text, false)
	if !ok {
		return fm, nil, false
	}
	set = make(keySet, 0, len(root.entries))
	for _, e := range root.entries {
		if !fm.setKey(e.key, e.value, sc) {
			return frontMatter{}, nil, false
		}
		set = set.with(e.key)
	}
	src.keys = ix
	if len(set) == 0 {
		return fm, nil, true // as decodeReflect gives it
	}
	return fm, slices.Clip(set), true
}

// setKey stores the value of the top-level key name, as assign would store
// it in withTaxonomies(sc.taxonomies); false for a key it has no field for
// or a value that does not fit.
func (fm *frontMatter) setKey(name string, v any, sc schema) bool {
	switch name {
	case "title":
		return takeString(&fm.Title, v)
	case "linkTitle":
		return takeString(&fm.LinkTitle, v)
	case "description":
		return takeString(&fm.Description, v)
	case "summary":
		return takeString(&fm.Summary, v)
	case "draft":
		return take(&fm.Draft, v)
	case "monolingual":
		return take(&fm.Monolingual, v)
	case "weight":
		n, ok := v.(int64)
		fm.Weight = int(n) // int has 64 bits wherever this builds
		return ok
	case "layout":
		return takeString(&fm.Layout, v)
	case "date":
		return take(&fm.Date, v)
	case "lastmod":
		return take(&fm.Lastmod, v)
	case "publishDate":
		return take(&fm.PublishDate, v)
	case "expiryDate":
		return take(&fm.ExpiryDate, v)
	case "aliases":
		return setStrings(&fm.Aliases, v)
	case "slug":
		return takeString(&fm.Slug, v)
	case "translationKey":
		return takeString(&fm.TranslationKey, v)
	case "figures":
		return setFigures(&fm.Figures, v)
	case "params":
		t, ok := v.(*table)
		if ok {
			fm.Params = t.plain()
		}
		return ok
	}
	for _, t := range sc.taxonomies {
		if t.Plural == name {
			var terms []string
			ok := setStrings(&terms, v)
			if fm.Terms == nil {
				fm.Terms = map[string][]string{}
			}
			fm.Terms[t.Plural] = terms // not name, a part of the text: pages keep their terms
			return ok
		}
	}
	return false
}

// setFigures stores [[figures]] tables or an array of inline tables.
func setFigures(dst *[]figureConfig, v any) bool {
	var tables []*table
	switch v := v.(type) {
	case []*table:
		tables = v
	case []any:
		tables = make([]*table, len(v))
		for i, e := range v {
			t, ok := e.(*table)
			if !ok {
				return false
			}
			tables[i] = t
		}
	default:
		return false
	}
	*dst = make([]figureConfig, len(tables))
	for i, t := range tables {
		for _, e := range t.entries {
			if !(*dst)[i].setKey(e.key, e.value) {
				return false
			}
		}
	}
	return true
}

// setKey stores a figure's key as assign would.
func (fc *figureConfig) setKey(name string, v any) bool {
	switch name {
	case "id":
		return takeString(&fc.ID, v)
	case "kind":
		return takeString(&fc.Kind, v)
	case "value":
		switch n := v.(type) {
		case int64:
			fc.Value = float64(n)
		case float64:
			fc.Value = n
		default:
			return false
		}
		return true
	case "unit":
		return setTexts(&fc.units, v)
	case "period":
		return takeString(&fc.Period, v)
	case "approx":
		return takeString(&fc.Approx, v)
	case "status":
		return takeString(&fc.Status, v)
	case "label":
		return setTexts(&fc.labels, v)
	case "chart":
		return takeString(&fc.Chart, v)
	}
	return false
}

// takeString stores v if it is a string, as assign would.
func takeString(dst *string, v any) bool {
	s, ok := stringOf(v)
	*dst = s
	return ok
}

// take stores v if it is a T, as assign would.
func take[T any](dst *T, v any) bool {
	x, ok := v.(T)
	*dst = x
	return ok
}

// setStrings stores an array of strings; an empty array is an empty slice,
// not nil, as assign makes it.
func setStrings(dst *[]string, v any) bool {
	list, ok := v.([]any)
	if !ok {
		return false
	}
	*dst = make([]string, len(list))
	for i, e := range list {
		if (*dst)[i], ok = stringOf(e); !ok {
			return false
		}
	}
	return true
}

// setTexts stores a table of strings (a figure's label or unit) as
// compactFigures would, in the order of the keys.
func setTexts(dst *model.Texts, v any) bool {
	t, ok := v.(*table)
	if !ok {
		return false
	}
	if len(t.entries) == 0 {
		*dst = nil
		return true
	}
	*dst = make(model.Texts, len(t.entries))
	for i, e := range t.entries {
		(*dst)[i].Lang = unique.Make(e.key).Value() // not e.key, a part of the text
		if (*dst)[i].Text, ok = stringOf(e.value); !ok {
			return false
		}
	}
	slices.SortFunc(*dst, func(a, b model.LangText) int { return strings.Compare(a.Lang, b.Lang) })
	return true
}
