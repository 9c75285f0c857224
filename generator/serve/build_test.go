package serve

import (
	"bytes"
	"fmt"
	"io"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"

	"westcoast/generator/load"
	"westcoast/generator/render"
	"westcoast/generator/source"
)

// TestRandomEdits is the preview's promise: after each of a series of
// random edits to the real site (texts, titles, weights, pages added and
// removed, templates, partials, the stylesheet, config, and mistakes that
// break the build and are then fixed), the preview's files are the files a
// build makes, byte for byte, and its errors are the build's; and a page
// open in a browser is right as soon as the edit is worked in, before the
// background work. SERVE_SEED=n replays another series.
func TestRandomEdits(t *testing.T) {
	seed := uint64(1)
	if s := os.Getenv("SERVE_SEED"); s != "" {
		seed, _ = strconv.ParseUint(s, 10, 64)
	}
	steps := 40
	if testing.Short() {
		steps = 10
	}
	dir := copySite(t, realSite)
	b := newBuilder(source.New(dir, source.DefaultMaxFileSize), load.Options{}, io.Discard)
	b.update(nil)
	const open, openFile = "/zones/dongjiakou/", "zones/dongjiakou/index.html"
	defer b.view(open)()
	b.settle()
	compareWithBuild(t, b, dir, "the start")
	e := &editor{dir: dir, rng: rand.New(rand.NewPCG(seed, seed))}
	for step := range steps {
		what, changed := e.edit(t)
		what = fmt.Sprintf("step %d (seed %d), %s", step, seed, what)
		t.Log(what, changed)
		b.update(changed)
		b.mu.Lock()
		got := b.files[openFile]
		b.mu.Unlock()
		if want, err := fullBuild(dir); err == nil {
			if !bytes.Equal(got.data, want[openFile]) {
				t.Fatalf("%s: the open page is not up to date once the edit is worked in", what)
			}
		}
		b.settle()
		compareWithBuild(t, b, dir, what)
	}
}

