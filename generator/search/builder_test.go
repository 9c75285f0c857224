package search

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"
)

// index is an index read back from its files, as the script reads it.
type index struct {
	manifest Manifest
	shards   [][]entry
}

type entry struct {
	key      string
	postings []hit
}

// hit is one document in a key's postings.
type hit struct{ doc, where, tf int }

func readIndex(t testing.TB, files map[string][]byte) *index {
	t.Helper()
	var ix index
	if err := json.Unmarshal(files[ManifestPath], &ix.manifest); err != nil {
		t.Fatalf("manifest: %v", err)
	}
	for i := range ix.manifest.Shards {
		name := fmt.Sprintf("s/%d.bin", i)
		data, ok := files[name]
		if !ok {
			t.Fatalf("the manifest names %d shards, but there is no %s", len(ix.manifest.Shards), name)
		}
		ix.shards = append(ix.shards, readShard(t, name, data))
	}
	return &ix
}

func readShard(t testing.TB, name string, data []byte) []entry {
	t.Helper()
	r := bytes.NewReader(data)
	uvarint := func() int {
		v, err := binary.ReadUvarint(r)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		return int(v)
	}
	var entries []entry
	prev := ""
	for r.Len() > 0 {
		shared, n := uvarint(), uvarint()
		suffix := make([]byte, n)
		r.Read(suffix)
		key := prev[:shared] + string(suffix)
		postings := make([]byte, uvarint())
		r.Read(postings)
		e := entry{key: key}
		doc := -1
		for p := bytes.NewReader(postings); p.Len() > 0; {
			v, err := binary.ReadUvarint(p)
			if err != nil {
				t.Fatalf("%s: %q: %v", name, key, err)
			}
			doc += int(v>>5) + 1
			e.postings = append(e.postings, hit{doc, int(v & 3), int(v >> 2 & 7)})
		}
		entries = append(entries, e)
		prev = key
	}
	return entries
}

// lookup returns a key's postings, from the shard the manifest sends it to.
func (ix *index) lookup(key string) []hit {
	for _, e := range ix.shards[ix.shardOf(key)] {
		if e.key == key {
			return e.postings
		}
	}
	return nil
}

// shardOf finds a key's shard as the script does.
func (ix *index) shardOf(key string) int {
	n := 0
	for i, first := range ix.manifest.Shards {
		if compareUTF16(first, key) <= 0 {
			n = i
		}
	}
	return n
}

// check verifies what the script relies on: keys in order across shards,
// each in the shard the manifest sends it to, documents in order.
func (ix *index) check(t testing.TB, docs int) {
	t.Helper()
	prev := ""
	for i, shard := range ix.shards {
		for _, e := range shard {
			if prev != "" && compareUTF16(prev, e.key) >= 0 {
				t.Errorf("shard %d: key %q after %q", i, e.key, prev)
			}
			if got := ix.shardOf(e.key); got != i {
				t.Errorf("key %q is in shard %d, but the manifest sends it to %d", e.key, i, got)
			}
			last := -1
			for _, h := range e.postings {
				if h.doc <= last || h.doc >= docs {
					t.Fatalf("key %q: document %d after %d (of %d)", e.key, h.doc, last, docs)
				}
				last = h.doc
			}
			prev = e.key
		}
	}
}

func TestIndex(t *testing.T) {
	docs := []Doc{
		{Title: "數字經濟", URL: "industries/digital-economy/", Description: "数字经济是主导产业之一。", Group: 0,
			Passages: []Passage{{Text: "发展数字经济", Anchor: "a"}}},
		{Title: "Digital economy", URL: "en/industries/digital-economy/", Group: 0,
			Passages: []Passage{{Text: "Supporting the digital economy; supports for Qingdao’s economy.", Anchor: "b"}, {Text: "Growth", Heading: true, Anchor: "growth"}}},
		{Title: "Monolingual", URL: "en/solo/", Group: 2},
	}
	files := build(docs, DefaultShardSize)
	ix := readIndex(t, files)
	ix.check(t, len(docs))
	for key, want := range map[string][]hit{
		"数字":              {{0, inTitle, 1}},   // in the title (folded), the description and the text: 3 times
		"数":               {{0, inTitle, 1}},   // each character too
		"字经":              {{0, inTitle, 1}},   // and each pair
		"economy":         {{1, inTitle, 1}},   // 3 times: floor(log2(3)) = 1
		"supporting":      {{1, inText, 0}},    // words as written
		"supports":        {{1, inText, 0}},    //
		"qingdao":         {{1, inText, 0}},    // with no possessive
		" digit economi":  {{1, inTitle, 1}},   // pairs of stems: title and text
		" the digit":      {{1, inText, 0}},    //
		"growth":          {{1, inHeading, 0}}, // headings
		"monolingual":     {{2, inTitle, 0}},   //
		"economi":         nil,                 // stems are not keys
		" economi growth": nil,                 // passages part pairs
		"主导":              {{0, inHeading, 0}}, // the description counts as a heading
	} {
		if got := ix.lookup(key); !slices.Equal(got, want) {
			t.Errorf("%q: %v, want %v", key, got, want)
		}
	}
	if got, want := ix.manifest.Languages, []Language{{"zh", "中文", 0, 1}, {"en", "English", 1, 3}}; !slices.Equal(got, want) {
		t.Errorf("languages: %v, want %v", got, want)
	}
	if got, want := ix.manifest.Groups, [][3]int{{1, 1, 0}}; !slices.Equal(got, want) {
		t.Errorf("groups: %v, want %v", got, want)
	}
	// The fold table holds what the index needs: 數 and 經, 濟 (whose
	// simplified forms are in it), not 華 (华 is not).
	for _, c := range []string{"數数", "經经", "濟济"} {
		if !strings.Contains(ix.manifest.Fold, c) {
			t.Errorf("the fold table has no %s", c)
		}
	}
	if strings.Contains(ix.manifest.Fold, "華") {
		t.Errorf("the fold table has 華, whose simplified form is not in the index")
	}
	if got, want := string(files["d/1.json"]), `{"t":"Digital economy","u":"en/industries/digital-economy/","p":[["Supporting the digital economy; supports for Qingdao’s economy.","b"],["Growth","growth"]]}`; got != want {
		t.Errorf("d/1.json:\n%s\nwant\n%s", got, want)
	}
}

