//go:build !linux

package publish

// previous is the published site a new one replaces. Elsewhere than on
// Linux there is no way to open a file beneath a folder through no symbolic
// link, so no file is shared: each is written.
type previous struct{}

func openPrevious(string) previous                { return previous{} }
func (previous) link(string, []byte, string) bool { return false }
func (previous) close()                           {}
