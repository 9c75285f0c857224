package source

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"westcoast/generator/model"
)

var (
	errNotDir = errors.New("not a folder")
	errIsDir  = errors.New("is a folder")
)

// node is a name in the source, resolved step by step from the root.
type node struct {
	real  string      // real path: no symlink left in it
	info  fs.FileInfo // of the real path, as the operating system gave it
	base  string      // the last element of the name it was reached by
	link  string      // the symlink's target as written, if the name is a link
	trail []string    // real paths of the folders from the root to here
}

// named is the node's info under the name it was reached by.
func (n node) named() fs.FileInfo { return named{n.info, n.base} }

// resolve walks name from the root one element at a time, following
// symlinks only where they stay inside the source, so that a refusal names
// the element at fault rather than the file beyond it.
func (f *FS) resolve(op, name string) (node, error) {
	if !fs.ValidPath(name) {
		return node{}, &fs.PathError{Op: op, Path: name, Err: fs.ErrInvalid}
	}
	if f.rootErr != nil {
		return node{}, &fs.PathError{Op: op, Path: name, Err: f.rootErr}
	}
	n := node{real: f.root, info: f.rootInfo, base: ".", trail: []string{f.root}}
	if name == "." {
		return n, nil
	}
	var err error
	end := -1 // of the name so far
	// The longest folder of the name already resolved in this build: a
	// site reads thousands of files from a few folders.
	if i := strings.LastIndexByte(name, '/'); i > 0 {
		if v, ok := f.dirs.Load(name[:i]); ok {
			n, end = v.(node), i
		}
	}
	for _, elem := range strings.Split(name[end+1:], "/") {
		end += 1 + len(elem)
		if !n.info.IsDir() {
			return node{}, &fs.PathError{Op: op, Path: name, Err: errNotDir}
		}
		if n, err = f.child(n, name[:end], elem); err != nil {
			if _, ok := err.(*fs.PathError); ok {
				err = relative(op, name, err)
			}
			return node{}, err
		}
		if n.info.IsDir() {
			f.dirs.Store(name[:end], n)
		}
	}
	return n, nil
}

// child resolves the element base of the folder parent; name is its path
// in the source, for messages.
func (f *FS) child(parent node, name, base string) (node, error) {
	n := node{real: filepath.Join(parent.real, base), base: base, trail: parent.trail}
	info, err := os.Lstat(n.real)
	if err != nil {
		return node{}, err
	}
	if info.Mode()&fs.ModeSymlink != 0 {
		if n.link, err = os.Readlink(n.real); err != nil {
			return node{}, err
		}
		if n.real, info, err = f.follow(name, n.link, n.real, parent.trail); err != nil {
			return node{}, err
		}
	}
	if err := f.check(name, n.link, info); err != nil {
		return node{}, err
	}
	n.info = info
	if info.IsDir() {
		n.trail = append(slices.Clip(parent.trail), n.real)
	}
	return n, nil
}

// follow resolves the symlink at p, whose target reads target.
func (f *FS) follow(name, target, p string, trail []string) (string, fs.FileInfo, error) {
	real, err := filepath.EvalSymlinks(p)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return "", nil, refuse(name, target, "leads nowhere")
	case err != nil:
		return "", nil, refuse(name, target, "cannot be followed: %v", unwrapPath(err))
	case !f.inside(real):
		return "", nil, refuse(name, target, "leads outside the site source")
	}
	if h := f.hiddenPart(real); h != "" {
		return "", nil, refuse(name, target, "leads into %s: hidden files and folders (.git, .env) are never part of a site", h)
	}
	info, err := os.Lstat(real)
	if err != nil {
		return "", nil, err
	}
	if info.IsDir() && slices.Contains(trail, real) {
		return "", nil, refuse(name, target, "leads back into a folder that holds it")
	}
	return real, info, nil
}

// hiddenPart is the first hidden file or folder (".git") on the real path
// p inside the source, or "". No site reads one, but the folder may hold
// them: .git/config can hold the token a CI job pushes with, and a link to
// it would publish it.
func (f *FS) hiddenPart(p string) string {
	rel := strings.TrimPrefix(strings.TrimPrefix(p, f.root), string(filepath.Separator))
	for _, part := range strings.Split(rel, string(filepath.Separator)) {
		if strings.HasPrefix(part, ".") {
			return part
		}
	}
	return ""
}

// check refuses what is neither a folder nor a regular file within the
// size limit. link is the symlink's target if name is one.
func (f *FS) check(name, link string, info fs.FileInfo) error {
	mode := info.Mode()
	switch {
	case mode.IsDir():
		return nil
	case mode.IsRegular():
		if info.Size() > f.max {
			return model.Errorf(name, 0, 0, "%s is more than the %s limit (-maxFileSize)", sizeOver(info.Size()), Size(f.max))
		}
		return nil
	}
	what := kind(mode) + ", not a regular file or folder"
	if link != "" {
		return refuse(name, link, "leads to %s", what)
	}
	return model.Errorf(name, 0, 0, "is %s", what)
}

// refuse is the error for a symlink that is not followed.
func refuse(name, target, format string, args ...any) error {
	return model.Errorf(name, 0, 0, "symlink to %s %s", target, fmt.Sprintf(format, args...))
}

// kind names a file that is neither regular nor a folder.
func kind(mode fs.FileMode) string {
	switch {
	case mode&fs.ModeNamedPipe != 0:
		return "a named pipe"
	case mode&fs.ModeSocket != 0:
		return "a socket"
	case mode&fs.ModeCharDevice != 0:
		return "a character device"
	case mode&fs.ModeDevice != 0:
		return "a device"
	}
	return "a special file"
}
