package publish

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// checkDestination refuses a destination whose replacement could lose
// anything but an earlier build, and returns its absolute path. Paths are
// compared after resolving symbolic links, so no spelling of a path gets
// round a rule.
func checkDestination(dest, source string) (string, error) {
	refuse := func(why string) (string, error) {
		return "", fmt.Errorf("cannot publish to %s: %s", dest, why)
	}
	if dest == "" {
		return refuse("no folder given")
	}
	abs, err := filepath.Abs(dest)
	if err != nil {
		return refuse(err.Error())
	}
	real := resolve(abs)
	if real == filepath.Dir(real) {
		return refuse("it is the root of the file system")
	}
	if why := clashWithSource(real, source); why != "" {
		return refuse(why + "; build into a folder of its own, such as public")
	}
	if wd, err := os.Getwd(); err == nil {
		switch wd = resolve(wd); {
		case wd == real:
			return refuse("it is the current folder")
		case within(wd, real):
			return refuse("it holds the current folder")
		}
	}
	if why := existing(abs); why != "" {
		return refuse(why)
	}
	return abs, nil
}

// clashWithSource says how dest overlaps the site's sources, or "".
func clashWithSource(dest, source string) string {
	if source == "" {
		return ""
	}
	abs, err := filepath.Abs(source)
	if err != nil {
		return ""
	}
	src := resolve(abs)
	switch {
	case dest == src:
		return "it is the site's source folder"
	case within(src, dest):
		return "it holds the site's source folder"
	}
	for _, name := range []string{"content", "layouts", "config.toml"} {
		p := resolve(filepath.Join(src, name))
		switch {
		case dest == p && name == "config.toml":
			return "it is the site's config.toml"
		case dest == p:
			return "it is the site's " + name + "/ folder"
		case within(dest, p):
			return "it is inside the site's " + name + "/ folder"
		}
	}
	return ""
}

// existing says why what is at dest now may not be replaced, or "".
func existing(dest string) string {
	info, err := os.Lstat(dest)
	switch {
	case errors.Is(err, os.ErrNotExist):
		return ""
	case err != nil:
		return unwrapPath(err).Error()
	case info.Mode()&os.ModeSymlink != 0:
		return "it is a symbolic link; name the folder itself"
	case !info.IsDir():
		return "it is a file, not a folder"
	}
	if _, err := os.Lstat(filepath.Join(dest, Marker)); err == nil {
		return ""
	}
	entries, err := os.ReadDir(dest)
	if err != nil {
		return unwrapPath(err).Error()
	}
	if len(entries) > 0 {
		return fmt.Sprintf("it is a folder this generator did not make (it has no %s file); empty it, or build into another folder", Marker)
	}
	return ""
}

// resolve follows the symbolic links in the longest part of p that exists,
// and keeps the rest as written.
func resolve(p string) string {
	rest := ""
	for {
		if real, err := filepath.EvalSymlinks(p); err == nil {
			return filepath.Join(real, rest)
		}
		parent := filepath.Dir(p)
		if parent == p {
			return filepath.Join(p, rest)
		}
		rest = filepath.Join(filepath.Base(p), rest)
		p = parent
	}
}

// within reports whether p lies strictly inside dir.
func within(p, dir string) bool {
	return strings.HasPrefix(p, strings.TrimSuffix(dir, string(filepath.Separator))+string(filepath.Separator))
}
