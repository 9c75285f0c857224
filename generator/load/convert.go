package load

import (
	"errors"
	"fmt"
	"regexp"
	"strings"
	"sync"
	"unicode/utf8"

	"westcoast/generator/markdown"
	"westcoast/generator/model"
	"westcoast/generator/par"
)

// convertAll renders every page's Markdown in parallel, once the page graph
// exists, since text may quote figures of other pages.
func convertAll(site *model.Site, parsed map[string]*sourceFile, md *markdown.Converter) error {
	var mu sync.Mutex
	var list model.Errors
	par.Do(len(site.Pages), func(i int) {
		p := site.Pages[i]
		sf := parsed[p.Source]
		if sf == nil {
			return
		}
		errs := convertPage(p, sf, md)
		if len(errs) > 0 {
			mu.Lock()
			list = append(list, errs...)
			mu.Unlock()
		}
	})
	return list.Err()
}

func convertPage(p *model.Page, sf *sourceFile, md *markdown.Converter) model.Errors {
	var errs model.Errors
	body, e := expandShortcodes(p, sf.path, sf.bodyLine, sf.body)
	errs = append(errs, e...)
	summary, e := expandShortcodes(p, sf.path, 1, []byte(sf.fm.Summary))
	errs = append(errs, e...)
	var err error
	if p.Content, err = md.Convert(body, p.OwnIDs()); err != nil {
		errs = append(errs, markdownErrors(model.Pos{File: sf.path, Line: sf.bodyLine}, "", err)...)
	}
	summaryPos, ok := p.KeyPos["summary"]
	if !ok {
		summaryPos = model.Pos{File: sf.path, Line: 1}
	}
	if p.Summary, err = md.ConvertInline(summary); err != nil {
		errs = append(errs, markdownErrors(summaryPos, "summary: ", err)...)
	}
	return errs
}

// markdownErrors places the converter's errors in the content file. Lines
// in the body count from where it starts; a summary is a TOML string whose
// lines are not the file's, so its errors are placed at its key.
func markdownErrors(start model.Pos, prefix string, err error) model.Errors {
	var list markdown.Errors
	if !errors.As(err, &list) {
		return model.Errors{start.Errorf("%s%v", prefix, err)}
	}
	errs := make(model.Errors, len(list))
	for i, e := range list {
		if prefix != "" {
			errs[i] = start.Errorf("%s%s", prefix, e.Msg)
		} else {
			errs[i] = model.Errorf(start.File, start.Line+e.Line-1, e.Col, "%s", e.Msg)
		}
	}
	return errs
}

// shortcode matches {{< name "arg" "arg" >}}.
var shortcode = regexp.MustCompile(`\{\{<\s*(\w+)((?:\s+"[^"]*")*)\s*>\}\}`)
var shortcodeArg = regexp.MustCompile(`"([^"]*)"`)

// expandShortcodes replaces figure shortcodes with the figure written in the
// page's language. The only shortcode is figure; anything else in {{< >}}
// is an error, as is a figure that does not exist.
func expandShortcodes(p *model.Page, file string, firstLine int, src []byte) ([]byte, model.Errors) {
	if !strings.Contains(string(src), "{{<") {
		return src, nil
	}
	var errs model.Errors
	var out []byte
	last := 0
	for _, m := range shortcode.FindAllSubmatchIndex(src, -1) {
		var args []string
		for _, a := range shortcodeArg.FindAllSubmatch(src[m[4]:m[5]], -1) {
			args = append(args, string(a[1]))
		}
		out = append(out, src[last:m[0]]...)
		last = m[1]
		text, err := figureShortcode(p, string(src[m[2]:m[3]]), args)
		if err != nil {
			line, col := position(src, m[0], firstLine)
			errs = append(errs, model.Errorf(file, line, col, "%v", err))
			continue
		}
		out = append(out, escapeMarkdown(text)...)
	}
	out = append(out, src[last:]...)
	if i := strings.Index(string(out), "{{<"); i >= 0 && len(errs) == 0 {
		line, col := position(out, i, firstLine)
		errs = append(errs, model.Errorf(file, line, col, `malformed shortcode: write {{< figure "id" >}}`))
	}
	return out, errs
}

func figureShortcode(p *model.Page, name string, args []string) (string, error) {
	if name != "figure" {
		return "", fmt.Errorf("unknown shortcode %q: the one shortcode is figure", name)
	}
	if len(args) < 1 || len(args) > 2 {
		return "", fmt.Errorf(`figure takes an id and an optional form: {{< figure "id" "bare" >}}`)
	}
	form := ""
	if len(args) == 2 {
		if form = args[1]; form != "bare" {
			return "", fmt.Errorf("figure form %q: the one form is \"bare\"", form)
		}
	}
	f, err := lookupFigure(p, args[0])
	if err != nil {
		return "", err
	}
	// No-break spaces keep a number with its unit and qualifier: a line
	// never ends in "CNY 42" with "billion" on the next.
	return strings.ReplaceAll(f.Format(p.Lang, form), " ", "\u00a0"), nil
}

// lookupFigure finds "id" on the page itself or "/path/#id" on another page
// in the same language.
func lookupFigure(p *model.Page, ref string) (*model.Figure, error) {
	owner := p
	id := ref
	if i := strings.Index(ref, "#"); i >= 0 {
		key := strings.Trim(ref[:i], "/")
		id = ref[i+1:]
		if owner = p.Site.Page(p.Lang.Code, key); owner == nil {
			return nil, fmt.Errorf("figure %q: no page at /%s", ref, key)
		}
	}
	for _, f := range owner.Figures {
		if f.ID == id {
			return f, nil
		}
	}
	return nil, fmt.Errorf("figure %q: %s has no figure with that id", ref, owner.Source)
}

// escapeMarkdown keeps a formatted figure literal: "68.2%" or "CNY 3
// billion" have nothing to escape, but a unit could hold '*' or '_'.
func escapeMarkdown(s string) string {
	var b strings.Builder
	for _, r := range s {
		if strings.ContainsRune(`\*_[]<>`+"`", r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// position gives the line and column (in characters) of byte offset off.
func position(src []byte, off int, firstLine int) (int, int) {
	before := string(src[:off])
	line := firstLine + strings.Count(before, "\n")
	lastNL := strings.LastIndex(before, "\n")
	return line, utf8.RuneCountInString(before[lastNL+1:]) + 1
}