// compareWithBuild fails unless the preview holds what a build makes.
func compareWithBuild(t *testing.T, b *builder, dir, what string) {
	t.Helper()
	want, err := fullBuild(dir)
	got := strings.Join(b.errors(), "\n")
	if err != nil {
		if got != err.Error() {
			t.Fatalf("%s: the preview's errors are\n%s\nthe build's\n%s", what, got, err)
		}
		return
	}
	if got != "" {
		t.Fatalf("%s: the build succeeds, the preview reports\n%s", what, got)
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	for name, data := range want {
		if f, ok := b.files[name]; !ok || !bytes.Equal(f.data, data) {
			t.Fatalf("%s: %s differs from the build's (the preview has it: %v)", what, name, ok)
		}
	}
	for name := range b.files {
		if _, ok := want[name]; !ok {
			t.Fatalf("%s: the preview has %s, the build does not", what, name)
		}
	}
}

// editor makes random edits to a site, as an editor would.
type editor struct {
	dir   string
	rng   *rand.Rand
	n     int
	added []string          // keys of the pages it added
	fix   map[string]string // files to restore: a mistake made on the last step
}

// edit makes one edit and returns what it did and the files it changed.
func (e *editor) edit(t *testing.T) (string, []string) {
	e.n++
	if e.fix != nil {
		var changed []string
		for name, text := range e.fix {
			e.write(t, name, text)
			changed = append(changed, name)
		}
		e.fix = nil
		return "the mistake fixed", changed
	}
	edits := []struct {
		what string
		do   func(*testing.T) []string
	}{
		{"a text", e.text}, {"a text", e.text}, {"a text", e.text},
		{"two texts", func(t *testing.T) []string { return append(e.text(t), e.text(t)...) }},
		{"a title", e.title}, {"a title", e.title},
		{"a weight", e.weight},
		{"a new page pair", e.newPair},
		{"a page pair removed", e.removePair},
		{"a page template", func(t *testing.T) []string {
			return e.template(t, e.pick(t, "layouts", `^layouts/(_default|zones)/\w+\.html$`))
		}},
		{"a partial", func(t *testing.T) []string { return e.template(t, "layouts/partials/footer.html") }},
		{"the stylesheet", e.stylesheet}, {"the stylesheet", e.stylesheet},
		{"the English title in config", e.config},
		{"an unknown front matter key", e.unknownKey},
		{"a template that does not parse", e.brokenTemplate},
		{"a UI string that does not exist", e.missingString},
		{"a file saved as it was", e.touch},
		{"a text, saved as vim does", e.vimSave},
	}
	pick := edits[e.rng.IntN(len(edits))]
	return pick.what, pick.do(t)
}

func (e *editor) write(t *testing.T, name, text string) {
	t.Helper()
	if err := writeFile(e.dir, name, text); err != nil {
		t.Fatal(err)
	}
}

// pick chooses a file under dir whose path matches pattern.
func (e *editor) pick(t *testing.T, dir, pattern string) string {
	t.Helper()
	re := regexp.MustCompile(pattern)
	var names []string
	filepath.WalkDir(filepath.Join(e.dir, dir), func(p string, d fs.DirEntry, err error) error {
		rel, _ := filepath.Rel(e.dir, p)
		if rel = filepath.ToSlash(rel); err == nil && !d.IsDir() && re.MatchString(rel) {
			names = append(names, rel)
		}
		return nil
	})
	slices.Sort(names)
	if len(names) == 0 {
		t.Fatalf("no file matches %s", pattern)
	}
	return names[e.rng.IntN(len(names))]
}

func (e *editor) text(t *testing.T) []string {
	name := e.pick(t, "content", `\.(zh|en)\.md$`)
	para := fmt.Sprintf("\n\n新的一段，第%d次。\n", e.n)
	if strings.HasSuffix(name, ".en.md") {
		para = fmt.Sprintf("\n\nA new paragraph, edit %d.\n", e.n)
	}
	e.write(t, name, readFile(t, e.dir, name)+para)
	return []string{name}
}

var titleLine = regexp.MustCompile(`(?m)^title = "(.*)"$`)

func (e *editor) title(t *testing.T) []string {
	name := e.pick(t, "content", `\.(zh|en)\.md$`)
	text := titleLine.ReplaceAllString(readFile(t, e.dir, name), fmt.Sprintf(`title = "$1 %d"`, e.n))
	e.write(t, name, text)
	return []string{name}
}

var weightLine = regexp.MustCompile(`(?m)^weight = \d+$`)

func (e *editor) weight(t *testing.T) []string {
	name := e.pick(t, "content", `\.toml$`)
	text := readFile(t, e.dir, name)
	if !weightLine.MatchString(text) {
		text = fmt.Sprintf("weight = %d\n", e.rng.IntN(20)+1) + text
	}
	e.write(t, name, weightLine.ReplaceAllString(text, fmt.Sprintf("weight = %d", e.rng.IntN(20)+1)))
	return []string{name}
}

func (e *editor) newPair(t *testing.T) []string {
	key := fmt.Sprintf("content/zones/new-%d", e.n)
	e.added = append(e.added, key)
	e.write(t, key+".toml", fmt.Sprintf("weight = %d\nthemes = []\nindustries = [\"finance\"]\n", e.rng.IntN(20)+1))
	e.write(t, key+".zh.md", fmt.Sprintf("+++\ntitle = \"新区%d\"\nsummary = \"新的功能区。\"\n+++\n正文。\n", e.n))
	e.write(t, key+".en.md", fmt.Sprintf("+++\ntitle = \"New zone %d\"\nsummary = \"A new zone.\"\n+++\nText.\n", e.n))
	return []string{key + ".toml", key + ".zh.md", key + ".en.md"}
}

func (e *editor) removePair(t *testing.T) []string {
	if len(e.added) == 0 {
		return e.newPair(t)
	}
	key := e.added[0]
	e.added = e.added[1:]
	var changed []string
	for _, ext := range []string{".toml", ".zh.md", ".en.md"} {
		if err := os.Remove(filepath.Join(e.dir, filepath.FromSlash(key+ext))); err != nil {
			t.Fatal(err)
		}
		changed = append(changed, key+ext)
	}
	return changed
}

func (e *editor) template(t *testing.T, name string) []string {
	text := readFile(t, e.dir, name)
	mark := fmt.Sprintf(`<i hidden>%d</i>`, e.n)
	if strings.Contains(text, `{{define "main"}}`) {
		text = strings.Replace(text, `{{define "main"}}`, `{{define "main"}}`+mark, 1)
	} else {
		text += mark
	}
	e.write(t, name, text)
	return []string{name}
}

func (e *editor) stylesheet(t *testing.T) []string {
	const name = "layouts/assets/site.css"
	e.write(t, name, readFile(t, e.dir, name)+fmt.Sprintf("/* %d */\n", e.n))
	return []string{name}
}

var enTitle = regexp.MustCompile(`(?m)(\[languages\.en\]\n(?:[^\[].*\n)*?title = ")([^"]*)"`)

func (e *editor) config(t *testing.T) []string {
	text := readFile(t, e.dir, "config.toml")
	e.write(t, "config.toml", enTitle.ReplaceAllString(text, fmt.Sprintf(`${1}${2} %d"`, e.n)))
	return []string{"config.toml"}
}

// mistake changes a file and has the next edit restore it.
func (e *editor) mistake(t *testing.T, name string, change func(string) string) []string {
	text := readFile(t, e.dir, name)
	e.fix = map[string]string{name: text}
	e.write(t, name, change(text))
	return []string{name}
}

func (e *editor) unknownKey(t *testing.T) []string {
	return e.mistake(t, e.pick(t, "content", `\.(zh|en)\.md$`), func(s string) string {
		return strings.Replace(s, "+++\n", "+++\ntitel = \"x\"\n", 1)
	})
}

func (e *editor) brokenTemplate(t *testing.T) []string {
	return e.mistake(t, e.pick(t, "layouts", `\.html$`), func(s string) string { return s + "{{.Title" })
}

func (e *editor) missingString(t *testing.T) []string {
	return e.mistake(t, "layouts/zones/page.html", func(s string) string {
		return strings.Replace(s, `{{define "main"}}`, `{{define "main"}}{{.T "no-such-string"}}`, 1)
	})
}

func (e *editor) touch(t *testing.T) []string {
	name := e.pick(t, "", `^(content/.*\.(md|toml)|layouts/.*\.html)$`)
	e.write(t, name, readFile(t, e.dir, name))
	return []string{name}
}

// vimSave writes a text as vim does by default: it first makes and
// removes a file named 4913 to see that it may write in the folder.
func (e *editor) vimSave(t *testing.T) []string {
	changed := e.text(t)
	probe := filepath.ToSlash(filepath.Join(filepath.Dir(changed[0]), "4913"))
	e.write(t, probe, "")
	os.Remove(filepath.Join(e.dir, filepath.FromSlash(probe)))
	return append(changed, probe)
}

// TestSiteFilesOnce: two background runs of one site may reach the site
// files together (the first cut short by a load that then failed, the
// second started again for the same site): the files are made once, and
// those waiting for the work to settle are told once.
func TestSiteFilesOnce(t *testing.T) {
	dir := copySite(t, fixtureSite)
	b := newBuilder(source.New(dir, source.DefaultMaxFileSize), load.Options{}, io.Discard)
	b.update(nil)
	b.settle()
	b.workers.Wait() // the background's last line is said after the work settles
	g := b.current()
	// The site files of g due again, as after a load that failed.
	g.pieces, _ = render.NewPieces(g.site, g.layouts)
	b.mu.Lock()
	b.siteDue, b.settled = true, make(chan struct{})
	b.mu.Unlock()
	for _, p := range g.site.Pages {
		if err := g.pieces.Page(p, &memOutput{}); err != nil {
			t.Fatal(err)
		}
	}
	var wg sync.WaitGroup
	for range 2 {
		wg.Go(func() { b.siteFiles(g) })
	}
	wg.Wait()
	b.settle()
	if b.siteErr != nil {
		t.Fatal(b.siteErr)
	}
}
