package main

import (
	"fmt"
	"strconv"
	"time"
)

// sourceDateEpoch is the reproducible-builds convention for "now": CI sets
// it from the last commit, so that a page whose publishDate comes between
// two builds of one commit is in both or in neither.
const sourceDateEpoch = "SOURCE_DATE_EPOCH"

// buildTime is the time that publishDate and expiryDate are compared with:
// SOURCE_DATE_EPOCH (seconds since 1970-01-01 UTC) when it is set, else
// the clock. Nothing else a build makes depends on it.
func buildTime(getenv func(string) string, clock func() time.Time) (time.Time, error) {
	v := getenv(sourceDateEpoch)
	if v == "" {
		return clock(), nil
	}
	secs, err := strconv.ParseInt(v, 10, 64)
	if err != nil || secs < 0 {
		return time.Time{}, fmt.Errorf("%s=%q: want the time as whole seconds since 1970-01-01 00:00 UTC, as date +%%s writes it", sourceDateEpoch, v)
	}
	return time.Unix(secs, 0).UTC(), nil
}
