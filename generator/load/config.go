package load

import (
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"reflect"
	"regexp"
	"slices"
	"sort"
	"strconv"
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
	PageParams      map[string]string         `toml:"pageParams"`
	Params          freeForm                  `toml:"params"`
	Paginate        *int                      `toml:"paginate"`
	Services        struct {
		RSS struct {
			Limit *int `toml:"limit"`
		} `toml:"rss"`
	} `toml:"services"`
	Related relatedConfig `toml:"related"`
}

// The defaults for lists and feeds, as Hugo's.
const (
	defaultPaginate  = 10
	defaultFeedLimit = 20
)

type languageConfig struct {
	Name        string                  `toml:"name"`
	Weight      int                     `toml:"weight"`
	Title       string                  `toml:"title"`
	Description string                  `toml:"description"`
	Direction   string                  `toml:"direction"`
	Format      formatConfig            `toml:"format"`
	UI          map[string]string       `toml:"ui"`
	Params      freeForm                `toml:"params"`
	Menus       map[string][]menuConfig `toml:"menus"`
	Typographer bool                    `toml:"typographer"`
}

// siteConfig is config.toml as the loader uses it: the model's settings,
// what front matter may hold, and where each setting is written.
type siteConfig struct {
	*model.Config
	langs  []*model.Language
	schema schema
	src    *tomlSource
	// params and langConfig are what the pages' view of the site
	// (model.LangSite) is made from, once the pages are known.
	params     map[string]any
	langConfig map[string]languageConfig
	related    relatedSettings
}

var langCode = regexp.MustCompile(`^[a-z]{2,3}(-[a-z0-9]+)*$`)

// readConfig decodes config.toml and checks what the rest of the build
// relies on: a usable baseURL, names that can become paths, a default
// language that exists, and the same UI strings in every language.
func readConfig(fsys fs.FS, opts Options) (*siteConfig, error) {
	data, err := fs.ReadFile(fsys, ConfigFile)
	var refused *model.Error
	switch {
	case errors.As(err, &refused): // the source said why: a link out of it, a pipe
		return nil, refused
	case err != nil:
		return nil, model.Errorf(ConfigFile, 0, 0, "cannot read: %v", unwrapPathError(err))
	}
	src := &tomlSource{file: ConfigFile, text: string(data)}
	var cf configFile
	if err := src.decode(&cf); err != nil {
		return nil, err
	}
	var list model.Errors
	base, e := baseURL(src, cf.BaseURL, opts.BaseURL)
	if e != nil {
		list = append(list, e)
	}
	cfg := &model.Config{BaseURL: base, DefaultLanguage: cf.DefaultLanguage, Drafts: opts.Drafts,
		BuildFuture: opts.BuildFuture, BuildExpired: opts.BuildExpired, Updated: rfc3339(cf.Updated), CacheDir: opts.CacheDir}
	if cf.Updated.IsZero() {
		list = append(list, src.errorAt(textPos{1, 1}, "updated is missing: set updated = 2024-01-31 (when the content last changed; feeds need it)"))
	}
	langs, errs := languages(src, cf)
	list = append(list, errs...)
	cfg.Taxonomies, errs = taxonomies(src, cf.Taxonomies, langs)
	list = append(list, errs...)
	params, errs := pageParams(src, cf.PageParams)
	list = append(list, errs...)
	cfg.Paginate, errs = positive(src, cf.Paginate, defaultPaginate, "paginate")
	list = append(list, errs...)
	cfg.FeedLimit, errs = positive(src, cf.Services.RSS.Limit, defaultFeedLimit, "services", "rss", "limit")
	list = append(list, errs...)
	related, errs := readRelated(src, cf.Related, cfg.Taxonomies)
	list = append(list, errs...)
	if err := list.Err(); err != nil {
		return nil, err
	}
	return &siteConfig{Config: cfg, langs: langs, schema: newSchema(cfg.Taxonomies, params), src: src,
		params: cf.Params, langConfig: cf.Languages, related: related}, nil
}

