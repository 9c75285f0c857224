package render

import (
	"fmt"
	"html/template"
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
