// Command generator builds a bilingual static website from config.toml,
// content/ and layouts/ into public/.
//
// # Commands
//
// Usage, as "generator help" prints it:
//
//	Usage:
//
//		generator [command] [flags]
//
//	Commands:
//
//		build [flags]                  build the site (the default command)
//		check [flags]                  build in memory and report problems
//		serve [flags]                  preview the site with live reload
//		new [-source DIR] page <path>  scaffold a draft page in every language (or: zone <slug>)
//		version                        print the module version and VCS revision
//		help [command]                 print this text, or a command's usage
//
//	Flags of build, check, serve and new:
//
//		-source DIR          read the site (config.toml, content/, layouts/) from DIR (default ".")
//
//	Flags of build, check and serve:
//
//		-baseURL URL         use URL instead of config.toml's baseURL
//		-drafts              include pages marked draft
//		-maxFileSize SIZE    refuse any source file over SIZE (1MB = 1024KB) (default 10MB)
//
//	Flags of build:
//
//		-destination DIR     write the site to DIR (default: public/ in the source folder)
//
//	Flags of serve:
//
//		-bind ADDRESS        listen on ADDRESS (default "127.0.0.1")
//		-port N              listen on port N (default 1313)
//
// Each command's -h prints its own usage and flags. Exit status is 0 on
// success, 1 on a content or template error (printed as file:line:col:
// message) and 2 on bad usage. A one-line summary goes to standard error.
//
// # The preview
//
// serve builds the site in memory, serves it (on http://127.0.0.1:1313/
// unless -bind or -port say otherwise) and watches config.toml, content/
// and layouts/. Each change is worked in as the editor saves:
//
//   - a page open in a browser that the change touched reloads, the others
//     stay as they are;
//   - a change to a stylesheet (a .css file in layouts/assets/ or content/)
//     is swapped into the open pages without a reload;
//   - a build error shows over the page, as file:line:col: message, the
//     page keeping its last good version beneath, and goes once the error
//     is fixed; a site that does not build at all is served as a page that
//     shows its errors, and serve waits for the fix rather than exiting.
//
// Only what a change touched is rendered again: an edit to a page's text
// below its front matter renders that page again; a change to a page
// template, the pages that use it; one to the base layout, a partial or a
// front matter key (a title, a weight: any page may show it, through a
// list, a link or .Get), every page. The pages open in a browser come
// first, then the browser hears of the change, and the rest follow in the
// background; a page asked for before its turn is rendered at once. The
// preview never serves a page from before a change that touched it.
//
// serve's pages are a build's, plus a small script before </body> that
// listens for changes (/__live.js); nothing of it reaches build's output.
// On Linux, changes are reported by the kernel (inotify); elsewhere, or
// when the source holds a symlink, the files are polled.
//
// # New pages
//
// new page <path> writes a page in every language config.toml configures,
// from templates kept in layouts/archetypes/ (Hugo's archetypes; the site's
// top level stays as it is). For new page news/harbour in language zh it
// uses the first of these that exists:
//
//	layouts/archetypes/news.zh.md
//	layouts/archetypes/news.md
//	layouts/archetypes/default.zh.md
//	layouts/archetypes/default.md
//
// and else a built-in one (for zones/, with a facts file), and writes
// content/news/harbour.zh.md. If
// layouts/archetypes/news.toml exists, it becomes the facts file
// content/news/harbour.toml. An archetype is a text/template: {{.Name}} is
// "harbour", {{.Section}} "news", {{.Path}} "news/harbour" and {{.Lang}}
// the page's language ("" in the facts file). For example:
//
//	+++
//	title = "{{.Name}}"
//	description = ""
//	draft = true
//	+++
//
// new zone harbour is new page zones/harbour. new never overwrites a file,
// writes only inside content/, and says when the pages it wrote are drafts
// (draft = true), which build and serve leave out unless run with -drafts.
//
// # What the source may hold
//
// The generator reads regular files and folders, and nothing else: a
// device, a named pipe or a socket in content/ or layouts/ is an error. A
// symlink is followed when it leads to a file or folder inside the site's
// folder (the one -source names), never out of it, so a link to
// /etc/passwd is an error, not a published page. No source file may be
// larger than -maxFileSize (10MB unless set; written like 512KB or 20MB).
// Each of these errors names the file, as every build error does.
// Published files get ordinary permissions (0644), never those of the
// files they came from.
//
// # Configuration
//
// config.toml is decoded strictly: a key the generator does not know, or
// knows in another spelling (baseUrl, Title), is an error at its line and
// column with the closest known key as a hint, so a typo never goes
// unnoticed. The same holds for front matter and facts files.
//
//	baseURL = "https://example.org/site/"   # absolute URLs: canonical, hreflang, sitemap, feeds
//	defaultLanguage = "zh"                  # built at the root; others under /<code>/
//	updated = 2026-11-29                    # when the content last changed: feeds, .Date (a date, no quotes)
//
//	[taxonomies]                            # singular = plural; the plural is the front matter key and URL
//	industry = "industries"
//
//	[pageParams]                            # optional: the params pages may set, and their types
//	reporters = "strings"
//	series = "string"
//
//	[languages.zh]
//	name = "中文"                            # shown in the language switcher
//	weight = 1                              # order of languages
//	title = "站点标题"
//	description = "站点简介"
//	[languages.zh.ui]                       # UI strings, read in templates with .T "home"
//	home = "首页"
//
// baseURL is an http or https URL with a host and a path, and no query,
// fragment or user name (the -baseURL flag too). Language codes and both
// names of a taxonomy become parts of URLs, so they are lower-case slugs
// (a-z, 0-9, "-"); a taxonomy may not be named like a front matter key
// (title, params...) or a language, and its folder in content/ holds only
// the _index files of the taxonomy and its terms, not pages of a section.
//
// Every language must define the same set of UI strings, and each UI string
// the same placeholders (%s, %d), in the same order, in every language.
//
// [pageParams] declares the page params and their types: string, strings (a
// list of strings), int, float, bool, date, table and tables (a list of
// tables, written [[params.name]]). When it is there, a param that it does
// not declare, or of another type, is an error at the content file's line; a
// float written 3 is read as 3.0. Without it, params are free-form.
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
// (a-z, 0-9, "-"), and a top-level folder may not be named like a language
// other than the default (its URLs would be that language's). Markdown must
// be UTF-8 without control characters other than tab and line breaks.
//
// # Front matter keys
//
//	title        page title (required)
//	linkTitle    shorter title for menus, cards and breadcrumbs
//	description  one-sentence summary for <meta name="description"> and cards
//	summary      a longer summary for lists and cards: one paragraph of
//	             inline Markdown (no heading, list, quote, table...)
//	draft        left out unless built with -drafts; a page is a draft in
//	             every language or in none
//	monolingual  true if the page exists in this language only, on purpose
//	weight       order among siblings (then title, then path)
//	layout       template name to use instead of the kind's default
//	<taxonomy>   list of term slugs, e.g. industries = ["chips", "finance"]
//	figures      figures, see below
//	params       table for layouts (.Params.key); free-form at any depth, or as
//	             [pageParams] in config.toml declares
//
// A figure is a number with a kind, rendered per language:
//
//	[[figures]]
//	id = "new-projects-investment"   # unique in the page; an anchor and a CSS hook
//	kind = "money"                   # money (value in yuan), count, percent
//	value = 42_000_000_000           # 420亿元 / CNY 42 billion; a count is whole; no nan or inf
//	unit = { zh = "个", en = "projects" }   # count only: the counter or noun per language
//	period = "h2"                    # UI strings period.<period>
//	approx = "about"                 # optional: about, atLeast (UI strings approx.<approx>)
//	status = "target"                # optional: target (争取), potential (可新增); UI strings status.<status>
//	label = { zh = "新开工项目总投资", en = "Total investment in new projects" }
//	chart = "shares"                 # optional: figures with the same chart key are drawn together,
//	                                 # like with like: one chart per group of two or more of one kind,
//	                                 # unit and period; a figure with no like figure is in the table only
//
// Page text can quote a figure so that no number is typed twice:
//
//	下半年争取新开工项目{{< figure "h2-new-projects" >}}、总投资{{< figure "h2-new-investment" >}}。
//	{{< figure "/#projects-share" >}}      a figure of another page: its URL path, "#", its id
//	{{< figure "big-projects" "bare" >}}   the number alone: 30亿 / 3 billion
//
// # Markdown
//
// Page text is CommonMark with GitHub's tables and strikethrough, and
// footnotes ([^1] and "[^1]: note"). Raw HTML is dropped. Emphasis works
// next to Chinese punctuation (**“重点”**是), and a line break between two
// Chinese characters is no space.
//
// Every heading gets an id to link to, made from its text: letters and
// digits of any script, lower-cased, with '-' for spaces ("## 新闻标题" gets
// id="新闻标题"). A heading may set its own id and classes instead:
//
//	## 新开工项目 {#new-projects .lead}
//	## 新开工项目 {id="new-projects" class="lead wide"}
//
// Ids and classes are plain names (letters, digits, '-', '_'); no other
// attribute is allowed, so content cannot restyle the page. Ids are unique
// on a page: a generated id steps around ids already used ("## Main" gets
// "main-1" because the layouts use id="main"); an id set by hand that the
// layouts, a figure of the page or another heading already uses is an
// error. `generator check` reports any id that two elements of a built page
// share.
//
// Limits keep any text from holding up a build. No real page comes near
// them; a text past one is an error at the place where it passes it:
//
//	1 MiB (1,048,576 bytes)   one page's Markdown, after shortcodes
//	100                       lists, block quotes and footnotes nested in each other
//	500                       inline marks in one paragraph, heading or table
//	                          row: each '[', ']' and '<', and each run of
//	                          '*', '_', '~' or '`', unless escaped with '\'
//	5,000                     lines in one paragraph or table
//	1,000                     footnotes, and references to them, in one page
//
// goldmark, which parses the Markdown, takes time that grows with the
// square of some inputs (thousands of unclosed "[a](" in one paragraph, a
// list nested thousands deep); within these limits any text converts in a
// second or two.
//
// # Layouts
//
// layouts/ holds html/template files. A page is rendered with
// layouts/_default/baseof.html, which defines the frame and calls blocks
// ("main", "title", ...), plus every file in layouts/partials/ (called as
// {{template "partials/name.html" .}} or, as in Hugo, {{partial "name.html"
// .}}), plus the first of these that exists:
//
//	layouts/<section>/<layout>.html     if front matter sets layout
//	layouts/_default/<layout>.html
//	layouts/<section>/<kind>.html       kind: home, section, page, taxonomy, term
//	layouts/_default/<kind>.html
//
// where <section> is the content folder the page is in (zones for
// content/zones/x.zh.md); pages at the root of content/ have none.
//
// A layout named in front matter must exist: layout = "fancy" with neither
// file above is an error at the content file's layout key, not a quiet
// fallback to the kind's template.
//
// A page template has one of two shapes:
//
//   - It fills in the base layout: it holds only {{define "main"}}…{{end}}
//     (and any other blocks baseof.html calls), with nothing but white space
//     and {{/* comments */}} around them.
//   - It is a whole page on its own (<!DOCTYPE html>…), which defines no
//     blocks for baseof.html; it may use {{block}} and {{template}}.
//
// Text or an action beside the definitions would silently make the page
// that text alone, so it is an error at its line and column. Helpers that
// several templates share belong in layouts/partials/.
//
// Files in layouts/assets/ are copied to the site root unchanged.
//
// # Template data and functions
//
// A template's dot is the page being rendered (render.Page): its fields are
// those of model.Page (.Title, .LinkTitle, .Description, .Summary, .Kind,
// .Key, .URL, .Lang, .Params, .Figures, .Pages, .Parent, .Prev, .Next,
// .Terms, .Alternates, .Switcher, .Breadcrumbs, .Site), worked out once
// when the site loads, and .Content, the page's own text as HTML. The text
// is converted as the page is rendered, so other pages have no .Content:
// lists show their .Summary. Its methods do what depends on the page:
//
//	.T "key"                UI string in the page's language, as written
//	.T "updated" $date      the UI string with its %s, %d filled in; a string
//	                        whose verbs do not take exactly the values given
//	                        is an error (so is an unknown key)
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
//	.Charts                 one chart per group of like figures of a chart key:
//	                        .Key, .Title (UI string chart.<key>), .Period, .Unit
//	                        (of counts), .Whole (percentages) and .Bars
//	                        (.Figure, .Label, .Value, .Share from 0 to 1)
//	.Lang.FeedURL, .Lang.SearchIndexURL   site paths of the language's feed
//	                        and search index, for .Rel and .Abs
//
// and its fields that are pages:
//
//	.Alternates             the page in each language it exists in (hreflang)
//	.Switcher               per other language, the translation or the nearest
//	                        section that has one (the language switcher)
//	.Breadcrumbs            the pages above this one, home first
//
// Inside {{range}} the dot is a *model.Page, without methods: use $.Rel .,
// $.Label . and so on. Functions: dict (key, value pairs for a partial),
// add, printf, which like .T refuses a format whose verbs do not match its
// values instead of writing "%!s(MISSING)" into the page, and:
//
//	partial "name.html" .              runs layouts/partials/name.html
//	partialCached "name.html" . [v…]   the same, run once for all the pages
//	                                   with the same language, depth and
//	                                   variants v, and reused
//
// partialCached is Hugo's, with one difference that keeps it correct: the
// page's language and its depth in the site are always part of the key,
// since every UI string depends on the one and every relative link on the
// other. Whatever else the partial shows of the page (its section, say)
// must be given as a variant, or every page shows the first page's. Use it
// for the parts of a page that are the same on most pages (a footer, a
// menu with the section as variant): it is the largest saving a layout can
// make on a large site.
//
// Besides the pages, each build writes per language an Atom feed
// (index.xml) of the latest pages with their summaries, a search index
// (search-index.json) and 404.html, and once sitemap.xml (with hreflang
// alternates) and robots.txt. In config.toml:
//
//	paginate = 10             pages on one page of a list (Hugo's key)
//	[services.rss]
//	limit = 20                entries in a feed (Hugo's key)
//
// # Errors
//
// A build reports every problem it finds, each as file:line:col: message
// (content/zones/x.zh.md:3:1: unknown key "titel" (did you mean "title"?)),
// and exits with status 1. A problem with a flag names the flag
// (-baseURL: ...).
// Nothing is published then: public/ stays as the last good build left it.
// A page without its translation, a figure or page that a shortcode names
// but that does not exist, a UI string missing in one language, and a
// template that fails are all errors; `generator check` also follows every
// link and #fragment in the built pages. A template fault names the template
// position and the page being rendered; one that many pages meet is reported
// once, with the first page and how many more:
//
//	layouts/partials/nav.html:1:13: .Lang.Nmae: a language has no field or method Nmae (rendering content/_index.zh.md and 14 more pages)
//
// # URLs
//
// Pages get pretty URLs: zones/x.zh.md is written to zones/x/index.html and
// linked as zones/x/. The default language is at the root, the others under
// /<code>/. Links between pages are relative to the page they are on, so the
// site works at a host's root and under any subpath: they climb to the
// site's root and go down to the target (../../zones/x/), so that a link
// depends only on how deep its page is. Canonical, hreflang, sitemap and
// feed URLs are absolute, from baseURL.
package main
