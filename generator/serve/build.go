package serve

import (
	"context"
	"fmt"
	"hash/fnv"
	"io"
	"io/fs"
	"maps"
	"path"
	"runtime"
	"strings"
	"sync"
	"time"

	"westcoast/generator/load"
	"westcoast/generator/model"
	"westcoast/generator/par"
	"westcoast/generator/render"
)

// How the preview keeps up with an editor on a site of any size.
//
// The site is held in memory as the files a build would write. After a
// change, load.Update makes the new model (on an edit to a page's text, or
// to what its front matter says of the page alone, such as its title, a
// copy of the old with the page made again, without loading anything
// else), and each page is marked stale or kept:
//
//   - An edit to a page's text alone marks that page: no other page can
//     show a page's text (lists show summaries, which are front matter,
//     and the figures a text quotes are facts of their pages).
//   - Any other change to content or config may show on any page: a
//     template reaches every page through .Get, .Site.Pages and the links
//     between pages, however far, and no rule short of running it says
//     which it does. Every page is marked.
//   - A change to the layouts marks the pages whose layout sum changed
//     (render.LayoutSum): those of a page template, or all for the base
//     layout, a partial or an id the layouts reserve.
//   - A stylesheet is swapped in the open pages without a reload; another
//     asset reloads them.
//
// Marked pages are not rendered at once but in this order: first those
// open in a browser and those that failed last time (then the browsers
// reload, or show the errors), then, in the background, the rest, and
// last the files made from the whole site (feeds, search index, sitemap).
// A request for a marked page renders it at once. So the time from a save
// to the reload is that of a load and of the open page, whatever the size
// of the site; on a large site a change to a title leaves the background
// busy for a while, and a wrong page is never served.

// pageID names a page across loads: its language and key.
type pageID struct{ lang, key string }

func idOf(p *model.Page) pageID { return pageID{p.Lang.Code, p.Key} }

// file is a built file as the preview serves it.
type file struct {
	data []byte
	sum  uint64 // FNV-1a of data: the version a browser showing it has
}

func newFile(data []byte) file {
	h := fnv.New64a()
	h.Write(data)
	return file{data: data, sum: h.Sum64()}
}

// generation is one good load of the site and the render that goes with it.
type generation struct {
	site    *model.Site
	layouts *render.Layouts
	sums    render.LayoutSum
	pieces  *render.Pieces
	byID    map[pageID]*model.Page
}

// builder keeps the site's files up to date with its source.
type builder struct {
	src  fs.FS
	opts load.Options // with a cache
	log  io.Writer

	// updating is held by update: one change is worked in at a time.
	updating sync.Mutex
	pending  []string // the changes a failed load did not take in

	mu   sync.Mutex
	gen  *generation // the last good load; nil until there is one
	fail error       // why the last load failed, or nil
	// files are the site's files; made, the files each page made when it
	// was last rendered; assetsMade and siteMade, those the assets and the
	// site files made.
	files                map[string]file
	made                 map[pageID][]string
	owner                map[string]pageID // the page that made each file
	assetsMade, siteMade map[string]file
	stale                map[pageID]bool
	siteDue              bool       // the site files wait for the pages
	siteMaking           sync.Mutex // held while the site files are made
	inflight             map[rendering]chan struct{}
	pageErrs             map[pageID]error
	siteErr              error // of the site files
	assetErr             error
	// viewers count the pages open in a browser, by URL path.
	viewers map[string]int
	// cssVersion counts stylesheet changes; reloads, other asset changes.
	cssVersion, reloads int
	// news is closed and replaced when open pages should look again.
	news chan struct{}
	// settled is closed when no work is left for this generation.
	settled chan struct{}
	cancel  context.CancelFunc // stops the background work
	workers sync.WaitGroup     // the background work, of this load and earlier ones
	said    string             // the errors last logged
}

