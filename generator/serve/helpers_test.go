package serve

import (
	"bufio"
	"io"
	"io/fs"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"westcoast/generator/load"
	"westcoast/generator/model"
	"westcoast/generator/render"
	"westcoast/generator/source"
)

// copySite copies a site's config.toml, content/ and layouts/ from the
// folder from into a temporary folder, and returns it.
func copySite(t testing.TB, from string) string {
	t.Helper()
	dir := t.TempDir()
	for _, part := range []string{"config.toml", "content", "layouts"} {
		err := filepath.WalkDir(filepath.Join(from, part), func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			rel, _ := filepath.Rel(from, p)
			data, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			return writeFile(dir, filepath.ToSlash(rel), string(data))
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// realSite and fixtureSite are the repository's site and the tests' small one.
const (
	realSite    = "../.."
	fixtureSite = "../testdata/site"
)

func writeFile(dir, name, text string) error {
	p := filepath.Join(dir, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return err
	}
	return os.WriteFile(p, []byte(text), 0o644)
}

func readFile(t testing.TB, dir, name string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(name)))
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// fullBuild builds the site in dir as build does, into memory.
func fullBuild(dir string) (map[string][]byte, error) {
	src := source.New(dir, source.DefaultMaxFileSize)
	layouts, layoutErr := render.ReadLayouts(src)
	site, err := load.Site(src, load.Options{})
	if err != nil {
		return nil, model.Join(err, layoutErr)
	}
	var out render.Memory
	err = render.Site(site, layouts, &out, nil)
	return out.Files(), err
}

// settle waits until the builder has no work left.
func (b *builder) settle() {
	b.mu.Lock()
	settled := b.settled
	b.mu.Unlock()
	<-settled
}

// startSite serves the site in dir on a free port until the test ends.
func startSite(t testing.TB, dir string) *Server {
	t.Helper()
	s, err := Start(Options{Dir: dir, Source: source.New(dir, source.DefaultMaxFileSize), Addr: "127.0.0.1:0", Log: io.Discard})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// get fetches a path from the server: status, content type and body.
func get(t testing.TB, s *Server, p string) (int, string, string) {
	t.Helper()
	resp, err := http.Get("http://" + s.Addr() + p)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, resp.Header.Get("Content-Type"), string(body)
}

// stream is an open page's event stream, as a browser holds it.
type stream struct {
	events chan [2]string // event, data
	body   io.Closer
}

// listen opens the event stream of the page at path, as the live script
// does once the page is loaded.
func listen(t testing.TB, s *Server, page string) *stream {
	t.Helper()
	_, _, body := get(t, s, page)
	_, version, ok := strings.Cut(body, `data-version="`)
	if !ok {
		t.Fatalf("%s has no live script:\n%s", page, body)
	}
	version, _, _ = strings.Cut(version, `"`)
	resp, err := http.Get("http://" + s.Addr() + livePath + "?path=" + page + "&version=" + version)
	if err != nil {
		t.Fatal(err)
	}
	st := &stream{events: make(chan [2]string, 16), body: resp.Body}
	t.Cleanup(func() { resp.Body.Close() })
	go func() {
		defer close(st.events)
		r := bufio.NewReader(resp.Body)
		var event, data string
		for {
			line, err := r.ReadString('\n')
			if err != nil {
				return
			}
			line = strings.TrimSuffix(line, "\n")
			switch {
			case strings.HasPrefix(line, "event: "):
				event = strings.TrimPrefix(line, "event: ")
			case strings.HasPrefix(line, "data: "):
				data = strings.TrimPrefix(line, "data: ")
			case line == "" && event != "":
				st.events <- [2]string{event, data}
				event, data = "", ""
			}
		}
	}()
	// The stream is open once the server counts the page as open.
	for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); time.Sleep(5 * time.Millisecond) {
		s.b.mu.Lock()
		n := s.b.viewers[page]
		s.b.mu.Unlock()
		if n > 0 {
			return st
		}
	}
	t.Fatalf("the stream of %s did not open", page)
	return nil
}

// next waits for the stream's next event.
func (st *stream) next(t testing.TB) (event, data string) {
	t.Helper()
	select {
	case e, ok := <-st.events:
		if !ok {
			t.Fatal("the stream closed")
		}
		return e[0], e[1]
	case <-time.After(20 * time.Second):
		t.Fatal("no event")
	}
	return "", ""
}
