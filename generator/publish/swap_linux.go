package publish

import (
	"errors"
	"os"
	"path/filepath"

	"golang.org/x/sys/unix"
)

// swap puts the folder tmp at dest and returns where the old site went
// ("" if there was none). Where the kernel and file system allow it, the
// two are exchanged in one rename, so dest is never missing.
func swap(tmp, dest string) (string, error) {
	if _, err := os.Lstat(dest); errors.Is(err, os.ErrNotExist) {
		return "", unwrapPath(os.Rename(tmp, dest))
	}
	err := unix.Renameat2(unix.AT_FDCWD, tmp, unix.AT_FDCWD, dest, unix.RENAME_EXCHANGE)
	if err == nil {
		// tmp now holds the old site.
		return tmp, nil
	}
	if errors.Is(err, unix.EINVAL) || errors.Is(err, unix.ENOSYS) || errors.Is(err, unix.EXDEV) {
		return swapTwice(tmp, dest, filepath.Dir(dest))
	}
	return "", err
}
