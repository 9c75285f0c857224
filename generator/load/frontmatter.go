package load

import (
	"strings"

	"github.com/BurntSushi/toml"

	"westcoast/generator/model"
)

// frontMatter is every key a page may set, in its Markdown front matter or
// in the shared facts file beside it.
type frontMatter struct {
	Title       string         `toml:"title"`
	LinkTitle   string         `toml:"linkTitle"`
	Description string         `toml:"description"`
	Summary     string         `toml:"summary"`
	Draft       bool           `toml:"draft"`
	Monolingual bool           `toml:"monolingual"`
	Weight      int            `toml:"weight"`
	Layout      string         `toml:"layout"`
	Figures     []figureConfig `toml:"figures"`
	Params      map[string]any `toml:"params"`
	// Terms holds the taxonomy keys (industries = [...]); they are known only
	// from config, so they are decoded from the remaining keys.
	Terms map[string][]string `toml:"-"`
}

type figureConfig struct {
	ID     string            `toml:"id"`
	Kind   string            `toml:"kind"`
	Value  float64           `toml:"value"`
	Unit   map[string]string `toml:"unit"`
	Period string            `toml:"period"`
	Approx string            `toml:"approx"`
	Label  map[string]string `toml:"label"`
	Chart  string            `toml:"chart"`
}

// sourceFile is one parsed Markdown file.
type sourceFile struct {
	path     string // relative to the site source, e.g. content/zones/x.zh.md
	fm       frontMatter
	set      map[string]bool // top-level keys present in the front matter
	body     []byte
	bodyLine int // the file line where body starts
}

const fence = "+++"

// splitFrontMatter separates TOML front matter from the body. The body keeps
// its place in the file (bodyLine) so errors in it can name true lines.
func splitFrontMatter(path string, data []byte) (fm string, body []byte, bodyLine int, err error) {
	text := strings.TrimPrefix(string(data), "\ufeff")
	first, rest, _ := strings.Cut(text, "\n")
	if strings.TrimRight(first, "\r") != fence {
		return "", nil, 0, model.Errorf(path, 1, 1, "front matter missing: the file must start with a line %q", fence)
	}
	offset := len(text) - len(rest)
	line := 2
	for len(rest) > 0 {
		l, next, _ := strings.Cut(rest, "\n")
		if strings.TrimRight(l, "\r") == fence {
			fmText := text[len(first)+1 : offset]
			return fmText, []byte(next), line + 1, nil
		}
		offset += len(l) + 1
		rest = next
		line++
	}
	return "", nil, 0, model.Errorf(path, 1, 1, "front matter is not closed: no line %q after the first", fence)
}

// parseFile reads a Markdown file's front matter strictly. Taxonomy keys are
// allowed as lists of strings; anything else unknown is an error.
func parseFile(path string, data []byte, taxonomies []model.Taxonomy) (*sourceFile, error) {
	fmText, body, bodyLine, err := splitFrontMatter(path, data)
	if err != nil {
		return nil, err
	}
	src := tomlSource{file: path, text: fmText, lineOffset: 1}
	fm, set, err := decodeFrontMatter(src, taxonomies)
	if err != nil {
		return nil, err
	}
	return &sourceFile{path: path, fm: fm, set: set, body: body, bodyLine: bodyLine}, nil
}

// decodeFrontMatter decodes front matter or a facts file. Taxonomy keys are
// named only in config, so they are decoded apart, as lists of term slugs.
func decodeFrontMatter(src tomlSource, taxonomies []model.Taxonomy) (frontMatter, map[string]bool, error) {
	var fm frontMatter
	plurals := make([]string, len(taxonomies))
	for i, t := range taxonomies {
		plurals[i] = t.Plural
	}
	md, err := src.decode(&fm, plurals...)
	if err != nil {
		return fm, nil, err
	}
	set := map[string]bool{}
	for _, k := range md.Keys() {
		set[k[0]] = true
	}
	fm.Terms = map[string][]string{}
	var raw map[string]any
	for _, plural := range plurals {
		if !set[plural] {
			continue
		}
		if raw == nil {
			_, _ = toml.Decode(src.text, &raw)
		}
		list, ok := stringList(raw[plural])
		if !ok {
			line, col := src.keyPosition(toml.Key{plural})
			return fm, nil, src.errorAt(line, col, "%s: expected a list of term slugs such as [\"finance\"]", plural)
		}
		fm.Terms[plural] = list
	}
	return fm, set, nil
}

func stringList(v any) ([]string, bool) {
	list, ok := v.([]any)
	if !ok {
		return nil, false
	}
	out := make([]string, len(list))
	for i, x := range list {
		if out[i], ok = x.(string); !ok {
			return nil, false
		}
	}
	return out, true
}
