package load

import (
	"fmt"
	"strings"
)

// didYouMean returns ` (did you mean "x"?)` for the known name closest to
// name, or "" when none is close.
func didYouMean(name string, known []string) string {
	if c := closest(name, known); c != "" {
		return fmt.Sprintf(" (did you mean %q?)", c)
	}
	return ""
}

// closest returns the known name closest to name, or "" when none is close:
// the same letters in another case, or one or two letters typed wrong, left
// out, added or swapped.
// Between two as close, the one that starts more like name wins ("kid"
// is "kind", not "id").
func closest(name string, known []string) string {
	best, bestDist := "", 3
	lower := strings.ToLower(name)
	for _, k := range known {
		d := editDistance(lower, strings.ToLower(k))
		if d < bestDist || d == bestDist && best != "" && better(lower, k, best) {
			best, bestDist = k, d
		}
	}
	if bestDist > len([]rune(name))/3+1 {
		return ""
	}
	return best
}

// editDistance is the optimal string alignment distance: insertions,
// deletions, substitutions and swaps of neighbours each count one, so
// "titel" is one step from "title".
func editDistance(a, b string) int {
	s, t := []rune(a), []rune(b)
	d := make([][]int, len(s)+1)
	for i := range d {
		d[i] = make([]int, len(t)+1)
		d[i][0] = i
	}
	for j := range t {
		d[0][j+1] = j + 1
	}
	for i := 1; i <= len(s); i++ {
		for j := 1; j <= len(t); j++ {
			cost := 1
			if s[i-1] == t[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && s[i-1] == t[j-2] && s[i-2] == t[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(s)][len(t)]
}

// better breaks a tie between two candidates a and b: the longer common
// prefix with name, then alphabetical order.
func better(name, a, b string) bool {
	pa, pb := commonPrefix(name, strings.ToLower(a)), commonPrefix(name, strings.ToLower(b))
	if pa != pb {
		return pa > pb
	}
	return a < b
}

func commonPrefix(a, b string) int {
	n := 0
	for n < len(a) && n < len(b) && a[n] == b[n] {
		n++
	}
	return n
}
