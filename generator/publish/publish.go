// Package publish puts a built site into its destination folder as one
// step, and refuses any destination whose replacement could lose work.
//
// A build writes into a fresh folder beside the destination (Stage, then
// Write from any number of goroutines); Commit swaps it into place
// atomically and removes the old site. A file the old site holds with the
// same bytes is linked from it rather than written again (see reuse.go). At
// every instant the destination holds either the whole old site or the
// whole new one: on Linux the swap is one rename-exchange, elsewhere a
// build killed between two renames is repaired by the next one. A build
// that fails or is killed leaves the published site as it was, and the
// next build removes what it left behind.
//
// The generator replaces only what it made: every published folder holds a
// small marker file (Marker), and a non-empty folder without it is refused.
// The destination may not be, hold, or lie inside the site's sources. Builds
// into one destination take turns: a lock on its parent folder is held from
// Stage to Commit.
package publish

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"westcoast/generator/model"
)

// Marker is the file every published folder holds, so that a later build
// knows the folder is its own to replace.
const Marker = model.MarkerFile

const markerText = "This folder is written by the site generator. Each build replaces it whole:\n" +
	"keep nothing else here.\n"

// Options say what a destination must be kept apart from.
type Options struct {
	// Source is the site's source folder: the destination may not be it,
	// hold it, or lie inside its content/, layouts/ or config.toml.
	Source string
	// Log receives warnings that do not make the build fail, such as an
	// old site that could not be removed after the new one was published.
	Log io.Writer
}

// Staging is a site being written beside its destination.
type Staging struct {
	dest   string // as the user wrote it, for messages
	abs    string // absolute destination
	tmp    string // the folder being written
	log    io.Writer
	unlock func()
	// removeAll removes the old site after the swap; tests replace it to
	// see what happens when it fails (root can remove anything).
	removeAll func(string) error
	dirs      folders  // folders made under tmp lately
	prev      previous // the site being replaced, whose unchanged files are shared
}

// Stage checks dest, waits for any other build into it to finish, cleans up
// after builds that were killed, and starts a new folder beside it. The
// caller must Commit or Discard.
func Stage(dest string, opts Options) (*Staging, error) {
	abs, err := checkDestination(dest, opts.Source)
	if err != nil {
		return nil, err
	}
	parent, base := filepath.Split(abs)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, fmt.Errorf("cannot publish to %s: %w", dest, unwrapPath(err))
	}
	log := opts.Log
	if log == nil {
		log = io.Discard
	}
	// The lock is the parent folder's, since dest itself is swapped: a
	// build into a folder beside dest waits too, so the message names the
	// parent, not dest.
	unlock, err := lock(parent, func() {
		fmt.Fprintf(log, "waiting for another build publishing into %s to finish\n", filepath.Dir(dest)+string(filepath.Separator))
	})
	if err != nil {
		return nil, fmt.Errorf("cannot publish to %s: %w", dest, err)
	}
	// Checked again under the lock: another build may have just made it.
	if _, err := checkDestination(dest, opts.Source); err != nil {
		unlock()
		return nil, err
	}
	if err := recoverAbandoned(parent, base); err != nil {
		unlock()
		return nil, fmt.Errorf("cannot publish to %s: cleaning up after an earlier build: %w", dest, err)
	}
	tmp, err := os.MkdirTemp(parent, tempPrefix(base, "new"))
	if err != nil {
		unlock()
		return nil, fmt.Errorf("cannot publish to %s: %w", dest, unwrapPath(err))
	}
	return &Staging{dest: dest, abs: abs, tmp: tmp, log: log, unlock: unlock, removeAll: os.RemoveAll,
		prev: openPrevious(abs)}, nil
}

// Write adds a file to the new site. name is a slash-separated path inside
// the site; anything that could lead outside it is refused, as is a second
// file at the same path. Write is safe for concurrent use.
//
// The second file is found by the file system, which refuses to create a
// file that exists (O_EXCL), rather than by a list of the files written:
// at 100,000 pages that list held tens of megabytes to the end.
func (s *Staging) Write(name string, data []byte) error {
	if err := checkName(name); err != nil {
		return err
	}
	p := filepath.Join(s.tmp, filepath.FromSlash(name))
	if err := s.mkdir(filepath.Dir(p)); err != nil {
		return fmt.Errorf("publish: %s: %w", name, err)
	}
	err := s.put(name, p, data)
	switch {
	case err == nil:
		return nil
	case errors.Is(err, fs.ErrExist) && isFolder(p):
		return fmt.Errorf("publish: %s: other files are written inside it", name)
	case errors.Is(err, fs.ErrExist):
		return fmt.Errorf("publish: %s is written twice", name)
	}
	return fmt.Errorf("publish: %s: %w", name, err)
}

// isFolder reports whether p is a folder.
func isFolder(p string) bool {
	info, err := os.Lstat(p)
	return err == nil && info.IsDir()
}