func newBuilder(src fs.FS, opts load.Options, log io.Writer) *builder {
	opts.Cache = load.NewCache()
	settled := make(chan struct{})
	close(settled)
	return &builder{
		src: src, opts: opts, log: log,
		files: map[string]file{}, made: map[pageID][]string{}, owner: map[string]pageID{},
		stale: map[pageID]bool{}, inflight: map[rendering]chan struct{}{}, pageErrs: map[pageID]error{},
		viewers: map[string]int{}, news: make(chan struct{}), settled: settled,
	}
}

// update works a batch of changed files (paths in the source, with
// slashes; nil at the start) into the site: the pages open in a browser are
// rendered before it returns, the rest in the background.
func (b *builder) update(changed []string) {
	b.updating.Lock()
	defer b.updating.Unlock()
	start := time.Now()
	b.cancelBackground()
	old := b.current()
	if changed != nil && b.pending != nil {
		// What a failed load did not take in is still to take in.
		changed = append(b.pending, changed...)
	}
	g, texts, err := b.next(old, changed)
	if err != nil {
		b.mu.Lock()
		b.fail = err
		b.mu.Unlock()
		if b.pending = changed; changed == nil {
			b.pending = []string{"."}
		}
		b.tell()
		b.say("")
		if old != nil {
			b.startBackground(old) // the last good site, still served, is finished
		}
		return
	}
	b.pending = nil
	cssChanged, reload := b.install(old, g, texts)
	front := b.foreground()
	b.renderPages(g, front)
	b.mu.Lock()
	if cssChanged {
		b.cssVersion++
	}
	if reload {
		b.reloads++
	}
	left := len(b.stale)
	b.mu.Unlock()
	b.tell()
	b.logUpdate(changed, len(front), left, time.Since(start))
	b.startBackground(g)
}

func (b *builder) current() *generation {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.gen
}

// next loads what changed. texts are the pages whose text alone changed,
// or nil when anything else may have.
func (b *builder) next(old *generation, changed []string) (*generation, []*model.Page, error) {
	g := &generation{}
	var layoutErr error
	if old == nil || touches(changed, render.LayoutDir) {
		g.layouts, layoutErr = render.ReadLayouts(b.src)
	} else {
		g.layouts = old.layouts
	}
	var oldSite *model.Site
	if old != nil {
		oldSite = old.site
	}
	site, texts, err := load.Update(b.src, b.opts, oldSite, changed)
	if err != nil {
		return nil, nil, model.Join(err, layoutErr)
	}
	g.site = site
	g.sums = render.SumLayouts(g.layouts)
	if g.pieces, err = render.NewPieces(site, g.layouts); err != nil {
		return nil, nil, err
	}
	g.byID = make(map[pageID]*model.Page, len(site.Pages))
	for _, p := range site.Pages {
		g.byID[idOf(p)] = p
	}
	return g, texts, nil
}

// touches reports whether a change is in the folder dir.
func touches(changed []string, dir string) bool {
	for _, name := range changed {
		name = path.Clean(name)
		if name == dir || name == "." || strings.HasPrefix(name, dir+"/") {
			return true
		}
	}
	return false
}

