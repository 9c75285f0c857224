package model

import (
	"testing"
	"time"
)

var (
	zh = &Language{Code: "zh", UI: map[string]string{"approx.about": "约%s", "approx.atLeast": "%s以上"}}
	en = &Language{Code: "en", UI: map[string]string{"approx.about": "about %s", "approx.atLeast": "at least %s"}}
)

func TestFormatFigure(t *testing.T) {
	tests := []struct {
		f      Figure
		form   string
		zh, en string
	}{
		{Figure{Kind: "money", Value: 42e9}, "", "420亿元", "CNY 42 billion"},
		{Figure{Kind: "money", Value: 16.4e9}, "", "164亿元", "CNY 16.4 billion"},
		{Figure{Kind: "money", Value: 3e9}, "bare", "30亿", "3 billion"},
		{Figure{Kind: "money", Value: 6e9, Approx: "about"}, "", "约60亿元", "about CNY 6 billion"},
		{Figure{Kind: "money", Value: 5e6}, "", "500万元", "CNY 5 million"},
		{Figure{Kind: "money", Value: 8000}, "", "8000元", "CNY 8,000"},
		{Figure{Kind: "count", Value: 14, Unit: map[string]string{"zh": "个", "en": "projects"}}, "", "14个", "14 projects"},
		{Figure{Kind: "count", Value: 100, Approx: "atLeast", Unit: map[string]string{"zh": "家", "en": "companies"}}, "", "100家以上", "at least 100 companies"},
		{Figure{Kind: "count", Value: 12500}, "", "12500", "12,500"},
		{Figure{Kind: "money", Value: 1.2345e12}, "", "12345亿元", "CNY 1,234.5 billion"},
		{Figure{Kind: "percent", Value: 68.2}, "", "68.2%", "68.2%"},
		{Figure{Kind: "percent", Value: 54}, "", "54%", "54%"},
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

func TestFormatDate(t *testing.T) {
	d := time.Date(2024, 5, 1, 0, 0, 0, 0, time.UTC)
	for _, tt := range []struct {
		l    *Language
		want string
	}{{zh, "2024年5月1日"}, {en, "1 May 2024"}, {&Language{Code: "de"}, "2024-05-01"}} {
		if got := tt.l.FormatDate(d); got != tt.want {
			t.Errorf("%s: got %q, want %q", tt.l.Code, got, tt.want)
		}
	}
}
