package load

import (
	"fmt"
	"io/fs"
	"net/url"
	"regexp"
	"sort"
	"strings"
	"time"

	"westcoast/generator/model"
)

// ConfigFile is the name of the site configuration file.
const ConfigFile = "config.toml"

type configFile struct {
	BaseURL         string                    `toml:"baseURL"`
	DefaultLanguage string                    `toml:"defaultLanguage"`
	Updated         time.Time                 `toml:"updated"`
	Taxonomies      map[string]string         `toml:"taxonomies"`
	Languages       map[string]languageConfig `toml:"languages"`
}

type languageConfig struct {
	Name        string            `toml:"name"`
	Weight      int               `toml:"weight"`
	Title       string            `toml:"title"`
	Description string            `toml:"description"`
	UI          map[string]string `toml:"ui"`
}

var langCode = regexp.MustCompile(`^[a-z]{2,3}(-[a-z0-9]+)*$`)

// readConfig decodes config.toml and checks what the rest of the build
// relies on: a usable baseURL, a default language that exists, and the same
// UI strings in every language.
func readConfig(fsys fs.FS, opts Options) (*model.Config, []*model.Language, error) {
	data, err := fs.ReadFile(fsys, ConfigFile)
	if err != nil {
		return nil, nil, model.Errorf(ConfigFile, 0, 0, "cannot read: %v", unwrapPathError(err))
	}
	src := tomlSource{file: ConfigFile, text: string(data)}
	var cf configFile
	if _, err := src.decode(&cf); err != nil {
		return nil, nil, err
	}
	if opts.BaseURL != "" {
		cf.BaseURL = opts.BaseURL
	}
	base, err := normalizeBaseURL(cf.BaseURL)
	if err != nil {
		line, col := src.keyPosition([]string{"baseURL"})
		return nil, nil, src.errorAt(line, col, "baseURL: %v", err)
	}
	cfg := &model.Config{BaseURL: base, DefaultLanguage: cf.DefaultLanguage, Drafts: opts.Drafts,
		Updated: rfc3339(cf.Updated)}
	if cf.Updated.IsZero() {
		return nil, nil, src.errorAt(1, 1, "updated is missing: set updated = 2024-01-31 (when the content last changed; feeds need it)")
	}
	for singular, plural := range cf.Taxonomies {
		cfg.Taxonomies = append(cfg.Taxonomies, model.Taxonomy{Singular: singular, Plural: plural})
	}
	sort.Slice(cfg.Taxonomies, func(i, j int) bool { return cfg.Taxonomies[i].Plural < cfg.Taxonomies[j].Plural })
	langs, err := languages(src, cf)
	if err != nil {
		return nil, nil, err
	}
	return cfg, langs, nil
}

func languages(src tomlSource, cf configFile) ([]*model.Language, error) {
	var list model.Errors
	if len(cf.Languages) == 0 {
		return nil, model.Errorf(ConfigFile, 0, 0, "no [languages] configured")
	}
	var langs []*model.Language
	for code, lc := range cf.Languages {
		line, col := src.keyPosition([]string{"languages", code})
		if !langCode.MatchString(code) {
			list = append(list, src.errorAt(line, col, "language code %q is not a lower-case code such as \"en\"", code))
		}
		if lc.Title == "" {
			list = append(list, src.errorAt(line, col, "languages.%s.title is missing", code))
		}
		l := &model.Language{Code: code, Name: lc.Name, Weight: lc.Weight, Title: lc.Title,
			Description: lc.Description, UI: lc.UI, Default: code == cf.DefaultLanguage}
		if !l.Default {
			l.Prefix = "/" + code
		}
		langs = append(langs, l)
	}
	sort.Slice(langs, func(i, j int) bool {
		if langs[i].Weight != langs[j].Weight {
			return langs[i].Weight < langs[j].Weight
		}
		return langs[i].Code < langs[j].Code
	})
	if _, ok := cf.Languages[cf.DefaultLanguage]; !ok {
		line, col := src.keyPosition([]string{"defaultLanguage"})
		list = append(list, src.errorAt(line, col, "defaultLanguage %q is not one of the configured languages", cf.DefaultLanguage))
	}
	list = append(list, uiMismatches(src, langs)...)
	return langs, list.Err()
}

// uiMismatches reports UI strings that one language has and another lacks.
func uiMismatches(src tomlSource, langs []*model.Language) model.Errors {
	var list model.Errors
	for _, a := range langs {
		for _, b := range langs {
			for _, key := range sortedKeys(a.UI) {
				if _, ok := b.UI[key]; !ok {
					line, col := src.keyPosition([]string{"languages", a.Code, "ui", key})
					list = append(list, src.errorAt(line, col, "UI string %q has no translation in languages.%s.ui", key, b.Code))
				}
			}
		}
	}
	return list
}

func normalizeBaseURL(raw string) (string, error) {
	u, err := url.Parse(raw)
	if err != nil || u.Scheme == "" || u.Host == "" {
		return "", fmt.Errorf("%q is not an absolute URL such as https://example.org/", raw)
	}
	if !strings.HasSuffix(u.Path, "/") {
		u.Path += "/"
	}
	return u.String(), nil
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// unwrapPathError drops the path from an fs error, since the caller already
// names the file.
func unwrapPathError(err error) error {
	if pe, ok := err.(*fs.PathError); ok {
		return pe.Err
	}
	return err
}

// rfc3339 formats a TOML date. A local date or time (no offset written) is
// taken as UTC: the TOML library would give it this machine's offset, and
// output must not depend on the machine.
func rfc3339(t time.Time) string {
	if zone, _ := t.Zone(); strings.HasSuffix(zone, "-local") {
		t = time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), 0, time.UTC)
	}
	return t.Format(time.RFC3339)
}
