//go:build unix

package publish

import (
	"bytes"
	"path/filepath"
	"runtime"
	"sync"
	"testing"
)

// syncBuffer is a log that a test reads while a build writes to it.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// A build waits for one into a folder beside its own, since the lock is
// their parent's, and says so by naming the parent, not its own folder.
func TestWaitNamesTheLockedFolder(t *testing.T) {
	parent := t.TempDir()
	unlock, err := lock(parent, func() { t.Error("nothing else holds the lock") })
	if err != nil {
		t.Fatal(err)
	}
	var log syncBuffer
	done := make(chan error)
	go func() {
		done <- Dir(filepath.Join(parent, "en"), Options{Log: &log}, files("index.html", "x"))
	}()
	want := "waiting for another build publishing into " + parent + string(filepath.Separator) + " to finish\n"
	for log.String() == "" {
		select {
		case err := <-done:
			t.Fatalf("published while the folder was locked: %v", err)
		default:
			runtime.Gosched()
		}
	}
	unlock()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if got := log.String(); got != want {
		t.Errorf("log: %q, want %q", got, want)
	}
}
