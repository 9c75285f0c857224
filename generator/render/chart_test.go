package render

import (
	"reflect"
	"testing"

	"westcoast/generator/model"
)

var chartLangs = map[string]*model.Language{
	"zh": {Code: "zh", UI: map[string]string{
		"chart.shares": "占全区比重（%）", "chart.money": "投资", "period.h1": "上半年", "period.h2": "下半年",
		"status.target": "目标", "approx.about": "约%s"},
		Format: model.Format{DecimalMark: ".", Money: "%s元", Percent: "%s%", Scale: []model.Scale{{Value: 1e8, Name: "亿"}, {Value: 1e4, Name: "万"}}}},
	"en": {Code: "en", UI: map[string]string{
		"chart.shares": "Share of district totals (%)", "chart.money": "Investment", "period.h1": "First half", "period.h2": "Second half",
		"status.target": "Target", "approx.about": "about %s"},
		Format: model.Format{DigitGroup: ",", DecimalMark: ".", UnitSpace: " ", Money: "CNY %s", Percent: "%s%", Scale: []model.Scale{{Value: 1e9, Name: "billion"}, {Value: 1e6, Name: "million"}}}},
}

// pageWith is a page in a language with figures, as a template sees it.
func pageWith(lang string, figures ...*model.Figure) Page {
	return newPage(&model.Page{Lang: chartLangs[lang], Figures: figures})
}

func pct(id string, v float64) *model.Figure {
	return &model.Figure{ID: id, Value: v, Measure: &model.Measure{Kind: "percent", Period: "h1", Chart: "shares",
		Label: model.Texts{{Lang: "zh", Text: id}, {Lang: "en", Text: id}}}}
}

func money(id string, v float64, chart string) *model.Figure {
	return &model.Figure{ID: id, Value: v, Measure: &model.Measure{Kind: "money", Period: "h2", Chart: chart,
		Label: model.Texts{{Lang: "zh", Text: id}, {Lang: "en", Text: id}}}}
}

// bar is what a test checks of a Bar.
type bar struct {
	id, value string
	share     float64
}

func TestCharts(t *testing.T) {
	target := money("b", 16.4e9, "money")
	target.Status = "target"
	about := money("c", 6e9, "money")
	about.Approx = "about"
	count := &model.Figure{ID: "n", Value: 14, Measure: &model.Measure{Kind: "count", Period: "h2", Chart: "money", Unit: model.Texts{{Lang: "en", Text: "projects"}}}}
	otherUnit := &model.Figure{ID: "m", Value: 9, Measure: &model.Measure{Kind: "count", Period: "h2", Chart: "money", Unit: model.Texts{{Lang: "en", Text: "systems"}}}}
	count2 := &model.Figure{ID: "n2", Value: 14, Measure: &model.Measure{Kind: "count", Period: "h2", Chart: "money", Unit: model.Texts{{Lang: "en", Text: "projects"}}}}
	h1 := money("h1", 3e9, "money")
	h1.Period = "h1"

	tests := []struct {
		name    string
		lang    string
		figures []*model.Figure
		title   string
		period  string
		unit    string
		whole   bool
		bars    []bar
	}{
		{name: "percentages against the whole", lang: "en",
			figures: []*model.Figure{pct("projects", 54), pct("tax", 68.2)},
			title:   "Share of district totals (%)", period: "First half", whole: true,
			bars: []bar{{"projects", "54%", 0.54}, {"tax", "68.2%", 0.682}}},
		{name: "amounts against the largest", lang: "en",
			figures: []*model.Figure{money("a", 42e9, "money"), target, about},
			title:   "Investment", period: "Second half",
			bars: []bar{{"a", "CNY 42 billion", 1}, {"b", "CNY 16.4 billion", 0.39}, {"c", "about CNY 6 billion", 0.143}}},
		{name: "the same bars in Chinese", lang: "zh",
			figures: []*model.Figure{money("a", 42e9, "money"), target},
			title:   "投资", period: "下半年",
			bars: []bar{{"a", "420亿元", 1}, {"b", "164亿元", 0.39}}},
		{name: "figures without a chart key are no chart", lang: "en",
			figures: []*model.Figure{money("a", 42e9, "")}},
		{name: "one figure says nothing", lang: "en",
			figures: []*model.Figure{money("a", 42e9, "money"), money("x", 1e9, "")}},
		{name: "money and a count are no chart", lang: "en",
			figures: []*model.Figure{money("a", 42e9, "money"), count}},
		{name: "projects and systems are no chart", lang: "en",
			figures: []*model.Figure{count2, otherUnit}},
		{name: "two periods are no chart", lang: "en",
			figures: []*model.Figure{money("a", 42e9, "money"), h1}},
		{name: "like figures are drawn, the odd one left to the table", lang: "en",
			figures: []*model.Figure{count, otherUnit, count2},
			title:   "Investment", period: "Second half", unit: "projects",
			bars: []bar{{"n", "14 projects", 1}, {"n2", "14 projects", 1}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			charts := pageWith(tt.lang, tt.figures...).Charts()
			if tt.bars == nil {
				if len(charts) != 0 {
					t.Fatalf("got %d charts, want none", len(charts))
				}
				return
			}
			if len(charts) != 1 {
				t.Fatalf("got %d charts, want 1", len(charts))
			}
			c := charts[0]
			if c.Title != tt.title || c.Period != tt.period || c.Unit != tt.unit || c.Whole != tt.whole {
				t.Errorf("title %q, period %q, unit %q, whole %v; want %q, %q, %q, %v",
					c.Title, c.Period, c.Unit, c.Whole, tt.title, tt.period, tt.unit, tt.whole)
			}
			var got []bar
			for _, b := range c.Bars {
				got = append(got, bar{b.Figure.ID, b.Value, b.Share})
			}
			if !reflect.DeepEqual(got, tt.bars) {
				t.Errorf("bars\n got %v\nwant %v", got, tt.bars)
			}
		})
	}
}