// baseURL checks the -baseURL flag if it is given, else config's baseURL.
func baseURL(src *tomlSource, fromConfig, fromFlag string) (string, *model.Error) {
	if fromFlag != "" {
		base, err := normalizeBaseURL(fromFlag)
		if err != nil {
			return "", model.Errorf("", 0, 0, "-baseURL: %v", err)
		}
		return base, nil
	}
	if fromConfig == "" {
		return "", src.at("baseURL").Errorf(`baseURL is missing: set baseURL = "https://example.org/", the address the site is published at`)
	}
	base, err := normalizeBaseURL(fromConfig)
	if err != nil {
		return "", src.valueAt("baseURL").Errorf("baseURL: %v", err)
	}
	return base, nil
}

// normalizeBaseURL accepts an http or https URL with a host and a path,
// and nothing that would travel into every page's links: no other scheme
// (javascript:), no query, fragment or password.
func normalizeBaseURL(raw string) (string, error) {
	u, err := url.Parse(raw)
	switch {
	case err != nil || u.Scheme == "" || u.Host == "" || u.Opaque != "":
		return "", fmt.Errorf("%q is not an absolute URL such as https://example.org/", raw)
	case u.Scheme != "http" && u.Scheme != "https":
		return "", fmt.Errorf("%q must start with http:// or https://", raw)
	case u.RawQuery != "" || u.ForceQuery:
		return "", fmt.Errorf("%q has a query (?%s): a base URL ends with its path", raw, u.RawQuery)
	case u.Fragment != "" || strings.Contains(raw, "#"):
		return "", fmt.Errorf("%q has a fragment (#%s): a base URL ends with its path", raw, u.Fragment)
	case u.User != nil:
		return "", fmt.Errorf("%q holds a user name, which every page would publish", raw)
	case u.Port() != "" && !validPort(u.Port()):
		return "", fmt.Errorf("%q has the port %s: a port is a number from 1 to 65535", raw, u.Port())
	}
	if !strings.HasSuffix(u.Path, "/") {
		u.Path += "/"
	}
	return u.String(), nil
}

func validPort(p string) bool {
	n, err := strconv.Atoi(p)
	return err == nil && n >= 1 && n <= 65535
}

func languages(src *tomlSource, cf configFile) ([]*model.Language, model.Errors) {
	if len(cf.Languages) == 0 {
		return nil, model.Errors{model.Errorf(ConfigFile, 0, 0, "no [languages] configured")}
	}
	var list model.Errors
	var langs []*model.Language
	for code, lc := range cf.Languages {
		if !langCode.MatchString(code) {
			// Left out, so that the code's other faults are not reported
			// under a name that is itself the fault.
			list = append(list, src.at("languages", code).Errorf("language code %q is not a lower-case code such as \"en\"", code))
			continue
		}
		if lc.Title == "" {
			list = append(list, src.at("languages", code).Errorf("languages.%s.title is missing", code))
		}
		l := &model.Language{Code: code, Name: lc.Name, Weight: lc.Weight, Title: lc.Title,
			Description: lc.Description, UI: lc.UI, Default: code == cf.DefaultLanguage, Typographer: lc.Typographer}
		var e *model.Error
		if l.Direction, e = direction(src, code, lc.Direction); e != nil {
			list = append(list, e)
		}
		var errs model.Errors
		l.Format, errs = languageFormat(src, code, lc.Format)
		list = append(list, errs...)
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
		list = append(list, src.valueAt("defaultLanguage").Errorf("defaultLanguage %q is not one of the configured languages", cf.DefaultLanguage))
	}
	list = append(list, uiMismatches(src, langs)...)
	list = append(list, uiPlaceholders(src, langs)...)
	return langs, list
}

// uiMismatches reports UI strings that one language has and another lacks.
func uiMismatches(src *tomlSource, langs []*model.Language) model.Errors {
	var list model.Errors
	for _, a := range langs {
		for _, b := range langs {
			for _, key := range sortedKeys(a.UI) {
				if _, ok := b.UI[key]; !ok {
					list = append(list, src.at("languages", a.Code, "ui", key).Errorf("UI string %q has no translation in languages.%s.ui", key, b.Code))
				}
			}
		}
	}
	return list
}

