package e2e

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// site is the built site, served over HTTP for the whole test binary.
type site struct {
	dir  string // the built files
	root string // "http://127.0.0.1:port": the site at the server's root
	sub  string // "http://127.0.0.1:port2/sub/": the same files under a subpath only
}

var (
	siteOnce sync.Once
	theSite  *site
	siteErr  error
	cleanups []func()
)

func TestMain(m *testing.M) {
	code := m.Run()
	for i := len(cleanups) - 1; i >= 0; i-- {
		cleanups[i]()
	}
	os.Exit(code)
}

// builtSite builds the site once per test binary and serves it; a test that
// calls it fails if the build fails.
func builtSite(t testing.TB) *site {
	t.Helper()
	siteOnce.Do(func() { theSite, siteErr = buildAndServe() })
	if siteErr != nil {
		t.Fatalf("cannot build and serve the site: %v", siteErr)
	}
	return theSite
}

func buildAndServe() (*site, error) {
	repo, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		return nil, err
	}
	source := repo
	if s := os.Getenv("E2E_SOURCE"); s != "" {
		if source, err = filepath.Abs(s); err != nil {
			return nil, err
		}
	}
	dir, err := os.MkdirTemp("", "westcoast-e2e-")
	if err != nil {
		return nil, err
	}
	cleanups = append(cleanups, func() { os.RemoveAll(dir) })
	public := filepath.Join(dir, "public")

	// Listen first: the port goes into -baseURL, so that the absolute links
	// (the 404 pages use them) point at this server.
	rootLn, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	subLn, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		rootLn.Close()
		return nil, err
	}
	s := &site{
		dir:  public,
		root: "http://" + rootLn.Addr().String(),
		sub:  "http://" + subLn.Addr().String() + "/sub/",
	}

	cmd := exec.Command("go", "run", "./generator", "build",
		"-source", source, "-destination", public, "-baseURL", s.root+"/")
	cmd.Dir = repo
	if out, err := cmd.CombinedOutput(); err != nil {
		rootLn.Close()
		subLn.Close()
		return nil, fmt.Errorf("%s: %v\n%s", strings.Join(cmd.Args, " "), err, out)
	}

	files := http.FileServer(http.Dir(public))
	rootSrv := &http.Server{Handler: files, ReadHeaderTimeout: 10 * time.Second}
	// The subpath server serves nothing but /sub/, so that a link that
	// escapes the subpath (an absolute "/style.css") fails as it would on
	// a real host.
	subMux := http.NewServeMux()
	subMux.Handle("/sub/", http.StripPrefix("/sub", files))
	subSrv := &http.Server{Handler: subMux, ReadHeaderTimeout: 10 * time.Second}
	go rootSrv.Serve(rootLn)
	go subSrv.Serve(subLn)
	cleanups = append(cleanups, func() { rootSrv.Close(); subSrv.Close() })
	return s, nil
}

// needCI fails the test when CI is set and skips it otherwise: what is
// missing is a broken pipeline in CI, and a missing tool on a laptop.
func needCI(t testing.TB, format string, args ...any) {
	t.Helper()
	msg := fmt.Sprintf(format, args...)
	if os.Getenv("CI") != "" {
		t.Fatalf("%s (CI is set, so this is a failure, not a skip)", msg)
	}
	t.Skip(msg + " (skipped; set CI=1 to make this a failure)")
}

// chromiumPath finds the browser, or "".
func chromiumPath() string {
	if p := os.Getenv("CHROMIUM"); p != "" {
		if found, err := exec.LookPath(p); err == nil {
			return found
		}
		return ""
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "headless_shell"} {
		if found, err := exec.LookPath(name); err == nil {
			return found
		}
	}
	return ""
}

// browser is one headless Chromium with one tab, for one test.
type browser struct {
	t   testing.TB
	ctx context.Context // the tab; use b.timeout for one step
	rec *recorder
}

