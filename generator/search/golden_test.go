package search

import (
	"crypto/sha256"
	"flag"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite testdata/index.sha256 from the index built now")

// hardText is text that tests the tokenizer's corners: apostrophes,
// possessives, words at and past the longest indexed, full-width and
// traditional characters, Han outside the Basic Multilingual Plane and in
// U+E000–U+FFFF (which sort apart in UTF-16), letters that fold in odd
// ways, marks and symbols that part words, and bytes that are not UTF-8.
var hardText = []string{
	"Qingdao’s port's workers' rights; it's O'Brien's ''quoted'' words'",
	"dogs' 's x's a's's ’s Ｑｉｎｇｄａｏ’Ｓ DON'T",
	strings.Repeat("a", maxWordLen), strings.Repeat("b", maxWordLen+1),
	strings.Repeat("é", maxWordLen), strings.Repeat("é", maxWordLen+1),
	strings.Repeat("c", maxWordLen) + "'s", strings.Repeat("d", maxWordLen-1) + "'t",
	"ＡＢＣ　１２３ full-width", "İstanbul ÉCOLE straße Σίσυφος ǅemal Москва",
	"𠀀𠀁𪚥 数𠀀字 𝐀𝐁𝐂 𝟏𝟐", "數字經濟 臺灣 薴 豈更車 ﬁnance ㊀ ½²",
	"ひらがなカタカナ한국어 ไทย", "2025年3月 3.14 v1.2.3 abc数字def",
	"a\xffb \xfe\x80 数\xff字 e\u0301 a\u200db 👍🏽 café",
	"digital 数 economy supporting supports supported", "'", "’’", "\u3000", "",
}

// goldenCorpus is the bench corpus's documents, and documents cut from it
// and hardText at random, joined in ways that part words or join them.
func goldenCorpus(t testing.TB) []Doc {
	base := corpus(t, 300, 8)
	var pieces []string
	for _, d := range base[:40] {
		for _, p := range d.Passages {
			pieces = append(pieces, strings.Fields(p.Text)...)
			pieces = append(pieces, strings.Split(p.Text, "，")...)
		}
	}
	pieces = append(pieces, hardText...)
	joins := []string{" ", "", ", ", "\n", "。", "'", "’s ", "—"}
	seed := uint32(7)
	next := func(k int) int {
		seed ^= seed << 13
		seed ^= seed >> 17
		seed ^= seed << 5
		return int(seed % uint32(k))
	}
	text := func(n int) string {
		var s strings.Builder
		for range n {
			s.WriteString(pieces[next(len(pieces))])
			s.WriteString(joins[next(len(joins))])
		}
		return s.String()
	}
	docs := base[:300:300] // Chinese, then the mixed ones, then English
	for i := range 200 {
		d := Doc{Title: text(2), URL: "mixed/" + strconv.Itoa(i) + "/", Description: text(next(3)), Group: len(docs)}
		for p := range next(6) {
			d.Passages = append(d.Passages, Passage{Text: text(next(30)), Anchor: "h" + strconv.Itoa(p), Heading: next(4) == 0})
		}
		docs = append(docs, d)
	}
	return append(docs, base[300:]...) // the Chinese documents' numbers, their groups, are unchanged
}

// TestIndexGolden: the index of a fixed corpus is the same, byte for
// byte, as when testdata/index.sha256 was written (go test -update), so
// that work on how the index is built cannot change what it is.
func TestIndexGolden(t *testing.T) {
	docs := goldenCorpus(t)
	var lines []string
	for _, size := range []int{DefaultShardSize, 2 << 10} {
		files := build(docs, size)
		// The documents' own files, a thousand, are summed as one.
		docFiles := sha256.New()
		for _, name := range slices.Sorted(maps.Keys(files)) {
			if strings.HasPrefix(name, "d/") {
				fmt.Fprintf(docFiles, "%s %d\n%s", name, len(files[name]), files[name])
				continue
			}
			lines = append(lines, fmt.Sprintf("%x  %d/%s", sha256.Sum256(files[name]), size, name))
		}
		lines = append(lines, fmt.Sprintf("%x  %d/d/*", docFiles.Sum(nil), size))
	}
	got := strings.Join(lines, "\n") + "\n"
	path := filepath.Join("testdata", "index.sha256")
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if got == string(want) {
		return
	}
	gotLines, wantLines := strings.Split(got, "\n"), strings.Split(string(want), "\n")
	for i := range max(len(gotLines), len(wantLines)) {
		g, w := "", ""
		if i < len(gotLines) {
			g = gotLines[i]
		}
		if i < len(wantLines) {
			w = wantLines[i]
		}
		if g != w {
			t.Fatalf("the index differs from testdata/index.sha256 (%d/%d lines); first difference at line %d:\ngot  %s\nwant %s",
				len(gotLines), len(wantLines), i+1, g, w)
		}
	}
}
