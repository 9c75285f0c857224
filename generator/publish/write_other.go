//go:build !unix

package publish

import "os"

// writeNew creates the file p, which must not exist (O_EXCL: never write
// through anything already there), with data in it.
func writeNew(p string, data []byte) error {
	f, err := os.OpenFile(p, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return unwrapPath(err)
	}
	_, err = f.Write(data)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return unwrapPath(err)
}
