// Package e2e tests the built site in a real browser: Debian's Chromium,
// driven over the DevTools protocol by github.com/chromedp/chromedp.
//
// The package has no code of its own, only tests. Each run builds the site
// from the repository into a temporary folder, with
//
//	go run ./generator build -source <repo> -destination <tmp> -baseURL http://127.0.0.1:<port>/
//
// and serves it with net/http on 127.0.0.1, at the root and, on a second
// port, under the subpath /sub/ only. The tests then check, page by page:
//
//   - the home page renders in each language with no console error, no
//     uncaught exception and no failed request (a 4xx or 5xx response, or a
//     request that fails to load);
//   - the language switcher in the header leads from every kind of page to
//     the same page in the other language, and back;
//   - search finds a zone by a Chinese and by an English word, and its
//     result link opens the zone; issue 11's queries find what a reader
//     expects in both languages (a table in search_test.go), every match is
//     marked, snippets are whole words of a reader's size, the query
//     survives the language switcher and the back button, and a first
//     query fetches at most 150 KB of the index;
//   - the site works under /sub/: every request succeeds, the stylesheet
//     applies, every link stays under /sub/ and search still works;
//   - axe-core reports no violation (its default rules and target-size, as
//     Lighthouse runs them) on the home, a zone, the search and the 404
//     page of each language, on a phone and a desktop screen, in the light
//     and in the dark colour scheme;
//   - on a 360 px phone, the headline of every kind of page starts within
//     200 px of the top, and content keeps a margin above the footer;
//   - lists of names wrap between names, never inside one; no heading ends
//     in a line of one character; the search boxes show their whole
//     placeholder;
//   - a chart's text is at the body's size, its values stay on one line
//     inside the column, and each bar is its share of the track;
//   - each 404 page carries every language's message, its own first, so a
//     host that serves only the root 404.html still speaks English;
//   - screenshots of the home and a zone page at 360 and 1280 pixels wide,
//     full page, for people to look at (and no page is wider than a 360 px
//     phone screen).
//
// # Running
//
// The tests are part of the one test command, go test ./... . They need
// Chromium (apt-get install chromium fonts-noto-cjk) and, for the axe test,
// node_modules/axe-core (npm ci --ignore-scripts). Without them the tests
// skip on a developer's machine, and fail when the environment variable CI
// is set, as it is in .ci/run and in hosted CI: there a missing browser is a
// broken pipeline, not a reason to pass.
//
// Environment variables:
//
//	CI              set (to anything) makes a missing browser or axe-core a failure
//	SCREENSHOT_DIR  where the screenshots go; default: a temporary folder that the
//	                test logs (go test -v shows it) and removes at the end
//	E2E_SOURCE      the site folder to build (config.toml, content/, layouts/);
//	                default: the repository root. The search tables expect
//	                the real site and skip on another; the fetch test and
//	                the search benchmarks are for the 10,000-pair site
//	                (see README.md, Search)
//	CHROMIUM        the browser to run; default: the first of chromium,
//	                chromium-browser, google-chrome, headless_shell on PATH
//
// For example, to look at the pages after a layout change:
//
//	SCREENSHOT_DIR=/tmp/shots go test ./generator/e2e -run Screenshots -v
package e2e
