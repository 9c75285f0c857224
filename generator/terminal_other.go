//go:build !(linux || darwin || dragonfly || freebsd || netbsd || openbsd)

package main

import "io"

// isTerminal reports false where the generator cannot ask: a build then
// writes as it does to a log.
func isTerminal(io.Writer) bool { return false }
