// Package model holds the site as the loader resolves it: configuration,
// languages and pages with every cross-page fact (translations, sections,
// taxonomy terms, neighbours, URLs) already worked out. Render reads it and
// never changes it.
package model

import (
	"encoding/json"
	"fmt"
	"hash/maphash"
	"html/template"
	"io/fs"
	"reflect"
	"slices"
	"sort"
	"strings"
	"time"
)

// Kind says what sort of page a Page is; it picks the default layout.
type Kind string

// The page kinds.
const (
	KindHome     Kind = "home"
	KindSection  Kind = "section"
	KindPage     Kind = "page"
	KindTaxonomy Kind = "taxonomy"
	KindTerm     Kind = "term"
)

// Site is the whole loaded site: one tree of pages per language.
type Site struct {
	Config    *Config
	Languages []*Language // by weight; the first is not necessarily the default
	// Pages holds every page of every language in a stable order: by
	// language weight, then by path.
	Pages []*Page
	// Assets are files copied unchanged, keyed by their output path.
	Assets []Asset
	// Source is the site's source folder, from which render reads each
	// page's text (Page.Body) when it renders the page.
	Source fs.FS
	// Unpublished says, for each content file left out of this build,
	// why ("it is a draft"), so that a link to it can say so.
	Unpublished map[string]string
	// Views are the site as each language sees it, in Languages' order:
	// what a page's Site is.
	Views []*LangSite
	// byKey and bySource are the pages sorted for Page and PageBySource
	// to search: two maps took five times the memory, and longer to make.
	byKey    []*Page // by language code, then key
	bySource []*Page // the pages of content files, by file
}

// LangSite is the site as the pages of one language see it, as Hugo's
// .Site is: the whole Site (its Config, Pages and Languages), and what
// config.toml sets for this language, its params and menus.
type LangSite struct {
	*Site
	Language *Language
	Title    string // the language's title
	// Params are [params] with [languages.<code>.params] over them: a key
	// set in both takes the language's value, tables are merged.
	Params map[string]any
	// Menus are [[languages.<code>.menus.<name>]], by name, each in order.
	Menus map[string][]*MenuEntry
}

// MenuEntry is one entry of a menu: a page of the site or an address.
type MenuEntry struct {
	Name   string // as written, or the page's link title
	Weight int
	Page   *Page  // the page pageRef names; nil for an entry with a url
	URL    string // for an entry with a url: as written, a site path or an address
}

// Asset is a file copied to the output as it is.
type Asset struct {
	Path   string // output path relative to the site root, with slashes
	Source string // source path, for errors
	Data   []byte
}

// Language is one configured language.
type Language struct {
	Code        string
	Name        string
	Weight      int
	Title       string
	Description string
	UI          map[string]string
	Default     bool
	// Typographer is set for languages that want typographic quotes,
	// dashes and ellipses made from straight ones (typographer = true).
	Typographer bool
	// Direction is "ltr" or "rtl", for <html dir>.
	Direction string
	// Format is how the language writes numbers, amounts and dates.
	Format Format
	// Prefix is "" for the default language and "/<code>" for the others.
	Prefix string
	// Home is this language's home page.
	Home *Page
}

// Figure is a number with a kind, entered once and rendered per language.
type Figure struct {
	ID    string
	Value float64
	// Measure is what the figure counts and how it is shown: its kind,
	// label, unit and the rest, which templates and code read as the
	// figure's own (.Label, f.Kind). Never nil.
	*Measure
}

// Measure is all of a figure but its id and value. Figures that measure
// the same thing (the label, unit and kind that every zone's facts
// repeat) share one, so it is never changed once a figure has it.
type Measure struct {
	Kind   string // money, count, percent
	Unit   Texts
	Period string
	Approx string
	// Status says how sure the number is: "" for a reported result,
	// "target" for an aim (争取, 力争), "potential" for what could follow
	// (可新增). Layouts label it with the UI string "status.<Status>".
	Status string
	Label  Texts
	Chart  string
}

// flatFigure is a figure with its measure's fields among its own, in the
// order they had before figures shared measures: a figure printed or
// written as JSON whole (a template's {{.}}) is written as one.
type flatFigure struct {
	ID     string
	Kind   string
	Value  float64
	Unit   Texts
	Period string
	Approx string
	Status string
	Label  Texts
	Chart  string
}

func (f Figure) flat() flatFigure {
	return flatFigure{ID: f.ID, Kind: f.Kind, Value: f.Value, Unit: f.Unit, Period: f.Period,
		Approx: f.Approx, Status: f.Status, Label: f.Label, Chart: f.Chart}
}

// String writes the figure as fmt writes a struct: its fields, not the
// address of its measure.
func (f Figure) String() string { return fmt.Sprint(f.flat()) }

// MarshalJSON writes the figure as one object, its measure's fields among
// its own.
func (f Figure) MarshalJSON() ([]byte, error) { return json.Marshal(f.flat()) }

