//go:build unix

package publish

import (
	"io"
	"syscall"
)

// writeNew creates the file p, which must not exist (O_EXCL: never write
// through anything already there), with data in it. It does without an
// os.File, which would register each of a site's tens of thousands of
// files with the runtime's poller (fcntl and epoll_ctl calls, five a file)
// only to write it once.
func writeNew(p string, data []byte) error {
	fd, err := openNew(p)
	if err != nil {
		return err
	}
	for len(data) > 0 {
		n, err := syscall.Write(fd, data)
		switch {
		case err == syscall.EINTR:
			continue
		case err != nil:
			syscall.Close(fd)
			return err
		case n == 0:
			syscall.Close(fd)
			return io.ErrShortWrite
		}
		data = data[n:]
	}
	return syscall.Close(fd)
}

func openNew(p string) (int, error) {
	for {
		fd, err := syscall.Open(p, syscall.O_WRONLY|syscall.O_CREAT|syscall.O_EXCL|syscall.O_CLOEXEC, 0o644)
		if err != syscall.EINTR {
			return fd, err
		}
	}
}
