package serve

import (
	"fmt"
	"net/http/httptest"
	"strings"
	"syscall"
	"testing"

	"westcoast/generator/source"
)

func TestServe(t *testing.T) {
	s := startSite(t, copySite(t, fixtureSite))
	tests := []struct {
		path       string
		status     int
		typ, holds string
	}{
		{"/", 200, "text/html; charset=utf-8", `<script src="/__live.js" data-version="`},
		{"/posts/alpha/", 200, "text/html; charset=utf-8", "<h1>甲</h1>"},
		{"/posts", 200, "text/html; charset=utf-8", "<h1>"}, // redirected to /posts/
		{"/site.css", 200, "text/css; charset=utf-8", ""},
		{"/search-index/index.json", 200, "application/json", `"languages"`},
		{"/nope/", 404, "text/html; charset=utf-8", "404"},
		{"/__live.js", 200, "text/javascript; charset=utf-8", "new EventSource("},
	}
	for _, tt := range tests {
		status, typ, body := get(t, s, tt.path)
		if status != tt.status || typ != tt.typ || !strings.Contains(body, tt.holds) {
			t.Errorf("GET %s: %d %q, want %d %q holding %q; got\n%s", tt.path, status, typ, tt.status, tt.typ, tt.holds, body)
		}
	}
	if _, _, body := get(t, s, "/site.css"); strings.Contains(body, "<script") {
		t.Error("the live script was added to a stylesheet")
	}
}

// TestLive: an open page reloads when it changes, and only then; swaps its
// stylesheet without a reload; and shows the build's errors, with their
// file, line and column, until they are fixed. The edits are made on disk
// and found by the watcher.
func TestLive(t *testing.T) {
	dir := copySite(t, fixtureSite)
	s := startSite(t, dir)
	st := listen(t, s, "/posts/alpha/")
	edit := func(name, old, new string) {
		t.Helper()
		text := readFile(t, dir, name)
		if !strings.Contains(text, old) {
			t.Fatalf("%s does not hold %q", name, old)
		}
		if err := writeFile(dir, name, strings.Replace(text, old, new, 1)); err != nil {
			t.Fatal(err)
		}
	}

	// Another page's text: nothing for this page. The stylesheet that
	// follows is the next thing it hears of.
	edit("content/posts/beta/index.zh.md", "\n+++\n", "\n+++\n更多。\n")
	s.b.settle()
	edit("layouts/assets/site.css", "", "main { color: red }\n")
	if event, _ := st.next(t); event != "css" {
		t.Fatalf("after an edit to another page and the stylesheet, the page heard %q, want css", event)
	}

	// A mistake shows, where it is; its fix clears it.
	edit("content/posts/beta/index.zh.md", "+++\n", "+++\ntitel = \"x\"\n")
	event, data := st.next(t)
	if want := `["content/posts/beta/index.zh.md:2:1: unknown key \"titel\" (did you mean \"title\"?)"]`; event != "errors" || data != want {
		t.Fatalf("after a mistake, the page heard %s %s, want errors %s", event, data, want)
	}
	edit("content/posts/beta/index.zh.md", "titel = \"x\"\n", "")
	if event, data := st.next(t); event != "errors" || data != "[]" {
		t.Fatalf("after the fix, the page heard %s %s, want errors []", event, data)
	}

	// Its own text: a reload.
	edit("content/posts/alpha.zh.md", "## 新闻标题", "## 更新的标题")
	if event, _ := st.next(t); event != "reload" {
		t.Fatalf("after an edit to the page, it heard %q, want reload", event)
	}
	if _, _, body := get(t, s, "/posts/alpha/"); !strings.Contains(body, "更新的标题") {
		t.Errorf("the reloaded page is not the edited one:\n%s", body)
	}
}