// Texts are one text in each language: a figure's label or unit. A
// figure has a few of them, so a list, in language order, is smaller
// than a map and as quick to search.
type Texts []LangText

// LangText is a text in one language.
type LangText struct{ Lang, Text string }

// In returns the text in the language with that code, or "".
func (t Texts) In(code string) string {
	for _, e := range t {
		if e.Lang == code {
			return e.Text
		}
	}
	return ""
}

// Page is one page in one language.
type Page struct {
	Kind Kind
	Lang *Language
	// Key is the page's path, from its file's: "", "zones",
	// "zones/dongjiakou". Translations share it, unless translationKey
	// pairs files of different names.
	Key string
	// TranslationKey is what pairs the page with its translations: its
	// front matter's translationKey, or else its Key.
	TranslationKey string
	Source         string // content file, relative to the site source, with slashes
	// URL is site-relative, with the language prefix: "/en/zones/x/". Its
	// last part is the page's Slug, if it sets one.
	URL string
	// Permalink is the page's absolute URL, from baseURL (Hugo's name):
	// for canonical and hreflang links. Load makes URL the end of it, so
	// that the two are one string in memory.
	Permalink   string
	Section     string // first path element of Key; "" for the home page
	Title       string
	LinkTitle   string
	Description string
	// Summary is converted once, by load, since every list shows it. The
	// text itself is converted by render as the page is rendered (see
	// Body), so that no stage holds every page's HTML.
	Summary template.HTML
	Body    Text
	Weight  int
	Params  map[string]any
	// KeyPos says where the front matter keys that later stages may blame
	// were written ("layout", "summary", "draft", "slug", a taxonomy's...),
	// so that an error names the content file's line, not a template.
	KeyPos  KeyPositions
	Figures []*Figure
	// TermKeys maps a taxonomy's plural name to the term slugs the page
	// is filed under; Terms maps it to the term pages, in order. Pages
	// filed under the same terms share these maps.
	TermKeys map[string][]string
	Terms    map[string][]*Page
	Site     *LangSite // the site as the page's language sees it

	Parent       *Page   // the section (or taxonomy, for a term) it belongs to
	Pages        []*Page // a section's or term's member pages, in order
	Translations []*Page // the same page in the other languages, by language weight
	Prev, Next   *Page   // neighbours among the parent's pages

	// Alternates are the page in every language it is written in, this
	// one included, in language order: for hreflang links, which must
	// only join true translations.
	Alternates []*Page
	// Switcher gives, for every other language, where the language
	// switcher leads: the translation, or for a page without one the
	// nearest section above it that has one, so it never leads to a 404.
	Switcher []*Page
	// Breadcrumbs are the pages above this one, from the home page down.
	Breadcrumbs []*Page
	// Related are the content pages that share the most terms with this
	// one, as Hugo's .Related: see load's related.go for the order.
	Related []*Page
	// Image is the absolute URL of the image that stands for the page
	// where it is shared (og:image), or "" for none.
	Image string
	// Extra holds the fields that most pages leave unset; templates and
	// code read them as the page's own (.Slug, p.Date). Load never leaves
	// it nil.
	*Extra
}

// Extra holds the fields of a page that most pages leave unset: a large
// site has a great many pages, and each would otherwise carry them all.
// The pages that set none of them share one Extra (KeepExtra), so an Extra
// is never changed once a page has it: to change one, make another.
type Extra struct {
	Slug   string
	Layout string
	// Draft marks a page that a build leaves out unless it asks for
	// drafts; Monolingual, one written in its language alone, on purpose.
	Draft, Monolingual bool
	// Date, Lastmod, PublishDate and ExpiryDate are the front matter's
	// dates, or zero. As in Hugo, Date falls back to PublishDate, then
	// Lastmod; Lastmod to Date; PublishDate to Date.
	Date, Lastmod, PublishDate, ExpiryDate time.Time
	// Aliases are the site paths of the page's redirect pages, with the
	// language prefix: "/en/old/", "/old/page.html".
	Aliases []string
	// Taxonomy is, for taxonomy and term pages, the plural name.
	Taxonomy string
}

// noExtra is the Extra of every page that sets none of its fields.
var noExtra Extra

// KeepExtra returns the Extra for a page to keep: a copy of x, or the one
// that every page shares when x sets nothing.
func KeepExtra(x *Extra) *Extra {
	if reflect.ValueOf(x).Elem().IsZero() {
		return &noExtra
	}
	keep := *x
	return &keep
}

// Text is where a page's Markdown is in its source file: render reads it
// again when it renders the page. Length and Sum let it notice a file that
// changed after it was loaded.
type Text struct {
	File   string // relative to the site source, with slashes
	Offset int    // of the first byte after the front matter
	Length int
	Line   int    // the file line the text starts on
	Sum    uint64 // TextSum of the text
}

