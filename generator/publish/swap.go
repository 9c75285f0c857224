package publish

import (
	"os"
	"path/filepath"
)

// swapTwice replaces dest with tmp in two renames, for systems without an
// atomic exchange: the old site is moved aside first, under a name the
// next build recognises, so a kill between the renames is repaired then.
func swapTwice(tmp, dest, parent string) (string, error) {
	old, err := os.MkdirTemp(parent, tempPrefix(filepath.Base(dest), "old"))
	if err != nil {
		return "", unwrapPath(err)
	}
	if err := os.Remove(old); err != nil {
		return "", unwrapPath(err)
	}
	if err := os.Rename(dest, old); err != nil {
		return "", unwrapPath(err)
	}
	if err := os.Rename(tmp, dest); err != nil {
		os.Rename(old, dest)
		return "", unwrapPath(err)
	}
	return old, nil
}