// install makes g the current generation and marks what it must render
// again. It reports whether a stylesheet changed, and whether another
// asset did, which reloads every open page.
func (b *builder) install(old *generation, g *generation, texts []*model.Page) (cssChanged, reload bool) {
	stale := g.site.Pages
	if marked, all := b.marked(old, g, texts); !all {
		var keep []*model.Page
		stale = nil
		for _, p := range g.site.Pages {
			if marked[idOf(p)] {
				stale = append(stale, p)
			} else {
				keep = append(keep, p)
			}
		}
		stale = append(stale, g.pieces.Keep(keep, old.pieces)...)
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	b.gen, b.fail = g, nil
	b.stale = make(map[pageID]bool, len(stale))
	for _, p := range stale {
		b.stale[idOf(p)] = true
	}
	for id, paths := range b.made { // pages that are gone
		if g.byID[id] == nil {
			for _, p := range paths {
				delete(b.files, p)
				delete(b.owner, p)
			}
			delete(b.made, id)
			delete(b.pageErrs, id)
		}
	}
	if !b.siteDue {
		// Otherwise the work of an earlier load was cut short, and those
		// waiting for it to settle wait for this load's instead.
		b.settled = make(chan struct{})
	}
	b.siteDue = true
	return b.assets(g)
}

// marked are the pages a change may have changed, by the rules at the top
// of this file, or all of them.
func (b *builder) marked(old *generation, g *generation, texts []*model.Page) (marked map[pageID]bool, all bool) {
	if old == nil || g.site != old.site && texts == nil {
		return nil, true
	}
	marked = map[pageID]bool{}
	for _, p := range texts {
		marked[idOf(p)] = true
	}
	if g.layouts != old.layouts && !g.sums.Same(old.sums) {
		for id, p := range g.byID {
			if q := old.byID[id]; q == nil || g.sums.Page(p) != old.sums.Page(q) {
				marked[id] = true
			}
		}
	}
	return marked, false
}

// assets copies the assets again and compares them with what was served,
// under b.mu.
func (b *builder) assets(g *generation) (cssChanged, reload bool) {
	var out memOutput
	b.assetErr = g.pieces.Assets(&out)
	for name, f := range out.files {
		if was, ok := b.files[name]; !ok || was.sum != f.sum {
			if strings.HasSuffix(name, ".css") {
				cssChanged = true
			} else {
				reload = true
			}
		}
	}
	for name := range b.assetsMade {
		if _, ok := out.files[name]; !ok {
			reload = true // an asset is gone
		}
	}
	b.assetsMade = b.replace(b.assetsMade, out.files)
	return cssChanged, reload
}

// replace puts files in the place of those made before by the same piece,
// under b.mu, and returns them.
func (b *builder) replace(before, files map[string]file) map[string]file {
	for name := range before {
		if _, ok := files[name]; !ok {
			delete(b.files, name)
		}
	}
	maps.Copy(b.files, files)
	return files
}

// foreground are the stale pages to render before the browsers hear of
// the change: those open in a browser, and those whose last render failed.
func (b *builder) foreground() []*model.Page {
	b.mu.Lock()
	defer b.mu.Unlock()
	var front []*model.Page
	for id := range b.stale {
		p := b.gen.byID[id]
		if b.viewers[p.URL] > 0 || b.pageErrs[id] != nil {
			front = append(front, p)
		}
	}
	return front
}

// renderPages renders pages of g on every core and keeps their files.
func (b *builder) renderPages(g *generation, pages []*model.Page) {
	par.Do(len(pages), func(i int) { b.renderPage(g, pages[i]) })
}

// renderPage renders a stale page of g, or waits for the render of it
// already under way; a page that is not stale is left as it is.
func (b *builder) renderPage(g *generation, p *model.Page) {
	id := idOf(p)
	b.mu.Lock()
	if b.gen != g || !b.stale[id] {
		b.mu.Unlock()
		return
	}
	if wait, ok := b.inflight[rendering{g, id}]; ok {
		b.mu.Unlock()
		<-wait
		return
	}
	done := make(chan struct{})
	b.inflight[rendering{g, id}] = done
	b.mu.Unlock()

	var out memOutput
	err := g.pieces.Page(p, &out)
	// A text saved again since the load is not this load's to render (the
	// render refuses it): the watcher is about to report it.
	newer := err != nil && textChanged(b.src, p.Body)

	b.mu.Lock()
	defer b.mu.Unlock()
	delete(b.inflight, rendering{g, id})
	close(done)
	if b.gen != g || newer {
		return // a newer load has come meanwhile, or will
	}
	delete(b.stale, id)
	b.pageErrs[id] = err
	if err == nil {
		delete(b.pageErrs, id)
	}
	if err != nil || len(out.files) == 0 {
		// A page that fails, or whose template does, keeps its last good
		// files on screen while the errors show.
		return
	}
	for _, name := range b.made[id] {
		if _, still := out.files[name]; !still {
			delete(b.files, name)
			delete(b.owner, name)
		}
	}
	names := make([]string, 0, len(out.files))
	for name, f := range out.files {
		b.files[name] = f
		b.owner[name] = id
		names = append(names, name)
	}
	b.made[id] = names
}

// textChanged reports whether a page's text is no longer what the load
// found.
func textChanged(src fs.FS, t model.Text) bool {
	if t.File == "" {
		return false
	}
	data, err := fs.ReadFile(src, t.File)
	if err != nil || len(data) != t.Offset+t.Length {
		return true
	}
	return model.TextSum(data[t.Offset:]) != t.Sum
}

// startBackground renders the rest of g's stale pages, then the site
// files, on all cores but one, which is left for the editor's requests.
func (b *builder) startBackground(g *generation) {
	ctx, cancel := context.WithCancel(context.Background())
	b.mu.Lock()
	b.cancel = cancel
	var todo []*model.Page
	for _, p := range g.site.Pages { // in the site's order: a language's pages together
		if b.stale[idOf(p)] {
			todo = append(todo, p)
		}
	}
	b.mu.Unlock()
	b.workers.Go(func() { b.background(ctx, g, todo) })
}

func (b *builder) background(ctx context.Context, g *generation, todo []*model.Page) {
	workers := max(1, runtime.GOMAXPROCS(0)-1)
	next := make(chan *model.Page)
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for p := range next {
				b.renderPage(g, p)
			}
		})
	}
	start := time.Now()
	for _, p := range todo {
		if ctx.Err() != nil {
			break
		}
		next <- p
	}
	close(next)
	wg.Wait()
	if ctx.Err() != nil {
		return
	}
	b.siteFiles(g)
	line := ""
	if len(todo) > 0 {
		line = fmt.Sprintf("%s rendered in the background in %s", pages(len(todo)), time.Since(start).Round(time.Millisecond))
	}
	b.say(line)
}

