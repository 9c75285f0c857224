//go:build unix

package source

import (
	"os"
	"syscall"
)

// openNoFollow opens the regular file at p for reading. If p was replaced
// by a symlink since it was checked, the open fails; if by a named pipe, it
// does not wait for a writer (the caller checks the type and refuses it).
func openNoFollow(p string) (*os.File, error) {
	return os.OpenFile(p, os.O_RDONLY|syscall.O_NOFOLLOW|syscall.O_NONBLOCK, 0)
}
