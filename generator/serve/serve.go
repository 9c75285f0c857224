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
	"net/http"
	"path"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"westcoast/generator/build"
)

// Options say what to serve and where.
type Options struct {
	Source string
	Addr   string // host:port
	Build  func() (*build.Result, error)
	Log    io.Writer
}

// server holds the last good build and the pages waiting for a reload.
type server struct {
	opts    Options
	mu      sync.RWMutex
	files   map[string][]byte
	version int
	changed *sync.Cond
}

// Run builds, serves and watches until the listener fails.
func Run(opts Options) error {
	s := &server{opts: opts}
	s.changed = newCond(s)
	if err := s.rebuild(); err != nil {
		return err
	}
	go s.watch()
	fmt.Fprintf(opts.Log, "serving on http://%s/ (Ctrl-C to stop)\n", opts.Addr)
	return http.ListenAndServe(opts.Addr, s)
}

func newCond(s *server) *sync.Cond { return sync.NewCond(s.mu.RLocker()) }

func (s *server) rebuild() error {
	start := time.Now()
	res, err := s.opts.Build()
	if err != nil {
		fmt.Fprintln(s.opts.Log, err)
		return err
	}
	files := make(map[string][]byte, len(res.Files))
	for _, f := range res.Files {
		files[f.Path] = f.Data
	}
	s.mu.Lock()
	s.files = files
	s.version++
	s.mu.Unlock()
	s.changed.Broadcast()
	fmt.Fprintf(s.opts.Log, "built %d files in %s\n", len(files), time.Since(start).Round(time.Millisecond))
	return nil
}

// watch polls the source folders' modification times: it needs no
// dependency and no OS-specific notification API, and a site this size is
// scanned in well under a millisecond.
func (s *server) watch() {
	last := s.stamp()
	for range time.Tick(300 * time.Millisecond) {
		if now := s.stamp(); now != last {
			last = now
			_ = s.rebuild()
		}
	}
}

func (s *server) stamp() string {
	var b strings.Builder
	for _, dir := range []string{"config.toml", "content", "layouts"} {
		_ = filepath.WalkDir(filepath.Join(s.opts.Source, dir), func(p string, d fs.DirEntry, err error) error {
			if err == nil {
				if info, err := d.Info(); err == nil {
					fmt.Fprintf(&b, "%s %d %d\n", p, info.Size(), info.ModTime().UnixNano())
				}
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
		data, ok = s.files[path.Join(p, "index.html")]
		if ok {
			s.mu.RUnlock()
			http.Redirect(w, r, r.URL.Path+"/", http.StatusMovedPermanently)
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

// events sends one message when the site is next rebuilt.
func (s *server) events(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/event-stream")
	w.Header().Set("Cache-Control", "no-store")
	flusher, _ := w.(http.Flusher)
	fmt.Fprint(w, ": connected\n\n")
	if flusher != nil {
		flusher.Flush()
	}
	s.mu.RLock()
	start := s.version
	done := r.Context().Done()
	go func() { <-done; s.changed.Broadcast() }()
	for s.version == start && r.Context().Err() == nil {
		s.changed.Wait()
	}
	s.mu.RUnlock()
	if r.Context().Err() == nil {
		fmt.Fprint(w, "data: reload\n\n")
		if flusher != nil {
			flusher.Flush()
		}
	}
}