// siteFiles makes the files made from the whole site, once every page is
// rendered, and says the work is done.
func (b *builder) siteFiles(g *generation) {
	// The background work of a load cut short by one that then failed may
	// still be here when the work of the same site starts again: one makes
	// the files, the other finds them made.
	b.siteMaking.Lock()
	defer b.siteMaking.Unlock()
	b.mu.Lock()
	due := b.siteDue && b.gen == g
	b.mu.Unlock()
	if !due { // made already, before a load that failed
		return
	}
	var out memOutput
	err := g.pieces.SiteFiles(&out)
	b.mu.Lock()
	if b.gen != g {
		b.mu.Unlock()
		return
	}
	b.siteMade = b.replace(b.siteMade, out.files)
	b.siteErr = err
	b.siteDue = false
	close(b.settled)
	b.mu.Unlock()
	b.tell()
}

// rendering is a page being rendered for a generation.
type rendering struct {
	g  *generation
	id pageID
}

// cancelBackground stops the background work. The pages under way are
// left to finish, and to be thrown away: a change need not wait for a long
// list page of the site before it.
func (b *builder) cancelBackground() {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.cancel != nil {
		b.cancel()
	}
}

// stopBackground stops the background work and waits for the pages under
// way, those of earlier loads too.
func (b *builder) stopBackground() {
	b.cancelBackground()
	b.workers.Wait()
}

// tell wakes the open pages' event streams.
func (b *builder) tell() {
	b.mu.Lock()
	close(b.news)
	b.news = make(chan struct{})
	b.mu.Unlock()
}

// errors are the site's faults as a build reports them, one a line, or
// none.
func (b *builder) errors() []string {
	b.mu.Lock()
	defer b.mu.Unlock()
	err := b.fail
	if err == nil && b.gen != nil {
		// In the site's order, as a build meets them.
		errs := make([]error, 0, len(b.pageErrs)+2)
		for _, p := range b.gen.site.Pages {
			if e := b.pageErrs[idOf(p)]; e != nil {
				errs = append(errs, e)
			}
		}
		err = b.gen.pieces.Report(append(errs, b.assetErr, b.siteErr))
	}
	if err == nil {
		return nil
	}
	return strings.Split(err.Error(), "\n")
}

func (b *builder) logUpdate(changed []string, front, left int, took time.Duration) {
	what := "loaded the site"
	if len(changed) == 1 {
		what = changed[0]
	} else if len(changed) > 1 {
		what = fmt.Sprintf("%s and %d more", changed[0], len(changed)-1)
	}
	line := fmt.Sprintf("%s: ready in %s (%s rendered", what, took.Round(time.Millisecond), pages(front))
	if left > 0 {
		line += fmt.Sprintf(", %s more in the background", pages(left))
	}
	b.say(line + ")")
}

