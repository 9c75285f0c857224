package serve

import (
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

func TestServe(t *testing.T) {
	body := "<html><body>v1</body></html>"
	s := newServer(Options{Log: io.Discard, Build: func() (map[string][]byte, error) {
		return map[string][]byte{
			"index.html":   []byte(body),
			"a/index.html": []byte("<body>a</body>"),
			"404.html":     []byte("<body>missing</body>"),
			"site.css":     []byte("body{}"),
		}, nil
	}})
	if err := s.rebuild(); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(s)
	defer srv.Close()
	get := func(p string) (int, string, string) {
		resp, err := http.Get(srv.URL + p)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, resp.Header.Get("Content-Type"), string(b)
	}
	if code, _, b := get("/"); code != 200 || !strings.Contains(b, reloadScript) {
		t.Errorf("/: %d %q", code, b)
	}
	if code, ct, _ := get("/site.css"); code != 200 || !strings.HasPrefix(ct, "text/css") {
		t.Errorf("/site.css: %d %q", code, ct)
	}
	if code, _, b := get("/a"); code != 200 || !strings.Contains(b, ">a<") {
		t.Errorf("/a (redirected to /a/): %d %q", code, b)
	}
	if code, _, b := get("/nope/"); code != 404 || !strings.Contains(b, "missing") {
		t.Errorf("/nope/: %d %q", code, b)
	}
}

// TestReloadAfterRebuild: an open page's event stream gets a message when
// the site is rebuilt, and a failed build keeps the last good files.
func TestReloadAfterRebuild(t *testing.T) {
	fail := false
	s := newServer(Options{Log: io.Discard, Build: func() (map[string][]byte, error) {
		if fail {
			return nil, errors.New("content/a.zh.md:3:1: broken")
		}
		return map[string][]byte{"index.html": []byte("<body>ok</body>")}, nil
	}})
	if err := s.rebuild(); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(s)
	defer srv.Close()
	resp, err := http.Get(srv.URL + reloadPath)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	got := make(chan string, 1)
	go func() {
		b, _ := io.ReadAll(resp.Body)
		got <- string(b)
	}()
	time.Sleep(50 * time.Millisecond)
	fail = true
	if err := s.rebuild(); err == nil {
		t.Fatal("the failing build reported no error")
	}
	fail = false
	if err := s.rebuild(); err != nil {
		t.Fatal(err)
	}
	select {
	case msg := <-got:
		if !strings.Contains(msg, "data: reload") {
			t.Errorf("event stream: %q", msg)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("no reload event after a rebuild")
	}
}

func TestFailedBuildKeepsLastGood(t *testing.T) {
	calls := 0
	s := newServer(Options{Log: io.Discard, Build: func() (map[string][]byte, error) {
		calls++
		if calls > 1 {
			return nil, errors.New("broken")
		}
		return map[string][]byte{"index.html": []byte("<body>good</body>")}, nil
	}})
	_ = s.rebuild()
	_ = s.rebuild()
	rec := httptest.NewRecorder()
	s.ServeHTTP(rec, httptest.NewRequest("GET", "/", nil))
	if !strings.Contains(rec.Body.String(), "good") {
		t.Errorf("after a failed build the preview shows %q", rec.Body.String())
	}
}