// TestBrokenStart: a site that does not build is served all the same, with
// a page that shows its errors, and reloads once it builds.
func TestBrokenStart(t *testing.T) {
	dir := copySite(t, fixtureSite)
	page := readFile(t, dir, "layouts/_default/page.html")
	if err := writeFile(dir, "layouts/_default/page.html", page+"{{end}}"); err != nil {
		t.Fatal(err)
	}
	if err := writeFile(dir, "content/posts/alpha.en.md", "+++\ntitle = \"A\"\n"); err != nil {
		t.Fatal(err)
	}
	s := startSite(t, dir)
	status, _, body := get(t, s, "/posts/alpha/")
	if status != 500 || !strings.Contains(body, "does not build") || !strings.Contains(body, scriptPath) {
		t.Fatalf("GET of a page of a broken site: %d\n%s", status, body)
	}
	st := listen(t, s, "/posts/alpha/")
	want := `["content/posts/alpha.en.md:1:1: front matter is not closed: no line \"+++\" after the first",` +
		fmt.Sprintf(`"layouts/_default/page.html:%d: unexpected {{end}}"]`, strings.Count(page, "\n")+1)
	if event, data := st.next(t); event != "errors" || data != want {
		t.Fatalf("the page of a broken site heard %s %s, want errors %s", event, data, want)
	}
	writeFile(dir, "layouts/_default/page.html", page)
	writeFile(dir, "content/posts/alpha.en.md", "+++\ntitle = \"A\"\n+++\nText.\n")
	for {
		event, data := st.next(t)
		if event == "reload" {
			break
		}
		if event != "errors" {
			t.Fatalf("as the site is fixed, the page heard %s %s", event, data)
		}
	}
	if status, _, body := get(t, s, "/posts/alpha/"); status != 200 || !strings.Contains(body, "<h1>甲</h1>") {
		t.Errorf("once fixed, the page is %d\n%s", status, body)
	}
}

// TestStampSeesRefusedFiles: polling reads the source through the same
// gate as the build, so a pipe added to content/ neither hangs it nor goes
// unnoticed.
func TestStampSeesRefusedFiles(t *testing.T) {
	dir := t.TempDir()
	for _, f := range []string{"config.toml", "content/a.md", "layouts/_default/page.html"} {
		writeFile(dir, f, f)
	}
	src := source.New(dir, source.DefaultMaxFileSize)
	before := stamp(src)
	if err := syscall.Mkfifo(dir+"/content/pipe.md", 0o644); err != nil {
		t.Fatal(err)
	}
	after := stamp(src)
	if want := "content/pipe.md: is a named pipe, not a regular file or folder"; after["content"] != want {
		t.Errorf("stamp of content/ after adding a pipe: %q, want %q", after["content"], want)
	}
	if !strings.HasPrefix(before["content/a.md"], "12 ") || !strings.HasPrefix(after["content/a.md"], "12 ") {
		t.Errorf("stamp misses content/a.md: %v", before)
	}
}

// TestRedirectStaysOnSite: a folder asked for without its slash is
// redirected to it on this site, whatever the request path looks like.
func TestRedirectStaysOnSite(t *testing.T) {
	tests := []struct{ path, want string }{
		{"/posts", "/posts/"},
		{"//posts", "/posts/"},
		{"///posts", "/posts/"},
		{"/./posts", "/posts/"},
		{"/x/../posts", "/posts/"},
		{"/posts?q=1", "/posts/?q=1"},
		{"/en/posts/beta", "/en/posts/beta/"},
		{"/posts/%2e%2e", "/"},
		{"/posts/..", "/"},
	}
	s := startSite(t, copySite(t, fixtureSite))
	for _, tt := range tests {
		rec := httptest.NewRecorder()
		s.ServeHTTP(rec, httptest.NewRequest("GET", tt.path, nil))
		if loc := rec.Header().Get("Location"); rec.Code != 301 || loc != tt.want {
			t.Errorf("GET %s: %d Location %q; want 301 Location %q", tt.path, rec.Code, loc, tt.want)
		}
	}
}
