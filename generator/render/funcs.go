package render

import (
	"fmt"
	"html/template"
	"reflect"
)

// funcs are the template functions that do not depend on the page; those
// that do are methods of Page.
var funcs = template.FuncMap{
	// dict builds a map from key, value pairs, to pass several values to a
	// partial.
	"dict": func(kv ...any) (map[string]any, error) {
		if len(kv)%2 != 0 {
			return nil, fmt.Errorf("dict needs key, value pairs")
		}
		m := make(map[string]any, len(kv)/2)
		for i := 0; i < len(kv); i += 2 {
			k, ok := kv[i].(string)
			if !ok {
				return nil, fmt.Errorf("dict keys are text, not %s", describe(kv[i]))
			}
			m[k] = kv[i+1]
		}
		return m, nil
	},
	// add helps number things in lists.
	"add": func(a, b int) int { return a + b },
	// first is Hugo's: the first n of a list, so that a list page shows a
	// few of a section's pages whatever the section's size.
	"first": first,
	// printf replaces the builtin, which writes "%!s(MISSING)" into the
	// page when its verbs and values do not match: here that is an error.
	"printf": sprintf,
	// partial and partialCached run a partial template; they are bound
	// to each render (see renderer.partial), these stand in at parse time.
	"partial":       unbound,
	"partialCached": unbound,
}

func unbound(string, any, ...any) (template.HTML, error) {
	return "", fmt.Errorf("partial is not available here")
}

// first returns the first n elements of a list (all of them if it is
// shorter).
func first(n int, list any) (any, error) {
	v := reflect.ValueOf(list)
	switch {
	case n < 0:
		return nil, fmt.Errorf("first: %d is less than none", n)
	case list == nil:
		return nil, nil
	case v.Kind() != reflect.Slice && v.Kind() != reflect.Array:
		return nil, fmt.Errorf("first: %s is not a list", describe(list))
	}
	return v.Slice(0, min(n, v.Len())).Interface(), nil
}
