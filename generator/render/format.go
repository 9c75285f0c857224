package render

import (
	"fmt"
	"reflect"
	"strings"
	"unicode/utf8"
)

// sprintf is fmt.Sprintf for templates: instead of writing fmt's
// "%!s(MISSING)" or "%!(EXTRA …)" into a page, it refuses a format whose
// verbs do not match the values it is given.
func sprintf(format string, args ...any) (string, error) {
	if err := checkFormat(format, args); err != nil {
		return "", err
	}
	return fmt.Sprintf(format, args...), nil
}

// fmtFault matches what fmt writes in place of a verb it cannot fill. The
// probes checkFormat passes accept every verb but %w, so only faults of the
// format itself (too few or too many values, a bad index or width, %w)
// show here, and never anything from the values.
var fmtFault = lazyRegexp(`(?s)%!.?\((MISSING|BADINDEX|BADWIDTH|BADPREC|NOVERB)\)|%!\(EXTRA |%!.\(render\.probe=`)

// checkFormat formats once with probes in place of the values: fmt itself
// decides which value each verb takes, and each probe checks that its value
// suits the verb (a number for %d).
func checkFormat(format string, args []any) error {
	probes := make([]any, len(args))
	var bad []string
	for i, a := range args {
		probes[i] = probe{a, &bad}
	}
	dry := fmt.Sprintf(format, probes...)
	if fmtFault().MatchString(dry) {
		return mismatch(format, len(args))
	}
	if len(bad) > 0 {
		return fmt.Errorf("%s", bad[0])
	}
	return nil
}

// probe stands for one value while checkFormat tries a format.
type probe struct {
	v   any
	bad *[]string
}

// Format checks that the value suits the verb and writes nothing.
func (p probe) Format(f fmt.State, verb rune) {
	if !suits(p.v, f, verb) {
		*p.bad = append(*p.bad, fmt.Sprintf("%%%c cannot show %s", verb, describe(p.v)))
	}
}

// suits reports whether fmt can show v with a verb. A page, a list or a
// table is shown by %v only: fmt would print it field by field, and put
// its faults in the fields.
func suits(v any, f fmt.State, verb rune) bool {
	switch v.(type) {
	case fmt.Formatter:
		return true
	case error, fmt.Stringer:
		if strings.ContainsRune("vsqxX", verb) {
			return true
		}
	}
	if composite(reflect.ValueOf(v)) {
		return verb == 'v'
	}
	if strings.ContainsRune("#0+- .*[]123456789", verb) {
		return false // no type has such a verb, and FormatString would misread it
	}
	return !strings.HasPrefix(fmt.Sprintf(fmt.FormatString(f, verb), v), "%!"+string(verb)+"(")
}

func composite(v reflect.Value) bool {
	if v.Kind() == reflect.Pointer && !v.IsNil() {
		v = v.Elem()
	}
	switch v.Kind() {
	case reflect.Struct, reflect.Map, reflect.Array:
		return true
	case reflect.Slice:
		return v.Type().Elem().Kind() != reflect.Uint8
	}
	return false
}

// mismatch says how a format and its values differ: by count when that is
// plain to see.
func mismatch(format string, got int) error {
	n, plain := countVerbs(format)
	if !plain || n == got {
		return fmt.Errorf("%q does not fit the %s it gets", format, values(got))
	}
	if got == 0 {
		return fmt.Errorf("%q wants %s but gets none", format, values(n))
	}
	return fmt.Errorf("%q wants %s but gets %d", format, values(n), got)
}

func values(n int) string {
	if n == 1 {
		return "1 value"
	}
	return fmt.Sprintf("%d values", n)
}

// countVerbs counts the verbs that take a value. plain is false for a
// format that picks its values by index ("%[2]s") or takes a width from
// one ("%*d"), where the count alone says little.
func countVerbs(format string) (n int, plain bool) {
	for i := 0; i < len(format); i++ {
		if format[i] != '%' {
			continue
		}
		i++
		for i < len(format) && strings.IndexByte("#0+- .123456789", format[i]) >= 0 {
			i++
		}
		if i == len(format) {
			return n, false
		}
		switch format[i] {
		case '[', '*':
			return n, false
		case '%':
			continue
		}
		_, size := utf8.DecodeRuneInString(format[i:])
		i += size - 1
		n++
	}
	return n, true
}

// describe names a value the way an editor thinks of it, not by its Go type.
func describe(v any) string {
	switch x := v.(type) {
	case nil:
		return "nothing"
	case string:
		return fmt.Sprintf("the text %q", x)
	case bool:
		return fmt.Sprintf("%t", x)
	}
	if name := kindName(reflect.TypeOf(v)); name != "a number" {
		return name
	}
	return fmt.Sprintf("the number %v", v)
}

// kindName names a type for an editor: "a page", "a list of pages".
func kindName(t reflect.Type) string { return typeWord(t.String()) }

// typeNames are the types templates meet, as editors know them.
var typeNames = map[string]string{
	"render.Page":       "a page",
	"model.Page":        "a page",
	"[]*model.Page":     "a list of pages",
	"model.Language":    "a language",
	"[]*model.Language": "a list of languages",
	"model.Site":        "the site",
	"model.LangSite":    "the site",
	"model.MenuEntry":   "a menu entry",
	"model.Config":      "the site's settings",
	"model.Figure":      "a figure",
	"model.Extra":       "a page", // the fields of a page that most pages leave unset
	"model.Measure":     "a figure",
	"[]*model.Figure":   "a list of figures",
	"model.Kind":        "a page kind",
	"template.HTML":     "HTML",
	"interface {}":      "a value",
}