// TestIndexDeterministic: the same documents make the same files, however
// the goroutines interleave.
// TestEmptyIndex: a site with nothing to search still gets a manifest the
// script can read, with lists, not nulls, and one shard.
func TestEmptyIndex(t *testing.T) {
	files := finish(NewBuilder(0), nil, DefaultShardSize)
	var m struct {
		Languages []Language `json:"languages"`
		Shards    []string   `json:"shards"`
	}
	manifest := files[ManifestPath]
	if !bytes.Contains(manifest, []byte(`"languages":[]`)) {
		t.Errorf("the manifest of an empty index has no empty list of languages: %s", manifest)
	}
	if err := json.Unmarshal(manifest, &m); err != nil {
		t.Fatal(err)
	}
	if _, ok := files["s/0.bin"]; len(m.Shards) != 1 || len(files) != 2 || !ok {
		t.Errorf("an empty index has %d shards and files %v, want 1 and s/0.bin beside the manifest", len(m.Shards), slices.Sorted(maps.Keys(files)))
	}
}

func TestIndexDeterministic(t *testing.T) {
	docs := corpus(t, 300, 8)
	first := build(docs, 2<<10)
	for range 3 {
		again := build(docs, 2<<10)
		for _, name := range slices.Sorted(maps.Keys(first)) {
			if !bytes.Equal(first[name], again[name]) {
				t.Fatalf("%s differs between two builds of the same documents", name)
			}
		}
	}
	readIndex(t, first).check(t, len(docs))
}

// TestLargeIndexLimits builds the index of 10,000 pairs of documents in
// which nearly every key is in most documents, and checks that a query
// stays small: the manifest, and the shards that the queries need.
// The script also fetches the results' own files (about 2.5 KB each); the
// browser test TestSearchFetches measures everything on the built site.
// The documents are short, since a key's postings grow with the number of
// documents it is in, not with their length.
func TestLargeIndexLimits(t *testing.T) {
	n := 10000
	if testing.Short() {
		n = 2000
	}
	docs := corpus(t, n, 3)
	files := build(docs, DefaultShardSize)
	ix := readIndex(t, files)
	ix.check(t, len(docs))
	if size := len(files[ManifestPath]); size > 24<<10 {
		t.Errorf("the manifest is %d bytes, want at most 24 KB", size)
	}
	for i, shard := range ix.shards {
		if size := len(files[fmt.Sprintf("s/%d.bin", i)]); len(shard) > 1 && size > DefaultShardSize {
			t.Errorf("shard %d has %d keys in %d bytes, more than %d", i, len(shard), size, DefaultShardSize)
		}
	}
	for _, q := range []struct {
		query string
		keys  []string
	}{
		{"董家口", []string{"董家", "家口"}},
		{"数字经济", []string{"数字", "字经", "经济"}},
		{"发", []string{"发"}},
		{`"digital economy"`, []string{" digit economi"}},
		{"new materials", []string{"new", "materi", " new materi"}},
		{"financ bureau", []string{"financ", "bureau", " financ bureau"}},
		{"supporting", []string{"support"}},
	} {
		shards := map[int]bool{}
		for _, key := range q.keys {
			shards[ix.shardOf(key)] = true
		}
		size := len(files[ManifestPath])
		for s := range shards {
			size += len(files[fmt.Sprintf("s/%d.bin", s)])
		}
		t.Logf("%s: %d shards, %d bytes with the manifest", q.query, len(shards), size)
		if size > 100<<10 {
			t.Errorf("%s: %d shards, %d bytes with the manifest, want at most 100 KB", q.query, len(shards), size)
		}
	}
}
