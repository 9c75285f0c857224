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
//		-buildExpired        include pages whose expiryDate has passed
//		-buildFuture         include pages whose publishDate is still to come
//		-drafts              include pages marked draft
//		-maxFileSize SIZE    refuse any source file over SIZE (1MB = 1024KB) (default 10MB)
//
//	Flags of build:
//
//		-destination DIR     write the site to DIR (default: public/ in the source folder)
//		-v                   print what was built, per language, even when standard error is not a terminal
//
//	Flags of serve:
//
//		-bind ADDRESS        listen on ADDRESS (default "127.0.0.1")
//		-port N              listen on port N (default 1313)
//
// Each command's -h prints its own usage and flags. Exit status is 0 on
// success, 1 on a content or template error (printed as file:line:col:
// message) and 2 on bad usage.
//
// A build ends with one line on standard error:
//
//	built 74 pages (zh 37, en 37) in 90ms
//
// On a terminal, and with -v anywhere, a table of what it made follows:
//
//	                 zh  en  total
//	pages            37  37     74
//	paginator pages   0   0      0
//	aliases           0   0      0
//	feeds            23  23     46
//	static files                 3
//	resized images               0
//
// A build on a terminal that runs past a second shows meanwhile how far it
// has got, on one line written over in place and erased when it ends:
//
//	rendered 1200 of 20000 pages (6%)
//
// A CI log, which is no terminal, keeps the one line.
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
// /etc/passwd is an error, not a published page; nor into a hidden file or
// folder of the site (.git, .env), which may hold a password or a token.
// Hidden files and folders in content/ are left out of the site, and
// anywhere in the source editors' backups (page.md~, #page.md#), version
// control's folders (.git, .hg, .svn) and .DS_Store; other hidden files of
// layouts/assets/ (.well-known/, .htaccess) are copied like the rest. No source file may be
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
//	updated = 2026-11-29                    # when the content last changed: feeds (a date, no quotes)
//
//	[taxonomies]                            # singular = plural; the plural is the front matter key and URL
//	industry = "industries"
//
//	[pageParams]                            # optional: the params pages may set, and their types
//	reporters = "strings"
//	series = "string"
//
//	[params]                                # free-form, for layouts: .Site.Params.desk
//	desk = "desk@example.org"
//	brand = "West Coast"
//
//	[languages.zh]
//	name = "中文"                            # shown in the language switcher
//	weight = 1                              # order of languages
//	title = "站点标题"                        # .Site.Title
//	description = "站点简介"
//	direction = "ltr"                       # ltr (the default) or rtl: .Lang.Direction, for <html dir>
//	[languages.zh.params]                   # over [params] for this language's pages
//	brand = "西海岸"
//	[languages.zh.ui]                       # UI strings, read in templates with .T "home"
//	home = "首页"
//	[languages.zh.format]                   # how the language writes numbers, money and dates
//	date = "2006年1月2日"
//	[[languages.zh.menus.main]]             # a menu: .Site.Menus.main
//	pageRef = "/zones"
//	weight = 1
//
//	[languages.en]
//	typographer = true                      # “curly” quotes, – — dashes and … from "straight" ones, -- --- and ...
//
// baseURL is an http or https URL with a host and a path, and no query,
// fragment or user name (the -baseURL flag too). Language codes and both
// names of a taxonomy become parts of URLs, so they are lower-case slugs
// (a-z, 0-9, "-"); a taxonomy may not be named like a front matter key
// (title, params...) or a language, and its folder in content/ holds only
// the _index files of the taxonomy and its terms, not pages of a section.
//
// typographer suits languages set in Latin type, such as English. It never
// touches Chinese text: a quotation mark, dash or ellipsis with a Chinese
// character on either side is left as typed, since Chinese has its own
// full-width marks (“”——……), and code is never changed. Languages without
// it (Chinese) keep every character as written.
//
// Every language must define the same set of UI strings, and each UI string
// the same placeholders (%s, %d), in the same order, in every language.
//
// A taxonomy's page and its terms' pages need no file in content/: when
// they have none, their title is the UI string named like their path,
// "industries" for the taxonomy and "industries.chips" for a term, so that
// a Chinese page is never titled with an English slug. Without either, the
// build names the file or UI string to write.
//
// [params] and [languages.<code>.params] are free-form tables for layouts,
// as in Hugo. A page reads them as .Site.Params.<key>: the language's value
// where both set a key, and two tables merged key by key.
//
// [pageParams] declares the page params and their types: string, strings (a
// list of strings), int, float, bool, date, table and tables (a list of
// tables, written [[params.name]]). When it is there, a param that it does
// not declare, or of another type, is an error at the content file's line; a
// float written 3 is read as 3.0. Without it, params are free-form.
//
// # Menus
//
// A menu is a list of entries per language, as Hugo's
// [[languages.<code>.menus.<name>]]; layouts read .Site.Menus.<name>, in
// order of weight (weighted entries first), then name:
//
//	[[languages.en.menus.main]]
//	pageRef = "/zones"              # a page by its path in content/: /zones, /about.md,
//	weight = 1                      # /zones/_index.md; its name is the page's linkTitle or title
//	[[languages.en.menus.main]]
//	name = "About us"               # or a name of its own
//	pageRef = "/about.md"
//	weight = 2
//	[[languages.en.menus.main]]
//	name = "Write to us"
//	url = "mailto:desk@example.org" # or an address (https:, mailto:) or a site path (/search/)
//
// An entry has a pageRef or a url, not both; one with a url needs a name.
// A pageRef names the page of that language at that path or, when that
// language's file has another name (translationKey), the translation of the
// page there. A pageRef to no
// page is an error at its line; one to a page left out of this build (a
// draft, a page still to come) leaves the entry out until it is published.
// Each entry has .Name, .Weight, .Page (nil for a url) and .URL (a url as
// written); $.Rel . links to it:
//
//	<nav><ul>{{range .Site.Menus.main}}
//	<li><a href="{{$.Rel .}}"{{if $.IsMenuCurrent "main" .}} aria-current="page"{{else if $.HasMenuCurrent "main" .}} aria-current="true"{{end}}>{{.Name}}</a></li>
//	{{end}}</ul></nav>
//
// # Numbers, money and dates
//
// The generator knows no language's way of writing numbers: each language
// says its own in [languages.<code>.format], and a language that leaves a
// key out gets the default shown. A new language needs no code.
//
//	[languages.en.format]
//	date = "2 January 2006"    # Go's reference date, as the language writes it (default "2006-01-02")
//	# months = ["janvier", …]  # the months' names for "January" in date, January first, if not English
//	digitGroup = ","           # between groups of three digits; "" for none (default ",")
//	decimalMark = "."          # (default ".")
//	unitSpace = " "            # between a number and its unit: "14 projects"; "" gives "14个" (default " ")
//	money = "CNY %s"           # an amount of yuan; %s is the number (default "CNY %s")
//	percent = "%s%"            # (default "%s%")
//	scale = [{ value = 1e9, name = "billion" }, { value = 1e6, name = "million" }]   # large amounts: CNY 42 billion
//
//	[languages.zh.format]      # 420亿元, 14个, 2026年11月29日
//	date = "2006年1月2日"
//	digitGroup = ""
//	unitSpace = ""
//	money = "%s元"
//	scale = [{ value = 1e8, name = "亿" }, { value = 1e4, name = "万" }]
//
//	[languages.ar.format]      # 1٫23 مليار يوان, 2 مايو 2024
//	date = "2 January 2006"
//	months = ["يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر"]
//	digitGroup = "٬"
//	decimalMark = "٫"
//	money = "%s يوان"
//
// A date format that writes no part of a date ("YYYY-MM-DD"), months that
// are not twelve, a money or percent format without exactly one %s, a
// decimal mark that is empty or the same as the digit group, and a scale
// value not above 1 are errors at their line.
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
// index.toml, _index.toml). It may set weight, layout, draft, params,
// figures, the dates, aliases and the taxonomy keys; a key set both there
// and in a translation's front matter is an error.
//
// Files of different names are one page's translations when translationKey
// says so, as in Hugo: content/a-propos.fr.md with translationKey = "about"
// is the French of content/about.zh.md and about.en.md, which need not set
// it (a page's translation key is its path unless it sets one). Such a page
// has the facts of the file it is paired with, and its own URL, /fr/a-propos/.
// Two files of one language with one translation key, or a page paired with
// a section, are errors at the translationKey.
//
// File and folder names become URLs, so they must be lower-case ASCII slugs
// (a-z, 0-9, "-"), and a top-level folder may not be named like a language
// other than the default (its URLs would be that language's). Markdown must
// be UTF-8 without control characters other than tab and line breaks, and
// no TOML string may write one as an escape ("\u001b", "\b").
//
// # Front matter keys
//
//	title        page title (required)
//	linkTitle    shorter title for menus, cards and breadcrumbs
//	description  one-sentence summary for <meta name="description"> and cards
//	summary      a longer summary for lists and cards: one paragraph of
//	             inline Markdown (no heading, list, quote, table...); without
//	             it, the text before a line <!--more--> is the summary
//	draft        left out unless built with -drafts; a page is a draft in
//	             every language or in none
//	monolingual  true if the page exists in this language only, on purpose
//	weight       order among siblings (then title, then path)
//	layout       template name to use instead of the kind's default
//	<taxonomy>   list of term slugs, e.g. industries = ["chips", "finance"]
//	figures      figures, see below
//	params       table for layouts (.Params.key); free-form at any depth, or as
//	             [pageParams] in config.toml declares
//	date         when the page was written (a TOML date: 2024-05-01 or
//	             2024-05-01T08:30:00+08:00, no quotes); a date without an
//	             offset is in UTC
//	lastmod      when it last changed (default: date)
//	publishDate  when it may be published (default: date); until then it
//	             is left out of the build
//	expiryDate   when it is withdrawn: from then on it is left out
//	aliases      old URLs of the page, each a site path ("/old/path/",
//	             "/old/page.html") where a redirect page is written
//	slug         the last part of the page's URL in this language, a
//	             lower-case ASCII slug: slug = "harbour" gives /en/news/harbour/
//	translationKey  pairs files of different names as translations (above)
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
// figure is built in: no template may take its name. (Hugo's figure shows
// an image; here an image is ![alt](photo.jpg), and {{< figure src="…" >}}
// is an error that says so.)
//
// # Shortcodes
//
// Editors add their own shortcodes as templates in layouts/shortcodes/,
// called as in Hugo: layouts/shortcodes/note.html is
//
//	{{< note "warn" >}}                       parameters by position: .Get 0
//	{{< note kind="warn" title="Careful" >}}  or by name: .Get "kind"
//	{{< note kind="warn" >}}                  paired: the text between the tags
//	Markdown, **with marks** and {{< figure "h2-projects" >}}.
//	{{< /note >}}
//	{{< note />}}                             self-closed: a call without inner text
//	{{</* note "warn" */>}}                   the call itself, written out: for a
//	                                          page that shows how to call one
//
// A parameter is "quoted" (\" and \\ inside), `raw`, or a bare word; a call
// gives all its parameters by position or all by name. The template's dot
// is the call:
//
//	.Get 0, .Get "kind"    a parameter, or "" when the call does not give it;
//	                       asking by name when the call gives them by position
//	                       (or the other way round) is an error
//	.Inner                 the inner text of a paired call as HTML: Markdown
//	                       converted, shortcodes run, without <p> when it is one
//	                       paragraph (so an inline shortcode stays inline)
//	.Page                  the page the call is on: .Page.Title, .Page.Rel ...
//	.Name, .Ordinal        the shortcode's name; the call's number in the text, from 0
//	.Params, .IsNamedParams   all the parameters (a list, or a map by name)
//
// for example:
//
//	<aside class="note {{.Get "kind"}}"><b>{{.Page.T "note"}}</b> {{.Inner}}</aside>
//
// The template's HTML goes into the page as it is, never read as Markdown;
// a call that is a paragraph on its own replaces the paragraph, so a
// shortcode may write a <figure> or a <div>. Shortcode templates may call
// partials, and are not page templates. A call in code, or in a link's
// address, is an error: its HTML cannot stand there; to show a call in
// code, write {{</* name */>}}. Hugo's {{% … %}} calls are not supported:
// write {{< … >}}, whose inner text is Markdown already.
//
// A shortcode's faults are errors at the content file's line and column of
// the call, with the template's own position when the template fails:
//
//	content/zones/x.zh.md:12:1: unknown shortcode "nte": there is no layouts/shortcodes/nte.html (nor is it the built-in figure)
//	content/zones/x.zh.md:14:5: shortcode "note": layouts/shortcodes/note.html:1:10: .Get: position 0 asked for, but the call names its parameters: use .Get "key"
//
// # Dates and scheduled pages
//
// A page whose publishDate (or date) is after "now" is left out of the
// build, and so is one whose expiryDate is not after it, as in Hugo; build
// with -buildFuture or -buildExpired to keep them (the preview too). "Now"
// is SOURCE_DATE_EPOCH, seconds since 1970-01-01 UTC, when the environment
// sets it (CI sets it from the last commit, so that two builds of one
// commit agree), and otherwise the clock. Nothing else depends on it: the
// output holds no build time. A translation may be published later than
// its page; until then the language switcher leads to the nearest section.
// A published page that links to a page left out is an error at the link.
// An expiryDate not after the page's publishDate is an error.
//
// # Links between pages
//
// A Markdown link to a content file is a link to its page, as in Hugo:
//
//	[the port](dongjiakou.md)                 relative to the page's own file
//	[figures](/zones/dongjiakou.md#figures)   relative to content/
//	[zones](/zones/_index.md)                 a section; index.md is a bundle
//	[中文版](about.zh.md)                      a file of another language
//
// Without a language suffix the link leads to the page in the linking
// page's language, wherever its file is (translationKey included); with
// one, to that file's page. The link becomes the page's relative URL
// (../../zones/dongjiakou/#figures), so it survives a change of slug or
// folder. A link to no content file, to a page left out of this build,
// to a page without a translation in this language, or to a #fragment that
// the page has no heading, figure or layout id for, is an error at the
// link's line and column; so is a #fragment of the page itself that it
// does not have. A summary may not link to a content file: lists show it
// on pages elsewhere, where a relative link would lead astray. A link or
// image whose address could run a script or stand for a document
// (javascript:, vbscript:, file:, or data: other than an image) is an
// error too, not a link to nowhere.
//
// # Markdown
//
// Page text is CommonMark with GitHub's tables, strikethrough (~~old~~),
// task lists and bare links, and footnotes ([^1] and "[^1]: note"). Raw
// HTML is dropped. Emphasis and strikethrough work next to Chinese
// punctuation (**“重点”**是, ~~“旧”~~新), and a line break between two
// Chinese characters is no space.
//
//	详见 https://example.org/a。     a bare https://, http://, www. or e-mail address is a link
//	- [x] 已完成                     a task list: a ticked and an open box
//	- [ ] to do
//
// As in Hugo, a line <!--more--> ends the page's summary, for lists and
// cards, when front matter sets no summary: the text before it, one
// paragraph of inline Markdown, which may quote figures but run no other
// shortcode. The text before it stays in the page; the divider shows
// nowhere. One inside fenced code is code, not a divider.
//
//	西海岸新区**功能区**加快建设。
//
//	<!--more-->
//
//	正文……
//
// Fenced code with a language is coloured, as chroma lexes that language,
// with CSS classes (chroma's short names: k keyword, s string, m number, c
// comment, nf function, nb builtin; site.css colours them) and no inline
// style. A language chroma does not know is an error at the fence (a typo
// would lose the colours quietly); write text, or no language, for code
// without colours:
//
//	```go
//	func main() {}
//	```
//
// gives <pre class="chroma" tabindex="0"><code class="language-go"> with
// <span class="k">func</span> and the rest; tabindex lets a reader without
// a mouse scroll a long line.
//
// A layout shows the page's table of contents with .TableOfContents, as in
// Hugo: <nav id="TableOfContents"> with a list of links to the text's ##
// and ### headings, ### nested under their ##, each with the heading's
// text and id. It is empty for a page without such headings, so
// {{with .TableOfContents}}…{{end}} leaves out its frame too. No heading may
// take the id TableOfContents.
//
// # Images
//
// An image says what it shows, in its alt text; an image without one is an
// error. An image that only decorates says so with "" as its alt text,
// which gives alt="" (screen readers skip it):
//
//	![Dongjiakou port at dusk](port.jpg)
//	![""](rule.png)
//
// A relative image is looked up where the browser will look for it, beside
// the page's URL: put it in the page's bundle (content/zones/dongjiakou/
// with index.zh.md and index.en.md beside port.jpg). An image that is not
// there, or that is not an image (JPEG, PNG, GIF or WebP), is an error at
// its line. Every image gets loading="lazy" and decoding="async", and one
// of the site gets its width and height, so the page does not jump as it
// loads. A JPEG or PNG wider than the text column (640 CSS pixels, .prose
// in site.css) gets copies resized to 640, 960 and 1280 pixels, each only
// when narrower than the image, written beside it as port-640w.jpg and so
// on, and listed in srcset with sizes, so that a phone fetches no more
// than it shows:
//
//	<img src="port.jpg" alt="Dongjiakou port at dusk" width="2400" height="1600"
//	  srcset="port-640w.jpg 640w, port-960w.jpg 960w, port-1280w.jpg 1280w, port.jpg 2400w"
//	  sizes="(min-width: 42rem) 40rem, calc(100vw - 2rem)" loading="lazy" decoding="async">
//
// A file of the bundle with a copy's name (port-640w.jpg beside port.jpg)
// is an error: two files would be written to one path. So is an image of
// more than 50 million pixels (8000×6250): a small file can hold a huge
// blank image, which would fill the memory as it is resized. Copies are made
// with Catmull-Rom scaling and the standard encoders (JPEG quality 85), so
// the same image gives the same bytes on every build; they are kept
// between builds in the user's cache folder ($XDG_CACHE_HOME/westcoast,
// ~/.cache/westcoast on Linux, ~/Library/Caches/westcoast on macOS), by
// the image's contents, so a build resizes only new or changed images.
// Deleting the folder costs time, never a different site.
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
//	1 MiB (1,048,576 bytes)   one page's Markdown, as written and after shortcodes
//	64 KiB (65,536 bytes)     fenced code with a language (coloured) in one
//	                          text: write text as the language of a long listing
//	100                       lists, block quotes and footnotes nested in each other
//	500                       inline marks in one paragraph, heading or table
//	                          row: each '[', ']' and '<', and each run of
//	                          '*', '_', '~' or '`', unless escaped with '\'
//	5,000                     lines in one paragraph or table
//	1,000                     footnotes, and references to them, in one page
//	20                        paired shortcode calls nested in each other
//
// goldmark, which parses the Markdown, takes time that grows with the
// square of some inputs (thousands of unclosed "[a](" in one paragraph, a
// list nested thousands deep); within these limits any text converts in a
// second or two. TOML (config.toml, front matter, facts files) has limits
// of its own, for the same reason:
//
//	1 MiB (1,048,576 bytes)   one front matter, facts file or config.toml
//	20                        arrays and inline tables nested in each other
//	20                        parts of one key or table header (a.b.c has 3)
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
// .Key, .TranslationKey, .URL, .Permalink (the absolute URL, from
// baseURL), .Slug, .Lang, .Params, .Figures, .Pages, .Parent, .Prev, .Next,
// .Terms, .Alternates, .Switcher, .Breadcrumbs, .Related, .Image, .Aliases,
// .Lastmod, .PublishDate, .ExpiryDate, .Site), worked out once when the
// site loads, and .Content, the page's own text as HTML, with
// .TableOfContents, its ## and ### headings (see Markdown). The text is
// converted as the page is rendered, so other pages have no .Content:
// lists show their .Summary. Its methods do what depends on the page:
//
//	.T "key"                UI string in the page's language, as written
//	.T "updated" $date      the UI string with its %s, %d filled in; a string
//	                        whose verbs do not take exactly the values given
//	                        is an error (so is an unknown key)
//	.Rel page|"/path"|entry URL relative to the current page (absolute on
//	                        404.html); a menu entry's address as it is
//	.Abs page|"/path"       absolute URL from baseURL
//	.Get "zones"            the page with that key in this language ("" is home)
//	.Num 1234.5             number in the page's language
//	.Money 4.2e10           420亿元 / CNY 42 billion
//	.Date                   the page's date, a time: {{.Date.Year}},
//	                        {{.Date.Format "2006-01-02"}}, {{if .Date.IsZero}}
//	.FormatDate .Date       a time, or a date as text such as
//	                        .Site.Config.Updated, in the language's format:
//	                        2026年11月29日 / 29 November 2026
//	.Date .Site.Config.Updated   the older form of .FormatDate, kept for
//	                        layouts written for it
//	.IsMenuCurrent "main" e whether menu entry e leads to this page;
//	.HasMenuCurrent "main" e  to a section above it (not the home page)
//	.Figure f               a figure's value, qualifier and unit
//	.Label f, .Period f     a figure's label and period in the page's language
//	.Status f               "target" or "potential" as UI string status.<status>, or ""
//	.FigureTable figures    .Figures, .Period (shared by all, for a caption),
//	                        .RowPeriods (true when periods differ) and .Rows, each
//	                        with .ID, .Label, .Status, .Period (when periods
//	                        differ) and .Value written out: cheaper than calling
//	                        .Label, .Status and .Figure for every cell
//	.Charts                 one chart per group of like figures of a chart key:
//	                        .Key, .Title (UI string chart.<key>), .Period, .Unit
//	                        (of counts), .Whole (percentages) and .Bars
//	                        (.Figure, .Label, .Value, .Share from 0 to 1)
//	.Paginator              on a list page (home, section, taxonomy, term): its
//	                        members paginate at a time (.Pages), with .PageNumber,
//	                        .TotalPages, .Prev, .Next, .First, .Last (pagers: link
//	                        with $.Rel), .HasPrev, .HasNext, .Pagers and .Nearby n
//	                        (the first, the last and those within n). A list page
//	                        whose template asks for it is written once per pager:
//	                        <URL>, <URL>page/2/, … (Hugo's .Paginator and paths)
//	.Lang.FeedURL, .Lang.SearchIndexURL   site paths of the language's feed
//	                        and of the search index (one for all languages),
//	                        for .Rel and .Abs
//	.FeedURL                the site path of the page's own feed: the home
//	                        page's (the language's), a section's or a term's;
//	                        "" for other pages (see Feeds)
//	.Lang.Direction         "ltr" or "rtl": <html lang="{{.Lang.Code}}" dir="{{.Lang.Direction}}">
//
// .Site is the site as the page's language sees it, as in Hugo: .Site.Title
// (the language's), .Site.Language, .Site.Params, .Site.Menus, and what is
// the same for every language: .Site.Config, .Site.Pages (every page of
// every language), .Site.Languages.
//
// Its fields that are pages, besides .Parent, .Pages, .Prev and .Next:
//
//	.Alternates             the page in each language it exists in (hreflang)
//	.Switcher               per other language, the translation or the nearest
//	                        section that has one (the language switcher)
//	.Breadcrumbs            the pages above this one, home first
//	.Related                the pages that share the most terms with it (see
//	                        Related pages)
//
// Inside {{range}} the dot is a *model.Page, without methods: use $.Rel .,
// $.Label . and so on. Functions: dict (key, value pairs for a partial),
// add, first (first 12 .Pages: a list's first pages, Hugo's), printf, which like .T refuses a format whose verbs do not match its
// values instead of writing "%!s(MISSING)" into the page, and:
//
//	partial "name.html" .              runs layouts/partials/name.html
//	partialCached "name.html" . [v…]   the same, run once for all the pages
//	                                   with the same language, depth and
//	                                   variants v, and reused
//
// Partials may call each other, and themselves (for a tree), up to 100
// deep; one that calls itself without end is an error, not a crash. A
// partialCached may not ask for its own result, which it would wait for.
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
// # Feeds, sitemap and other files
//
// Besides the pages, each build writes an Atom feed, index.xml beside the
// page as in Hugo, for the home page of each language, each section and
// each taxonomy term: /index.xml and /en/index.xml hold the latest pages
// of the language, /zones/index.xml those of the section and the sections
// below it, /industries/finance/index.xml those filed under the term. A
// feed lists the latest pages with their summaries: the newest first, by
// date, then those without one in list order; each entry's updated is its
// lastmod, or the site's updated. A page's .FeedURL is where its feed is,
// for its head:
//
//	{{with .FeedURL}}<link rel="alternate" type="application/atom+xml" href="{{$.Rel .}}">{{end}}
//
// Per language, it writes 404.html; once, the search index of every
// language (search-index/: a small manifest, shards of keys, a file per
// page; see package generator/search; pages whose layout is "search" are
// left out) if a layout uses it, that is if some template mentions
// .SearchIndexURL or the folder search-index/ (layouts without search get
// no index, much as Hugo makes only the outputs a site asks for);
// sitemap.xml (with hreflang alternates, and each page's lastmod when
// it has one) and robots.txt, which names sitemap.xml. One file of a
// sitemap may hold 50,000 URLs and 50 MB (the protocol's limits): the
// sitemap of a larger site is split into sitemap-1.xml, sitemap-2.xml, …,
// each within both, and sitemap.xml is then the sitemap index that lists
// them, with the latest lastmod of each:
//
//	<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
//	  <sitemap>
//	    <loc>https://example.org/site/sitemap-1.xml</loc>
//	    <lastmod>2024-05-20T08:30:00+08:00</lastmod>
//	  </sitemap>
//	  <sitemap>
//	    <loc>https://example.org/site/sitemap-2.xml</loc>
//	  </sitemap>
//	</sitemapindex>
//
// At each of a page's aliases it writes a small redirect page: a canonical
// link, a meta refresh and a plain link to the page, marked noindex and
// left out of the sitemap. An alias, or any file of the site, at the path
// of another file (another page's URL or alias, a feed, a part of the
// sitemap) is an error. In config.toml:
//
//	paginate = 10             pages on one page of a list (Hugo's key)
//	[services.rss]
//	limit = 20                entries in a feed (Hugo's key)
//
// # Related pages
//
// .Related lists the content pages that share the most taxonomy terms
// with a page, as Hugo's .Related: those with the most shared terms first
// (each counting its taxonomy's weight), then the newest by date, then in
// list order (weight, then title); in the page's language and never the
// page itself; at most 5. They are worked out once, when the site loads.
// Sections, taxonomies and terms have none.
//
//	{{with .Related}}<ul>{{range .}}<li><a href="{{$.Rel .}}">{{.Title}}</a></li>{{end}}</ul>{{end}}
//
// [related] in config.toml is the part of Hugo's that applies, and a limit:
//
//	[related]
//	limit = 3                 # how many a page gets (default 5); 0 for none
//	[[related.indices]]       # the taxonomies that count, and how much
//	name = "industries"       # (default: every taxonomy, each term 1)
//	weight = 2
//	[[related.indices]]
//	name = "themes"           # weight 1
//
// An index that is no taxonomy, one named twice, a weight under 1 and
// Hugo's keys that this generator lacks (threshold, includeNewer,
// toLower) are errors at their line. A page weighs, of each of its terms,
// only the 50 pages on either side of it in date: a term of ten thousand
// pages costs no more than one of a hundred, and a page in a long-running
// term is related to the pages near it in time.
//
// # Sharing: og:image and JSON-LD
//
// .Image is the absolute URL of the image that stands for a page where it
// is shared (og:image), chosen as Hugo's opengraph template chooses: the
// first of the page's params.images; else an image of its bundle whose
// name holds "feature", else "cover" or "thumbnail"; else the first of the
// site's params.images ([params], or [languages.<code>.params] over it):
//
//	[params]
//	images = ["/og-image.png"]     # a file of layouts/assets/ or content/, or https://…
//
//	+++
//	title = "The port expands"
//	[params]
//	images = ["harbour.jpg"]       # a file beside the page, in its bundle; or a site path or address
//	+++
//
//	{{with .Image}}<meta property="og:image" content="{{.}}">{{end}}
//
// An image that is no file of the site, a name not beside the page, or
// images that are not a list of strings are errors at their line. With
// [pageParams], declare images = "strings". Most sites that read og:image
// take no SVG: give a PNG or JPEG of 1200 by 630 pixels, as this site's
// layouts/assets/og-image.png (made from layouts/og-image.svg).
//
// This site's articles, the zones, the district bodies and the commentary,
// carry JSON-LD (schema.org NewsArticle) from layouts/partials/newsarticle.html.
// Inside <script type="application/ld+json">, html/template writes each
// {{value}} as JSON (a string quoted, with ", \ and </script> escaped; a
// time in RFC 3339), so write values without quotes around them and no
// title can break the script:
//
//	<script type="application/ld+json">
//	{"@context": "https://schema.org", "@type": "NewsArticle",
//	"headline": {{.Title}}, "url": {{.Permalink}},
//	{{- if not .Page.Date.IsZero}} "datePublished": {{.Page.Date}},{{end}}
//	"inLanguage": {{.Lang.Code}}}
//	</script>
//
// Dates are given only when the page has them (.Date, .Lastmod). The
// feature's pages name its reporters as authors (the home page's
// params.reporters); the commentary names none, as its author is on a page
// the site does not have; and since our text does not name the newspaper,
// no publisher is given, only the site as the markup's publisher
// (sdPublisher) and, in English, as translator.
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
// link and #fragment in the built pages, and reports a broken link that a
// page's text holds at the text's file, line and column
// (content/about.zh.md:11:40: link "../zone/": no such file), and one that
// a layout makes in the built file. A template fault names the template
// position and the page being rendered; one that many pages meet is reported
// once, with the first page and how many more:
//
//	layouts/partials/nav.html:1:13: .Lang.Nmae: a language has no field or method Nmae (rendering content/_index.zh.md and 14 more pages)
//
// # URLs
//
// Pages get pretty URLs: zones/x.zh.md is written to zones/x/index.html and
// linked as zones/x/; a page's slug replaces the x in its language. The
// default language is at the root, the others under /<code>/, aliases too:
// aliases = ["/old/"] in an English page writes /en/old/. Links between
// pages are relative to the page they are on, so the
// site works at a host's root and under any subpath: they climb to the
// site's root and go down to the target (../../zones/x/), so that a link
// depends only on how deep its page is. Canonical, hreflang, sitemap and
// feed URLs are absolute, from baseURL.
package main
