package load

import (
	"errors"
	"fmt"
	"maps"
	"reflect"
	"slices"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/BurntSushi/toml"

	"westcoast/generator/model"
)

// tomlSource is a piece of TOML inside a file: the whole of config.toml, or
// front matter that starts some lines into a Markdown file. Once decoded,
// it knows where each of its keys is written.
type tomlSource struct {
	file       string // for errors
	text       string
	lineOffset int       // lines of the file before text starts
	keys       *keyIndex // set by decode
}

// decode decodes strictly into v: a syntax error, a value of the wrong type
// or a key that v has no field for is an error at its line and column. A
// key must be spelt as documented: the TOML library would match "Title" to
// the field for "title", and let it replace the value of "title".
func (s *tomlSource) decode(v any) error {
	if off, msg := tomlLimits(s.text); off >= 0 {
		return s.errorAt(s.offsetPos(off, 0), "%s", msg)
	}
	if doc, ix, ok := fastDecode(s.text); ok {
		target := reflect.ValueOf(v).Elem()
		if assign(target, doc) {
			s.keys = ix
			return s.unknownKeys(reflect.TypeOf(v)).Err()
		}
		target.SetZero() // the library starts again from nothing
	}
	_, err := toml.Decode(s.text, v)
	if err != nil {
		return s.decodeError(v, err)
	}
	s.keys = indexKeys(s.text)
	return s.unknownKeys(reflect.TypeOf(v)).Err()
}

// decodeError explains why decoding failed: bad syntax, or keys and values
// that do not fit v. The library stops at the first of those and words
// them for Go programmers, so the text is decoded again without a target
// and compared with v's type, to report each fault at its key.
func (s *tomlSource) decodeError(v any, err error) error {
	var raw map[string]any
	if _, rawErr := toml.Decode(s.text, &raw); rawErr != nil {
		return s.syntaxError(rawErr)
	}
	s.keys = indexKeys(s.text)
	list := s.unknownKeys(reflect.TypeOf(v))
	list = append(list, s.typeErrors(reflect.TypeOf(v), raw, nil, nil)...)
	if len(list) > 0 {
		return list.Err()
	}
	return s.syntaxError(err)
}

// syntaxError places an error of the TOML library. Its line is right but
// its column is not always (at the start of a line it counts from the line
// before), so the column is worked out again from the byte offset.
func (s *tomlSource) syntaxError(err error) error {
	var pe toml.ParseError
	if !errors.As(err, &pe) {
		return model.Errorf(s.file, 0, 0, "%v", err)
	}
	msg := pe.Message
	if pe.LastKey != "" && !strings.Contains(msg, pe.LastKey) {
		msg = fmt.Sprintf("%s: %s", pe.LastKey, msg)
	}
	return s.errorAt(s.offsetPos(pe.Position.Start, pe.Position.Line), "%s", msg)
}

// offsetPos turns a byte offset into a line and a column in characters. A
// line that disagrees with the offset wins, without a column.
func (s *tomlSource) offsetPos(offset, line int) textPos {
	if offset < 0 || offset > len(s.text) {
		return textPos{line: int32(line)}
	}
	before := s.text[:offset]
	p := textPos{line: int32(strings.Count(before, "\n") + 1)}
	p.col = int32(utf8.RuneCountInString(before[strings.LastIndex(before, "\n")+1:]) + 1)
	if line > 0 && int(p.line) != line {
		return textPos{line: int32(line)}
	}
	return p
}

// unknownKeys reports each key that t has no field for, spelt exactly, with
// the closest field name as a hint. Keys below an unknown key are not
// reported again.
func (s *tomlSource) unknownKeys(t reflect.Type) model.Errors {
	var list model.Errors
	for i, e := range s.keys.entries {
		shown, fields, unknown := lookupKey(t, s.keys.paths[i])
		if !unknown {
			continue
		}
		hint := ""
		if c := closest(shown[len(shown)-1], fields); c != "" {
			hint = fmt.Sprintf(" (did you mean %q?)", with(shown[:len(shown)-1], c).String())
		}
		list = append(list, s.errorAt(e.key, "unknown key %q%s", shown.String(), hint))
	}
	return list
}

