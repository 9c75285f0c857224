package model

import (
	"testing"
	"time"
)

// The formats of the real site's config.toml, which its pages show.
var (
	zh = &Language{Code: "zh", UI: map[string]string{"approx.about": "约%s", "approx.atLeast": "%s以上"},
		Format: Format{Date: "2006年1月2日", DecimalMark: ".", Money: "%s元", Percent: "%s%",
			Scale: []Scale{{1e8, "亿"}, {1e4, "万"}}}}
	en = &Language{Code: "en", UI: map[string]string{"approx.about": "about %s", "approx.atLeast": "at least %s"},
		Format: Format{Date: "2 January 2006", DigitGroup: ",", DecimalMark: ".", UnitSpace: " ", Money: "CNY %s", Percent: "%s%",
			Scale: []Scale{{1e9, "billion"}, {1e6, "million"}}}}
	// A language the generator knows nothing about, with formats of its own.
	fr = &Language{Code: "fr", UI: map[string]string{"approx.about": "environ %s"},
		Format: Format{Date: "2 January 2006", DigitGroup: "\u202f", DecimalMark: ",", UnitSpace: "\u00a0", Money: "%s de yuans", Percent: "%s\u00a0%",
			Months: []string{"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"},
			Scale:  []Scale{{1e9, "milliards"}, {1e6, "millions"}}}}
)

func TestFormatFigure(t *testing.T) {
	tests := []struct {
		f      Figure
		form   string
		zh, en string
	}{
		{Figure{Value: 42e9, Measure: &Measure{Kind: "money"}}, "", "420亿元", "CNY 42 billion"},
		{Figure{Value: 16.4e9, Measure: &Measure{Kind: "money"}}, "", "164亿元", "CNY 16.4 billion"},
		{Figure{Value: 3e9, Measure: &Measure{Kind: "money"}}, "bare", "30亿", "3 billion"},
		{Figure{Value: 6e9, Measure: &Measure{Kind: "money", Approx: "about"}}, "", "约60亿元", "about CNY 6 billion"},
		{Figure{Value: 5e6, Measure: &Measure{Kind: "money"}}, "", "500万元", "CNY 5 million"},
		{Figure{Value: 8000, Measure: &Measure{Kind: "money"}}, "", "8000元", "CNY 8,000"},
		{Figure{Value: 14, Measure: &Measure{Kind: "count", Unit: Texts{{"zh", "个"}, {"en", "projects"}}}}, "", "14个", "14 projects"},
		{Figure{Value: 100, Measure: &Measure{Kind: "count", Approx: "atLeast", Unit: Texts{{"zh", "家"}, {"en", "companies"}}}}, "", "100家以上", "at least 100 companies"},
		{Figure{Value: 12500, Measure: &Measure{Kind: "count"}}, "", "12500", "12,500"},
		{Figure{Value: 1.2345e12, Measure: &Measure{Kind: "money"}}, "", "12345亿元", "CNY 1,234.5 billion"},
		{Figure{Value: 68.2, Measure: &Measure{Kind: "percent"}}, "", "68.2%", "68.2%"},
		{Figure{Value: 54, Measure: &Measure{Kind: "percent"}}, "", "54%", "54%"},
	}
	for _, tt := range tests {
		if got := tt.f.Format(zh, tt.form); got != tt.zh {
			t.Errorf("zh %+v: got %q, want %q", tt.f, got, tt.zh)
		}
		if got := tt.f.Format(en, tt.form); got != tt.en {
			t.Errorf("en %+v: got %q, want %q", tt.f, got, tt.en)
		}
	}
}

func TestFormatOtherLanguage(t *testing.T) {
	tests := []struct {
		f    Figure
		form string
		want string
	}{
		{Figure{Value: 42e9, Measure: &Measure{Kind: "money"}}, "", "42\u00a0milliards de yuans"},
		{Figure{Value: 16.45e9, Measure: &Measure{Kind: "money", Approx: "about"}}, "", "environ 16,45\u00a0milliards de yuans"},
		{Figure{Value: 3e9, Measure: &Measure{Kind: "money"}}, "bare", "3\u00a0milliards"},
		{Figure{Value: 12500, Measure: &Measure{Kind: "count", Unit: Texts{{"fr", "projets"}}}}, "", "12\u202f500\u00a0projets"},
		{Figure{Value: -1234567.5, Measure: &Measure{Kind: "count"}}, "", "-1\u202f234\u202f567,5"},
		{Figure{Value: 68.2, Measure: &Measure{Kind: "percent"}}, "", "68,2\u00a0%"},
	}
	for _, tt := range tests {
		if got := tt.f.Format(fr, tt.form); got != tt.want {
			t.Errorf("fr %+v: got %q, want %q", tt.f, got, tt.want)
		}
	}
}

func TestFormatDate(t *testing.T) {
	d := time.Date(2024, 5, 1, 0, 0, 0, 0, time.UTC)
	for _, tt := range []struct {
		l    *Language
		want string
	}{{zh, "2024年5月1日"}, {en, "1 May 2024"}, {fr, "1 mai 2024"}, {&Language{Code: "de", Format: DefaultFormat}, "2024-05-01"}} {
		if got := tt.l.FormatDate(d); got != tt.want {
			t.Errorf("%s: got %q, want %q", tt.l.Code, got, tt.want)
		}
	}
}
