package search

import (
	"encoding/binary"
	"math/bits"
)

// postingStore holds the terms' postings, each term's in a chain of
// chunks cut from large blocks: its first chunk holds 8 bytes, each next
// one twice the last, up to 256. A term's postings so hold less than 256
// bytes more than they need, and 4 bytes a chunk for the links, where a
// slice grown by append holds up to a quarter more (twice, while it is
// small) and leaves each array it outgrew to the collector.
//
// A chunk is its data and then the place of the next chunk (4 bytes,
// written when the chunk is full). Places are numbered in 4-byte units
// from the first block's start, so that a uint32 reaches 16 GiB.
type postingStore struct {
	blocks []*[storeBlock]byte
	used   uint32 // units of the last block in chunks
}

const (
	storeBlock = 64 << 10
	blockUnits = storeBlock / 4
	maxChunk   = 256 // bytes of data
	linkLen    = 4
	// smallChunks are the chunks before the first of maxChunk, and
	// smallBytes the data they hold: 8 + 16 + … + 128.
	smallChunks = 5
	smallBytes  = 8<<smallChunks - 8
)

// chunkLen is how many bytes of data chunk k of a chain holds.
func chunkLen(k int) uint32 { return 8 << min(k, smallChunks) }

// lastChunk returns which chunk of its chain holds the last of size
// bytes of postings (size > 0), and how many of them it holds.
func lastChunk(size uint32) (k int, fill uint32) {
	if size <= smallBytes {
		k = bits.Len32((size-1)/8+1) - 1
		return k, size - (8<<k - 8)
	}
	past := size - smallBytes - 1
	return smallChunks + int(past/maxChunk), past%maxChunk + 1
}

// chunk returns the data and link of the chunk at place c, of n bytes of data.
func (s *postingStore) chunk(c, n uint32) []byte {
	at := c % blockUnits * 4
	return s.blocks[c/blockUnits][at : at+n+linkLen]
}

// newChunk returns the place of a new chunk of n bytes of data.
func (s *postingStore) newChunk(n uint32) uint32 {
	units := (n + linkLen) / 4
	if len(s.blocks) == 0 || s.used+units > blockUnits {
		if len(s.blocks) == 1<<32/blockUnits {
			panic("search: the index's postings outgrow 16 GiB")
		}
		s.blocks = append(s.blocks, new([storeBlock]byte))
		s.used = 0
	}
	c := uint32(len(s.blocks)-1)*blockUnits + s.used
	s.used += units
	return c
}

// add appends a document to a term's postings: its number's gap from the
// last one's, and info, as a uvarint. Most take a byte or two, which the
// last chunk mostly has room for.
func (s *postingStore) add(t *term, doc int32, info uint8) {
	v := uint64(doc-t.last-1)<<5 | uint64(info)
	t.last = doc
	if t.size > 0 && v < 1<<14 {
		k, fill := lastChunk(t.size)
		n := chunkLen(k)
		switch c := s.chunk(t.tail, n); {
		case v < 0x80 && fill < n:
			c[fill] = byte(v)
			t.size++
			return
		case v >= 0x80 && fill+1 < n:
			c[fill], c[fill+1] = byte(v)|0x80, byte(v>>7)
			t.size += 2
			return
		}
	}
	var buf [binary.MaxVarintLen64]byte
	s.write(t, binary.AppendUvarint(buf[:0], v))
}

// write appends p to a term's postings, making chunks as they are needed.
func (s *postingStore) write(t *term, p []byte) {
	for len(p) > 0 {
		var k int
		var fill uint32
		switch {
		case t.size == 0:
			t.first = s.newChunk(chunkLen(0))
			t.tail = t.first
		default:
			if k, fill = lastChunk(t.size); fill == chunkLen(k) {
				next := s.newChunk(chunkLen(k + 1))
				binary.LittleEndian.PutUint32(s.chunk(t.tail, fill)[fill:], next)
				t.tail, k, fill = next, k+1, 0
			}
		}
		n := chunkLen(k)
		copied := copy(s.chunk(t.tail, n)[fill:n], p)
		t.size += uint32(copied)
		p = p[copied:]
	}
}

// appendTo appends a term's postings to dst.
func (s *postingStore) appendTo(dst []byte, t *term) []byte {
	c, left := t.first, t.size
	for k := 0; left > 0; k++ {
		n := chunkLen(k)
		data := s.chunk(c, n)
		if left <= n {
			return append(dst, data[:left]...)
		}
		dst = append(dst, data[:n]...)
		left -= n
		c = binary.LittleEndian.Uint32(data[n:])
	}
	return dst
}
