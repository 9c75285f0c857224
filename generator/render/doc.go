// Package render turns a loaded model.Site and the templates in layouts/
// into the site's files, in memory. It is a pure function of its inputs:
// pages render in parallel and the output is the same bytes every time.
//
// Templates are html/template's, run by tmplexec, which writes the same
// bytes without reflection at every action (WESTCOAST_TEMPLATES=html runs
// html/template alone, to compare).
package render