// lookupKey follows path through t. When the path's last name is the first
// that t has no field for, it returns the path as written (without array
// indexes) and the names that were possible there.
func lookupKey(t reflect.Type, path toml.Key) (shown toml.Key, fields []string, unknown bool) {
	t0 := t
	for i, name := range path {
		for t.Kind() == reflect.Pointer {
			t = t.Elem()
		}
		switch t.Kind() {
		case reflect.Struct:
			if t == timeType {
				return nil, nil, false
			}
			f, ok := fieldFor(t, name)
			if !ok {
				if i != len(path)-1 {
					return nil, nil, false // below an unknown key: reported at that key
				}
				return shownPath(t0, path), fieldNames(t), true
			}
			t = f.Type
		case reflect.Map:
			t = t.Elem()
		case reflect.Slice:
			if !isIndex(name) {
				return nil, nil, false
			}
			t = t.Elem()
		default:
			return nil, nil, false // a free-form value (params) or a leaf
		}
	}
	return nil, nil, false
}

// shownPath is a key's path as written: without the indexes of the arrays
// that t has on the way. It is made only for a key that is reported, since
// every key of every file is looked up.
func shownPath(t reflect.Type, path toml.Key) toml.Key {
	var shown toml.Key
	for _, name := range path {
		for t.Kind() == reflect.Pointer {
			t = t.Elem()
		}
		if t.Kind() == reflect.Slice && isIndex(name) {
			t = t.Elem()
			continue
		}
		shown = append(shown, name)
		switch t.Kind() {
		case reflect.Struct:
			if f, ok := fieldFor(t, name); ok {
				t = f.Type
			}
		case reflect.Map:
			t = t.Elem()
		}
	}
	return shown
}

var timeType = reflect.TypeOf(time.Time{})

// fieldFor finds the struct field whose toml tag is name, exactly.
func fieldFor(t reflect.Type, name string) (reflect.StructField, bool) {
	f, ok := fieldsOf(t).byName[name]
	return f, ok
}

func fieldNames(t reflect.Type) []string { return fieldsOf(t).names }

// structFields are a struct type's fields by TOML name, worked out once per
// type: every key of every file is looked up in them.
type structFields struct {
	byName map[string]reflect.StructField
	names  []string // in field order
}

var fieldCache sync.Map // reflect.Type → *structFields

func fieldsOf(t reflect.Type) *structFields {
	if v, ok := fieldCache.Load(t); ok {
		return v.(*structFields)
	}
	sf := &structFields{byName: map[string]reflect.StructField{}}
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		if n := tomlName(f); n != "-" {
			sf.byName[n] = f
			sf.names = append(sf.names, n)
		}
	}
	v, _ := fieldCache.LoadOrStore(t, sf)
	return v.(*structFields)
}

func tomlName(f reflect.StructField) string {
	if tag, _, _ := strings.Cut(f.Tag.Get("toml"), ","); tag != "" {
		return tag
	}
	return f.Name
}

func isIndex(s string) bool {
	return s != "" && strings.Trim(s, "0123456789") == ""
}

// typeErrors compares the raw values with the types they must go into and
// reports each that does not fit, at its key. path has array indexes (to
// find the key); shown is the path as the user knows it.
func (s *tomlSource) typeErrors(t reflect.Type, raw any, path, shown toml.Key) model.Errors {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if want := expected(t, raw); want != "" {
		return model.Errors{s.errorAtKey(path, "%s: expected %s, found %s", shown, want, tomlType(raw))}
	}
	var list model.Errors
	switch t.Kind() {
	case reflect.Struct:
		if t == timeType {
			break
		}
		for name, val := range sortedMap(raw.(map[string]any)) {
			if f, ok := fieldFor(t, name); ok {
				list = append(list, s.typeErrors(f.Type, val, with(path, name), with(shown, name))...)
			}
		}
	case reflect.Map:
		for name, val := range sortedMap(raw.(map[string]any)) {
			list = append(list, s.typeErrors(t.Elem(), val, with(path, name), with(shown, name))...)
		}
	case reflect.Slice:
		for i, val := range arrayOf(raw) {
			list = append(list, s.typeErrors(t.Elem(), val, with(path, fmt.Sprint(i)), shown)...)
		}
	}
	return list
}

