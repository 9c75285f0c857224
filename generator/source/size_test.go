package source

import (
	"flag"
	"io"
	"testing"
)

func TestSizeSet(t *testing.T) {
	tests := []struct {
		in   string
		want Size
		err  string
	}{
		{"10MB", 10 << 20, ""},
		{"10mb", 10 << 20, ""},
		{"512 KB", 512 << 10, ""},
		{"1.5GB", 3 << 29, ""},
		{"2000", 2000, ""},
		{"2000B", 2000, ""},
		{"0.5B", 1, ""},
		{"0", 0, "the size must be at least 1 byte"},
		{"2000TB", 0, "want a size such as 10MB, 512KB or 2000000 (bytes)"},
		{"-1MB", 0, "want a size such as 10MB, 512KB or 2000000 (bytes)"},
		{"lots", 0, "want a size such as 10MB, 512KB or 2000000 (bytes)"},
		{"99999999GB", 0, "the size must be at most 1048576GB"},
	}
	for _, tt := range tests {
		var s Size
		err := s.Set(tt.in)
		if errText(err) != tt.err || s != tt.want {
			t.Errorf("Set(%q) = %d, %v; want %d, %q", tt.in, s, err, tt.want, tt.err)
		}
	}
}

func TestSizeString(t *testing.T) {
	tests := []struct {
		in   Size
		want string
	}{{10 << 20, "10MB"}, {1536, "1536B"}, {1000, "1000B"}, {3 << 29, "1536MB"}, {0, "0B"}}
	for _, tt := range tests {
		if got := tt.in.String(); got != tt.want {
			t.Errorf("Size(%d) = %q, want %q", int64(tt.in), got, tt.want)
		}
	}
}

func TestSizeOver(t *testing.T) {
	tests := []struct {
		n    int64
		want string
	}{{1025, "1.1KB"}, {1024, "1KB"}, {1023, "1023B"}, {10<<20 + 1, "10.1MB"}, {1 << 62, "4294967296GB"}}
	for _, tt := range tests {
		if got := sizeOver(tt.n); got != tt.want {
			t.Errorf("sizeOver(%d) = %q, want %q", tt.n, got, tt.want)
		}
	}
}

// TestSizeFlag: the default shows in -h as the editor would type it.
func TestSizeFlag(t *testing.T) {
	fs := flag.NewFlagSet("build", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	size := DefaultMaxFileSize
	fs.Var(&size, "maxFileSize", "")
	if got := fs.Lookup("maxFileSize").DefValue; got != "10MB" {
		t.Errorf("default %q, want 10MB", got)
	}
	if err := fs.Parse([]string{"-maxFileSize", "2KB"}); err != nil || size != 2048 {
		t.Errorf("parsed %d, %v", size, err)
	}
}

// FuzzSize: whatever Set accepts, String writes back as the same size.
func FuzzSize(f *testing.F) {
	for _, s := range []string{"10MB", "1.5GB", "2000", "0.001KB", "1 kb"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		var s, again Size
		if s.Set(in) != nil {
			return
		}
		if s < 1 {
			t.Fatalf("Set(%q) = %d", in, s)
		}
		if err := again.Set(s.String()); err != nil || again != s {
			t.Fatalf("Set(%q) = %d, written %q, read back as %d (%v)", in, s, s.String(), again, err)
		}
	})
}
