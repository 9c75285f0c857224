package load

import (
	"sort"
	"strconv"
	"strings"
	"time"

	"westcoast/generator/model"
)

// formatConfig is [languages.<code>.format]: how the language writes
// numbers, amounts and dates. A key left out takes model.DefaultFormat's
// value; the strings that may be empty are pointers, to tell "" from
// unset.
type formatConfig struct {
	Date        string        `toml:"date"`
	Months      []string      `toml:"months"`
	DigitGroup  *string       `toml:"digitGroup"`
	DecimalMark *string       `toml:"decimalMark"`
	UnitSpace   *string       `toml:"unitSpace"`
	Money       string        `toml:"money"`
	Percent     string        `toml:"percent"`
	Scale       []scaleConfig `toml:"scale"`
}

type scaleConfig struct {
	Value float64 `toml:"value"`
	Name  string  `toml:"name"`
}

// otherDate differs from Go's reference date (2 January 2006, 15:04:05)
// in every part, so that a layout it writes unchanged has no part of a
// date in it.
var otherDate = time.Date(1999, 11, 28, 21, 37, 49, 0, time.UTC)

// languageFormat checks a language's formats and fills in what it leaves
// out.
func languageFormat(src *tomlSource, code string, fc formatConfig) (model.Format, model.Errors) {
	f := model.DefaultFormat
	at := func(key ...string) model.Pos {
		return src.valueAt(append([]string{"languages", code, "format"}, key...)...)
	}
	name := "languages." + code + ".format."
	var list model.Errors
	if fc.Date != "" {
		f.Date = fc.Date
		if fc.Date == otherDate.Format(fc.Date) {
			list = append(list, at("date").Errorf(`%sdate %q writes no part of a date: write Go's reference date, 2 January 2006, as the language writes it ("2 January 2006", "2006年1月2日")`, name, fc.Date))
		}
	}
	if fc.Months != nil {
		f.Months = fc.Months
		if len(fc.Months) != 12 {
			list = append(list, at("months").Errorf("%smonths has %d names: write all 12, January first", name, len(fc.Months)))
		}
	}
	setString(&f.DigitGroup, fc.DigitGroup)
	setString(&f.DecimalMark, fc.DecimalMark)
	setString(&f.UnitSpace, fc.UnitSpace)
	switch {
	case f.DecimalMark == "":
		list = append(list, at("decimalMark").Errorf(`%sdecimalMark is empty: write the mark before decimals ("." or ",")`, name))
	case f.DecimalMark == f.DigitGroup:
		key := "decimalMark"
		if fc.DecimalMark == nil {
			key = "digitGroup"
		}
		list = append(list, at(key).Errorf("%sdecimalMark and digitGroup are both %q: a reader could not tell 1%s500 from one and a half", name, f.DecimalMark, f.DecimalMark))
	}
	for _, p := range []struct {
		key string
		set string
		to  *string
	}{{"money", fc.Money, &f.Money}, {"percent", fc.Percent, &f.Percent}} {
		if p.set == "" {
			continue
		}
		*p.to = p.set
		if n := strings.Count(p.set, "%s"); n != 1 {
			list = append(list, at(p.key).Errorf("%s%s %q must hold %%s once, where the number goes; it holds it %d times", name, p.key, p.set, n))
		}
	}
	f.Scale, list = scale(src, code, fc.Scale, list)
	return f, list
}

func setString(to, from *string) {
	if from != nil {
		*to = *from
	}
}

// scale checks the names of large numbers and orders them largest first.
func scale(src *tomlSource, code string, sc []scaleConfig, list model.Errors) ([]model.Scale, model.Errors) {
	var out []model.Scale
	for i, s := range sc {
		at := src.valueAt("languages", code, "format", "scale", strconv.Itoa(i))
		switch {
		case s.Value <= 1:
			list = append(list, at.Errorf("languages.%s.format.scale: value %v must be more than 1", code, s.Value))
		case s.Name == "":
			list = append(list, at.Errorf("languages.%s.format.scale: the value %v has no name", code, s.Value))
		default:
			out = append(out, model.Scale{Value: s.Value, Name: s.Name})
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Value > out[j].Value })
	return out, list
}

// direction checks a language's writing direction, "ltr" unless set.
func direction(src *tomlSource, code, dir string) (string, *model.Error) {
	switch dir {
	case "":
		return "ltr", nil
	case "ltr", "rtl":
		return dir, nil
	}
	return "", src.valueAt("languages", code, "direction").Errorf(`languages.%s.direction = %q: write "ltr" (left to right) or "rtl" (right to left)`, code, dir)
}
