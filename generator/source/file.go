package source

import (
	"io"
	"io/fs"
	"os"
	"path"
	"strings"

	"westcoast/generator/model"
	"westcoast/generator/par"
)

// file is an open regular file that stops at the size limit: the file may
// have grown since it was checked.
type file struct {
	f    *os.File
	name string
	info fs.FileInfo
	left int64 // bytes that may still be read
	max  int64
}

func (f *file) Stat() (fs.FileInfo, error) { return f.info, nil }
func (f *file) Close() error               { return f.f.Close() }

func (f *file) Read(b []byte) (int, error) {
	if f.left <= 0 {
		// At the limit: one more byte means the file grew past it.
		var probe [1]byte
		if n, err := f.f.Read(probe[:]); n == 0 {
			return 0, err
		}
		return 0, model.Errorf(f.name, 0, 0, "grew past the %s limit while being read (-maxFileSize)", Size(f.max))
	}
	if int64(len(b)) > f.left {
		b = b[:f.left]
	}
	n, err := f.f.Read(b)
	f.left -= int64(n)
	return n, err
}

// dir is an open folder; its entries are listed on the first ReadDir.
type dir struct {
	fsys    *FS
	name    string
	node    node
	listed  bool
	entries []fs.DirEntry
	err     error // the refused entries, returned once
}

func (d *dir) Stat() (fs.FileInfo, error) { return d.node.named(), nil }
func (d *dir) Close() error               { return nil }

func (d *dir) Read([]byte) (int, error) {
	return 0, &fs.PathError{Op: "read", Path: d.name, Err: errIsDir}
}

// ReadDir returns the next count entries, or all that are left if count
// <= 0, with the refused entries' errors at the end.
func (d *dir) ReadDir(count int) ([]fs.DirEntry, error) {
	if !d.listed {
		d.entries, d.err = d.fsys.readDir(d.name, d.node)
		d.listed = true
	}
	if count <= 0 || count >= len(d.entries) {
		list, err := d.entries, d.err
		d.entries, d.err = nil, nil
		if count > 0 && len(list) == 0 && err == nil {
			err = io.EOF
		}
		return list, err
	}
	list := d.entries[:count]
	d.entries = d.entries[count:]
	return list, nil
}

// readDir lists the folder at n, leaving out and reporting the entries
// that cannot be read. A hidden entry (".name") that cannot be read is
// left out silently: editors leave such things beside the file being
// edited (Emacs's lock, .#page.md, is a symlink to nowhere), and a site
// has no hidden pages. Editors' backups (isBackup) and version control's
// folders (notSite) are left out too, readable or not.
func (f *FS) readDir(name string, n node) ([]fs.DirEntry, error) {
	all, err := os.ReadDir(n.real)
	if err != nil {
		return nil, relative("readdir", name, err)
	}
	// Each entry is resolved on its own (a stat, a symlink's checks), on
	// every core in a large folder: a site keeps thousands of pages in one.
	resolved := make([]resolvedEntry, len(all))
	resolve := func(i int) {
		e := all[i]
		if isBackup(e.Name()) || notSite[e.Name()] {
			resolved[i].skip = true
			return
		}
		resolved[i].node, resolved[i].err = f.child(n, path.Join(name, e.Name()), e.Name())
	}
	if len(all) < parallelEntries {
		for i := range all {
			resolve(i)
		}
	} else {
		par.Do(len(all), resolve)
	}
	var entries []fs.DirEntry
	var refused model.Errors
	for i, c := range resolved {
		if c.skip {
			continue
		}
		switch err := c.err.(type) {
		case nil:
			entries = append(entries, entry{c.named()})
		case *model.Error:
			if strings.HasPrefix(all[i].Name(), ".") {
				continue
			}
			refused = append(refused, err)
		default:
			if !os.IsNotExist(err) { // else removed since it was listed
				refused = append(refused, model.Errorf(path.Join(name, all[i].Name()), 0, 0, "cannot read: %v", unwrapPath(err)))
			}
		}
	}
	return entries, refused.Err()
}

// resolvedEntry is a folder entry as readDir resolves it.
type resolvedEntry struct {
	node
	err  error
	skip bool // not part of any site
}

// parallelEntries is how many entries a folder has before readDir
// resolves them on every core: below it, starting goroutines costs more
// than it saves.
const parallelEntries = 256

// notSite are files and folders that tools leave in any folder and no site
// publishes: a version control's (a submodule's .git file names where its
// repository is), and macOS's list of a folder's icons.
var notSite = map[string]bool{".git": true, ".hg": true, ".svn": true, ".DS_Store": true}

// isBackup reports an editor's backup or autosave file (page.md~,
// #page.md#): a copy of a page, maybe unpublished text, that no site
// means to publish.
func isBackup(name string) bool {
	return strings.HasSuffix(name, "~") || strings.HasPrefix(name, "#")
}

// entry is a folder entry as its name resolves: a followed symlink shows
// its target's type and info.
type entry struct{ info fs.FileInfo }

func (e entry) Name() string               { return e.info.Name() }
func (e entry) IsDir() bool                { return e.info.IsDir() }
func (e entry) Type() fs.FileMode          { return e.info.Mode().Type() }
func (e entry) Info() (fs.FileInfo, error) { return e.info, nil }
func (e entry) String() string             { return fs.FormatDirEntry(e) }

// named is a FileInfo under another name: a link's, or a folder's as the
// caller named it.
type named struct {
	fs.FileInfo
	name string
}

func (n named) Name() string { return n.name }
