package load

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"westcoast/generator/model"
)

// relatedSite is a site with testConfig, a second taxonomy (desks), extra
// config lines, and news pages whose facts files set their dates and terms.
func relatedSite(extraConfig string, pages map[string]string) map[string]string {
	cfg := strings.Replace(testConfig, "tag = \"tags\"\n", "tag = \"tags\"\ndesk = \"desks\"\n", 1) + extraConfig
	cfg = strings.Replace(cfg, "tags = \"标签\"\n", "tags = \"标签\"\ndesks = \"部门\"\n", 1)
	cfg = strings.Replace(cfg, "tags = \"Tags\"\n", "tags = \"Tags\"\ndesks = \"Desks\"\n", 1)
	files := map[string]string{"config.toml": cfg}
	for name, facts := range pages {
		files["content/news/"+name+".toml"] = facts
		files["content/news/"+name+".zh.md"] = "+++\ntitle = \"" + name + "\"\n+++\n"
		files["content/news/"+name+".en.md"] = "+++\ntitle = \"" + name + "\"\n+++\n"
	}
	for _, t := range []string{"x", "y", "z"} {
		files["content/tags/"+t+"/_index.zh.md"] = "+++\ntitle = \"" + t + "\"\n+++\n"
		files["content/tags/"+t+"/_index.en.md"] = "+++\ntitle = \"" + t + "\"\n+++\n"
	}
	files["content/desks/city/_index.zh.md"] = "+++\ntitle = \"city\"\n+++\n"
	files["content/desks/city/_index.en.md"] = "+++\ntitle = \"city\"\n+++\n"
	return files
}

func titles(pages []*model.Page) string {
	var s []string
	for _, p := range pages {
		s = append(s, p.Title)
	}
	return strings.Join(s, " ")
}

// Issue 12, item 10: .Related are the content pages that share the most
// terms with a page (each term weighing its taxonomy's weight), then the
// newest, then in list order; in the page's own language; at most
// [related] limit.
func TestRelated(t *testing.T) {
	pages := map[string]string{
		"a": "date = 2024-05-01\ntags = [\"x\", \"y\", \"z\"]\n",
		"b": "date = 2024-05-02\ntags = [\"x\", \"y\"]\n",
		"c": "date = 2024-05-03\ntags = [\"x\"]\n",
		"d": "date = 2024-05-04\ntags = [\"y\", \"z\"]\n",
		"e": "date = 2024-05-05\ndesks = [\"city\"]\n",
		"f": "date = 2024-05-06\ntags = [\"z\"]\ndesks = [\"city\"]\n",
		"g": "weight = 1\ntags = [\"x\"]\n",
		"h": "weight = 2\ntags = [\"x\"]\n",
	}
	tests := []struct {
		name   string
		config string
		want   map[string]string // page: its related pages' titles
	}{
		{"every taxonomy, weight 1", "", map[string]string{
			"a": "d b f c g", // two terms each for d and b (d the newer), then one, newest first, then by weight
			"e": "f",
			"f": "e d a",   // e by desk, then d and a by tag z
			"g": "c b a h", // newest first
		}},
		{"a limit", "[related]\nlimit = 2\n", map[string]string{"a": "d b", "e": "f"}},
		{"no related pages", "[related]\nlimit = 0\n", map[string]string{"a": "", "e": ""}},
		{"weighted indices", "[related]\n[[related.indices]]\nname = \"desks\"\nweight = 5\n[[related.indices]]\nname = \"tags\"\n", map[string]string{
			"f": "e d a", // the desk counts 5: e first
			"a": "d b f c g",
		}},
		{"one index", "[related]\n[[related.indices]]\nname = \"desks\"\n", map[string]string{"a": "", "f": "e"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := Site(site(relatedSite(tt.config, pages)), Options{})
			if err != nil {
				t.Fatal(err)
			}
			for key, want := range tt.want {
				for _, lang := range []string{"zh", "en"} {
					p := s.Page(lang, "news/"+key)
					if got := titles(p.Related); got != want {
						t.Errorf("%s in %s: related %q, want %q", key, lang, got, want)
					}
					for _, q := range p.Related {
						if q.Lang != p.Lang {
							t.Errorf("%s in %s: related %s is in %s", key, lang, q.Title, q.Lang.Code)
						}
					}
				}
			}
			for _, p := range s.Pages {
				if p.Kind != model.KindPage && p.Related != nil {
					t.Errorf("%s, a %s, has related pages", p.URL, p.Kind)
				}
			}
		})
	}
}

// On a term of many pages, a page weighs only the pages near it in date
// (relatedWindow on either side), so that a large site's build does not
// grow with the square of a term: of pages that share a term with it alone,
// it gets the newest of those near it.
func TestRelatedLargeTerm(t *testing.T) {
	n := 3 * relatedWindow
	name := func(i int) string { return fmt.Sprintf("p%03d", i) }
	day := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	pages := map[string]string{}
	for i := range n {
		tags := `"x"`
		if i == 0 || i == n-1 {
			// The oldest and the newest also share y.
			tags = `"x", "y"`
		}
		pages[name(i)] = "date = " + day.AddDate(0, 0, i).Format(time.DateOnly) + "\ntags = [" + tags + "]\n"
	}
	s, err := Site(site(relatedSite("", pages)), Options{})
	if err != nil {
		t.Fatal(err)
	}
	mid := n / 2
	want := map[int][]int{
		// The newest of the window around it.
		mid: {mid + relatedWindow, mid + relatedWindow - 1, mid + relatedWindow - 2, mid + relatedWindow - 3, mid + relatedWindow - 4},
		// The newest: x and y are weighed as they would be on a small
		// site, but the oldest, far away in date, is weighed by y alone,
		// so nearer pages come first.
		n - 1: {n - 2, n - 3, n - 4, n - 5, n - 6},
		// The oldest finds the newest through y, a small term.
		0: {n - 1, relatedWindow, relatedWindow - 1, relatedWindow - 2, relatedWindow - 3},
	}
	for i, w := range want {
		var names []string
		for _, j := range w {
			names = append(names, name(j))
		}
		if got := titles(s.Page("en", "news/"+name(i)).Related); got != strings.Join(names, " ") {
			t.Errorf("%s: related %q, want %q", name(i), got, strings.Join(names, " "))
		}
	}
}

func TestRelatedConfigErrors(t *testing.T) {
	tests := []struct {
		name, config, want string
	}{
		{"a negative limit", "[related]\nlimit = -1\n",
			`config.toml:27:9: related.limit = -1: must be 0 (no related pages) or more`},
		{"an index that is no taxonomy", "[related]\n[[related.indices]]\nname = \"tag\"\n",
			`config.toml:28:8: related.indices: "tag" is not a taxonomy (did you mean "tags"?); an index is a taxonomy's plural name, one of "desks", "tags"`},
		{"an index twice", "[related]\n[[related.indices]]\nname = \"tags\"\n[[related.indices]]\nname = \"tags\"\nweight = 3\n",
			`config.toml:30:8: related.indices: "tags" is listed twice`},
		{"a weight of none", "[related]\n[[related.indices]]\nname = \"tags\"\nweight = 0\n",
			`config.toml:29:10: related.indices: the weight of "tags" is 0: must be 1 or more (leave an index out to ignore it)`},
		{"a key Hugo has and this generator not", "[related]\nthreshold = 80\n",
			`config.toml:27:1: unknown key "related.threshold"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Site(site(relatedSite(tt.config, nil)), Options{})
			if err == nil || err.Error() != tt.want {
				t.Errorf("got %v\nwant %s", err, tt.want)
			}
		})
	}
}
