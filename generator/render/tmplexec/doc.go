// Package tmplexec executes html/template templates without looking up
// fields, methods and functions by reflection at every action, which was
// half of a build's CPU time.
//
// html/template escapes a template's parse tree in place the first time it
// runs: after that the tree is a plain text/template tree whose actions end
// in calls of html/template's escapers. Escaped has a copy of a site's
// templates escaped so, once for every render; a Set compiles those trees
// into closures: a field's index or a method's number is found once per
// action and concrete type and kept, functions and methods of known types
// are called directly (Calls), and the escapers are ours (escape.go),
// tested against html/template's.
//
// Output is never guessed: a template the compiler does not support runs
// in html/template, and a run that meets anything unusual (an error, a
// panic, a value or type it does not handle) is thrown away and run again
// in html/template, whose output or error is then the result. So
// html/template stays the definition of what a template writes.
//
// WESTCOAST_TEMPLATES=html in the environment turns the fast path off, to
// compare.
package tmplexec
