package load

import (
	"testing"
	"unsafe"

	"westcoast/generator/model"
)

// TestPageBlock checks that pages made from blocks are distinct and keep
// what they were made with, that a block's pages are neighbours, and that
// pages go on being made past a block.
func TestPageBlock(t *testing.T) {
	var block pageBlock
	var pages []*model.Page
	for i := range pageBlockSize + 2 {
		pages = append(pages, block.page(model.Page{Weight: i, Key: "k"}))
	}
	seen := map[*model.Page]bool{}
	for i, p := range pages {
		if seen[p] {
			t.Fatalf("page %d was handed out twice", i)
		}
		seen[p] = true
		if p.Weight != i || p.Key != "k" {
			t.Errorf("page %d holds weight %d, key %q", i, p.Weight, p.Key)
		}
	}
	size := unsafe.Sizeof(model.Page{})
	for _, i := range []int{1, pageBlockSize - 1, pageBlockSize + 1} {
		if uintptr(unsafe.Pointer(pages[i]))-uintptr(unsafe.Pointer(pages[i-1])) != size {
			t.Errorf("pages %d and %d are not neighbours in one block", i-1, i)
		}
	}
}
