package serve

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"sync"
	"unsafe"

	"golang.org/x/sys/unix"
)

// dirMask is what a watched folder reports: a file written, made,
// removed, renamed or made unreadable, and the folder itself going.
const dirMask = unix.IN_CLOSE_WRITE | unix.IN_MODIFY | unix.IN_CREATE | unix.IN_DELETE |
	unix.IN_MOVED_FROM | unix.IN_MOVED_TO | unix.IN_ATTRIB | unix.IN_DELETE_SELF | unix.IN_MOVE_SELF |
	unix.IN_ONLYDIR | unix.IN_DONT_FOLLOW

// errSymlink sends the watcher to polling: see watch.go.
var errSymlink = errors.New("the source holds a symlink, whose target changes unseen")

// inotify watches the site's folder (for config.toml, and content/ and
// layouts/ coming or going) and every folder under content/ and layouts/.
type inotify struct {
	root   string
	file   *os.File
	fd     int
	report func(...string)
	mu     sync.Mutex
	dirs   map[int]string // watch descriptor → folder in the source ("." for the root)
}

// notify reports changes as the kernel tells them.
func notify(dir string, report func(...string)) (stop func(), err error) {
	if dir, err = filepath.EvalSymlinks(dir); err != nil {
		return nil, err
	}
	fd, err := unix.InotifyInit1(unix.IN_CLOEXEC | unix.IN_NONBLOCK)
	if err != nil {
		return nil, fmt.Errorf("inotify: %w", err)
	}
	w := &inotify{root: dir, fd: fd, file: os.NewFile(uintptr(fd), "inotify"), report: report, dirs: map[int]string{}}
	if err := w.add("."); err != nil {
		w.file.Close()
		return nil, err
	}
	for _, top := range watched[1:] {
		if _, err := w.addTree(top); err != nil {
			w.file.Close()
			return nil, err
		}
	}
	done := make(chan struct{})
	go func() {
		defer close(done)
		w.read()
	}()
	return func() {
		w.file.Close() // ends the read
		<-done
	}, nil
}

// add watches the folder name (in the source).
func (w *inotify) add(name string) error {
	wd, err := unix.InotifyAddWatch(w.fd, filepath.Join(w.root, filepath.FromSlash(name)), dirMask)
	if err != nil {
		return fmt.Errorf("inotify: watching %s: %w", name, err)
	}
	w.mu.Lock()
	w.dirs[wd] = name
	w.mu.Unlock()
	return nil
}

// addTree watches the folder name and every folder under it, and returns
// the files in them: a folder that has just come may have files already,
// made before its watch.
func (w *inotify) addTree(name string) (files []string, err error) {
	err = filepath.WalkDir(filepath.Join(w.root, filepath.FromSlash(name)), func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				return nil // gone again, or never there
			}
			return err
		}
		rel, _ := filepath.Rel(w.root, p)
		rel = filepath.ToSlash(rel)
		switch {
		case d.Type()&fs.ModeSymlink != 0:
			return errSymlink
		case d.IsDir():
			return w.add(rel)
		}
		files = append(files, rel)
		return nil
	})
	return files, err
}

// read turns the kernel's events into changed paths.
func (w *inotify) read() {
	buf := make([]byte, 64<<10)
	for {
		n, err := w.file.Read(buf)
		if err != nil {
			return
		}
		var changed []string
		for off := 0; off+unix.SizeofInotifyEvent <= n; {
			ev := (*unix.InotifyEvent)(unsafe.Pointer(&buf[off]))
			name := buf[off+unix.SizeofInotifyEvent : off+unix.SizeofInotifyEvent+int(ev.Len)]
			off += unix.SizeofInotifyEvent + int(ev.Len)
			changed = append(changed, w.event(ev.Wd, ev.Mask, string(trimNUL(name)))...)
		}
		w.report(changed...)
	}
}

// event is what one event changed.
func (w *inotify) event(wd int32, mask uint32, name string) []string {
	if mask&unix.IN_Q_OVERFLOW != 0 {
		return []string{"."} // events were lost: everything may have changed
	}
	w.mu.Lock()
	dir, ok := w.dirs[int(wd)]
	if mask&unix.IN_IGNORED != 0 {
		delete(w.dirs, int(wd))
	}
	w.mu.Unlock()
	if !ok || name == "" {
		return nil // the folder itself: its parent reports it
	}
	p := path.Join(dir, name)
	if dir == "." && !slices.Contains(watched, name) {
		return nil // public/ and the rest of the site's folder
	}
	if mask&unix.IN_ISDIR != 0 && mask&(unix.IN_CREATE|unix.IN_MOVED_TO) != 0 {
		files, err := w.addTree(p)
		if err != nil {
			return []string{"."} // cannot watch it: report all, still
		}
		return append(files, p)
	}
	return []string{p}
}

func trimNUL(b []byte) []byte {
	for len(b) > 0 && b[len(b)-1] == 0 {
		b = b[:len(b)-1]
	}
	return b
}
