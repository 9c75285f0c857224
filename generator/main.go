package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"westcoast/generator/build"
	"westcoast/generator/load"
	"westcoast/generator/publish"
	"westcoast/generator/serve"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stderr))
}

// usageError is bad command-line use: exit status 2.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

func run(args []string, stderr io.Writer) int {
	cmd := "build"
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		cmd, args = args[0], args[1:]
	}
	var err error
	switch cmd {
	case "build":
		err = runBuild(args, stderr)
	case "check":
		err = runCheck(args, stderr)
	case "serve":
		err = runServe(args, stderr)
	case "new":
		err = runNew(args, stderr)
	case "version":
		err = runVersion(stderr)
	default:
		err = usageError{fmt.Sprintf("unknown command %q (want build, check, serve, new or version)", cmd)}
	}
	var ue usageError
	switch {
	case err == nil:
		return 0
	case errors.As(err, &ue):
		fmt.Fprintln(stderr, "usage:", ue.msg)
		return 2
	}
	fmt.Fprintln(stderr, err)
	return 1
}

// siteFlags are the flags that say which site to build and how.
type siteFlags struct {
	source  string
	baseURL string
	drafts  bool
}

func (s *siteFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&s.source, "source", ".", "folder holding config.toml, content/ and layouts/")
	fs.StringVar(&s.baseURL, "baseURL", "", "override config.toml's baseURL")
	fs.BoolVar(&s.drafts, "drafts", false, "include pages marked draft")
}

func (s *siteFlags) build() (*build.Result, error) {
	return build.Site(os.DirFS(s.source), load.Options{BaseURL: s.baseURL, Drafts: s.drafts})
}

func parseFlags(fs *flag.FlagSet, args []string) error {
	fs.SetOutput(io.Discard)
	if err := fs.Parse(args); err != nil {
		return usageError{fmt.Sprintf("%s: %v", fs.Name(), err)}
	}
	if fs.NArg() > 0 {
		return usageError{fmt.Sprintf("%s: unexpected argument %q", fs.Name(), fs.Arg(0))}
	}
	return nil
}

func runBuild(args []string, stderr io.Writer) error {
	var sf siteFlags
	fs := flag.NewFlagSet("build", flag.ContinueOnError)
	sf.register(fs)
	dest := fs.String("destination", "", "output folder (default: public/ in the source folder)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *dest == "" {
		*dest = filepath.Join(sf.source, "public")
	}
	start := time.Now()
	res, err := sf.build()
	if err != nil {
		return err
	}
	if err := publish.Dir(*dest, publish.Options{Source: sf.source, Log: stderr}, res.Files); err != nil {
		return err
	}
	fmt.Fprintf(stderr, "built %s in %s\n", summary(res), time.Since(start).Round(time.Millisecond))
	return nil
}

func runServe(args []string, stderr io.Writer) error {
	var sf siteFlags
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	sf.register(fs)
	bind := fs.String("bind", "127.0.0.1", "address to listen on")
	port := fs.Int("port", 1313, "port to listen on")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	addr := fmt.Sprintf("%s:%d", *bind, *port)
	if sf.baseURL == "" {
		// Absolute links (canonical, the 404 page) then point at the preview.
		sf.baseURL = "http://" + addr + "/"
	}
	return serve.Run(serve.Options{Source: sf.source, Addr: addr, Build: sf.build, Log: stderr})
}

func runCheck(args []string, stderr io.Writer) error {
	var sf siteFlags
	fs := flag.NewFlagSet("check", flag.ContinueOnError)
	sf.register(fs)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	res, err := sf.build()
	if err != nil {
		return err
	}
	if err := res.CheckLinks(); err != nil {
		return err
	}
	fmt.Fprintf(stderr, "checked %s: no problems\n", summary(res))
	return nil
}

// summary reads "42 pages (zh 21, en 21)".
func summary(res *build.Result) string {
	counts := res.Counts()
	total := 0
	parts := make([]string, len(counts))
	for i, n := range counts {
		total += n
		parts[i] = fmt.Sprintf("%s %d", res.Site.Languages[i].Code, n)
	}
	return fmt.Sprintf("%d pages (%s)", total, strings.Join(parts, ", "))
}
