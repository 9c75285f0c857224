package load

import (
	"fmt"
	"reflect"
	"strings"
	"time"

	"westcoast/generator/model"
)

// schema is what front matter may hold besides its fixed keys: a list of
// terms for each taxonomy, and the page params config.toml declares.
type schema struct {
	taxonomies []model.Taxonomy
	params     map[string]string // name → type; nil: params are free-form
	// target is what front matter decodes into (withTaxonomies), made
	// once: making a struct type for every file costs more than decoding.
	target reflect.Type
}

func newSchema(taxonomies []model.Taxonomy, params map[string]string) schema {
	return schema{taxonomies: taxonomies, params: params, target: withTaxonomies(taxonomies)}
}

// paramTypes are the types a page param may be declared with in
// [pageParams], each with what it is called in errors.
var paramTypes = map[string]string{
	"string":  "a string",
	"strings": "a list of strings",
	"int":     "an integer",
	"float":   "a number",
	"bool":    "true or false",
	"date":    "a date such as 2024-01-31 (without quotes)",
	"table":   "a table",
	"tables":  "a list of tables",
}

// pageParams checks the [pageParams] table of config.toml. Without it,
// params stay free-form; with it, every page param must be declared there.
func pageParams(src *tomlSource, table map[string]string) (map[string]string, model.Errors) {
	if table == nil {
		return nil, nil
	}
	types := sortedKeys(paramTypes)
	var list model.Errors
	for _, name := range sortedKeys(table) {
		if t := table[name]; paramTypes[t] == "" {
			list = append(list, src.valueAt("pageParams", name).Errorf("pageParams.%s: unknown type %q%s; the types are %s",
				name, t, didYouMean(t, types), strings.Join(types, ", ")))
		}
	}
	return table, list
}

// checkParams checks a page's params against [pageParams], at the place
// each is written. A float written as an integer (3) becomes a float, and a
// local date is taken as UTC, so that layouts see one type.
func (sc schema) checkParams(src *tomlSource, params map[string]any) model.Errors {
	if sc.params == nil || len(params) == 0 {
		return nil // most pages: nothing to sort
	}
	var list model.Errors
	for _, name := range sortedKeys(params) {
		t, ok := sc.params[name]
		if !ok {
			hint := ""
			if c := closest(name, sortedKeys(sc.params)); c != "" {
				hint = fmt.Sprintf(" (did you mean %q?)", "params."+c)
			}
			list = append(list, src.at("params", name).Errorf("unknown key %q%s: page params are declared in [pageParams] in config.toml", "params."+name, hint))
			continue
		}
		v, found := acceptParam(t, params[name])
		if found != "" {
			list = append(list, src.at("params", name).Errorf("params.%s: expected %s ([pageParams] in config.toml), found %s", name, paramTypes[t], found))
			continue
		}
		params[name] = v
	}
	return list
}

// acceptParam returns v as type t holds it, or says what v is instead.
func acceptParam(t string, v any) (any, string) {
	ok := false
	switch t {
	case "string":
		_, ok = v.(string)
	case "strings":
		return acceptStrings(v)
	case "int":
		_, ok = v.(int64)
	case "float":
		if i, isInt := v.(int64); isInt {
			return float64(i), ""
		}
		_, ok = v.(float64)
	case "bool":
		_, ok = v.(bool)
	case "date":
		if d, isDate := v.(time.Time); isDate {
			return utc(d), ""
		}
	case "table":
		_, ok = v.(map[string]any)
	case "tables":
		return acceptTables(v)
	}
	if !ok {
		return nil, tomlType(v)
	}
	return v, ""
}

func acceptStrings(v any) (any, string) {
	list, ok := v.([]any)
	if !ok {
		return nil, tomlType(v)
	}
	for _, x := range list {
		if _, ok := x.(string); !ok {
			return nil, "an array holding " + tomlType(x)
		}
	}
	return v, ""
}

func acceptTables(v any) (any, string) {
	if tables, ok := v.([]map[string]any); ok {
		return tables, ""
	}
	list, ok := v.([]any)
	if !ok {
		return nil, tomlType(v)
	}
	for _, x := range list {
		if _, ok := x.(map[string]any); !ok {
			return nil, "an array holding " + tomlType(x)
		}
	}
	return v, ""
}
