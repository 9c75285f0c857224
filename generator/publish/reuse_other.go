//go:build !linux

package publish

// previous is the published site a new one replaces. Elsewhere than on
// Linux no file is shared, each is written: sharing relies on openat2's
// guarantee of opening a file beneath a folder through no symbolic link,
// and on linking a file by its open descriptor through /proc.
type previous struct{}

func openPrevious(string) previous                { return previous{} }
func (previous) link(string, []byte, string) bool { return false }
func (previous) close()                           {}