// put makes the file p, which is name in the site, hold data: shared with
// the published site when it holds the same, written otherwise.
func (s *Staging) put(name, p string, data []byte) error {
	if s.prev.link(name, data, p) {
		return nil
	}
	return writeNew(p, data)
}

// checkName refuses output paths that are not plainly inside the site:
// absolute, with "..", empty or "." elements, backslashes or NUL bytes.
func checkName(name string) error {
	if name == Marker {
		return fmt.Errorf("publish: %s is reserved for the generator's marker", name)
	}
	bad := name == "" || strings.HasPrefix(name, "/") || strings.ContainsAny(name, "\\\x00")
	for _, part := range strings.Split(name, "/") {
		if part == "" || part == "." || part == ".." {
			bad = true
		}
	}
	if bad {
		return fmt.Errorf("publish: refusing to write %q: not a path inside the site", name)
	}
	return nil
}

// mkdir makes dir and any of its parents that this staging has not made
// lately: one system call a folder, where MkdirAll would look first.
func (s *Staging) mkdir(dir string) error {
	if dir == s.tmp || s.dirs.has(dir) {
		return nil
	}
	if err := s.mkdir(filepath.Dir(dir)); err != nil {
		return err
	}
	// Another writer may have made it a moment ago.
	if err := os.Mkdir(dir, 0o755); err != nil && !errors.Is(err, os.ErrExist) {
		return unwrapPath(err)
	}
	s.dirs.add(dir)
	return nil
}

// folders remembers the folders made lately, so that the files written
// into one (a section's pages, the search index's) make it once. It
// forgets them all when it holds maxFolders: a large site has a folder a
// page, and a folder forgotten only costs a mkdir that finds it made.
type folders struct {
	mu   sync.Mutex
	made map[string]struct{}
}

const maxFolders = 1024

func (f *folders) has(dir string) bool {
	f.mu.Lock()
	defer f.mu.Unlock()
	_, ok := f.made[dir]
	return ok
}

func (f *folders) add(dir string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.made == nil || len(f.made) >= maxFolders {
		f.made = make(map[string]struct{}, maxFolders)
	}
	f.made[dir] = struct{}{}
}

// Commit puts the new site in the destination's place and removes the old
// one. If the old one cannot be removed, the new site is still published:
// that is a warning, and the next build tries again.
func (s *Staging) Commit() error {
	defer s.unlock()
	defer s.prev.close()
	if err := s.put(Marker, filepath.Join(s.tmp, Marker), []byte(markerText)); err != nil {
		os.RemoveAll(s.tmp)
		return fmt.Errorf("publish: %s: %w", Marker, unwrapPath(err))
	}
	// MkdirTemp makes the folder private; a published site is readable.
	if err := os.Chmod(s.tmp, 0o755); err != nil {
		os.RemoveAll(s.tmp)
		return fmt.Errorf("cannot publish to %s: %w", s.dest, unwrapPath(err))
	}
	old, err := swap(s.tmp, s.abs)
	if err != nil {
		os.RemoveAll(s.tmp)
		return fmt.Errorf("cannot publish to %s: %w", s.dest, err)
	}
	if old != "" {
		if err := s.removeAll(old); err != nil {
			fmt.Fprintf(s.log, "warning: the new site is published, but the old one could not be removed (%v); the next build will try again\n", unwrapPath(err))
		}
	}
	return nil
}

// Discard abandons the new site; the destination stays as it was.
func (s *Staging) Discard() {
	defer s.unlock()
	s.prev.close()
	os.RemoveAll(s.tmp)
}

// tempPrefix names the folders a build keeps beside the destination, so
// that a later build can find and remove what a killed one left.
func tempPrefix(base, kind string) string {
	return "." + base + "." + kind + "-"
}

// recoverAbandoned repairs what killed builds left beside the destination:
// a half-written new site is removed; an old site moved aside is put back
// if the destination is missing (a kill between two renames, where
// rename-exchange is not available) and removed otherwise.
func recoverAbandoned(parent, base string) error {
	entries, err := os.ReadDir(parent)
	if err != nil {
		return err
	}
	dest := filepath.Join(parent, base)
	_, statErr := os.Lstat(dest)
	missing := errors.Is(statErr, os.ErrNotExist)
	for _, e := range entries {
		p := filepath.Join(parent, e.Name())
		switch {
		case strings.HasPrefix(e.Name(), tempPrefix(base, "new")):
			if err := os.RemoveAll(p); err != nil {
				return err
			}
		case strings.HasPrefix(e.Name(), tempPrefix(base, "old")) && missing:
			if err := os.Rename(p, dest); err != nil {
				return err
			}
			missing = false
		case strings.HasPrefix(e.Name(), tempPrefix(base, "old")):
			if err := os.RemoveAll(p); err != nil {
				return err
			}
		}
	}
	return nil
}

// unwrapPath drops the absolute path from a file system error: messages
// name paths inside the site, and output never holds absolute paths.
func unwrapPath(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	var le *os.LinkError
	if errors.As(err, &le) {
		return le.Err
	}
	return err
}
