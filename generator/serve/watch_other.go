//go:build !linux

package serve

// notify is not available here: the watcher polls.
func notify(dir string, report func(...string)) (stop func(), err error) {
	return nil, errUnsupported
}
