// Package par runs independent work on every CPU: loading parses files and
// rendering executes templates this way.
package par

import (
	"runtime"
	"sync"
)

// Do calls f(0) … f(n-1) on as many goroutines as there are CPUs and
// returns when all calls have returned.
func Do(n int, f func(i int)) {
	workers := min(runtime.GOMAXPROCS(0), n)
	next := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				f(i)
			}
		}()
	}
	for i := 0; i < n; i++ {
		next <- i
	}
	close(next)
	wg.Wait()
}
