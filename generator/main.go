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

	"westcoast/generator/linkcheck"
	"westcoast/generator/load"
	"westcoast/generator/model"
	"westcoast/generator/publish"
	"westcoast/generator/serve"
	"westcoast/generator/source"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stderr))
}

// usageError is bad command-line use: exit status 2, with the command's
// synopsis.
type usageError struct {
	cmd string // "" for the generator itself
	msg string
}

func (e usageError) Error() string { return e.msg }

// errHelp ends a command that was asked for its usage: exit status 0.
var errHelp = errors.New("help printed")

func run(args []string, stderr io.Writer) int {
	cmd := "build"
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		cmd, args = args[0], args[1:]
	} else if len(args) > 0 && isHelpFlag(args[0]) {
		cmd, args = "help", nil
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
		err = runVersion(args, stderr)
	case "help":
		err = runHelp(args, stderr)
	default:
		err = usageError{"", fmt.Sprintf("unknown command %q (want build, check, serve, new, version or help)", cmd)}
	}
	var ue usageError
	switch {
	case err == nil, err == errHelp:
		return 0
	case errors.As(err, &ue):
		printUsageError(stderr, ue)
		return 2
	}
	fmt.Fprintln(stderr, err)
	return 1
}

// sourceUsage describes -source, the same for every command.
const sourceUsage = "read the site (config.toml, content/, layouts/) from `DIR`"

// siteFlags are the flags that say which site to build and how.
type siteFlags struct {
	source      string
	baseURL     string
	drafts      bool
	maxFileSize source.Size
}

func (s *siteFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&s.source, "source", ".", sourceUsage)
	fs.StringVar(&s.baseURL, "baseURL", "", "use `URL` instead of config.toml's baseURL")
	fs.BoolVar(&s.drafts, "drafts", false, "include pages marked draft")
	s.maxFileSize = source.DefaultMaxFileSize
	fs.Var(&s.maxFileSize, "maxFileSize", "refuse any source file over `SIZE` (1MB = 1024KB)")
}

// fsys is the site's source: only what is safe to publish can be read.
func (s *siteFlags) fsys() *source.FS {
	return source.New(s.source, s.maxFileSize)
}

func (s *siteFlags) options() load.Options {
	return load.Options{BaseURL: s.baseURL, Drafts: s.drafts}
}

// parseFlags parses a command's flags. With -h it prints the command's
// usage; a command that takes no arguments refuses them.
func parseFlags(fs *flag.FlagSet, args []string, stderr io.Writer, takesArgs bool) error {
	fs.SetOutput(io.Discard)
	err := fs.Parse(args)
	switch {
	case errors.Is(err, flag.ErrHelp):
		writeCommandHelp(stderr, findUsage(fs.Name()))
		return errHelp
	case err != nil:
		return usageError{fs.Name(), err.Error()}
	case fs.NArg() > 0 && !takesArgs:
		return usageError{fs.Name(), fmt.Sprintf("unexpected argument %q", fs.Arg(0))}
	}
	return nil
}

// buildFlags registers the flags of build.
func buildFlags(fs *flag.FlagSet) (*siteFlags, *string) {
	sf := checkFlags(fs)
	return sf, fs.String("destination", "", "write the site to `DIR` (default: public/ in the source folder)")
}

// checkFlags registers the flags of check.
func checkFlags(fs *flag.FlagSet) *siteFlags {
	var sf siteFlags
	sf.register(fs)
	return &sf
}

// serveFlags registers the flags of serve.
func serveFlags(fs *flag.FlagSet) (*siteFlags, *string, *int) {
	sf := checkFlags(fs)
	return sf, fs.String("bind", "127.0.0.1", "listen on `ADDRESS`"), fs.Int("port", 1313, "listen on port `N`")
}

func runBuild(args []string, stderr io.Writer) error {
	fs := flag.NewFlagSet("build", flag.ContinueOnError)
	sf, dest := buildFlags(fs)
	if err := parseFlags(fs, args, stderr, false); err != nil {
		return err
	}
	if *dest == "" {
		*dest = filepath.Join(sf.source, "public")
	}
	start := time.Now()
	site, err := publishSite(sf.fsys(), sf.options(), *dest, publish.Options{Source: sf.source, Log: stderr})
	if err != nil {
		return err
	}
	fmt.Fprintf(stderr, "built %s in %s\n", summary(site), time.Since(start).Round(time.Millisecond))
	return nil
}

func runServe(args []string, stderr io.Writer) error {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	sf, bind, port := serveFlags(fs)
	if err := parseFlags(fs, args, stderr, false); err != nil {
		return err
	}
	addr := fmt.Sprintf("%s:%d", *bind, *port)
	if sf.baseURL == "" {
		// Absolute links (canonical, the 404 page) then point at the preview.
		sf.baseURL = "http://" + addr + "/"
	}
	return serve.Run(serve.Options{Dir: sf.source, Source: sf.fsys(), Load: sf.options(), Addr: addr, Log: stderr})
}

func runCheck(args []string, stderr io.Writer) error {
	fs := flag.NewFlagSet("check", flag.ContinueOnError)
	sf := checkFlags(fs)
	if err := parseFlags(fs, args, stderr, false); err != nil {
		return err
	}
	checker := linkcheck.New()
	site, err := renderSite(sf.fsys(), sf.options(), checker)
	if err != nil {
		return err
	}
	if err := checker.Check(site.Config.BaseURL); err != nil {
		return err
	}
	fmt.Fprintf(stderr, "checked %s: no problems\n", summary(site))
	return nil
}

// summary reads "42 pages (zh 21, en 21)".
func summary(site *model.Site) string {
	parts := make([]string, len(site.Languages))
	for i, l := range site.Languages {
		n := 0
		for _, p := range site.Pages {
			if p.Lang == l {
				n++
			}
		}
		parts[i] = fmt.Sprintf("%s %d", l.Code, n)
	}
	return fmt.Sprintf("%d pages (%s)", len(site.Pages), strings.Join(parts, ", "))
}
