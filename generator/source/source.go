// Package source is the site's source folder as an fs.FS that only yields
// what is safe to publish: regular files and folders inside it.
//
// A symlink is followed only when it resolves inside the folder, never
// into a folder that holds it (which would make the tree endless), and
// never into a hidden file or folder such as .git, which may hold secrets.
// Folders are listed without editors' backups (page.md~, #page.md#). Devices,
// named pipes and sockets are never opened: a pipe would hang the build and
// /dev/zero would fill memory. A file larger than a limit is not read, and
// the limit holds while reading, should the file grow. Each refusal is a
// *model.Error naming the file relative to the source, whether it is met by
// opening the file or by listing its folder, so a walk of the tree reports
// it as a build would, beside the other problems of the site.
package source

import (
	"bytes"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
)

// SizedReader is a file system that reads a file of known size in one
// open, one read and one close, into a buffer: a build reads each content
// file twice, and knows its size from the listing and then from the first
// read. FS is one.
type SizedReader interface {
	ReadSized(name string, size int, buf []byte) ([]byte, error)
}

// ReadSized reads name from fsys as fs.ReadFile does, the sized way (into
// buf, at most size+1 bytes) when fsys is a SizedReader: a result of
// another length than size means the file is not the one the caller knew.
func ReadSized(fsys fs.FS, name string, size int, buf []byte) ([]byte, error) {
	if sr, ok := fsys.(SizedReader); ok {
		return sr.ReadSized(name, size, buf)
	}
	return fs.ReadFile(fsys, name)
}

// FS is a site's source folder. It implements fs.FS, fs.ReadFileFS,
// fs.ReadDirFS and fs.StatFS, with names relative to the folder.
type FS struct {
	root     string // the folder's real path: links resolved, absolute
	rootInfo fs.FileInfo
	rootErr  error // why the folder cannot be read, if it cannot
	max      int64 // the largest file that may be read, in bytes
	// dirs are the folders resolved so far, by name: a folder is checked
	// once per FS, so make a new FS for each build.
	dirs sync.Map
}

// New returns the source folder dir, reading no file larger than
// maxFileSize. A folder that cannot be found is not an error yet: every
// read reports it, as reading a missing config.toml would.
func New(dir string, maxFileSize Size) *FS {
	f := &FS{max: int64(maxFileSize)}
	abs, err := filepath.Abs(dir)
	if err == nil {
		f.root, err = filepath.EvalSymlinks(abs)
	}
	if err == nil {
		f.rootInfo, err = os.Stat(f.root)
	}
	if err != nil {
		f.rootErr = unwrapPath(err)
	}
	return f
}

// Open opens the file or folder name. A folder's entries are those ReadDir
// returns.
func (f *FS) Open(name string) (fs.File, error) {
	n, err := f.resolve("open", name)
	if err != nil {
		return nil, err
	}
	if n.info.IsDir() {
		return &dir{fsys: f, name: name, node: n}, nil
	}
	return f.openFile(name, n)
}

// ReadFile reads the whole file name.
func (f *FS) ReadFile(name string) ([]byte, error) {
	if data, ok := f.readKnownFolder(name); ok {
		return data, nil
	}
	if n, err := f.resolve("open", name); err == nil && n.info.Mode().IsRegular() {
		return f.readRegular(name, n)
	}
	file, err := f.Open(name)
	if err != nil {
		return nil, err
	}
	defer file.Close()
	var buf bytes.Buffer
	if info, err := file.Stat(); err == nil && !info.IsDir() {
		buf.Grow(int(info.Size()) + 1)
	}
	if _, err := io.Copy(&buf, file); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// Stat describes name. A followed symlink is described by its target,
// under the link's name.
func (f *FS) Stat(name string) (fs.FileInfo, error) {
	n, err := f.resolve("stat", name)
	if err != nil {
		return nil, err
	}
	return n.named(), nil
}

// ReadDir lists the folder name, sorted by file name. Entries that cannot
// be read (a link leading out, a pipe, a file over the limit) are left out
// of the list and reported together in the error, as model.Errors; hidden
// ones (".name") are left out without an error.
func (f *FS) ReadDir(name string) ([]fs.DirEntry, error) {
	n, err := f.resolve("readdir", name)
	if err != nil {
		return nil, err
	}
	if !n.info.IsDir() {
		return nil, &fs.PathError{Op: "readdir", Path: name, Err: errNotDir}
	}
	return f.readDir(name, n)
}

// openFile opens the regular file at n. The file is checked again once
// open: what was checked by name may have been replaced since.
func (f *FS) openFile(name string, n node) (fs.File, error) {
	osf, err := openNoFollow(n.real)
	if err != nil {
		return nil, relative("open", name, err)
	}
	info, err := osf.Stat()
	if err == nil {
		err = f.check(name, n.link, info)
	}
	if err != nil {
		osf.Close()
		return nil, err
	}
	return &file{f: osf, name: name, info: named{info, n.base}, left: f.max, max: f.max}, nil
}

// relative re-addresses an error from the operating system to name, so
// that no absolute path reaches the user.
func relative(op, name string, err error) error {
	return &fs.PathError{Op: op, Path: name, Err: unwrapPath(err)}
}

func unwrapPath(err error) error {
	switch e := err.(type) {
	case *fs.PathError:
		return e.Err
	case *os.LinkError:
		return e.Err
	}
	return err
}

// inside reports whether the real path p is the source folder or in it.
func (f *FS) inside(p string) bool {
	prefix := f.root
	if !strings.HasSuffix(prefix, string(filepath.Separator)) {
		prefix += string(filepath.Separator)
	}
	return p == f.root || strings.HasPrefix(p, prefix)
}
