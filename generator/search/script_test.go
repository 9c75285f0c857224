package search

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// scriptPath is the search script, which folds, cuts and stems queries
// and passages in the browser.
var scriptPath = filepath.Join("..", "..", "layouts", "assets", "search.js")

// agreementText is text with what folding and cutting must agree on.
const agreementText = "Qingdao’s ＮＥＷ　materials park: 5G基站、數字經濟（二〇二五）！ don't 'quoted' " +
	"naïve café İstanbul ΣΑΣ 𠀀𠀁 ｶﾀｶﾅ x" + "yyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyy z " +
	"supporting supported supports generously university happiness skies dying"

// TestScriptAgreesWithGo runs the script's stemmer and tokenizer in Node
// on the stem list and on agreementText, with OpenCC's whole table, and
// compares them with Stem and the tokenizer here: a query is only found
// if both sides make the same keys of it.
func TestScriptAgreesWithGo(t *testing.T) {
	node, err := exec.LookPath("node")
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("node not found (CI is set, so this is a failure): apt-get install nodejs")
		}
		t.Skip("node not found: apt-get install nodejs (set CI=1 to make this a failure)")
	}
	// Read here, not by node alone, so that go test knows the result
	// depends on the script.
	src, err := os.ReadFile(scriptPath)
	if err != nil {
		t.Fatal(err)
	}
	script := filepath.Join(t.TempDir(), "search.js")
	if err := os.WriteFile(script, src, 0o644); err != nil {
		t.Fatal(err)
	}
	var words []string
	for _, c := range stemCases(t) {
		words = append(words, c[0])
	}
	input, _ := json.Marshal(map[string]any{"words": words, "text": agreementText, "fold": t2sPairs})
	const program = `
const search = require(process.argv[1]);
const input = JSON.parse(require('fs').readFileSync(0, 'utf8'));
search.setFold(input.fold);
const tokens = search.readText(input.text).tokens.map(t => t.kind === 2 ? '|' : t.kind === 1 ? '[' + t.text + ']' : t.text);
process.stdout.write(JSON.stringify({stems: input.words.map(search.stem), tokens: tokens.join(' ')}));`
	cmd := exec.Command(node, "-e", program, script)
	cmd.Stdin = strings.NewReader(string(input))
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("node: %v\n%s", err, stderrOf(err))
	}
	var got struct {
		Stems  []string
		Tokens string
	}
	if err := json.Unmarshal(out, &got); err != nil {
		t.Fatalf("reading node's answer: %v\n%s", err, out)
	}
	if len(got.Stems) != len(words) {
		t.Fatalf("node stemmed %d words, want %d", len(got.Stems), len(words))
	}
	for i, w := range words {
		if want := Stem(w); got.Stems[i] != want {
			t.Errorf("stem(%q): script %q, Go %q", w, got.Stems[i], want)
		}
	}
	if want := tokens(agreementText); got.Tokens != want {
		t.Errorf("tokens:\nscript %s\nGo     %s", got.Tokens, want)
	}
}

// TestScriptSize: the script stays small, 8 KB once gzipped, as hosts
// send it.
func TestScriptSize(t *testing.T) {
	src, err := os.ReadFile(scriptPath)
	if err != nil {
		t.Fatal(err)
	}
	var gz bytes.Buffer
	w, _ := gzip.NewWriterLevel(&gz, gzip.BestCompression)
	w.Write(src)
	w.Close()
	if gz.Len() > 8<<10 {
		t.Errorf("%s is %d bytes gzipped, want at most 8 KB", scriptPath, gz.Len())
	}
}

func stderrOf(err error) string {
	if ee, ok := err.(*exec.ExitError); ok {
		return string(ee.Stderr)
	}
	return ""
}
