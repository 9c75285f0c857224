package publish

import (
	"bufio"
	"os"
	"strconv"
	"strings"
	"sync/atomic"

	"golang.org/x/sys/unix"
)

// previous is the published site a new one replaces, opened to share its
// unchanged files. Make it with openPrevious.
type previous struct {
	dir  int    // the destination folder, or -1
	uid  uint32 // whose files may be shared
	perm uint32 // the mode a new file gets: 0644 less the umask
	// cannot is set once a link fails (a file system without hard links,
	// no /proc): the files that follow are written without trying.
	cannot *atomic.Bool
}

// openPrevious opens the published site at dest, if there is one and
// sharing its files is possible here.
func openPrevious(dest string) previous {
	umask, ok := processUmask()
	if !ok {
		return previous{dir: -1}
	}
	fd, err := unix.Open(dest, unix.O_RDONLY|unix.O_DIRECTORY|unix.O_NOFOLLOW|unix.O_CLOEXEC, 0)
	if err != nil {
		return previous{dir: -1}
	}
	return previous{dir: fd, uid: uint32(os.Geteuid()), perm: 0o644 &^ umask, cannot: new(atomic.Bool)}
}

// link makes the file at path (in the new site) the old site's file at
// name, if that is a file the generator wrote with exactly data in it. It
// reports whether it did; if not, the caller writes the file.
func (p previous) link(name string, data []byte, path string) bool {
	if p.dir < 0 || p.cannot.Load() {
		return false
	}
	// Inside the old site, through no symbolic link, nor off its file
	// system: what is read and shared is the file at name itself.
	fd, err := unix.Openat2(p.dir, name, &unix.OpenHow{
		Flags:   unix.O_RDONLY | unix.O_NOFOLLOW | unix.O_CLOEXEC,
		Resolve: unix.RESOLVE_BENEATH | unix.RESOLVE_NO_SYMLINKS | unix.RESOLVE_NO_MAGICLINKS | unix.RESOLVE_NO_XDEV,
	})
	if err == unix.ENOSYS { // before Linux 5.6
		p.cannot.Store(true)
	}
	if err != nil {
		return false
	}
	defer unix.Close(fd)
	var st unix.Stat_t
	if unix.Fstat(fd, &st) != nil || st.Mode&unix.S_IFMT != unix.S_IFREG || st.Size != int64(len(data)) ||
		st.Nlink != 1 || st.Uid != p.uid || st.Mode&0o7777 != p.perm {
		return false
	}
	if !sameAs(func(b []byte) (int, error) { return unix.Read(fd, b) }, data) {
		return false
	}
	// The open file itself, not whatever name might point at by now.
	if err := unix.Linkat(unix.AT_FDCWD, "/proc/self/fd/"+strconv.Itoa(fd), unix.AT_FDCWD, path, unix.AT_SYMLINK_FOLLOW); err != nil {
		p.cannot.Store(true)
		return false
	}
	return true
}

// close lets go of the old site.
func (p previous) close() {
	if p.dir >= 0 {
		unix.Close(p.dir)
	}
}

// processUmask reads the umask from /proc (Linux 4.7 and later), which,
// unlike unix.Umask, changes nothing another goroutine could see.
func processUmask() (uint32, bool) {
	f, err := os.Open("/proc/self/status")
	if err != nil {
		return 0, false
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if v, ok := strings.CutPrefix(sc.Text(), "Umask:"); ok {
			m, err := strconv.ParseUint(strings.TrimSpace(v), 8, 32)
			return uint32(m), err == nil
		}
	}
	return 0, false
}
