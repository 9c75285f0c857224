// Package par runs independent work on every CPU: loading parses files and
// rendering executes templates this way.
package par

import (
	"runtime"
	"sync"
	"sync/atomic"
)

// Do calls f(0) … f(n-1) on as many goroutines as there are CPUs and
// returns when all calls have returned. Workers take the next index from a
// shared counter, not a channel: a large site has tens of thousands of
// small calls, and a channel would hand each one over through the
// scheduler.
func Do(n int, f func(i int)) {
	workers := min(runtime.GOMAXPROCS(0), n)
	var next atomic.Int64
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := int(next.Add(1)) - 1
				if i >= n {
					return
				}
				f(i)
			}
		}()
	}
	wg.Wait()
}
