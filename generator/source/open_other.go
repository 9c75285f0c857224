//go:build !unix

package source

import (
	"bytes"
	"io"
	"os"
)

// openNoFollow opens the file at p for reading. Here the operating system
// offers no way to refuse a symlink swapped in since p was checked; the
// caller still checks what was opened.
func openNoFollow(p string) (*os.File, error) {
	return os.Open(p)
}

// readRegular reads the whole of the file n, resolved from name, through
// Open: the checks are Open's and Read's.
func (f *FS) readRegular(name string, n node) ([]byte, error) {
	file, err := f.openFile(name, n)
	if err != nil {
		return nil, err
	}
	defer file.Close()
	var buf bytes.Buffer
	if info, err := file.Stat(); err == nil {
		buf.Grow(int(info.Size()) + 1)
	}
	if _, err := io.Copy(&buf, file); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// readKnownFolder is the unix fast path of ReadFile; here every read takes
// the long way.
func (f *FS) readKnownFolder(string) ([]byte, bool) { return nil, false }

// ReadSized reads name as ReadFile does: here it has no faster way, and
// buf is not used.
func (f *FS) ReadSized(name string, _ int, _ []byte) ([]byte, error) { return f.ReadFile(name) }
