// Package serve is the editor's preview: it builds the site in memory,
// serves it on a local address, rebuilds when a source file changes and
// tells open pages to reload. A build that fails keeps the last good site
// on screen and prints the error.
package serve

import (
	"bytes"
	"fmt"
	"io"
	"io/fs"
	"mime"
	"net"
	"net/http"
	"net/url"
	"path"
	"strings"
	"sync"
	"time"
)

// Options say what to serve and where.
type Options struct {
	Source fs.FS                             // the site's source, watched for changes
	Addr   string                            // host:port
	Build  func() (map[string][]byte, error) // the site's files by path
	Log    io.Writer
}

// timeouts bound how long a client may hold a connection: one that sends
// half a request, or reads nothing, is cut off instead of held forever.
type timeouts struct {
	readHeader, read, write, idle time.Duration
}

// defaultTimeouts are generous for a browser on the same machine, which
// sends a request at once; the write timeout covers the largest page, not
// the live-reload stream, which extends its own.
var defaultTimeouts = timeouts{readHeader: 5 * time.Second, read: 10 * time.Second, write: 30 * time.Second, idle: 2 * time.Minute}

// server holds the last good build and the pages waiting for a reload.
type server struct {
	opts     Options
	timeouts timeouts
	mu       sync.RWMutex
	files    map[string][]byte
	rebuilt  chan struct{} // closed by the next good build
}

func newServer(opts Options) *server {
	return &server{opts: opts, timeouts: defaultTimeouts, rebuilt: make(chan struct{})}
}

// Run builds, serves and watches until the listener fails.
func Run(opts Options) error {
	s := newServer(opts)
	if err := s.rebuild(); err != nil {
		return err
	}
	ln, err := net.Listen("tcp", opts.Addr)
	if err != nil {
		return fmt.Errorf("serve: %w", err)
	}
	go s.watch()
	fmt.Fprintf(opts.Log, "serving on http://%s/ (Ctrl-C to stop)\n", opts.Addr)
	return s.httpServer().Serve(ln)
}

func (s *server) httpServer() *http.Server {
	return &http.Server{
		Handler:           s,
		ReadHeaderTimeout: s.timeouts.readHeader,
		ReadTimeout:       s.timeouts.read,
		WriteTimeout:      s.timeouts.write,
		IdleTimeout:       s.timeouts.idle,
	}
}

func (s *server) rebuild() error {
	start := time.Now()
	files, err := s.opts.Build()
	if err != nil {
		fmt.Fprintln(s.opts.Log, err)
		return err
	}
	s.mu.Lock()
	s.files = files
	close(s.rebuilt)
	s.rebuilt = make(chan struct{})
	s.mu.Unlock()
	fmt.Fprintf(s.opts.Log, "built %d files in %s\n", len(files), time.Since(start).Round(time.Millisecond))
	return nil
}

// watch polls the source's modification times: it needs no dependency and
// no OS-specific notification API, and a site this size is scanned in well
// under a millisecond.
func (s *server) watch() {
	last := s.stamp()
	for range time.Tick(300 * time.Millisecond) {
		if now := s.stamp(); now != last {
			last = now
			_ = s.rebuild()
		}
	}
}

// stamp sums up the source's state. A file the source refuses to read is
// part of it, by its error: fixing it rebuilds the site.
func (s *server) stamp() string {
	var b strings.Builder
	for _, dir := range []string{"config.toml", "content", "layouts"} {
		_ = fs.WalkDir(s.opts.Source, dir, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				fmt.Fprintf(&b, "%s: %v\n", p, err)
				return nil
			}
			if info, err := d.Info(); err == nil {
				fmt.Fprintf(&b, "%s %d %d\n", p, info.Size(), info.ModTime().UnixNano())
			}
			return nil
		})
	}
	return b.String()
}

const reloadPath = "/__reload"

// reloadScript is added to HTML pages in preview only: it waits for the
// next build and reloads.
const reloadScript = `<script>new EventSource("` + reloadPath + `").onmessage=function(){location.reload()}</script>`

func (s *server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.URL.Path == reloadPath {
		s.events(w, r)
		return
	}
	p := strings.TrimPrefix(path.Clean(r.URL.Path), "/")
	if strings.HasSuffix(r.URL.Path, "/") {
		p = path.Join(p, "index.html")
	}
	s.mu.RLock()
	data, ok := s.files[p]
	if !ok {
		if _, ok := s.files[path.Join(p, "index.html")]; ok {
			s.mu.RUnlock()
			redirectToFolder(w, r, p)
			return
		}
	}
	notFound := s.files["404.html"]
	s.mu.RUnlock()
	status := http.StatusOK
	if !ok {
		status, data, p = http.StatusNotFound, notFound, "404.html"
	}
	if strings.HasSuffix(p, ".html") {
		data = bytes.Replace(data, []byte("</body>"), []byte(reloadScript+"</body>"), 1)
	}
	if ct := mime.TypeByExtension(path.Ext(p)); ct != "" {
		w.Header().Set("Content-Type", ct)
	}
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	_, _ = w.Write(data)
}

// redirectToFolder sends the browser to the folder p of this site, with a
// slash. The location is built from the cleaned path, one slash first, and
// escaped: a request for //host must not become a redirect to that host
// (http.Redirect would pass "//host/" through as is).
func redirectToFolder(w http.ResponseWriter, r *http.Request, p string) {
	folder := "/" + p + "/"
	if p == "" { // /zones/.. is the root, and "//" a protocol-relative address
		folder = "/"
	}
	loc := (&url.URL{Path: folder}).EscapedPath()
	if r.URL.RawQuery != "" {
		loc += "?" + r.URL.RawQuery
	}
	w.Header().Set("Location", loc)
	w.WriteHeader(http.StatusMovedPermanently)
}

// events sends one message when the site is next rebuilt. The stream
// stays open for as long as the editor works, past the server's write
// timeout, so each message gets a fresh write deadline. (The read timeout
// does not cut it: net/http lifts the read deadline once the request is
// read, to notice the client leaving.)
func (s *server) events(w http.ResponseWriter, r *http.Request) {
	s.mu.RLock()
	rebuilt := s.rebuilt
	s.mu.RUnlock()
	rc := http.NewResponseController(w)
	send := func(msg string) error {
		if s.timeouts.write > 0 {
			_ = rc.SetWriteDeadline(time.Now().Add(s.timeouts.write))
		}
		if _, err := io.WriteString(w, msg); err != nil {
			return err
		}
		return rc.Flush()
	}
	w.Header().Set("Content-Type", "text/event-stream")
	w.Header().Set("Cache-Control", "no-store")
	if send(": connected\n\n") != nil {
		return
	}
	select {
	case <-rebuilt:
		_ = send("data: reload\n\n")
	case <-r.Context().Done():
	}
}
