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
	delayFirstGC()
	if gogc, limit := gcSettings(); gogc != math.MaxUint64 || limit != firstGCAt {
		t.Fatalf("before the first collection: GOGC %d, limit %d; want off (%d) and %d", gogc, limit, uint64(math.MaxUint64), firstGCAt)
	}
	runtime.GC()
	for deadline := time.Now().Add(10 * time.Second); ; {
		gogc, limit := gcSettings()
		if gogc == 100 && limit == math.MaxInt64 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("after the first collection: GOGC %d, limit %d; want 100 and none", gogc, limit)
		}
		runtime.GC()
		time.Sleep(time.Millisecond)
	}
}

func TestDelayFirstGCLeavesEnvironment(t *testing.T) {
	for _, env := range []string{"GOGC", "GOMEMLIMIT"} {
		t.Run(env, func(t *testing.T) {
			t.Setenv(env, "200")
			restoreGC(t)
			debug.SetGCPercent(150)
			delayFirstGC()
			if gogc, limit := gcSettings(); gogc != 150 || limit != math.MaxInt64 {
				t.Errorf("GOGC %d, limit %d; want 150 and none, as they were", gogc, limit)
			}
		})
	}
}
