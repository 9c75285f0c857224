package main

import (
	"math"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"testing"
	"time"
)

// gcSettings reads GOGC (math.MaxUint64 when off) and the memory limit as
// the runtime has them.
func gcSettings() (gogc, limit uint64) {
	s := []metrics.Sample{{Name: "/gc/gogc:percent"}, {Name: "/gc/gomemlimit:bytes"}}
	metrics.Read(s)
	return s[0].Value.Uint64(), s[1].Value.Uint64()
}

// restoreGC puts back the test binary's own settings.
func restoreGC(t *testing.T) {
	gogc, limit := gcSettings()
	t.Cleanup(func() {
		debug.SetGCPercent(int(gogc))
		debug.SetMemoryLimit(int64(limit))
	})
}

func TestDelayFirstGC(t *testing.T) {
	t.Setenv("GOGC", "")
	t.Setenv("GOMEMLIMIT", "")
	restoreGC(t)
	debug.SetGCPercent(100)
	t.Cleanup(delayFirstGC())
	if gogc, limit := gcSettings(); gogc != math.MaxUint64 || limit != firstGCAt {
		t.Fatalf("before the first collection: GOGC %d, limit %d; want off (%d) and %d", gogc, limit, uint64(math.MaxUint64), firstGCAt)
	}
	waitForGC(t, "after the first collection", gcPercent, memoryCeiling)
	// The limit is set again after every collection.
	debug.SetMemoryLimit(math.MaxInt64)
	waitForGC(t, "after another collection", gcPercent, memoryCeiling)
}

// waitForGC collects until the settings are gogc and limit.
func waitForGC(t *testing.T, when string, wantGOGC, wantLimit uint64) {
	t.Helper()
	for deadline := time.Now().Add(10 * time.Second); ; {
		gogc, limit := gcSettings()
		if gogc == wantGOGC && limit == wantLimit {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("%s: GOGC %d, limit %d; want %d and %d", when, gogc, limit, wantGOGC, wantLimit)
		}
		runtime.GC()
		time.Sleep(time.Millisecond)
	}
}

// TestCeilingFor: the limit is the ceiling while half again what the heap
// holds is less, and rises with it after.
func TestCeilingFor(t *testing.T) {
	for _, tc := range []struct {
		live uint64
		want int64
	}{
		{0, memoryCeiling},
		{100 << 20, memoryCeiling},
		{600 << 20, memoryCeiling},
		{700 << 20, 1050 << 20},
		{4 << 30, 6 << 30},
	} {
		if got := ceilingFor(tc.live); got != tc.want {
			t.Errorf("live %d MiB: limit %d MiB, want %d", tc.live>>20, got>>20, tc.want>>20)
		}
	}
}

func TestDelayFirstGCLeavesEnvironment(t *testing.T) {
	for _, env := range []string{"GOGC", "GOMEMLIMIT"} {
		t.Run(env, func(t *testing.T) {
			t.Setenv(env, "200")
			restoreGC(t)
			debug.SetGCPercent(150)
			t.Cleanup(delayFirstGC())
			if gogc, limit := gcSettings(); gogc != 150 || limit != math.MaxInt64 {
				t.Errorf("GOGC %d, limit %d; want 150 and none, as they were", gogc, limit)
			}
		})
	}
}