// expected says what a value of type t must be, if raw is not that.
func expected(t reflect.Type, raw any) string {
	ok := true
	want := ""
	switch t.Kind() {
	case reflect.Struct:
		if t == timeType {
			_, ok = raw.(time.Time)
			want = "a date such as 2024-01-31 (without quotes)"
			break
		}
		_, ok = raw.(map[string]any)
		want = "a table"
	case reflect.Map:
		_, ok = raw.(map[string]any)
		want = "a table"
	case reflect.Slice:
		ok = arrayOf(raw) != nil
		want = "an array"
	case reflect.String:
		_, ok = raw.(string)
		want = "a string"
	case reflect.Bool:
		_, ok = raw.(bool)
		want = "true or false"
	case reflect.Int, reflect.Int64, reflect.Int32:
		_, ok = raw.(int64)
		want = "an integer"
	case reflect.Float64, reflect.Float32:
		switch raw.(type) {
		case int64, float64:
		default:
			ok = false
		}
		want = "a number"
	}
	if ok {
		return ""
	}
	return want
}

// arrayOf returns the elements of a TOML array, or nil if raw is not one.
func arrayOf(raw any) []any {
	switch a := raw.(type) {
	case []any:
		if a == nil {
			return []any{}
		}
		return a
	case []map[string]any:
		list := make([]any, len(a))
		for i, m := range a {
			list[i] = m
		}
		return list
	}
	return nil
}

func with(k toml.Key, name string) toml.Key {
	return append(k[:len(k):len(k)], name)
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
	case time.Time:
		return "a date"
	case []any, []map[string]any:
		return "an array"
	case map[string]any:
		return "a table"
	}
	return fmt.Sprintf("%T", v)
}

// errorAt makes an error at a place in s.text.
func (s *tomlSource) errorAt(p textPos, format string, args ...any) *model.Error {
	return s.pos(p).Errorf(format, args...)
}

// errorAtKey makes an error at the key at path, or about the whole file if
// the key is not written (a missing key).
func (s *tomlSource) errorAtKey(path toml.Key, format string, args ...any) *model.Error {
	return s.at(path...).Errorf(format, args...)
}

// pos turns a place in s.text into a place in the file.
func (s *tomlSource) pos(p textPos) model.Pos {
	if p.line == 0 {
		return model.Pos{File: s.file}
	}
	return model.Pos{File: s.file, Line: int(p.line) + s.lineOffset, Col: int(p.col)}
}

// at is where the key at path is written; the file alone if it is not.
func (s *tomlSource) at(path ...string) model.Pos {
	p, _ := s.keys.pos(path...)
	return s.pos(p)
}

// valueAt is where the value of the key at path is written.
func (s *tomlSource) valueAt(path ...string) model.Pos {
	p, _ := s.keys.valuePos(path...)
	return s.pos(p)
}

// positions lists where every key is written, by dotted path with array
// indexes ("params.reporters", "figures.1.id"), for model.Page.KeyPos.
func (s *tomlSource) positions(keys ...string) model.KeyPositions {
	var list model.KeyPositions
	if s == nil {
		return list
	}
	s.keys.each(func(name []byte, e keyEntry) bool {
		// The caller's name, which a page may keep, not the index's.
		if i := slices.IndexFunc(keys, func(k string) bool { return k == string(name) }); i >= 0 {
			list = list.With(keys[i], s.pos(e.key))
		}
		return true
	})
	return slices.Clip(list)
}