// TestChartsInOrder: one chart per key, in the order the keys first appear.
func TestChartsInOrder(t *testing.T) {
	p := pageWith("en", money("a", 1e9, "second"), pct("p", 10), money("b", 2e9, "second"), pct("q", 20))
	charts := p.Charts()
	var keys []string
	for _, c := range charts {
		keys = append(keys, c.Key)
	}
	if want := []string{"second", "shares"}; !reflect.DeepEqual(keys, want) {
		t.Errorf("charts %v, want %v", keys, want)
	}
}

func TestFigureTable(t *testing.T) {
	noPeriod := money("x", 1e9, "")
	noPeriod.Period = ""
	tests := []struct {
		name    string
		figures []*model.Figure
		period  string
		column  bool
	}{
		{"a shared period goes in the caption", []*model.Figure{money("a", 1, ""), money("b", 2, "")}, "Second half", false},
		{"periods that differ go in the rows", []*model.Figure{money("a", 1, ""), pct("p", 3)}, "", true},
		{"no period, no caption, nothing in the rows", []*model.Figure{noPeriod}, "", false},
		{"some with a period and some without: in the rows", []*model.Figure{noPeriod, money("a", 1, "")}, "", true},
	}
	for _, tt := range tests {
		got := pageWith("en").FigureTable(tt.figures)
		if got.Period != tt.period || got.RowPeriods != tt.column {
			t.Errorf("%s: period %q, row periods %v; want %q, %v", tt.name, got.Period, got.RowPeriods, tt.period, tt.column)
		}
		for i, row := range got.Rows {
			f := tt.figures[i]
			wantPeriod := ""
			if tt.column {
				wantPeriod = pageWith("en").Period(f)
			}
			if row.ID != f.ID || row.Value != pageWith("en").Figure(f) || row.Label != pageWith("en").Label(f) || row.Period != wantPeriod {
				t.Errorf("%s: row %d = %+v", tt.name, i, row)
			}
		}
	}
	target := money("t", 5, "")
	target.Status = "target"
	if rows := pageWith("en").FigureTable([]*model.Figure{target}).Rows; len(rows) != 1 || rows[0].Status != pageWith("en").Status(target) || rows[0].Status == "" {
		t.Errorf("a target's row: %+v", rows)
	}
}

func TestStatus(t *testing.T) {
	f := money("a", 1, "")
	p := pageWith("zh")
	if got := p.Status(f); got != "" {
		t.Errorf("a reported figure: status %q, want none", got)
	}
	f.Status = "target"
	if got := p.Status(f); got != "目标" {
		t.Errorf("a target: status %q, want 目标", got)
	}
}