// newBrowser starts Chromium with a fresh profile for the test, and closes
// it when the test ends.
func newBrowser(t testing.TB) *browser {
	t.Helper()
	exe := chromiumPath()
	if exe == "" {
		needCI(t, "Chromium not found: apt-get install chromium fonts-noto-cjk")
	}
	profile := t.TempDir() // registered first, so removed after the browser stops
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(exe),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-default-apps", true),
		chromedp.Flag("disable-extensions", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.Flag("disable-features", "Translate,MediaRouter,OptimizationHints"),
		chromedp.Flag("metrics-recording-only", true),
		chromedp.Flag("password-store", "basic"),
		chromedp.Flag("use-mock-keychain", true),
		chromedp.Flag("force-color-profile", "srgb"),
		chromedp.Flag("lang", "en-US"),
		chromedp.UserDataDir(profile),
		chromedp.WindowSize(1280, 800),
	}
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	rec := newRecorder()
	ctx, cancel := chromedp.NewContext(allocCtx, chromedp.WithListener(rec.listen))
	t.Cleanup(func() {
		cctx, ccancel := context.WithTimeout(ctx, 10*time.Second)
		defer ccancel()
		if err := chromedp.Cancel(cctx); err != nil && !errors.Is(err, context.Canceled) {
			t.Logf("closing Chromium: %v", err)
		}
		cancel()
		cancelAlloc()
	})
	// The first Do starts the browser and opens the tab, with no timeout:
	// the browser lives as long as this context.
	start := time.Now()
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("starting %s: %v", exe, err)
	}
	t.Logf("started %s in %s", exe, time.Since(start).Round(time.Millisecond))
	return &browser{t: t, ctx: ctx, rec: rec}
}

// step returns a context for one step of the test, with a time limit.
func (b *browser) step() (context.Context, context.CancelFunc) {
	return context.WithTimeout(b.ctx, 30*time.Second)
}

// do runs actions and fails the test on an error.
func (b *browser) do(what string, actions ...chromedp.Action[chromedp.Void]) {
	b.t.Helper()
	ctx, cancel := b.step()
	defer cancel()
	if err := chromedp.Do(ctx, actions...); err != nil {
		b.t.Fatalf("%s: %v", what, err)
	}
}

// eval evaluates a JavaScript expression and decodes its value.
func eval[T any](b *browser, expr string, opts ...chromedp.EvaluateOption) T {
	b.t.Helper()
	ctx, cancel := b.step()
	defer cancel()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](expr, opts...))
	if err != nil {
		b.t.Fatalf("evaluating %.80q: %v", expr, err)
	}
	return v
}

// open loads a URL, waits for the load event and for the network to settle,
// and fails the test if the document itself did not load with status 200.
func (b *browser) open(url string) {
	b.t.Helper()
	ctx, cancel := b.step()
	defer cancel()
	resp, err := chromedp.Run(ctx, chromedp.NavigateResponse(url))
	if err != nil {
		b.t.Fatalf("opening %s: %v", url, err)
	}
	if resp.Status != http.StatusOK {
		b.t.Fatalf("opening %s: HTTP status %d, want 200", url, resp.Status)
	}
	b.settle()
}

// click clicks the element that matches a CSS selector, waits for the page
// it navigates to, and fails the test unless that page loads with status 200.
func (b *browser) click(css string) {
	b.t.Helper()
	ctx, cancel := b.step()
	defer cancel()
	resp, err := chromedp.RunResponse(ctx, chromedp.Click(chromedp.CSS(css), chromedp.NodeVisible))
	if err != nil {
		b.t.Fatalf("clicking %s: %v", css, err)
	}
	if resp == nil || resp.Status != http.StatusOK {
		status := int64(0)
		if resp != nil {
			status = resp.Status
		}
		b.t.Fatalf("clicking %s: HTTP status %d, want 200", css, status)
	}
	b.settle()
}

// settle waits until no request has been in flight for a short while, so
// that late requests (a script's fetch, a font) are seen before the test
// looks at the recorded problems.
func (b *browser) settle() {
	b.t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for time.Now().Before(deadline) {
		if b.rec.quietFor(150 * time.Millisecond) {
			return
		}
		time.Sleep(25 * time.Millisecond)
	}
}

// location is the URL of the page in the tab.
func (b *browser) location() string {
	b.t.Helper()
	ctx, cancel := b.step()
	defer cancel()
	loc, err := chromedp.Run(ctx, chromedp.Location())
	if err != nil {
		b.t.Fatalf("reading the location: %v", err)
	}
	return loc
}

