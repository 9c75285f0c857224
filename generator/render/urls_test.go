package render

import "testing"

func TestRelative(t *testing.T) {
	tests := []struct{ from, target, want string }{
		{"/zones/x/index.html", "/zones/y/", "../../zones/y/"},
		{"/zones/x/index.html", "/", "../../"},
		{"/index.html", "/zones/x/", "zones/x/"},
		{"/index.html", "/", "./"},
		{"/index.html", "/#main", "./#main"},
		{"/404.html", "/#main", "./#main"},
		{"/en/zones/x/index.html", "/zones/x/", "../../../zones/x/"},
		{"/en/zones/x/index.html", "/en/zones/x/", "../../../en/zones/x/"},
		{"/en/zones/x/index.html", "/en/zones/x/#a", "../../../en/zones/x/#a"},
		{"/zones/x/index.html", "/site.css", "../../site.css"},
		{"/zones/index.html", "/zones/x/#fig", "../zones/x/#fig"},
		{"/zones/page/2/index.html", "/zones/", "../../../zones/"},
	}
	for _, tt := range tests {
		if got := relative(tt.from, tt.target); got != tt.want {
			t.Errorf("relative(%q, %q) = %q, want %q", tt.from, tt.target, got, tt.want)
		}
	}
}
