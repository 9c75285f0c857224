package serve

import (
	"bufio"
	"errors"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

// TestRedirectOverTheWire: a folder asked for without its slash is
// redirected on this site through a real connection too, where the
// request line is "GET //posts HTTP/1.1".
func TestRedirectOverTheWire(t *testing.T) {
	s := startSite(t, copySite(t, fixtureSite))
	conn, err := net.Dial("tcp", s.Addr())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	io.WriteString(conn, "GET //posts HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
	resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if loc := resp.Header.Get("Location"); resp.StatusCode != 301 || loc != "/posts/" {
		t.Errorf("GET //posts: %d Location %q; want 301 /posts/", resp.StatusCode, loc)
	}
}

// startWithTimeouts serves the site in dir with every timeout short.
func startWithTimeouts(t *testing.T, dir string) (*Server, *httptest.Server) {
	t.Helper()
	return shortenTimeouts(t, startSite(t, dir))
}

// shortenTimeouts makes every timeout of s short, and serves it again with
// them.
func shortenTimeouts(t *testing.T, s *Server) (*Server, *httptest.Server) {
	t.Helper()
	s.timeouts = timeouts{readHeader: 50 * time.Millisecond, read: 50 * time.Millisecond,
		write: 50 * time.Millisecond, idle: 50 * time.Millisecond}
	srv := httptest.NewUnstartedServer(s)
	srv.Config = s.httpServer()
	srv.Start()
	t.Cleanup(srv.Close)
	return s, srv
}

// TestHalfSentRequestIsClosed: a client that never finishes its request
// is cut off, not held.
func TestHalfSentRequestIsClosed(t *testing.T) {
	_, srv := startWithTimeouts(t, copySite(t, fixtureSite))
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

// TestEventStreamOutlivesTimeouts: the live stream stays open past the
// server's read and write timeouts, and still delivers the reload.
func TestEventStreamOutlivesTimeouts(t *testing.T) {
	dir := copySite(t, fixtureSite)
	s := startSite(t, dir)
	// The page is fetched before the timeouts are cut short: rendering it
	// under -race on a busy machine can take longer than they allow, which
	// is not what this test is about (CI saw an EOF here).
	_, _, page := get(t, s, "/posts/alpha/")
	s, srv := shortenTimeouts(t, s)
	_, version, _ := strings.Cut(page, `data-version="`)
	version, _, _ = strings.Cut(version, `"`)
	resp, err := http.Get(srv.URL + livePath + "?path=/posts/alpha/&version=" + version)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	r := bufio.NewReader(resp.Body)
	if line, err := r.ReadString('\n'); err != nil || line != ": connected\n" {
		t.Fatalf("first line %q, %v", line, err)
	}
	time.Sleep(10 * s.timeouts.write) // every deadline passes
	if err := writeFile(dir, "content/posts/alpha.zh.md", readFile(t, dir, "content/posts/alpha.zh.md")+"\n更多。\n"); err != nil {
		t.Fatal(err)
	}
	rest, _ := io.ReadAll(r)
	if !strings.Contains(string(rest), "event: reload") {
		t.Errorf("after the timeouts passed, the stream said %q, want a reload", rest)
	}
}
