package main

import (
	"math"
	"os"
	"runtime"
	"runtime/debug"
)

// firstGCAt is the heap below which a build collects no garbage.
const firstGCAt = 32 << 20

// delayFirstGC starts a build (or check) with the garbage collector off until the
// heap reaches firstGCAt, then hands over to the usual pacing (GOGC=100)
// for the rest of the process. Go's first collections come at a heap of
// 4 MB, when almost nothing a build has made is garbage yet: a site of a
// few hundred pages then spends a tenth or more of its CPU time marking
// live templates and pages again and again. A larger site passes
// firstGCAt and is collected as before, so its memory stays bounded by
// what it holds, not by this. GOGC or GOMEMLIMIT set in the environment
// are left to rule.
func delayFirstGC() {
	if os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != "" {
		return
	}
	debug.SetGCPercent(-1)
	debug.SetMemoryLimit(firstGCAt)
	// Unreachable from the start: its cleanup runs once the first
	// collection has found it, whatever started that collection.
	runtime.AddCleanup(new(sentinel), func(int) {
		debug.SetGCPercent(100)
		debug.SetMemoryLimit(math.MaxInt64)
	}, 0)
}

// sentinel holds a pointer so that it is not packed with other small
// objects, whose cleanups could then wait for theirs.
type sentinel struct{ _ *int }