func pages(n int) string {
	if n == 1 {
		return "1 page"
	}
	return fmt.Sprintf("%d pages", n)
}

// say logs a line, and the site's errors when they are not the ones
// logged last.
func (b *builder) say(line string) {
	errs := strings.Join(b.errors(), "\n")
	b.mu.Lock()
	defer b.mu.Unlock()
	if line != "" {
		fmt.Fprintln(b.log, line)
	}
	switch {
	case errs == b.said:
	case errs == "":
		fmt.Fprintln(b.log, "the errors are fixed")
	default:
		fmt.Fprintln(b.log, errs)
	}
	b.said = errs
}

// memOutput keeps the files one piece makes.
type memOutput struct {
	mu    sync.Mutex
	files map[string]file
}

func (m *memOutput) Write(name string, data []byte) error {
	f := newFile(append([]byte(nil), data...))
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.files == nil {
		m.files = map[string]file{}
	}
	m.files[name] = f
	return nil
}

// lookup returns the file at name as it is now, rendering the page that
// makes it if that page is stale, or waiting for the background work when
// the file is one it will make (the site files, a page not yet rendered).
// ok is false when the site has no such file. Without a good load yet
// there are no files.
func (b *builder) lookup(ctx context.Context, name string) (f file, ok bool) {
	return b.find(ctx, name, true)
}

// lookupNow is lookup without waiting for a site file that is there.
func (b *builder) lookupNow(ctx context.Context, name string) (f file, ok bool) {
	return b.find(ctx, name, false)
}

func (b *builder) find(ctx context.Context, name string, fresh bool) (f file, ok bool) {
	for {
		b.mu.Lock()
		g := b.gen
		if g == nil {
			b.mu.Unlock()
			return file{}, false
		}
		p := b.maker(g, name)
		_, site := b.siteMade[name]
		settled := b.settled
		f, ok = b.files[name]
		// A site file waits for the pages; any other file that is not
		// there yet waits only until the site files were first made,
		// which tells what they are.
		due := b.siteDue && (site && fresh || !ok && len(b.siteMade) == 0)
		b.mu.Unlock()
		switch {
		case p != nil:
			b.renderPage(g, p)
			b.mu.Lock()
			f, ok = b.files[name]
			b.mu.Unlock()
			return f, ok
		case !due:
			return f, ok
		}
		select { // a site file, or one that may yet be made
		case <-settled:
		case <-ctx.Done():
			return f, ok
		}
	}
}

// maker is the stale page of g that makes the file name, under b.mu, or
// nil. A page not rendered yet is found by its URL: the file is its page,
// or one below it (a list's further pages).
func (b *builder) maker(g *generation, name string) *model.Page {
	if id, ok := b.owner[name]; ok {
		if b.stale[id] {
			return g.byID[id]
		}
		return nil
	}
	var best *model.Page
	for id := range b.stale {
		p := g.byID[id]
		out := p.OutPath()
		if out == name {
			return p
		}
		below := strings.HasSuffix(name, "/"+model.IndexFile) && strings.HasPrefix(name, strings.TrimSuffix(out, model.IndexFile))
		if below && (best == nil || len(p.URL) > len(best.URL)) {
			best = p
		}
	}
	return best
}

// view counts a browser showing the page at the URL path u, until done.
func (b *builder) view(u string) (done func()) {
	b.mu.Lock()
	b.viewers[u]++
	b.mu.Unlock()
	return func() {
		b.mu.Lock()
		if b.viewers[u]--; b.viewers[u] == 0 {
			delete(b.viewers, u)
		}
		b.mu.Unlock()
	}
}

// versions are the stylesheet version and the count of other asset
// changes.
func (b *builder) versions() (css, reloads int) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.cssVersion, b.reloads
}

// newsChannel is closed when open pages should look again.
func (b *builder) newsChannel() <-chan struct{} {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.news
}
