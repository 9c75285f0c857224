package serve

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"
	"time"
)

const (
	livePath   = "/__live"    // an open page's event stream
	scriptPath = "/__live.js" // the script that listens to it
)

// liveScript is added to every HTML page the preview serves.
//
//go:embed live.js
var liveScript string

// viewer is what an open page has been told.
type viewer struct {
	version string // of the page it shows
	css     int    // the stylesheet version it has
	reloads int
	errors  string // the errors it shows, one a line
}

// events tells an open page, as the site changes, to reload (it changed,
// or an asset other than a stylesheet did), to swap its stylesheets, and
// to show the build's errors or clear them. The page says where it is and
// which version of it it shows, so that a change made between loading it
// and listening is not missed. The stream stays open for as long as the
// editor works, past the server's write timeout, so each message gets a
// fresh write deadline. (The read timeout does not cut it: net/http lifts
// the read deadline once the request is read, to notice the client
// leaving.)
func (s *Server) events(w http.ResponseWriter, r *http.Request) {
	page := r.URL.Query().Get("path")
	defer s.b.view(page)()
	rc := http.NewResponseController(w)
	send := func(msg string) bool {
		if s.timeouts.write > 0 {
			_ = rc.SetWriteDeadline(time.Now().Add(s.timeouts.write))
		}
		if _, err := io.WriteString(w, msg); err != nil {
			return false
		}
		return rc.Flush() == nil
	}
	w.Header().Set("Content-Type", "text/event-stream")
	w.Header().Set("Cache-Control", "no-store")
	if !send(": connected\n\n") {
		return
	}
	v := viewer{version: r.URL.Query().Get("version")}
	v.css, v.reloads = s.b.versions()
	for {
		news := s.b.newsChannel()
		msg, reload := s.tell(r, page, &v)
		if msg != "" && !send(msg) || reload {
			return
		}
		select {
		case <-news:
		case <-r.Context().Done():
			return
		}
	}
}

// tell works out what an open page must be told now, and notes it as
// told. After a reload, nothing else matters.
func (s *Server) tell(r *http.Request, page string, v *viewer) (msg string, reload bool) {
	css, reloads := s.b.versions()
	got := s.resolve(r.Context(), page)
	if r.Context().Err() != nil {
		return "", false
	}
	if got.redirect || fmt.Sprintf("%x", got.file.sum) != v.version || reloads != v.reloads {
		return "event: reload\ndata: \n\n", true
	}
	var b strings.Builder
	if css != v.css {
		v.css = css
		fmt.Fprintf(&b, "event: css\ndata: %d\n\n", css)
	}
	errs := s.b.errors()
	if joined := strings.Join(errs, "\n"); joined != v.errors {
		v.errors = joined
		data, _ := json.Marshal(append([]string{}, errs...))
		fmt.Fprintf(&b, "event: errors\ndata: %s\n\n", data)
	}
	return b.String(), false
}
