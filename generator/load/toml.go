package load

import (
	"errors"
	"fmt"
	"maps"
	"reflect"
	"slices"
	"strings"

	"github.com/BurntSushi/toml"

	"westcoast/generator/model"
)

// tomlSource is a piece of TOML inside a file: the whole of config.toml, or
// front matter that starts some lines into a Markdown file.
type tomlSource struct {
	file       string // for errors
	text       string
	lineOffset int // lines of the file before text starts
}

// decode decodes strictly into v: a syntax error, a value of the wrong type
// or a key that v has no field for is an error at its line and column.
func (s tomlSource) decode(v any) (toml.MetaData, error) {
	md, err := toml.Decode(s.text, v)
	if err != nil {
		var pe toml.ParseError
		if errors.As(err, &pe) {
			msg := pe.Message
			if pe.LastKey != "" && !strings.Contains(msg, pe.LastKey) {
				msg = fmt.Sprintf("%s: %s", pe.LastKey, msg)
			}
			return md, s.errorAt(pe.Position.Line, pe.Position.Col, "%s", msg)
		}
		return md, s.typeError(v, err)
	}
	var list model.Errors
	for _, key := range md.Undecoded() {
		line, col := s.keyPosition(key)
		list = append(list, s.errorAt(line, col, "unknown key %q", key.String()))
	}
	if len(list) > 0 {
		return md, list.Err()
	}
	return md, nil
}

// typeError explains a decoding error that is not a syntax error: a value
// of the wrong type. The library reports those as text, so the faulty key is
// found again by comparing the raw values with the destination's types.
func (s tomlSource) typeError(v any, err error) error {
	var raw map[string]any
	if _, rawErr := toml.Decode(s.text, &raw); rawErr == nil {
		if key, want, found := mismatch(reflect.TypeOf(v), raw, nil); key != nil {
			line, col := s.keyPosition(key)
			return s.errorAt(line, col, "%s: expected %s, found %s", key, want, tomlType(found))
		}
	}
	return model.Errorf(s.file, 0, 0, "%v", err)
}

// mismatch returns the first key whose raw value cannot go into t.
func mismatch(t reflect.Type, raw any, key toml.Key) (toml.Key, string, any) {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	switch t.Kind() {
	case reflect.Struct:
		m, ok := raw.(map[string]any)
		if !ok {
			return key, "a table", raw
		}
		for name, val := range sortedMap(m) {
			if f, ok := fieldFor(t, name); ok {
				if k, w, f := mismatch(f.Type, val, append(key[:len(key):len(key)], name)); k != nil {
					return k, w, f
				}
			}
		}
	case reflect.Map:
		m, ok := raw.(map[string]any)
		if !ok {
			return key, "a table", raw
		}
		for name, val := range sortedMap(m) {
			if k, w, f := mismatch(t.Elem(), val, append(key[:len(key):len(key)], name)); k != nil {
				return k, w, f
			}
		}
	case reflect.Slice:
		list, ok := raw.([]any)
		if maps, isMaps := raw.([]map[string]any); isMaps {
			for _, m := range maps {
				list = append(list, m)
			}
			ok = true
		}
		if !ok {
			return key, "an array", raw
		}
		for _, val := range list {
			if k, w, f := mismatch(t.Elem(), val, key); k != nil {
				return k, w, f
			}
		}
	case reflect.String:
		if _, ok := raw.(string); !ok {
			return key, "a string", raw
		}
	case reflect.Bool:
		if _, ok := raw.(bool); !ok {
			return key, "true or false", raw
		}
	case reflect.Int, reflect.Int64, reflect.Int32:
		if _, ok := raw.(int64); !ok {
			return key, "an integer", raw
		}
	case reflect.Float64, reflect.Float32:
		switch raw.(type) {
		case int64, float64:
		default:
			return key, "a number", raw
		}
	}
	return nil, "", nil
}

// fieldFor finds the struct field that a TOML key decodes into.
func fieldFor(t reflect.Type, name string) (reflect.StructField, bool) {
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		if tag := strings.Split(f.Tag.Get("toml"), ",")[0]; tag == name || (tag == "" && strings.EqualFold(f.Name, name)) {
			return f, true
		}
	}
	return reflect.StructField{}, false
}

func sortedMap(m map[string]any) func(func(string, any) bool) {
	return func(yield func(string, any) bool) {
		for _, k := range slices.Sorted(maps.Keys(m)) {
			if !yield(k, m[k]) {
				return
			}
		}
	}
}

func tomlType(v any) string {
	switch v.(type) {
	case string:
		return "a string"
	case int64:
		return "an integer"
	case float64:
		return "a float"
	case bool:
		return "a boolean"
	case []any, []map[string]any:
		return "an array"
	case map[string]any:
		return "a table"
	}
	return fmt.Sprintf("%T", v)
}

// errorAt makes an error at a line and column of s.text.
func (s tomlSource) errorAt(line, col int, format string, args ...any) *model.Error {
	if line > 0 {
		line += s.lineOffset
	}
	return model.Errorf(s.file, line, col, format, args...)
}

// keyPosition finds where key is written, for errors about keys that the
// TOML library reports without a position. It follows [table] headers and
// dotted keys; inline tables are searched on the line of their parent key.
func (s tomlSource) keyPosition(key toml.Key) (line, col int) {
	want := key.String()
	table := ""
	bestLen := -1
	for i, raw := range strings.Split(s.text, "\n") {
		trimmed := strings.TrimSpace(raw)
		var path string
		switch {
		case strings.HasPrefix(trimmed, "[["):
			table = cleanKey(strings.Trim(trimmed, "[] "))
			path = table
		case strings.HasPrefix(trimmed, "["):
			table = cleanKey(strings.Trim(trimmed, "[] "))
			path = table
		case strings.Contains(trimmed, "=") && !strings.HasPrefix(trimmed, "#"):
			name := cleanKey(trimmed[:strings.Index(trimmed, "=")])
			path = joinKey(table, name)
		default:
			continue
		}
		if (path == want || strings.HasPrefix(want, path+".")) && len(path) > bestLen {
			bestLen = len(path)
			line = i + 1
			col = strings.Index(raw, key[len(key)-1]) + 1
			if col == 0 {
				col = len(raw) - len(strings.TrimLeft(raw, " \t")) + 1
			}
		}
	}
	return line, col
}

func cleanKey(k string) string {
	parts := strings.Split(k, ".")
	for i, p := range parts {
		parts[i] = strings.Trim(strings.TrimSpace(p), `"'`)
	}
	return strings.Join(parts, ".")
}

func joinKey(table, name string) string {
	if table == "" {
		return name
	}
	return table + "." + name
}