// placeholder matches a fmt verb such as %s, %d or %[1]s; %% is a percent
// sign, not a placeholder.
var placeholder = regexp.MustCompile(`%(?:%|[-+# 0]*(?:\[\d+\])?\d*(?:\.\d*)?[a-zA-Z])`)

// uiPlaceholders reports a UI string whose placeholders differ from the
// default language's: the same values are passed to every translation, so
// a missing %s drops one and an extra one prints %!s(MISSING).
func uiPlaceholders(src *tomlSource, langs []*model.Language) model.Errors {
	if len(langs) == 0 {
		return nil
	}
	ref := langs[0]
	for _, l := range langs {
		if l.Default {
			ref = l
		}
	}
	var list model.Errors
	for _, l := range langs {
		for _, key := range sortedKeys(l.UI) {
			want, have := placeholders(ref.UI[key]), placeholders(l.UI[key])
			if _, ok := ref.UI[key]; !ok || l == ref || want == have {
				continue
			}
			list = append(list, src.at("languages", l.Code, "ui", key).Errorf(
				"UI string %q in languages.%s.ui has %s, but languages.%s.ui has %s: each translation needs the same placeholders, in the same order",
				key, l.Code, have, ref.Code, want))
		}
	}
	return list
}

// placeholders describes the placeholders of a UI string: "%s %d", or "no
// placeholder".
func placeholders(s string) string {
	var found []string
	for _, m := range placeholder.FindAllString(s, -1) {
		if m != "%%" {
			found = append(found, m)
		}
	}
	if len(found) == 0 {
		return "no placeholder"
	}
	return strings.Join(found, " ")
}

// taxonomies checks the [taxonomies] table: both names become parts of
// URLs and the plural a front matter key, so each must be a slug that no
// front matter key or language already uses.
func taxonomies(src *tomlSource, table map[string]string, langs []*model.Language) ([]model.Taxonomy, model.Errors) {
	var list model.Errors
	var out []model.Taxonomy
	keys := fieldNames(reflect.TypeOf(frontMatter{}))
	byPlural := map[string]string{}
	for _, singular := range sortedKeys(table) {
		plural := table[singular]
		at, valueAt := src.at("taxonomies", singular), src.valueAt("taxonomies", singular)
		switch {
		case !isSlug(singular):
			list = append(list, at.Errorf("taxonomy name %q must be a slug: lower-case ASCII letters, digits and '-'", singular))
		case !isSlug(plural):
			list = append(list, valueAt.Errorf("taxonomy name %q must be a slug: lower-case ASCII letters, digits and '-'", plural))
		case slices.Contains(keys, plural):
			list = append(list, valueAt.Errorf("taxonomy %q has the name of a front matter key: choose another name", plural))
		case model.FindLanguage(langs, plural) != nil:
			list = append(list, valueAt.Errorf("taxonomy %q has the name of a language, whose pages are under /%s/: choose another name", plural, plural))
		case byPlural[plural] != "":
			list = append(list, valueAt.Errorf("taxonomies %s and %s have the same plural %q", byPlural[plural], singular, plural))
		default:
			byPlural[plural] = singular
			out = append(out, model.Taxonomy{Singular: singular, Plural: plural})
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Plural < out[j].Plural })
	return out, list
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
	return utc(t).Format(time.RFC3339)
}

func utc(t time.Time) time.Time {
	if zone, _ := t.Zone(); strings.HasSuffix(zone, "-local") {
		return time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), 0, time.UTC)
	}
	return t
}

// positive is a setting that counts things: at least 1, or its default
// when it is not set.
func positive(src *tomlSource, v *int, def int, key ...string) (int, model.Errors) {
	switch {
	case v == nil:
		return def, nil
	case *v < 1:
		return def, model.Errors{src.at(key...).Errorf("%s = %d: must be 1 or more", strings.Join(key, "."), *v)}
	}
	return *v, nil
}
