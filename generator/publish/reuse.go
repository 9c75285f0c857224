package publish

import (
	"bytes"
	"sync"
)

// A build usually changes few of the files it publishes. A file whose
// bytes are those the published site already holds at the same path is
// linked from there into the new site, not written again: the two sites
// share it until the old one is removed. Nothing is lost to safety: the old
// site is only read, the new one is still made whole beside it and swapped
// in at once, and a file is shared only when it is the generator's own
// (a plain file of the old site reached through no symbolic link, with no
// other name, owned by this user, with the mode a new file would have),
// so the new site is byte for byte and mode for mode what writing every
// file would make. An unchanged file keeps its modification time, as
// rsync and web caches like.
//
// Where the system offers no safe way to do this, every file is written.

// chunks are the buffers an old file is read into to compare it.
var chunks = sync.Pool{New: func() any { b := make([]byte, 64<<10); return &b }}

// sameAs reports whether reading next gives exactly want, then the end.
func sameAs(next func([]byte) (int, error), want []byte) bool {
	bp := chunks.Get().(*[]byte)
	defer chunks.Put(bp)
	buf := *bp
	for {
		n, err := next(buf)
		switch {
		case n < 0 || err != nil:
			return false
		case n == 0:
			return len(want) == 0
		case n > len(want) || !bytes.Equal(buf[:n], want[:n]):
			return false
		}
		want = want[n:]
	}
}
