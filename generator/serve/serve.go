// Package serve is the editor's preview: it builds the site in memory,
// serves it on a local address, watches the source and works each change
// in, rendering again only what the change touched (see build.go), and
// keeps the open pages in step: a page that changed reloads, a stylesheet
// that changed is swapped in place, and a build error shows over the page,
// with its file, line and column, until it is fixed. A site that does not
// build is still served: the last good files, or, before there are any, a
// page that shows the errors.
package serve

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"mime"
	"net"
	"net/http"
	"net/url"
	"path"
	"strings"
	"time"

	"westcoast/generator/load"
	"westcoast/generator/model"
)

// Options say what to serve and where.
type Options struct {
	Dir    string       // the site's folder, watched for changes
	Source fs.FS        // the same folder, read as a build reads it
	Load   load.Options // the build settings (-baseURL, -drafts)
	Addr   string       // host:port
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

// Server is a running preview.
type Server struct {
	b        *builder
	timeouts timeouts
	ln       net.Listener
	http     *http.Server
	stop     func() // stops the watcher
	served   chan error
}

// Run serves the preview until the listener fails.
func Run(opts Options) error {
	s, err := Start(opts)
	if err != nil {
		return err
	}
	fmt.Fprintf(opts.Log, "serving on http://%s/ (Ctrl-C to stop)\n", s.Addr())
	return <-s.served
}

// Start builds the site, as far as it builds, and serves and watches it.
// It fails only when it cannot listen on the address or watch the folder.
func Start(opts Options) (*Server, error) {
	b := newBuilder(opts.Source, opts.Load, opts.Log)
	b.update(nil)
	ln, err := net.Listen("tcp", opts.Addr)
	if err != nil {
		b.stopBackground()
		return nil, fmt.Errorf("serve: %w", err)
	}
	s := &Server{b: b, timeouts: defaultTimeouts, ln: ln, served: make(chan error, 1)}
	s.stop, err = watch(opts.Dir, opts.Source, b.update, opts.Log)
	if err != nil {
		ln.Close()
		b.stopBackground()
		return nil, fmt.Errorf("serve: %w", err)
	}
	s.http = s.httpServer()
	go func() { s.served <- s.http.Serve(ln) }()
	return s, nil
}

// Addr is the address the preview listens on.
func (s *Server) Addr() string { return s.ln.Addr().String() }

// Close stops watching and serving.
func (s *Server) Close() error {
	s.stop()
	err := s.http.Close()
	s.b.stopBackground()
	if e := <-s.served; !errors.Is(e, http.ErrServerClosed) && err == nil {
		err = e
	}
	return err
}

func (s *Server) httpServer() *http.Server {
	return &http.Server{
		Handler:           s,
		ReadHeaderTimeout: s.timeouts.readHeader,
		ReadTimeout:       s.timeouts.read,
		WriteTimeout:      s.timeouts.write,
		IdleTimeout:       s.timeouts.idle,
	}
}

func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	switch r.URL.Path {
	case livePath:
		s.events(w, r)
		return
	case scriptPath:
		w.Header().Set("Content-Type", "text/javascript; charset=utf-8")
		w.Header().Set("Cache-Control", "no-store")
		io.WriteString(w, liveScript)
		return
	}
	got := s.resolve(r.Context(), r.URL.Path)
	if s.timeouts.write > 0 {
		// A site file may have waited for the background work, past the
		// deadline set when the request came.
		_ = http.NewResponseController(w).SetWriteDeadline(time.Now().Add(s.timeouts.write))
	}
	if got.redirect {
		redirectToFolder(w, r, strings.TrimSuffix(strings.TrimSuffix(got.name, "index.html"), "/"))
		return
	}
	data := got.file.data
	if strings.HasSuffix(got.name, ".html") {
		data = withLiveScript(data, got.file.sum)
	}
	if ct := mime.TypeByExtension(path.Ext(got.name)); ct != "" {
		w.Header().Set("Content-Type", ct)
	}
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(got.status)
	_, _ = w.Write(data)
}

// answer is what the preview serves for a URL path.
type answer struct {
	name     string // the file served
	file     file
	status   int
	redirect bool // to name's folder, with a slash
}

// resolve finds what to serve for a URL path: its file, the folder it
// names without a slash, the 404 page, or, while the site has never built,
// the page that shows the errors.
func (s *Server) resolve(ctx context.Context, urlPath string) answer {
	name := fileName(urlPath)
	if f, ok := s.b.lookup(ctx, name); ok {
		return answer{name: name, file: f, status: http.StatusOK}
	}
	if s.b.current() == nil {
		return answer{name: "index.html", file: file{data: []byte(brokenPage)}, status: http.StatusInternalServerError}
	}
	if folder := path.Join(name, "index.html"); !strings.HasSuffix(name, ".html") {
		if _, ok := s.b.lookup(ctx, folder); ok {
			return answer{name: folder, redirect: true}
		}
	}
	// The 404 page as it is: a mistyped address need not wait for the
	// background work.
	f, _ := s.b.lookupNow(ctx, model.NotFoundFile)
	return answer{name: model.NotFoundFile, file: f, status: http.StatusNotFound}
}

// fileName is the site file a URL path asks for: a folder's index.html.
// A path that comes back to the root without a slash ("/zones/..") asks
// for no file: it is redirected to the root, as other folders are.
func fileName(urlPath string) string {
	name := strings.TrimPrefix(path.Clean("/"+urlPath), "/")
	if strings.HasSuffix(urlPath, "/") || urlPath == "" {
		name = path.Join(name, "index.html")
	}
	return name
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

// brokenPage stands in for every page while the site has never built: the
// live script shows the errors over it, and reloads it once it builds.
const brokenPage = `<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>The site does not build</title></head>
<body>
<p>The site does not build yet: the errors are shown above. This page reloads once it builds.</p>
</body>
</html>
`

// withLiveScript adds the live script to an HTML page, before </body>,
// with the version of the page the browser gets.
func withLiveScript(data []byte, sum uint64) []byte {
	tag := fmt.Sprintf(`<script src="%s" data-version="%x"></script>`, scriptPath, sum)
	if i := bytes.LastIndex(data, []byte("</body>")); i >= 0 {
		return append(append(append([]byte(nil), data[:i]...), tag...), data[i:]...)
	}
	return append(append([]byte(nil), data...), tag...)
}
