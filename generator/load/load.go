package load

import (
	"io/fs"
	"sync"
	"time"

	"westcoast/generator/model"
	"westcoast/generator/par"
	"westcoast/generator/source"
)

// Options are the build settings that come from the command line.
type Options struct {
	BaseURL string // overrides config.toml's baseURL when set
	Drafts  bool   // include pages marked draft
	// CacheDir keeps resized images between builds ("" keeps none).
	CacheDir string
	// BuildFuture includes pages whose publishDate is after Now;
	// BuildExpired pages whose expiryDate is not.
	BuildFuture, BuildExpired bool
	// Now is the time that publishDate and expiryDate are compared with,
	// and nothing else: the clock when it is zero.
	Now time.Time
	// Cache, if set, keeps parsed files from one load to the next (the
	// preview's): see Cache.
	Cache *Cache
}

// Site reads a site source (config.toml and content/ at the root of fsys)
// into a resolved model, complete and not to be changed: render only reads
// it. Errors name the file, line and column; all the problems found are
// returned together as model.Errors.
func Site(fsys fs.FS, opts Options) (*model.Site, error) {
	cfg, err := readConfig(fsys, opts)
	if err != nil {
		return nil, err
	}
	if opts.Cache != nil {
		opts.Cache.use(cfg.src.text, cfg.schema)
	}
	files, err := opts.Cache.listContent(fsys, cfg)
	if err != nil {
		return nil, err
	}
	parsed, facts, err := parseAll(fsys, files, cfg.schema, opts.Cache)
	if err != nil {
		return nil, err
	}
	now := opts.Now
	if now.IsZero() {
		now = time.Now()
	}
	b := &assembler{cfg: cfg.Config, langs: cfg.langs, files: files, parsed: parsed, facts: facts,
		src: cfg.src, params: cfg.params, langConfig: cfg.langConfig, now: now, cache: opts.Cache}
	site, err := b.assemble()
	if err != nil {
		return nil, err
	}
	if opts.Cache == nil {
		b.facts, b.groupFacts = nil, nil // see addFile
	}
	site.Source = fsys
	relate(site, cfg.related)
	if err := convertSummaries(site, b.summaries, opts.Cache); err != nil {
		return nil, err
	}
	site.Assets, err = resources(fsys, site, files)
	if err != nil {
		return nil, err
	}
	if err := pageImages(fsys, site, cfg); err != nil {
		return nil, err
	}
	opts.Cache.made(cfg, b.until)
	return site, nil
}

// parseAll reads and parses every Markdown and facts file in parallel, or
// takes it from the cache.
func parseAll(fsys fs.FS, files []contentFile, sc schema, cache *Cache) (map[string]*sourceFile, map[string]*factsSource, error) {
	parsed := map[string]*sourceFile{}
	facts := map[string]*factsSource{}
	var mu sync.Mutex
	var list model.Errors
	par.Do(len(files), func(i int) {
		f := files[i]
		if f.kind == resourceFile {
			return
		}
		sf, fa, err := parseOne(fsys, f, sc, cache)
		mu.Lock()
		defer mu.Unlock()
		switch {
		case err != nil:
			list = append(list, asErrors(f.path, err)...)
		case sf != nil:
			parsed[f.path] = sf
		default:
			facts[f.key] = fa
		}
	})
	return parsed, facts, list.Err()
}

// parseOne parses one Markdown or facts file, unless the cache has it.
func parseOne(fsys fs.FS, f contentFile, sc schema, cache *Cache) (sf *sourceFile, fa *factsSource, err error) {
	if sf, fa, ok := cache.get(f.path); ok {
		return sf, fa, nil
	}
	buf := readBufs.Get().(*[]byte)
	defer readBufs.Put(buf)
	data, err := readContent(fsys, f, *buf)
	if err != nil {
		return nil, nil, err
	}
	*buf = data[:0]
	if f.kind == markdownFile {
		sf, err = parseFile(f.path, data, sc)
	} else {
		fa, err = parseFacts(f.path, data, sc)
	}
	if err == nil {
		cache.put(f.path, sf, fa)
	}
	return sf, fa, err
}

// readBufs are the buffers content files are read into, each used again
// for the next file once one is parsed: parsing keeps no part of the bytes
// (the front matter and a summary before <!--more--> are copied), and a
// site's files read whole would otherwise all be garbage to collect.
var readBufs = sync.Pool{New: func() any { return new([]byte) }}

// readContent reads a content file, into buf if the source can: in one
// open, one read and one close when the source knows its size from the
// listing, and by ReadFile, which checks the file whole, when that read
// finds another size (the file changed since it was listed) or fails.
func readContent(fsys fs.FS, f contentFile, buf []byte) ([]byte, error) {
	if f.size > 0 {
		if data, err := source.ReadSized(fsys, f.path, int(f.size), buf); err == nil && int64(len(data)) == f.size {
			return data, nil
		}
	}
	return fs.ReadFile(fsys, f.path)
}

// asErrors flattens an error into positioned errors.
func asErrors(file string, err error) model.Errors {
	switch e := err.(type) {
	case model.Errors:
		return e
	case *model.Error:
		return model.Errors{e}
	}
	return model.Errors{model.Errorf(file, 0, 0, "%v", unwrapPathError(err))}
}
