//go:build unix

package source

import (
	"io/fs"
	"os"
	"strings"
	"syscall"
	"time"

	"westcoast/generator/model"
)

// openNoFollow opens the regular file at p for reading. If p was replaced
// by a symlink since it was checked, the open fails; if by a named pipe, it
// does not wait for a writer (the caller checks the type and refuses it).
func openNoFollow(p string) (*os.File, error) {
	return os.OpenFile(p, os.O_RDONLY|syscall.O_NOFOLLOW|syscall.O_NONBLOCK, 0)
}

// readRegular reads the whole of the file n, resolved from name, which was
// a regular file when it was resolved. It does without an os.File, which
// would register each of a site's tens of thousands of small files with
// the runtime's poller; the checks are those of Open and Read: no symlink
// swapped in, no pipe waited for, nothing past the size limit.
func (f *FS) readRegular(name string, n node) ([]byte, error) {
	fd, err := syscall.Open(n.real, openFlags, 0)
	if err != nil {
		return nil, relative("open", name, err)
	}
	defer syscall.Close(fd)
	var st syscall.Stat_t
	if err := syscall.Fstat(fd, &st); err != nil {
		return nil, relative("read", name, err)
	}
	if err := f.check(name, n.link, statInfo{n.base, &st}); err != nil {
		return nil, err
	}
	return f.readOpen(name, fd, st.Size)
}

// openFlags open a file for reading that is not a symlink (O_NOFOLLOW),
// without waiting for a pipe's writer.
const openFlags = syscall.O_RDONLY | syscall.O_NOFOLLOW | syscall.O_NONBLOCK | syscall.O_CLOEXEC

// readKnownFolder reads name in one open and one fstat when its folder is
// resolved already and the file is a regular one within the size limit,
// where resolving it would first lstat it: a build reads each content
// file twice, and that lstat was a third of the reading. Anything else
// (a symlink, which O_NOFOLLOW refuses, a missing or special file, one
// too large) is left to the long way (false), which words the refusal.
func (f *FS) readKnownFolder(name string) ([]byte, bool) {
	i := strings.LastIndexByte(name, '/')
	if i <= 0 || !fs.ValidPath(name) {
		return nil, false
	}
	v, ok := f.dirs.Load(name[:i])
	if !ok {
		return nil, false
	}
	fd, err := syscall.Open(v.(node).real+"/"+name[i+1:], openFlags, 0)
	if err != nil {
		return nil, false
	}
	defer syscall.Close(fd)
	var st syscall.Stat_t
	if syscall.Fstat(fd, &st) != nil || st.Mode&syscall.S_IFMT != syscall.S_IFREG || st.Size > f.max {
		return nil, false
	}
	data, err := f.readOpen(name, fd, st.Size)
	return data, err == nil
}

// readOpen reads the open file fd to its end, size bytes when it does not
// change, and never more than the limit. It ends without the read that
// would find the end when it has the size bytes fstat gave: the file was
// that long when it was opened, and one more call for each of a site's
// files is time a build does not need to spend. (A size of 0 proves
// nothing: some files, such as those under /proc, say 0 and have more.)
func (f *FS) readOpen(name string, fd int, size int64) ([]byte, error) {
	buf := make([]byte, 0, size+1)
	for {
		if int64(len(buf)) > f.max {
			return nil, model.Errorf(name, 0, 0, "grew past the %s limit while being read (-maxFileSize)", Size(f.max))
		}
		if len(buf) == cap(buf) {
			buf = append(buf, 0)[:len(buf)]
		}
		m, err := readOnce(name, fd, buf)
		switch {
		case err != nil:
			return nil, err
		case m == 0:
			return buf, nil
		}
		buf = buf[:len(buf)+m]
		if size > 0 && int64(len(buf)) == size {
			return buf, nil
		}
	}
}

// readOnce reads from fd into the room after buf's length, again if a
// signal interrupts it; 0 is the end of the file.
func readOnce(name string, fd int, buf []byte) (int, error) {
	for {
		m, err := syscall.Read(fd, buf[len(buf):cap(buf)])
		switch {
		case err == syscall.EINTR:
			continue
		case err != nil:
			return 0, relative("read", name, err)
		}
		return m, nil
	}
}

// ReadSized reads name, which was size bytes long when its folder was
// listed or it was last read, into buf, growing buf if it is too small. It
// neither stats the file nor reads to its end: it reads at most size+1
// bytes, so a result of another length than size means the file changed,
// and the caller reads it again with ReadFile, which checks it whole, or
// refuses it. A file in a folder not yet resolved is read by ReadFile, with
// all its checks, and not into buf.
func (f *FS) ReadSized(name string, size int, buf []byte) ([]byte, error) {
	i := strings.LastIndexByte(name, '/')
	if i <= 0 || !fs.ValidPath(name) || size <= 0 || int64(size) > f.max {
		return f.ReadFile(name)
	}
	v, ok := f.dirs.Load(name[:i])
	if !ok {
		return f.ReadFile(name)
	}
	fd, err := syscall.Open(v.(node).real+"/"+name[i+1:], openFlags, 0)
	if err != nil {
		return f.ReadFile(name) // which words the refusal
	}
	defer syscall.Close(fd)
	if cap(buf) < size+1 {
		// Twice what it was, so that a buffer kept for file after file
		// soon holds any of them.
		buf = make([]byte, 0, max(size+1, 2*cap(buf)))
	}
	read := buf[: 0 : size+1] // never more than one byte past size
	for len(read) < size {
		m, err := readOnce(name, fd, read)
		if err != nil {
			return nil, err
		}
		if m == 0 {
			break
		}
		read = read[:len(read)+m]
	}
	return buf[:len(read)], nil // with all of buf's room, for the next file
}

// statInfo is a file's fs.FileInfo from fstat, for check: it has no
// modification time, which check does not need and whose field differs
// between systems.
type statInfo struct {
	name string
	st   *syscall.Stat_t
}

func (s statInfo) Name() string       { return s.name }
func (s statInfo) Size() int64        { return s.st.Size }
func (s statInfo) ModTime() time.Time { return time.Time{} }
func (s statInfo) IsDir() bool        { return s.Mode().IsDir() }
func (s statInfo) Sys() any           { return s.st }

func (s statInfo) Mode() fs.FileMode {
	mode := fs.FileMode(s.st.Mode & 0o777)
	switch s.st.Mode & syscall.S_IFMT {
	case syscall.S_IFDIR:
		mode |= fs.ModeDir
	case syscall.S_IFIFO:
		mode |= fs.ModeNamedPipe
	case syscall.S_IFSOCK:
		mode |= fs.ModeSocket
	case syscall.S_IFCHR:
		mode |= fs.ModeDevice | fs.ModeCharDevice
	case syscall.S_IFBLK:
		mode |= fs.ModeDevice
	case syscall.S_IFLNK:
		mode |= fs.ModeSymlink
	}
	return mode
}
