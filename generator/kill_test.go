package main

import (
	"crypto/sha256"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestMain lets the test binary stand in for the generator, so that a test
// can run builds as processes and kill them.
func TestMain(m *testing.M) {
	if os.Getenv("GENERATOR_TEST_RUN_MAIN") == "1" {
		os.Exit(run(os.Args[1:], os.Stderr))
	}
	os.Exit(m.Run())
}

// TestKilledBuilds kills builds of a generated site at random moments, over
// and over, and checks after each kill that the destination holds one whole
// site: the one published before or the one being built, never a mix, never
// nothing. Builds alternate between two base URLs so that the two differ in
// every page. At the end one build runs to completion and must leave no
// temporary folder behind.
func TestKilledBuilds(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a site many times")
	}
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	root := t.TempDir()
	site := filepath.Join(root, "site")
	copyTree(t, "testdata/site", site)
	addPages(t, site, 200)
	dest := filepath.Join(root, "out", "public")
	bases := []string{"https://a.example/", "https://b.example/"}
	build := func(i int) *exec.Cmd {
		cmd := exec.Command(exe, "build", "-source", site, "-destination", dest, "-baseURL", bases[i%2])
		cmd.Env = append(os.Environ(), "GENERATOR_TEST_RUN_MAIN=1")
		return cmd
	}
	// The two complete sites, and how long a build takes here.
	want := make([]map[string]string, 2)
	var took time.Duration
	for i := range want {
		start := time.Now()
		if out, err := build(i).CombinedOutput(); err != nil {
			t.Fatalf("build: %v\n%s", err, out)
		}
		took = max(took, time.Since(start))
		want[i] = digest(t, dest)
	}
	seed := uint64(time.Now().UnixNano())
	t.Logf("seed %d; a whole build takes %s", seed, took)
	rng := rand.New(rand.NewPCG(seed, 0))
	for i := range 12 {
		cmd := build(i)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(time.Duration(rng.Int64N(int64(took) * 5 / 4)))
		cmd.Process.Signal(syscall.SIGKILL)
		cmd.Wait()
		got := digest(t, dest)
		if !sameTree(got, want[0]) && !sameTree(got, want[1]) {
			t.Fatalf("kill %d (seed %d): the destination holds %d files, neither whole site (%d and %d files)",
				i, seed, len(got), len(want[0]), len(want[1]))
		}
	}
	if out, err := build(0).CombinedOutput(); err != nil {
		t.Fatalf("build after the kills: %v\n%s", err, out)
	}
	if got := digest(t, dest); !sameTree(got, want[0]) {
		t.Error("the build after the kills differs from a clean build")
	}
	entries, _ := os.ReadDir(filepath.Dir(dest))
	for _, e := range entries {
		if e.Name() != "public" {
			t.Errorf("left beside the destination after a clean build: %s", e.Name())
		}
	}
}

// addPages writes n page pairs into a copy of the fixture site.
func addPages(t *testing.T, site string, n int) {
	for i := range n {
		for _, lang := range []string{"zh", "en"} {
			text := fmt.Sprintf("+++\ntitle = \"Page %d\"\n+++\n\n## Part %d\n\n%s\n", i, i, strings.Repeat("Some words of text. ", 40))
			writeFile(t, filepath.Join(site, "content", "many", fmt.Sprintf("p%04d.%s.md", i, lang)), []byte(text))
		}
	}
}

// digest maps every file under dir to a hash of its content.
func digest(t *testing.T, dir string) map[string]string {
	m := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		m[strings.TrimPrefix(p, dir)] = fmt.Sprintf("%x", sha256.Sum256(data))
		return err
	})
	if err != nil {
		t.Fatalf("reading the destination: %v", err)
	}
	return m
}

func sameTree(a, b map[string]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}
