package main

import (
	"os"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"sync/atomic"
)

// firstGCAt is the heap below which a build collects no garbage.
const firstGCAt = 32 << 20

// memoryCeiling is the memory a build asks the runtime to stay under
// (debug.SetMemoryLimit) while what it holds allows. With Go's usual
// pacing alone, the heap grows to twice what is live: a build of 100,000
// pairs, which holds some 500 MiB at its peaks, took 1.05 GiB.
const memoryCeiling = 900 << 20

// gcPercent is the pacing (GOGC) under the ceiling. A build is a batch
// job that holds its pages and search index to the end, and under Go's
// default of 100 a build of 10,000 pairs spent a tenth of its CPU time
// marking them again and again. At 300 the heap may grow to four times
// what is live before the next collection, and the ceiling, not the
// pacing, bounds a large site: 10,000 pairs took 12% less CPU time and
// 228 MiB rather than 134 MiB at their peak, and 100,000 pairs stay under
// the ceiling.
const gcPercent = 300

// delayFirstGC starts a build (or check) with the garbage collector off
// until the heap reaches firstGCAt, then hands over to gcPercent under
// memoryCeiling (see keepUnderCeiling) for the rest of the process. Go's
// first collections come at a heap of 4 MB, when almost nothing a build
// has made is garbage yet: a site of a few hundred pages then spends a
// tenth or more of its CPU time marking live templates and pages again
// and again. GOGC or GOMEMLIMIT set in the environment are left to rule.
// stop ends the settings after the next collection, for tests; a build
// leaves them to the end.
func delayFirstGC() (stop func()) {
	if os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != "" {
		return func() {}
	}
	stopped := new(atomic.Bool)
	debug.SetGCPercent(-1)
	debug.SetMemoryLimit(firstGCAt)
	// Unreachable from the start: its cleanup runs once the first
	// collection has found it, whatever started that collection.
	runtime.AddCleanup(new(sentinel), func(int) {
		if !stopped.Load() {
			debug.SetGCPercent(gcPercent)
			keepUnderCeiling(stopped)
		}
	}, 0)
	return func() { stopped.Store(true) }
}

// keepUnderCeiling sets the memory limit after each collection: the
// ceiling, or half again what the heap holds if that is more. A soft limit
// below what a site holds would have the collector run without pause, so
// the limit rises with a site too large for the ceiling, which is then
// collected as often as at GOGC=50, never more.
func keepUnderCeiling(stopped *atomic.Bool) {
	if stopped.Load() {
		return
	}
	debug.SetMemoryLimit(ceilingFor(liveHeap()))
	runtime.AddCleanup(new(sentinel), func(*atomic.Bool) { keepUnderCeiling(stopped) }, stopped)
}

// ceilingFor is the memory limit for a heap holding live bytes.
func ceilingFor(live uint64) int64 {
	return max(memoryCeiling, int64(live+live/2))
}

// liveHeap is what the heap held at the end of the last collection.
func liveHeap() uint64 {
	s := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	metrics.Read(s)
	return s[0].Value.Uint64()
}

// sentinel holds a pointer so that it is not packed with other small
// objects, whose cleanups could then wait for theirs.
type sentinel struct{ _ *int }
