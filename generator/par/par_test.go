package par

import (
	"sync/atomic"
	"testing"
)

func TestDoCallsEachOnce(t *testing.T) {
	for _, n := range []int{0, 1, 2, 7, 1000} {
		counts := make([]atomic.Int32, n)
		Do(n, func(i int) { counts[i].Add(1) })
		for i := range counts {
			if c := counts[i].Load(); c != 1 {
				t.Errorf("n=%d: f(%d) called %d times", n, i, c)
			}
		}
	}
}

func TestDoRaisesAPanicInTheCaller(t *testing.T) {
	defer func() {
		r := recover()
		if p, ok := r.(Panic); !ok || p.Value != "boom" {
			t.Errorf("recovered %#v, want Panic{boom}", r)
		}
	}()
	Do(100, func(i int) {
		if i == 37 {
			panic("boom")
		}
	})
	t.Error("Do returned after a panic")
}
