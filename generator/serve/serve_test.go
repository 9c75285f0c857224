package serve

import (
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"westcoast/generator/build"
	"westcoast/generator/model"
	"westcoast/generator/render"
)

func TestServe(t *testing.T) {
	body := "<html><body>v1</body></html>"
	s := &server{opts: Options{Log: io.Discard, Build: func() (*build.Result, error) {
		return &build.Result{Site: &model.Site{}, Files: []render.File{
			{Path: "index.html", Data: []byte(body)},
			{Path: "a/index.html", Data: []byte("<body>a</body>")},
			{Path: "404.html", Data: []byte("<body>missing</body>")},
			{Path: "site.css", Data: []byte("body{}")},
		}}, nil
	}}}
	s.changed = newCond(s)
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
