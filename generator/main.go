package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"westcoast/generator/linkcheck"
	"westcoast/generator/load"
	"westcoast/generator/model"
	"westcoast/generator/publish"
	"westcoast/generator/render"
	"westcoast/generator/serve"
	"westcoast/generator/source"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stderr))
}

// internalError reports a panic, a bug of the generator's own in any
// goroutine of a build (par.Do raises its workers' panics in the caller),
// as a short message and exit status 1, not a stack trace. It must be
// deferred.
func internalError(stderr io.Writer, code *int) {
	if r := recover(); r != nil {
		fmt.Fprintf(stderr, "generator: internal error: %v\nThis is a bug in the generator, not in the site: please report it with the command that caused it.\n", r)
		*code = 1
	}
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

func run(args []string, stderr io.Writer) (code int) {
	defer internalError(stderr, &code)
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
	source       string
	baseURL      string
	drafts       bool
	buildFuture  bool
	buildExpired bool
	maxFileSize  source.Size
}

func (s *siteFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&s.source, "source", ".", sourceUsage)
	fs.StringVar(&s.baseURL, "baseURL", "", "use `URL` instead of config.toml's baseURL")
	fs.BoolVar(&s.drafts, "drafts", false, "include pages marked draft")
	fs.BoolVar(&s.buildFuture, "buildFuture", false, "include pages whose publishDate is still to come")
	fs.BoolVar(&s.buildExpired, "buildExpired", false, "include pages whose expiryDate has passed")
	s.maxFileSize = source.DefaultMaxFileSize
	fs.Var(&s.maxFileSize, "maxFileSize", "refuse any source file over `SIZE` (1MB = 1024KB)")
}

// fsys is the site's source: only what is safe to publish can be read.
func (s *siteFlags) fsys() *source.FS {
	return source.New(s.source, s.maxFileSize)
}

// options are the load options the flags and SOURCE_DATE_EPOCH set. A
// -source that is no folder is said once, not by every file of the site.
func (s *siteFlags) options(cmd string) (load.Options, error) {
	if info, err := os.Stat(s.source); errors.Is(err, fs.ErrNotExist) {
		return load.Options{}, fmt.Errorf("-source %s: no such folder", s.source)
	} else if err != nil {
		return load.Options{}, fmt.Errorf("-source %s: %v", s.source, errors.Unwrap(err))
	} else if !info.IsDir() {
		return load.Options{}, fmt.Errorf("-source %s: not a folder", s.source)
	}
	now, err := buildTime(os.Getenv, time.Now)
	if err != nil {
		return load.Options{}, usageError{cmd, err.Error()}
	}
	return load.Options{BaseURL: s.baseURL, Drafts: s.drafts, BuildFuture: s.buildFuture, BuildExpired: s.buildExpired, Now: now, CacheDir: imageCache()}, nil
}

// imageCache is where resized images are kept between builds: the user's
// cache folder, since a build writes nothing into the site's source and
// replaces public/ whole. There is none when the system names no such
// folder; builds then resize every time.
func imageCache() string {
	dir, err := os.UserCacheDir()
	if err != nil {
		return ""
	}
	return filepath.Join(dir, "westcoast")
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
func buildFlags(fs *flag.FlagSet) (*siteFlags, *string, *bool) {
	sf := checkFlags(fs)
	return sf, fs.String("destination", "", "write the site to `DIR` (default: public/ in the source folder)"),
		fs.Bool("v", false, "print what was built, per language, even when standard error is not a terminal")
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
	sf, dest, verbose := buildFlags(fs)
	if err := parseFlags(fs, args, stderr, false); err != nil {
		return err
	}
	if *dest == "" {
		*dest = filepath.Join(sf.source, "public")
	}
	opts, err := sf.options("build")
	if err != nil {
		return err
	}
	delayFirstGC()
	start := time.Now()
	stats := new(render.Stats)
	terminal := isTerminal(stderr)
	stopProgress := func() {}
	if terminal {
		stopProgress = startProgress(stderr, stats.Progress, progressAfter, progressEvery)
	}
	site, err := publishSite(sf.fsys(), opts, *dest, publish.Options{Source: sf.source, Log: stderr}, stats)
	stopProgress()
	if err != nil {
		return err
	}
	fmt.Fprintf(stderr, "built %s in %s\n", summary(site), time.Since(start).Round(time.Millisecond))
	if terminal || *verbose {
		writeStats(stderr, stats)
	}
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
	opts, err := sf.options("serve")
	if err != nil {
		return err
	}
	return serve.Run(serve.Options{Dir: sf.source, Source: sf.fsys(), Load: opts, Addr: addr, Log: stderr})
}

func runCheck(args []string, stderr io.Writer) error {
	fs := flag.NewFlagSet("check", flag.ContinueOnError)
	sf := checkFlags(fs)
	if err := parseFlags(fs, args, stderr, false); err != nil {
		return err
	}
	opts, err := sf.options("check")
	if err != nil {
		return err
	}
	delayFirstGC()
	checker := linkcheck.New()
	site, err := renderSite(sf.fsys(), opts, checker)
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
