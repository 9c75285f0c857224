package source

import (
	"errors"
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"
)

// Size is a number of bytes, written with a binary unit: 10MB is 10 × 1024
// × 1024 bytes. It is a flag.Value, for -maxFileSize.
type Size int64

// DefaultMaxFileSize is the largest source file read unless a flag says
// otherwise: far above any page or image a site holds, far below what
// would exhaust memory.
const DefaultMaxFileSize Size = 10 << 20

var units = []struct {
	name string
	size int64
}{{"GB", 1 << 30}, {"MB", 1 << 20}, {"KB", 1 << 10}}

var sizeSyntax = regexp.MustCompile(`^([0-9]+(?:\.[0-9]+)?) ?([KMG]?B)?$`)

var errSize = errors.New("want a size such as 10MB, 512KB or 2000000 (bytes)")

// String writes the size exactly, in the largest unit that divides it.
func (s Size) String() string {
	for _, u := range units {
		if s != 0 && int64(s)%u.size == 0 {
			return strconv.FormatInt(int64(s)/u.size, 10) + u.name
		}
	}
	return strconv.FormatInt(int64(s), 10) + "B"
}

// Set reads a size such as 10MB, 1.5GB, 512KB, 2000B or 2000 (bytes); the
// unit may be in lower case.
func (s *Size) Set(text string) error {
	m := sizeSyntax.FindStringSubmatch(strings.ToUpper(strings.TrimSpace(text)))
	if m == nil {
		return errSize
	}
	n, err := strconv.ParseFloat(m[1], 64)
	if err != nil {
		return errSize
	}
	for _, u := range units {
		if m[2] == u.name {
			n *= float64(u.size)
		}
	}
	n = math.Ceil(n)
	switch {
	case n < 1:
		return errors.New("the size must be at least 1 byte")
	case n > 1<<50:
		return fmt.Errorf("the size must be at most %s", Size(1<<50))
	}
	*s = Size(n)
	return nil
}

// sizeOver writes n in the largest unit it reaches, rounded up to a tenth,
// so that a size over a limit never reads as the limit.
func sizeOver(n int64) string {
	for _, u := range units {
		if n >= u.size {
			tenths := n/u.size*10 + (n%u.size*10+u.size-1)/u.size
			return strconv.FormatFloat(float64(tenths)/10, 'f', -1, 64) + u.name
		}
	}
	return strconv.FormatInt(n, 10) + "B"
}
