package load

import (
	"path"
	"strings"
	"sync"

	"westcoast/generator/model"
)

// Cache keeps the parsed content files of one site between loads, for the
// preview, which loads the site again after every change: decoding the
// front matter of every file is most of a load, and an edit changes one or
// two files. It never looks at a file's time or size (a file rewritten
// within the clock's resolution looks unchanged): its user says which files
// changed, with Forget. A change to config.toml, which says how front
// matter is read, empties it.
//
// A Cache is given to Site in Options; it is safe for one load at a time.
type Cache struct {
	mu     sync.Mutex
	config string // the config.toml the entries were parsed under
	schema schema // and what it says front matter holds
	md     map[string]*sourceFile
	facts  map[string]*factsSource
	// last is the site the last load made from these files, or nil when
	// the last load failed: then the cache may hold files it was not made
	// from. listed are the files under content/ that load found.
	last   *model.Site
	listed map[string]bool
}

// NewCache returns an empty cache.
func NewCache() *Cache {
	return &Cache{md: map[string]*sourceFile{}, facts: map[string]*factsSource{}}
}

// Forget drops what the cache holds of the file at name (a path in the
// source, with slashes), or of every file under it if it is a folder.
func (c *Cache) Forget(name string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	name = path.Clean(name)
	if name == ConfigFile || name == "." {
		c.reset("")
		return
	}
	under := func(p string) bool { return p == name || strings.HasPrefix(p, name+"/") }
	for p := range c.md {
		if under(p) {
			delete(c.md, p)
		}
	}
	for p := range c.facts {
		if under(p) {
			delete(c.facts, p)
		}
	}
}

// use starts a load under the config text and its schema: entries parsed
// under another are dropped.
func (c *Cache) use(config string, sc schema) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.config != config {
		c.reset(config)
	}
	c.schema = sc
}

func (c *Cache) reset(config string) {
	c.config = config
	c.md = map[string]*sourceFile{}
	c.facts = map[string]*factsSource{}
	c.last = nil
}

// list notes the files a load found under content/.
func (c *Cache) list(files []contentFile) {
	listed := make(map[string]bool, len(files))
	for _, f := range files {
		listed[f.path] = true
	}
	c.mu.Lock()
	c.listed = listed
	c.mu.Unlock()
}

// wasListed reports whether the last load found the file name, or files
// under it.
func (c *Cache) wasListed(name string) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.listed[name] {
		return true
	}
	for p := range c.listed {
		if strings.HasPrefix(p, name+"/") {
			return true
		}
	}
	return false
}

// get returns the parsed file at p, if the cache has it.
func (c *Cache) get(p string) (*sourceFile, *factsSource, bool) {
	if c == nil {
		return nil, nil, false
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if sf, ok := c.md[p]; ok {
		return sf, nil, true
	}
	fa, ok := c.facts[p]
	return nil, fa, ok
}

// put keeps a file that parsed without faults.
func (c *Cache) put(p string, sf *sourceFile, fa *factsSource) {
	if c == nil {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if sf != nil {
		c.md[p] = sf
	} else if fa != nil {
		c.facts[p] = fa
	}
}
