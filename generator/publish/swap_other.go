//go:build !linux

package publish

import (
	"errors"
	"os"
	"path/filepath"
)

// swap puts the folder tmp at dest and returns where the old site went
// ("" if there was none).
func swap(tmp, dest string) (string, error) {
	if _, err := os.Lstat(dest); errors.Is(err, os.ErrNotExist) {
		return "", unwrapPath(os.Rename(tmp, dest))
	}
	return swapTwice(tmp, dest, filepath.Dir(dest))
}