// textSeed makes TextSum's hashes differ from one process to the next:
// a Sum is compared only within the process that made it, never written.
var textSeed = maphash.MakeSeed()

// TextSum is the hash of a page's text that Text.Sum holds. It is taken
// of every page's text twice in a build, once as it loads and once as it
// renders: maphash reads eight bytes at a time where FNV-1a reads one.
func TextSum(text []byte) uint64 { return maphash.Bytes(textSeed, text) }

// Config is the decoded config.toml.
type Config struct {
	// BaseURL is absolute and ends in a slash.
	BaseURL         string
	DefaultLanguage string
	Taxonomies      []Taxonomy // sorted by plural name
	Drafts          bool       // build pages marked draft
	// BuildFuture and BuildExpired keep pages whose publishDate is still
	// to come, or whose expiryDate has passed.
	BuildFuture, BuildExpired bool
	// Updated is when the site's content last changed, RFC 3339; feeds
	// need it, and it must not come from the clock.
	Updated string
	// Paginate is how many pages a list page shows (paginate); FeedLimit
	// how many entries a feed holds (services.rss.limit).
	Paginate, FeedLimit int
	// CacheDir is where resized images are kept between builds, or "" to
	// keep none. It changes how fast a build is, never what it makes.
	CacheDir string
}

// Taxonomy is a way of grouping pages: its plural names the front matter key
// and the URL folder.
type Taxonomy struct {
	Singular, Plural string
}

// View returns the site as the language with that code sees it, or nil:
// the Site of a page made in that language.
func (s *Site) View(code string) *LangSite {
	for _, v := range s.Views {
		if v.Language.Code == code {
			return v
		}
	}
	return nil
}

// LanguageByCode returns the site's language with that code, or nil.
func (s *Site) LanguageByCode(code string) *Language {
	return FindLanguage(s.Languages, code)
}

// FindLanguage returns the language with that code, or nil.
func FindLanguage(langs []*Language, code string) *Language {
	for _, l := range langs {
		if l.Code == code {
			return l
		}
	}
	return nil
}

// FindTaxonomy returns the taxonomy with that plural name, or nil.
func FindTaxonomy(taxonomies []Taxonomy, plural string) *Taxonomy {
	for i, t := range taxonomies {
		if t.Plural == plural {
			return &taxonomies[i]
		}
	}
	return nil
}

// Page returns the page with a key in a language, or nil.
func (s *Site) Page(lang, key string) *Page {
	return find(s.byKey, func(p *Page) int {
		if c := strings.Compare(p.Lang.Code, lang); c != 0 {
			return c
		}
		return strings.Compare(p.Key, key)
	})
}

// PageBySource returns the page of a content file, or nil.
func (s *Site) PageBySource(file string) *Page {
	return find(s.bySource, func(p *Page) int { return strings.Compare(p.Source, file) })
}

// find returns the last page of a sorted list that cmp finds equal (0),
// or nil: of two pages at one key, the later in Pages, as a map indexed
// in their order would hold it.
func find(sorted []*Page, cmp func(*Page) int) *Page {
	n := sort.Search(len(sorted), func(i int) bool { return cmp(sorted[i]) > 0 })
	if n > 0 && cmp(sorted[n-1]) == 0 {
		return sorted[n-1]
	}
	return nil
}

// Index must be called once all pages are added, before Page or
// PageBySource is used.
func (s *Site) Index() {
	s.byKey = slices.Clone(s.Pages)
	slices.SortStableFunc(s.byKey, func(a, b *Page) int {
		if c := strings.Compare(a.Lang.Code, b.Lang.Code); c != 0 {
			return c
		}
		return strings.Compare(a.Key, b.Key)
	})
	s.bySource = make([]*Page, 0, len(s.Pages))
	for _, p := range s.Pages {
		if p.Source != "" {
			s.bySource = append(s.bySource, p)
		}
	}
	slices.SortStableFunc(s.bySource, func(a, b *Page) int { return strings.Compare(a.Source, b.Source) })
}

// KeyPositions are where some of a page's front matter keys were written,
// by dotted path ("layout", "params.images"). A page keeps a handful, so a
// list is searched faster than a map, and is a fraction of its size.
type KeyPositions []KeyAt

// KeyAt is where one front matter key was written.
type KeyAt struct {
	Key string
	Pos Pos
}

// Find returns where key was written, if the page kept it.
func (k KeyPositions) Find(key string) (Pos, bool) {
	for _, e := range k {
		if e.Key == key {
			return e.Pos, true
		}
	}
	return Pos{}, false
}

// With returns the list with key at pos, in place of where it was before.
func (k KeyPositions) With(key string, pos Pos) KeyPositions {
	for i, e := range k {
		if e.Key == key {
			k[i].Pos = pos
			return k
		}
	}
	return append(k, KeyAt{Key: key, Pos: pos})
}
