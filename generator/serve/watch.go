package serve

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"slices"
	"strings"
	"sync"
	"time"
)

// The watcher reports which files changed, not only that some did: the
// loader then parses those files alone. On Linux it asks the kernel
// (inotify), which costs nothing while nothing changes; a stat of every
// file costs about 150 ms a round at 10,000 pairs on a loaded two-core
// machine, which polling every 300 ms would spend half a core on. It polls
// where inotify is missing or cannot be trusted: on other systems, when
// the kernel refuses more watches, and when the source holds a symlink
// (a change to the file it leads to is reported under the file's name, or
// not at all when that is outside the watched folders).

// watched are the parts of the site's folder that the build reads.
var watched = []string{"config.toml", "content", "layouts"}

// quiet is how long a batch waits for more changes: an editor's save, a
// git checkout, is several changes in a row. maxWait bounds a batch that
// never goes quiet.
const (
	quiet   = 10 * time.Millisecond
	maxWait = 200 * time.Millisecond
)

// watch calls update with each batch of changed paths (in the source,
// with slashes) until stop is called. update is called from one goroutine,
// one batch at a time.
func watch(dir string, src fs.FS, update func([]string), log io.Writer) (stop func(), err error) {
	c := newCollector(update)
	stopNotify, err := notify(dir, c.add)
	if err != nil {
		if !errors.Is(err, errUnsupported) {
			fmt.Fprintf(log, "watching by polling: %v\n", err)
		}
		stopNotify = poll(src, c.add)
	}
	return func() {
		stopNotify()
		c.close()
	}, nil
}

var errUnsupported = errors.New("no file notifications on this system")

// relevant reports whether a change to the file at name (in the source)
// can change the build: hidden files are not part of the site.
func relevant(name string) bool {
	for _, part := range strings.Split(name, "/") {
		if strings.HasPrefix(part, ".") && part != "." {
			return false
		}
	}
	top, _, _ := strings.Cut(name, "/")
	return slices.Contains(watched, top) || name == "."
}

// collector gathers changes into batches and hands each to update.
type collector struct {
	mu      sync.Mutex
	pending map[string]bool
	wake    chan struct{}
	done    chan struct{}
	stopped chan struct{}
}

func newCollector(update func([]string)) *collector {
	c := &collector{pending: map[string]bool{}, wake: make(chan struct{}, 1), done: make(chan struct{}), stopped: make(chan struct{})}
	go c.run(update)
	return c
}

// add notes changed paths; it never blocks.
func (c *collector) add(names ...string) {
	c.mu.Lock()
	n := 0
	for _, name := range names {
		if relevant(name) {
			c.pending[path.Clean(name)] = true
			n++
		}
	}
	c.mu.Unlock()
	if n > 0 {
		select {
		case c.wake <- struct{}{}:
		default:
		}
	}
}

func (c *collector) run(update func([]string)) {
	defer close(c.stopped)
	for {
		select {
		case <-c.wake:
		case <-c.done:
			return
		}
		c.settle()
		c.mu.Lock()
		batch := slices.Sorted(func(yield func(string) bool) {
			for name := range c.pending {
				if !yield(name) {
					return
				}
			}
		})
		c.pending = map[string]bool{}
		c.mu.Unlock()
		if len(batch) > 0 {
			update(batch)
		}
	}
}

// settle waits until changes stop coming for a moment, or for maxWait.
func (c *collector) settle() {
	deadline := time.After(maxWait)
	for {
		select {
		case <-c.wake:
		case <-time.After(quiet):
			return
		case <-deadline:
			return
		case <-c.done:
			return
		}
	}
}

func (c *collector) close() {
	close(c.done)
	<-c.stopped
}

// poll compares the state of the source's files round after round and
// reports the paths that differ. A round waits four times as long as the
// last scan took, and at least 300 ms, so that a large site does not keep
// a core busy.
func poll(src fs.FS, report func(...string)) (stop func()) {
	done := make(chan struct{})
	stopped := make(chan struct{})
	go func() {
		defer close(stopped)
		start := time.Now()
		last := stamp(src)
		took := time.Since(start)
		for {
			select {
			case <-time.After(max(300*time.Millisecond, 4*took)):
			case <-done:
				return
			}
			start = time.Now()
			now := stamp(src)
			took = time.Since(start)
			var changed []string
			for name, s := range now {
				if last[name] != s {
					changed = append(changed, name)
				}
			}
			for name := range last {
				if _, ok := now[name]; !ok {
					changed = append(changed, name)
				}
			}
			last = now
			report(changed...)
		}
	}()
	return func() {
		close(done)
		<-stopped
	}
}

// stamp describes each of the source's files by size and time. A file the
// source refuses to read is part of it, by its error: fixing it changes it.
func stamp(src fs.FS) map[string]string {
	m := map[string]string{}
	for _, dir := range watched {
		_ = fs.WalkDir(src, dir, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				m[p] = err.Error()
				return nil
			}
			if info, err := d.Info(); err == nil && !d.IsDir() {
				m[p] = fmt.Sprintf("%d %d", info.Size(), info.ModTime().UnixNano())
			}
			return nil
		})
	}
	return m
}
