package main

import (
	"os"
	"strings"
	"testing"

	"westcoast/generator/load"
)

// fixtureConfig is the fixture's config.toml with lines added after its
// first three (baseURL, defaultLanguage, updated).
func fixtureConfig(t *testing.T, extra string) string {
	data, err := os.ReadFile("testdata/site/config.toml")
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.SplitAfterN(string(data), "\n", 4)
	return strings.Join(lines[:3], "") + extra + "\n" + lines[3]
}

const pagingSection = `{{define "main"}}{{range .Paginator.Pages}}<a href="{{$.Rel .}}">{{.Title}}</a>{{end}}` +
	`|{{.Paginator.PageNumber}}/{{.Paginator.TotalPages}}|{{with .Paginator.Prev}}<a rel="prev" href="{{$.Rel .}}">prev</a>{{end}}` +
	`{{with .Paginator.Next}}<a rel="next" href="{{$.Rel .}}">next</a>{{end}}{{end}}`

// A list page whose template asks for .Paginator is written once per
// pager, the others at page/<n>/, each with paginate of its members.
func TestPagination(t *testing.T) {
	res, err := buildInMemory(fixtureWith(t, map[string]string{
		"config.toml":                   fixtureConfig(t, "paginate = 1"),
		"layouts/_default/section.html": pagingSection,
	}), load.Options{})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct{ path, want string }{
		{"posts/index.html", `<a href="../posts/alpha/">甲</a>|1/2|<a rel="next" href="../posts/page/2/">next</a>`},
		{"posts/page/2/index.html", `<a href="../../../posts/beta/">乙</a>|2/2|<a rel="prev" href="../../../posts/">prev</a>`},
	}
	for _, tt := range tests {
		if got := res.file(tt.path); !strings.Contains(got, tt.want) {
			t.Errorf("%s:\n%s\nwant it to hold\n%s", tt.path, got, tt.want)
		}
	}
	if got := res.file("posts/page/3/index.html"); got != "" {
		t.Error("a third pager for two pages")
	}
	if err := res.CheckLinks(); err != nil {
		t.Error(err)
	}
}

// A template that does not ask for .Paginator gets no pagers, however
// long the list.
func TestNoPaginatorNoPagers(t *testing.T) {
	res, err := buildInMemory(fixtureWith(t, map[string]string{"config.toml": fixtureConfig(t, "paginate = 1")}), load.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range res.Files {
		if strings.Contains(f.Path, "/page/") {
			t.Errorf("%s written, though no template asked for a paginator", f.Path)
		}
	}
}

func TestPaginationErrors(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string
		want  string
	}{
		{"paginate below 1",
			map[string]string{"config.toml": fixtureConfig(t, "paginate = 0")},
			"config.toml:4:1: paginate = 0: must be 1 or more"},
		{"a paginator on a page that lists nothing",
			map[string]string{"layouts/_default/page.html": `{{define "main"}}{{.Paginator.PageNumber}}{{end}}`},
			"layouts/_default/page.html:1:30: .Paginator.PageNumber: only list pages (home, section, taxonomy, term) have a paginator (rendering content/posts/alpha.zh.md and 4 more pages)"},
		{"a page where a pager would be",
			map[string]string{"config.toml": fixtureConfig(t, "paginate = 1"), "content/posts/page/2.zh.md": "+++\ntitle = \"二\"\nmonolingual = true\n+++\n"},
			"two files would be written to posts/page/2/index.html: from content/posts/_index.zh.md and from content/posts/page/2.zh.md"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := buildInMemory(fixtureWith(t, tt.files), load.Options{})
			if err == nil || err.Error() != tt.want {
				t.Errorf("got\n%v\nwant\n%s", err, tt.want)
			}
		})
	}
}
