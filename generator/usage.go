package main

import (
	"flag"
	"fmt"
	"io"
	"sort"
	"strings"
)

// isHelpFlag reports whether arg, the first argument, asks for the
// generator's usage rather than build's.
func isHelpFlag(arg string) bool {
	switch arg {
	case "-h", "-help", "--help", "--h":
		return true
	}
	return false
}

// printUsageError names the fault, then the short form of the command.
func printUsageError(w io.Writer, e usageError) {
	if e.cmd == "" {
		fmt.Fprintf(w, "generator: %s\nusage: generator [command] [flags] (see generator help)\n", e.msg)
		return
	}
	fmt.Fprintf(w, "generator %s: %s\nusage: %s (see generator %s -h)\n", e.cmd, e.msg, findUsage(e.cmd).synopsis(), e.cmd)
}

// runHelp prints the generator's usage, or one command's.
func runHelp(args []string, stderr io.Writer) error {
	fs := flag.NewFlagSet("help", flag.ContinueOnError)
	if err := parseFlags(fs, args, stderr, true); err != nil {
		return err
	}
	switch fs.NArg() {
	case 0:
		writeHelp(stderr)
	case 1:
		u := findUsage(fs.Arg(0))
		if u == nil {
			return usageError{"help", fmt.Sprintf("unknown command %q", fs.Arg(0))}
		}
		writeCommandHelp(stderr, u)
	default:
		return usageError{"help", fmt.Sprintf("unexpected argument %q", fs.Arg(1))}
	}
	return errHelp
}

// usage describes one command for help: the doc comment's Commands section
// holds the same text (TestUsageMatchesDoc keeps them in step).
type usage struct {
	name    string
	args    string // what follows the flags in the synopsis
	summary string
	flags   func(*flag.FlagSet) // registers the command's flags
}

var usages = []usage{
	{"build", "[flags]", "build the site (the default command)",
		func(fs *flag.FlagSet) { buildFlags(fs) }},
	{"check", "[flags]", "build in memory and report problems",
		func(fs *flag.FlagSet) { checkFlags(fs) }},
	{"serve", "[flags]", "preview the site with live reload",
		func(fs *flag.FlagSet) { serveFlags(fs) }},
	{"new", "[-source DIR] page <path>", "scaffold a draft page in every language (or: zone <slug>)",
		func(fs *flag.FlagSet) { newFlags(fs) }},
	{"version", "", "print the module version and VCS revision", func(*flag.FlagSet) {}},
	{"help", "[command]", "print this text, or a command's usage", func(*flag.FlagSet) {}},
}

func findUsage(name string) *usage {
	for i := range usages {
		if usages[i].name == name {
			return &usages[i]
		}
	}
	return nil
}

func (u *usage) flagSet() *flag.FlagSet {
	fs := flag.NewFlagSet(u.name, flag.ContinueOnError)
	u.flags(fs)
	return fs
}

// synopsis is the command's one-line form: "generator build [flags]".
func (u *usage) synopsis() string {
	return strings.TrimSpace("generator " + u.name + " " + u.args)
}

// writeHelp prints every command and every flag with its default.
func writeHelp(w io.Writer) {
	fmt.Fprintf(w, "Usage:\n\n\tgenerator [command] [flags]\n\nCommands:\n\n")
	for _, u := range usages {
		fmt.Fprintf(w, "\t%-30s %s\n", strings.TrimSpace(u.name+" "+u.args), u.summary)
	}
	for _, g := range flagGroups() {
		fmt.Fprintf(w, "\nFlags of %s:\n\n", g.commands)
		for _, f := range g.flags {
			writeFlag(w, f)
		}
	}
}

// writeCommandHelp prints one command's synopsis, summary and flags.
func writeCommandHelp(w io.Writer, u *usage) {
	fmt.Fprintf(w, "Usage:\n\n\t%s\n\n%s.\n", u.synopsis(), upperFirst(u.summary))
	var flags []*flag.Flag
	u.flagSet().VisitAll(func(f *flag.Flag) { flags = append(flags, f) })
	if len(flags) > 0 {
		fmt.Fprintf(w, "\nFlags:\n\n")
	}
	for _, f := range flags {
		writeFlag(w, f)
	}
}

// flagGroup is the flags that the same commands share.
type flagGroup struct {
	commands string // "build, check and serve"
	size     int    // how many commands
	flags    []*flag.Flag
}

// flagGroups lists each flag once, under the commands that take it, in
// the order the commands and their flags first appear.
func flagGroups() []flagGroup {
	owners := map[string][]string{} // flag name and usage -> commands
	var order []*flag.Flag
	for _, u := range usages {
		u.flagSet().VisitAll(func(f *flag.Flag) {
			key := f.Name + "\x00" + f.Usage
			if owners[key] == nil {
				order = append(order, f)
			}
			owners[key] = append(owners[key], u.name)
		})
	}
	var groups []flagGroup
	index := map[string]int{}
	for _, f := range order {
		names := joinAnd(owners[f.Name+"\x00"+f.Usage])
		i, ok := index[names]
		if !ok {
			i = len(groups)
			index[names] = i
			groups = append(groups, flagGroup{commands: names})
		}
		groups[i].flags = append(groups[i].flags, f)
		groups[i].size = len(owners[f.Name+"\x00"+f.Usage])
	}
	// The flags most commands share first.
	sort.SliceStable(groups, func(i, j int) bool { return groups[i].size > groups[j].size })
	return groups
}

// writeFlag prints "-name ARG   usage (default value)". A default that
// says nothing (an empty string, false) is left out.
func writeFlag(w io.Writer, f *flag.Flag) {
	arg, text := flag.UnquoteUsage(f)
	def := ""
	if f.DefValue != "" && f.DefValue != "false" {
		def = " (default " + f.DefValue + ")"
		if g, ok := f.Value.(flag.Getter); ok {
			if _, ok := g.Get().(string); ok {
				def = fmt.Sprintf(" (default %q)", f.DefValue)
			}
		}
	}
	fmt.Fprintf(w, "\t%-20s %s%s\n", strings.TrimSpace("-"+f.Name+" "+arg), text, def)
}

func joinAnd(names []string) string {
	if len(names) == 1 {
		return names[0]
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}

func upperFirst(s string) string {
	return strings.ToUpper(s[:1]) + s[1:]
}
