package render

import "sync"

// Memory is an Output that keeps every file in memory: for the preview
// server, check and tests, which never write a site to disk.
type Memory struct {
	mu    sync.Mutex
	files map[string][]byte
}

// Write keeps a copy of data under name.
func (m *Memory) Write(name string, data []byte) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.files == nil {
		m.files = map[string][]byte{}
	}
	m.files[name] = append([]byte(nil), data...)
	return nil
}

// Files are the files written so far, by path. The map is the Memory's own:
// read it once writing is done.
func (m *Memory) Files() map[string][]byte {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.files
}
