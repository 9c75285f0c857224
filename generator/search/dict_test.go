package search

import "testing"

// TestNumberTable: every key put is found with its term, through the
// table's growth, and keys never put are not, however alike their bits.
func TestNumberTable(t *testing.T) {
	var table numberTable
	key := func(i int) uint64 { return hanKey(rune(0x4E00+i%3000), rune(i/3000)) }
	const n = 20000
	for i := range n {
		if _, ok := table.get(key(i)); ok {
			t.Fatalf("key %d found before it was put", i)
		}
		table.put(key(i), int32(i))
	}
	for i := range n {
		if got, ok := table.get(key(i)); !ok || got != int32(i) {
			t.Fatalf("key %d: %d, %v; want %d", i, got, ok, i)
		}
	}
	for i := n; i < 2*n; i++ {
		if got, ok := table.get(key(i)); ok {
			t.Fatalf("key %d, never put, found as %d", i, got)
		}
	}
	if 4*table.used > 3*len(table.slots) {
		t.Errorf("%d keys in %d slots: more than three quarters full", table.used, len(table.slots))
	}
}
