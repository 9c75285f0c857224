//go:build unix

package publish

import (
	"errors"
	"os"

	"golang.org/x/sys/unix"
)

// lock takes an exclusive lock on the folder dir, calling waiting first if
// another process holds it. The lock is on the folder itself, so no lock
// file is left behind, and the kernel drops it if the process dies.
func lock(dir string, waiting func()) (func(), error) {
	f, err := os.Open(dir)
	if err != nil {
		return nil, unwrapPath(err)
	}
	fd := int(f.Fd())
	err = unix.Flock(fd, unix.LOCK_EX|unix.LOCK_NB)
	if errors.Is(err, unix.EWOULDBLOCK) {
		waiting()
		err = unix.Flock(fd, unix.LOCK_EX)
	}
	if err != nil {
		f.Close()
		return nil, err
	}
	return func() { unix.Flock(fd, unix.LOCK_UN); f.Close() }, nil
}
