package main

import (
	"testing"
	"time"
)

// "Now" is SOURCE_DATE_EPOCH when it is set, so that CI's builds of one
// commit agree; else the clock.
func TestBuildTime(t *testing.T) {
	clock := time.Date(2030, 1, 2, 3, 4, 5, 0, time.UTC)
	tests := []struct {
		env, want string
	}{
		{"", "2030-01-02T03:04:05Z"},
		{"1714521600", "2024-05-01T00:00:00Z"},
		{"0", "1970-01-01T00:00:00Z"},
		{"1714521600.5", `error: SOURCE_DATE_EPOCH="1714521600.5": want the time as whole seconds since 1970-01-01 00:00 UTC, as date +%s writes it`},
		{"-1", `error: SOURCE_DATE_EPOCH="-1": want the time as whole seconds since 1970-01-01 00:00 UTC, as date +%s writes it`},
		{"2024-05-01", `error: SOURCE_DATE_EPOCH="2024-05-01": want the time as whole seconds since 1970-01-01 00:00 UTC, as date +%s writes it`},
	}
	for _, tt := range tests {
		getenv := func(name string) string {
			if name != "SOURCE_DATE_EPOCH" {
				t.Fatalf("read %s", name)
			}
			return tt.env
		}
		now, err := buildTime(getenv, func() time.Time { return clock })
		got := now.Format(time.RFC3339)
		if err != nil {
			got = "error: " + err.Error()
		}
		if got != tt.want {
			t.Errorf("SOURCE_DATE_EPOCH=%q: got %s, want %s", tt.env, got, tt.want)
		}
	}
}
