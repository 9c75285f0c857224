package render

import (
	"fmt"
	"reflect"
	"testing"

	"westcoast/generator/model"
)

func listOf(n int) *model.Page {
	list := &model.Page{URL: "/zones/"}
	for i := range n {
		list.Pages = append(list.Pages, &model.Page{Key: fmt.Sprint(i)})
	}
	return list
}

func TestPagers(t *testing.T) {
	tests := []struct {
		members, size, at int
		nearby            []int
		first, last       string // keys of the pager's first and last members
	}{
		{members: 95, size: 10, at: 1, nearby: []int{1, 2, 3, 10}, first: "0", last: "9"},
		{members: 95, size: 10, at: 5, nearby: []int{1, 3, 4, 5, 6, 7, 10}, first: "40", last: "49"},
		{members: 95, size: 10, at: 10, nearby: []int{1, 8, 9, 10}, first: "90", last: "94"},
		{members: 3, size: 10, at: 1, nearby: []int{1}, first: "0", last: "2"},
	}
	for _, tt := range tests {
		pg := newPager(listOf(tt.members), tt.at, tt.size)
		var got []int
		for _, q := range pg.Nearby(2) {
			got = append(got, q.PageNumber)
		}
		if !reflect.DeepEqual(got, tt.nearby) {
			t.Errorf("%d members, pager %d: nearby %v, want %v", tt.members, tt.at, got, tt.nearby)
		}
		if f, l := pg.Pages[0].Key, pg.Pages[len(pg.Pages)-1].Key; f != tt.first || l != tt.last {
			t.Errorf("%d members, pager %d: members %s…%s, want %s…%s", tt.members, tt.at, f, l, tt.first, tt.last)
		}
	}
	if pg := newPager(listOf(0), 1, 10); pg.TotalPages != 1 || len(pg.Pages) != 0 || pg.URL != "/zones/" {
		t.Errorf("an empty list: %d pagers, %d members, %s", pg.TotalPages, len(pg.Pages), pg.URL)
	}
	if u := newPager(listOf(30), 3, 10).URL; u != "/zones/page/3/" {
		t.Errorf("third pager at %s", u)
	}
}

func TestFirst(t *testing.T) {
	pages := listOf(5).Pages
	for _, tt := range []struct {
		n    int
		want int
	}{{3, 3}, {9, 5}, {0, 0}} {
		got, err := first(tt.n, pages)
		if err != nil || len(got.([]*model.Page)) != tt.want {
			t.Errorf("first %d of 5: %v, %v", tt.n, got, err)
		}
	}
	if _, err := first(2, 42); err == nil || err.Error() != "first: the number 42 is not a list" {
		t.Errorf("first of a number: %v", err)
	}
}
