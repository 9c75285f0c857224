package serve

import (
	"bufio"
	"errors"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"westcoast/generator/source"
)

// fixedSite is a server of a few files, built once.
func fixedSite(t *testing.T) *server {
	t.Helper()
	s := newServer(Options{Log: io.Discard, Build: func() (map[string][]byte, error) {
		return map[string][]byte{
			"index.html":       []byte("<body>home</body>"),
			"zones/index.html": []byte("<body>zones</body>"),
			"a b/index.html":   []byte("<body>a b</body>"),
		}, nil
	}})
	if err := s.rebuild(); err != nil {
		t.Fatal(err)
	}
	return s
}

// TestRedirectStaysOnSite: a folder asked for without its slash is
// redirected to it on this site, whatever the request path looks like.
func TestRedirectStaysOnSite(t *testing.T) {
	tests := []struct{ path, want string }{
		{"/zones", "/zones/"},
		{"//zones", "/zones/"},
		{"///zones", "/zones/"},
		{"/./zones", "/zones/"},
		{"/x/../zones", "/zones/"},
		{"/zones?q=1", "/zones/?q=1"},
		{"/a%20b", "/a%20b/"},
		{"/zones/%2e%2e", "/"},
		{"/zones/..", "/"},
	}
	s := fixedSite(t)
	for _, tt := range tests {
		rec := httptest.NewRecorder()
		s.ServeHTTP(rec, httptest.NewRequest("GET", tt.path, nil))
		if loc := rec.Header().Get("Location"); rec.Code != http.StatusMovedPermanently || loc != tt.want {
			t.Errorf("GET %s: %d Location %q; want 301 Location %q", tt.path, rec.Code, loc, tt.want)
		}
	}
}

// TestRedirectOverTheWire: the same through a real connection, where the
// request line is "GET //zones HTTP/1.1".
func TestRedirectOverTheWire(t *testing.T) {
	srv := httptest.NewServer(fixedSite(t))
	defer srv.Close()
	conn, err := net.Dial("tcp", srv.Listener.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	io.WriteString(conn, "GET //zones HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
	resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if loc := resp.Header.Get("Location"); resp.StatusCode != 301 || loc != "/zones/" {
		t.Errorf("GET //zones: %d Location %q; want 301 /zones/", resp.StatusCode, loc)
	}
}

// startWithTimeouts serves s with every timeout short.
func startWithTimeouts(t *testing.T, s *server) *httptest.Server {
	t.Helper()
	s.timeouts = timeouts{readHeader: 50 * time.Millisecond, read: 50 * time.Millisecond,
		write: 50 * time.Millisecond, idle: 50 * time.Millisecond}
	srv := httptest.NewUnstartedServer(s)
	srv.Config = s.httpServer()
	srv.Start()
	t.Cleanup(srv.Close)
	return srv
}

// TestHalfSentRequestIsClosed: a client that never finishes its request
// is cut off, not held.
func TestHalfSentRequestIsClosed(t *testing.T) {
	srv := startWithTimeouts(t, fixedSite(t))
	conn, err := net.Dial("tcp", srv.Listener.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	io.WriteString(conn, "GET / HTTP/1.1\r\nHost: localhost\r\n")
	conn.SetReadDeadline(time.Now().Add(30 * time.Second))
	_, err = io.ReadAll(conn)
	var ne net.Error
	if errors.As(err, &ne) && ne.Timeout() {
		t.Fatal("a half-sent request still holds its connection")
	}
}

// TestEventStreamOutlivesTimeouts: the live-reload stream stays open past
// the server's read and write timeouts, and still delivers the reload.
func TestEventStreamOutlivesTimeouts(t *testing.T) {
	s := fixedSite(t)
	srv := startWithTimeouts(t, s)
	resp, err := http.Get(srv.URL + reloadPath)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	r := bufio.NewReader(resp.Body)
	if line, err := r.ReadString('\n'); err != nil || line != ": connected\n" {
		t.Fatalf("first line %q, %v", line, err)
	}
	time.Sleep(10 * s.timeouts.write) // every deadline passes
	if err := s.rebuild(); err != nil {
		t.Fatal(err)
	}
	rest, _ := io.ReadAll(r)
	if !strings.Contains(string(rest), "data: reload") {
		t.Errorf("after the timeouts passed, the stream said %q, want a reload", rest)
	}
}

// TestStampSeesRefusedFiles: the watcher reads the source through the same
// gate as the build, so a pipe added to content/ neither hangs it nor goes
// unnoticed.
func TestStampSeesRefusedFiles(t *testing.T) {
	dir := t.TempDir()
	for _, f := range []string{"config.toml", "content/a.md", "layouts/_default/page.html"} {
		os.MkdirAll(filepath.Dir(filepath.Join(dir, f)), 0o755)
		os.WriteFile(filepath.Join(dir, f), []byte(f), 0o644)
	}
	s := newServer(Options{Source: source.New(dir, source.DefaultMaxFileSize)})
	before := s.stamp()
	if err := syscall.Mkfifo(filepath.Join(dir, "content", "pipe.md"), 0o644); err != nil {
		t.Fatal(err)
	}
	after := s.stamp()
	if want := "content: content/pipe.md: is a named pipe, not a regular file or folder\n"; !strings.Contains(after, want) {
		t.Errorf("stamp after adding a pipe:\n%s\nwant it to hold %q", after, want)
	}
	if !strings.Contains(before, "content/a.md 12 ") || !strings.Contains(after, "content/a.md 12 ") {
		t.Errorf("stamp misses content/a.md:\n%s", before)
	}
}
