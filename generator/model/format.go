package model

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
)

// T returns the UI string for key, or the key itself in brackets so that a
// missing string is visible on the page rather than blank.
func (l *Language) T(key string) string {
	if s, ok := l.UI[key]; ok {
		return s
	}
	return "[" + key + "]"
}

// chineseStyle reports whether numbers are grouped the Chinese way: 亿 and
// 万 instead of billions and millions.
func (l *Language) chineseStyle() bool {
	return l.Code == "zh" || strings.HasPrefix(l.Code, "zh-")
}

// FormatNumber writes v with at most two decimals; English groups
// thousands with commas, Chinese writes digits plainly.
func (l *Language) FormatNumber(v float64) string {
	s := strconv.FormatFloat(math.Round(v*100)/100, 'f', -1, 64)
	if l.chineseStyle() {
		return s
	}
	whole, frac, _ := strings.Cut(s, ".")
	neg := strings.HasPrefix(whole, "-")
	whole = strings.TrimPrefix(whole, "-")
	var b strings.Builder
	for i, d := range whole {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(d)
	}
	out := b.String()
	if frac != "" {
		out += "." + frac
	}
	if neg {
		out = "-" + out
	}
	return out
}

// FormatMoney writes an amount of yuan as a reader of the language expects:
// 420亿元 in Chinese, CNY 42 billion in English. With bare, the currency is
// left out (420亿, 42 billion) for text that supplies its own.
func (l *Language) FormatMoney(yuan float64, bare bool) string {
	if l.chineseStyle() {
		n, unit := l.scale(yuan, []float64{1e8, 1e4}, []string{"亿", "万"})
		if bare {
			return n + unit
		}
		return n + unit + "元"
	}
	n, unit := l.scale(yuan, []float64{1e9, 1e6}, []string{" billion", " million"})
	if bare {
		return n + unit
	}
	return "CNY " + n + unit
}

// scale writes v in the largest of the named units it reaches, with up to
// two decimals; below the smallest, as a plain number.
func (l *Language) scale(v float64, steps []float64, names []string) (string, string) {
	for i, step := range steps {
		if math.Abs(v) >= step {
			return l.FormatNumber(v / step), names[i]
		}
	}
	return l.FormatNumber(v), ""
}

// Format renders a figure in a language. form "bare" gives the number alone
// (30亿, 3 billion); any other form gives number, unit and qualifier.
func (f *Figure) Format(l *Language, form string) string {
	bare := form == "bare"
	var s string
	switch f.Kind {
	case "money":
		s = l.FormatMoney(f.Value, bare)
	case "percent":
		s = l.FormatNumber(f.Value) + "%"
	default:
		s = l.FormatNumber(f.Value)
		if !bare {
			s = joinUnit(l, s, f.Unit[l.Code])
		}
	}
	if bare || f.Approx == "" {
		return s
	}
	return fmt.Sprintf(l.T("approx."+f.Approx), s)
}

// joinUnit puts a counter after its number: 14个 in Chinese, 14 projects in
// languages that space words.
func joinUnit(l *Language, n, unit string) string {
	if unit == "" || l.chineseStyle() {
		return n + unit
	}
	return n + " " + unit
}

// FormatDate writes a date as the language does: 2024年5月1日 in Chinese,
// 1 May 2024 in English, and 2024-05-01 (ISO 8601) in any other language.
func (l *Language) FormatDate(t time.Time) string {
	switch {
	case l.chineseStyle():
		return t.Format("2006年1月2日")
	case l.Code == "en" || strings.HasPrefix(l.Code, "en-"):
		return t.Format("2 January 2006")
	}
	return t.Format("2006-01-02")
}
