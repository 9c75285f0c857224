package search

import (
	"bytes"
	"encoding/binary"
	"testing"
)

// TestLastChunk: lastChunk places each size of postings in the chunk a
// chain filled one byte at a time would have reached.
func TestLastChunk(t *testing.T) {
	k, fill := 0, uint32(0)
	for size := uint32(1); size < 20*maxChunk; size++ {
		if fill == chunkLen(k) {
			k, fill = k+1, 0
		}
		fill++
		if gotK, gotFill := lastChunk(size); gotK != k || gotFill != fill {
			t.Fatalf("lastChunk(%d) = chunk %d holding %d, want chunk %d holding %d", size, gotK, gotFill, k, fill)
		}
	}
}

// TestPostingStore: postings added to terms in turn, term i in about one
// document in i+1, so that some stay in their first chunk and others run
// to hundreds, and the store to several blocks, read back as the bytes
// that appending to a slice makes.
func TestPostingStore(t *testing.T) {
	var s postingStore
	terms := make([]term, 300)
	want := make([][]byte, len(terms))
	for i := range terms {
		terms[i].last = -1
	}
	seed := uint32(3)
	next := func(k int) int {
		seed ^= seed << 13
		seed ^= seed >> 17
		seed ^= seed << 5
		return int(seed % uint32(k))
	}
	for doc := int32(0); doc < 20000; doc++ {
		for i := range terms {
			if next(i+1) != 0 {
				continue
			}
			info := uint8(next(32))
			want[i] = binary.AppendUvarint(want[i], uint64(doc-terms[i].last-1)<<5|uint64(info))
			s.add(&terms[i], doc, info)
		}
	}
	if len(s.blocks) < 3 {
		t.Errorf("the postings fill %d blocks, want at least 3 for this test", len(s.blocks))
	}
	for i := range terms {
		got := s.appendTo([]byte("x"), &terms[i])
		if int(terms[i].size) != len(want[i]) || !bytes.Equal(got[1:], want[i]) || got[0] != 'x' {
			t.Fatalf("term %d: %d bytes of postings read back as %d, size %d, the first difference at %d",
				i, len(want[i]), len(got)-1, terms[i].size, firstDifference(got[1:], want[i]))
		}
	}
}

func firstDifference(a, b []byte) int {
	n := 0
	for n < len(a) && n < len(b) && a[n] == b[n] {
		n++
	}
	return n
}
