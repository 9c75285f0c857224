// Command generator builds a bilingual static website from config.toml,
// content/ and layouts/ into public/.
//
// # Commands
//
//	generator                     same as build
//	generator build [-source DIR] [-destination DIR] [-baseURL URL] [-drafts]
//	generator check [-source DIR]  build in memory and report problems
//	generator serve [-bind 127.0.0.1] [-port 1313]   preview with live reload
//	generator new zone <slug>     scaffold a zh+en pair in content/zones/
//	generator version             module version and VCS revision
//
// Exit status is 0 on success, 1 on a content or template error (printed as
// file:line:col: message) and 2 on bad usage. A one-line summary goes to
// standard error.
//
// # Configuration
//
// config.toml is decoded strictly: a key the generator does not know is an
// error at its line and column, so a typo never goes unnoticed.
//
//	baseURL = "https://example.org/site/"   # absolute URLs: canonical, hreflang, sitemap, feeds
//	defaultLanguage = "zh"                  # built at the root; others under /<code>/
//	updated = 2026-11-29                    # when the content last changed: feeds, .Date
//
//	[taxonomies]                            # singular = plural; the plural is the front matter key and URL
//	industry = "industries"
//
//	[languages.zh]
//	name = "中文"                            # shown in the language switcher
//	weight = 1                              # order of languages
//	title = "站点标题"
//	description = "站点简介"
//	[languages.zh.ui]                       # UI strings, read in templates with .T "home"
//	home = "首页"
//
// Every language must define the same set of UI strings.
//
// # Content
//
// content/ holds Markdown files with TOML front matter between "+++" lines.
// The language is the last suffix before ".md": about.zh.md and about.en.md
// are the Chinese and English of one page; they are paired by path.
//
//	content/_index.zh.md                 the home page
//	content/about.zh.md                  a page at /about/
//	content/zones/_index.zh.md           the section page of zones/, at /zones/
//	content/zones/dongjiakou.zh.md       a page at /zones/dongjiakou/
//	content/zones/dongjiakou/index.zh.md the same page as a bundle; other
//	                                     files in the folder are copied beside it
//	content/industries/chips/_index.zh.md  the text of a taxonomy term page
//
// Facts that do not depend on language are entered once, in a TOML file with
// the page's base name beside its Markdown: zones/dongjiakou.toml (or
// index.toml, _index.toml). It may set weight, layout, draft, params, figures
// and the taxonomy keys; a key set both there and in a translation's front
// matter is an error.
//
// File and folder names become URLs, so they must be lower-case ASCII slugs
// (a-z, 0-9, "-").
//
// # Front matter keys
//
//	title        page title (required)
//	linkTitle    shorter title for menus, cards and breadcrumbs
//	description  one-sentence summary for <meta name="description"> and cards
//	summary      a longer summary for lists and cards (Markdown, inline)
//	draft        left out unless built with -drafts
//	monolingual  true if the page exists in this language only, on purpose
//	weight       order among siblings (then title, then path)
//	layout       template name to use instead of the kind's default
//	<taxonomy>   list of term slugs, e.g. industries = ["chips", "finance"]
//	figures      figures, see below
//	params       free-form table for layouts (.Params.key)
//
// A figure is a number with a kind, rendered per language:
//
//	[[figures]]
//	id = "new-projects-investment"   # unique in the page; an anchor and a CSS hook
//	kind = "money"                   # money (value in yuan), count, percent
//	value = 42_000_000_000           # 420亿元 / CNY 42 billion
//	unit = { zh = "个", en = "projects" }   # count only: the counter or noun per language
//	period = "h2"                    # UI strings period.<period>
//	approx = "about"                 # optional: about, atLeast (UI strings approx.<approx>)
//	status = "target"                # optional: target (争取), potential (可新增); UI strings status.<status>
//	label = { zh = "新开工项目总投资", en = "Total investment in new projects" }
//	chart = "shares"                 # optional: figures with the same chart key are drawn together;
//	                                 # two or more, of one kind, unit and period, or the build fails
//
// Page text can quote a figure so that no number is typed twice:
//
//	下半年争取新开工项目{{< figure "h2-new-projects" >}}、总投资{{< figure "h2-new-investment" >}}。
//	{{< figure "/#projects-share" >}}      a figure of another page: its URL path, "#", its id
//	{{< figure "big-projects" "bare" >}}   the number alone: 30亿 / 3 billion
//
// # Layouts
//
// layouts/ holds html/template files. A page is rendered with
// layouts/_default/baseof.html, which defines the frame and calls blocks
// ("main", "title", ...), plus every file in layouts/partials/ (called as
// {{template "partials/name.html" .}}), plus the first of these that exists:
//
//	layouts/<section>/<layout>.html     if front matter sets layout
//	layouts/_default/<layout>.html
//	layouts/<section>/<kind>.html       kind: home, section, page, taxonomy, term
//	layouts/_default/<kind>.html
//
// Files in layouts/assets/ are copied to the site root unchanged.
//
// # Template data and functions
//
// A template's dot is the page being rendered (render.Page): its fields are
// those of model.Page (.Title, .LinkTitle, .Description, .Summary, .Content,
// .Kind, .Key, .URL, .Lang, .Params, .Figures, .Pages, .Parent, .Prev,
// .Next, .Terms, .Site) and its methods do what depends on the page:
//
//	.T "key"                UI string in the page's language
//	.Rel page|"/path"       URL relative to the current page (absolute on 404.html)
//	.Abs page|"/path"       absolute URL from baseURL
//	.Get "zones"            the page with that key in this language ("" is home)
//	.Num 1234.5             number in the page's language
//	.Money 4.2e10           420亿元 / CNY 42 billion
//	.Date .Site.Config.Updated   2026年11月29日 / 29 November 2026
//	.Figure f               a figure's value, qualifier and unit
//	.Label f, .Period f     a figure's label and period in the page's language
//	.Status f               "target" or "potential" as UI string status.<status>, or ""
//	.FigureTable figures    .Figures, .Period (shared by all, for a caption) and
//	                        .RowPeriods (true when periods differ)
//	.Charts                 one chart per chart key: .Key, .Title (UI string
//	                        chart.<key>), .Period, .Whole (percentages) and
//	                        .Bars (.Figure, .Label, .Value, .Share from 0 to 1)
//	.Alternates             the page in each language it exists in (hreflang)
//	.Switcher               per other language, the translation or the nearest
//	                        section that has one (the language switcher)
//	.Breadcrumbs            the pages above this one, home first
//
// Inside {{range}} the dot is a *model.Page, without methods: use $.Rel .,
// $.Label . and so on. Functions: dict (key, value pairs for a partial) and
// add.
//
// Besides the pages, each build writes per language an Atom feed
// (index.xml), a search index (search-index.json) and 404.html, and once
// sitemap.xml (with hreflang alternates) and robots.txt.
//
// # Errors
//
// A build reports every problem it finds, each as file:line:col: message
// (content/zones/x.zh.md:3:1: unknown key "titel"), and exits with status 1.
// Nothing is published then: public/ stays as the last good build left it.
// A page without its translation, a figure or page that a shortcode names
// but that does not exist, a UI string missing in one language, and a
// template that fails are all errors; `generator check` also follows every
// link and #fragment in the built pages.
//
// # URLs
//
// Pages get pretty URLs: zones/x.zh.md is written to zones/x/index.html and
// linked as zones/x/. The default language is at the root, the others under
// /<code>/. Links between pages are relative to the page they are on, so the
// site works at a host's root and under any subpath; canonical, hreflang,
// sitemap and feed URLs are absolute, from baseURL.
package main
