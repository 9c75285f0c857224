package model

import (
	"errors"
	"fmt"
	"sort"
	"strings"
)

// Pos is a place in a source file: a path relative to the site source, with
// slashes, and a 1-based line and column (0 when unknown).
type Pos struct {
	File      string
	Line, Col int
}

// String writes p as file:line:col, leaving out what is unknown.
func (p Pos) String() string {
	switch {
	case p.Line > 0 && p.Col > 0:
		return fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Col)
	case p.Line > 0:
		return fmt.Sprintf("%s:%d", p.File, p.Line)
	}
	return p.File
}

// Errorf returns an *Error at p.
func (p Pos) Errorf(format string, args ...any) *Error {
	return Errorf(p.File, p.Line, p.Col, format, args...)
}

// Error is a problem in the site's input, at a position a user can open.
type Error struct {
	File string // path relative to the site source, with slashes
	Line int    // 1-based; 0 when the problem is with the whole file
	Col  int    // 1-based; 0 when unknown
	Msg  string
}

// Errorf returns an *Error at file:line:col.
func Errorf(file string, line, col int, format string, args ...any) *Error {
	return &Error{File: file, Line: line, Col: col, Msg: fmt.Sprintf(format, args...)}
}

// Error formats the error as file:line:col: message, leaving out what is unknown.
func (e *Error) Error() string {
	switch {
	case e.Line > 0 && e.Col > 0:
		return fmt.Sprintf("%s:%d:%d: %s", e.File, e.Line, e.Col, e.Msg)
	case e.Line > 0:
		return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg)
	case e.File != "":
		return fmt.Sprintf("%s: %s", e.File, e.Msg)
	}
	return e.Msg
}

// Errors is a list of problems, reported together so that one build shows
// an editor everything that needs fixing.
type Errors []*Error

// Error prints one problem per line, sorted by position.
func (l Errors) Error() string {
	lines := make([]string, len(l))
	for i, e := range l.sorted() {
		lines[i] = e.Error()
	}
	return strings.Join(lines, "\n")
}

// Err returns nil for an empty list, so callers can return it directly.
func (l Errors) Err() error {
	if len(l) == 0 {
		return nil
	}
	return l.sorted()
}

// sorted returns the errors by position, each once: a fact shared by two
// translations is checked for each, but reported once.
func (l Errors) sorted() Errors {
	seen := map[string]bool{}
	var s Errors
	for _, e := range l {
		if msg := e.Error(); !seen[msg] {
			seen[msg] = true
			s = append(s, e)
		}
	}
	sort.SliceStable(s, func(i, j int) bool {
		a, b := s[i], s[j]
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		if a.Col != b.Col {
			return a.Col < b.Col
		}
		return a.Msg < b.Msg
	})
	return s
}

// AppendErrors adds err to list, opening up lists and joined errors; an
// error that has no position keeps its message.
func AppendErrors(list Errors, err error) Errors {
	var e *Error
	switch v := err.(type) {
	case nil:
		return list
	case Errors:
		return append(list, v...)
	case interface{ Unwrap() []error }:
		for _, x := range v.Unwrap() {
			list = AppendErrors(list, x)
		}
		return list
	}
	if errors.As(err, &e) && e.Error() == err.Error() {
		return append(list, e)
	}
	return append(list, &Error{Msg: err.Error()})
}

// Join reports the faults of several stages together, sorted and each once;
// with one stage failing, its error is returned as it is.
func Join(errs ...error) error {
	var list Errors
	var failed []error
	for _, err := range errs {
		if err != nil {
			failed = append(failed, err)
			list = AppendErrors(list, err)
		}
	}
	if len(failed) == 1 {
		return failed[0]
	}
	return list.Err()
}
