package model

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
)

// Format is how a language writes numbers, amounts of money and dates,
// from [languages.<code>.format] in config.toml: the generator knows no
// language's habits, so a new language needs no new code.
type Format struct {
	// Date is a Go time layout, as Hugo's .Format takes: the reference
	// date 2 January 2006 written the language's way ("2006年1月2日").
	Date string
	// Months are the names of the months, January first, written where
	// Date has "January"; none keeps Go's English names.
	Months []string
	// DigitGroup goes between groups of three digits ("," in 1,234,567);
	// "" writes digits plainly. DecimalMark goes before the decimals.
	DigitGroup, DecimalMark string
	// UnitSpace goes between a number and the word after it: " " in "14
	// projects" and "42 billion", "" in "14个" and "420亿".
	UnitSpace string
	// Money and Percent place a number: "%s元", "CNY %s", "%s%".
	Money, Percent string
	// Scale names large numbers, largest first: 1e8 亿, 1e4 万; 1e9
	// billion, 1e6 million. An amount is written in the largest it reaches.
	Scale []Scale
}

// Scale is a large number with a name: 1e8, "亿".
type Scale struct {
	Value float64
	Name  string
}

// DefaultFormat is how a language writes what its settings leave out.
var DefaultFormat = Format{Date: "2006-01-02", DigitGroup: ",", DecimalMark: ".", UnitSpace: " ", Money: "CNY %s", Percent: "%s%"}

// T returns the UI string for key, or the key itself in brackets so that a
// missing string is visible on the page rather than blank.
func (l *Language) T(key string) string {
	if s, ok := l.UI[key]; ok {
		return s
	}
	return "[" + key + "]"
}

// FormatNumber writes v with at most two decimals, its digits grouped as
// the language groups them.
func (l *Language) FormatNumber(v float64) string {
	f := l.Format
	s := strconv.FormatFloat(math.Round(v*100)/100, 'f', -1, 64)
	whole, frac, _ := strings.Cut(s, ".")
	neg := strings.HasPrefix(whole, "-")
	whole = strings.TrimPrefix(whole, "-")
	var b strings.Builder
	if neg {
		b.WriteByte('-')
	}
	for i, d := range whole {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b.WriteString(f.DigitGroup)
		}
		b.WriteRune(d)
	}
	if frac != "" {
		b.WriteString(f.DecimalMark)
		b.WriteString(frac)
	}
	return b.String()
}

// FormatMoney writes an amount of yuan as a reader of the language expects:
// 420亿元 in Chinese, CNY 42 billion in English. With bare, the currency is
// left out (420亿, 42 billion) for text that supplies its own.
func (l *Language) FormatMoney(yuan float64, bare bool) string {
	n := l.scaled(yuan)
	if bare {
		return n
	}
	return place(l.Format.Money, n)
}

// FormatPercent writes a percentage: 68.2%.
func (l *Language) FormatPercent(v float64) string {
	return place(l.Format.Percent, l.FormatNumber(v))
}

// scaled writes v in the largest of the language's scale it reaches, with
// up to two decimals; below the smallest, as a plain number.
func (l *Language) scaled(v float64) string {
	for _, s := range l.Format.Scale {
		if math.Abs(v) >= s.Value {
			return l.withUnit(l.FormatNumber(v/s.Value), s.Name)
		}
	}
	return l.FormatNumber(v)
}

// withUnit puts a word after its number: 14个 in Chinese, 14 projects in
// languages that space words.
func (l *Language) withUnit(n, unit string) string {
	if unit == "" {
		return n
	}
	return n + l.Format.UnitSpace + unit
}

// place puts a number where a pattern has its one %s.
func place(pattern, n string) string {
	return strings.Replace(pattern, "%s", n, 1)
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
		s = l.FormatPercent(f.Value)
	default:
		s = l.FormatNumber(f.Value)
		if !bare {
			s = l.withUnit(s, f.Unit.In(l.Code))
		}
	}
	if bare || f.Approx == "" {
		return s
	}
	return fmt.Sprintf(l.T("approx."+f.Approx), s)
}

// FormatDate writes a date with the language's layout: 2024年5月1日,
// 1 May 2024, or 2024-05-01 (ISO 8601) when the language sets none.
func (l *Language) FormatDate(t time.Time) string {
	return FormatTime(t, l.Format.Date, l.Format.Months)
}

// FormatTime writes t with a Go layout, with the month's name from months
// (January first) where the layout says "January", if months are given.
func FormatTime(t time.Time, layout string, months []string) string {
	if len(months) != 12 || !strings.Contains(layout, "January") {
		return t.Format(layout)
	}
	parts := strings.Split(layout, "January")
	for i, part := range parts {
		parts[i] = t.Format(part)
	}
	return strings.Join(parts, months[t.Month()-1])
}