// clean reports, as test errors, every problem recorded since the last
// call: console errors, uncaught exceptions and failed requests.
func (b *browser) clean(page string) {
	b.t.Helper()
	for _, p := range b.rec.take() {
		b.t.Errorf("%s: %s", page, p)
	}
}

// recorder collects what went wrong in the tab, from the browser's events.
type recorder struct {
	mu       sync.Mutex
	urls     map[network.RequestID]string
	inFlight map[network.RequestID]bool
	lastNet  time.Time
	problems []string
}

func newRecorder() *recorder {
	return &recorder{
		urls:     make(map[network.RequestID]string),
		inFlight: make(map[network.RequestID]bool),
	}
}

// listen runs on chromedp's event loop: it only records, under the lock.
func (r *recorder) listen(ev any) {
	r.mu.Lock()
	defer r.mu.Unlock()
	switch ev := ev.(type) {
	case *network.EventRequestWillBeSent:
		r.urls[ev.RequestID] = ev.Request.URL
		r.inFlight[ev.RequestID] = true
		r.lastNet = time.Now()
	case *network.EventResponseReceived:
		if ev.Response.Status >= 400 && !isFavicon(ev.Response.URL) {
			r.problems = append(r.problems, fmt.Sprintf("HTTP %d for %s", ev.Response.Status, ev.Response.URL))
		}
		r.lastNet = time.Now()
	case *network.EventLoadingFinished:
		delete(r.inFlight, ev.RequestID)
		r.lastNet = time.Now()
	case *network.EventLoadingFailed:
		delete(r.inFlight, ev.RequestID)
		r.lastNet = time.Now()
		if isFavicon(r.urls[ev.RequestID]) || ev.Canceled && isLiveStream(r.urls[ev.RequestID]) {
			break // the preview's event stream ends, as it should, when its page reloads
		}
		what := ev.ErrorText
		if ev.BlockedReason != "" {
			what += " (blocked: " + string(ev.BlockedReason) + ")"
		}
		if ev.Canceled {
			what += " (canceled)"
		}
		r.problems = append(r.problems, fmt.Sprintf("request failed: %s %s: %s", ev.Type, r.urls[ev.RequestID], what))
	case *runtime.EventExceptionThrown:
		d := ev.ExceptionDetails
		text := d.Text
		if d.Exception != nil && d.Exception.Description != "" {
			text += " " + d.Exception.Description
		}
		r.problems = append(r.problems, fmt.Sprintf("uncaught exception at %s:%d:%d: %s", d.URL, d.LineNumber+1, d.ColumnNumber+1, text))
	case *runtime.EventConsoleAPICalled:
		if ev.Type == runtime.ConsoleAPICalledTypeError || ev.Type == runtime.ConsoleAPICalledTypeAssert {
			var parts []string
			for _, a := range ev.Args {
				switch {
				case len(a.Value) > 0:
					parts = append(parts, string(a.Value))
				case a.Description != "":
					parts = append(parts, a.Description)
				default:
					parts = append(parts, string(a.Type))
				}
			}
			r.problems = append(r.problems, fmt.Sprintf("console.%s: %s", ev.Type, strings.Join(parts, " ")))
		}
	case *log.EventEntryAdded:
		if e := ev.Entry; e.Level == log.EntryLevelError && !isFavicon(e.URL) {
			r.problems = append(r.problems, fmt.Sprintf("browser %s error: %s (%s)", e.Source, e.Text, e.URL))
		}
	}
}

// isFavicon reports whether a URL is the /favicon.ico that Chromium asks for
// by itself when a page names no icon. It asks at a moment of its own
// choosing, so a 404 for it would make the tests flaky; TestHomeRenders
// checks instead that every page names its icon.
func isFavicon(u string) bool {
	p, err := url.Parse(u)
	return err == nil && strings.HasSuffix(p.Path, "/favicon.ico")
}

// quietFor reports whether no request is in flight and none has started or
// ended for d.
func (r *recorder) quietFor(d time.Duration) bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	return len(r.inFlight) == 0 && time.Since(r.lastNet) >= d
}

// take returns the problems recorded so far and forgets them.
func (r *recorder) take() []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	p := r.problems
	r.problems = nil
	return p
}

// isLiveStream reports whether url is the preview's event stream.
func isLiveStream(url string) bool {
	return strings.Contains(url, "/__live?")
}
