// Package par runs independent work on every CPU: loading parses files and
// rendering executes templates this way.
package par

import (
	"fmt"
	"runtime"
	"sync"
	"sync/atomic"
)

// Do calls f(0) … f(n-1) on as many goroutines as there are CPUs and
// returns when all calls have returned. Workers take the next index from a
// shared counter, not a channel: a large site has tens of thousands of
// small calls, and a channel would hand each one over through the
// scheduler.
//
// A call that panics stops the work, and the panic is raised again in the
// caller's goroutine, as a Panic, where the command line can catch it: a
// panic in a worker would otherwise end the program with a stack trace no
// user should see.
func Do(n int, f func(i int)) {
	workers := min(runtime.GOMAXPROCS(0), n)
	var next atomic.Int64
	var first atomic.Pointer[Panic]
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer func() {
				if r := recover(); r != nil {
					first.CompareAndSwap(nil, &Panic{Value: r})
					next.Store(int64(n)) // the others stop too
				}
			}()
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
	if p := first.Load(); p != nil {
		panic(*p)
	}
}

// Panic is a panic of one of Do's calls, raised again in Do's caller.
type Panic struct {
	Value any
}

func (p Panic) Error() string { return fmt.Sprint(p.Value) }
