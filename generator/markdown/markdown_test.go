package markdown

import (
	"strings"
	"testing"
)

func TestChinese(t *testing.T) {
	tests := []convertCase{
		{"break after emphasis", "**重点**\n继续", "<p><strong>重点</strong>继续</p>"},
		{"break before opening quote", "他说：\n“你好”", "<p>他说：“你好”</p>"},
		{"break between Chinese", "第一行\n第二行", "<p>第一行第二行</p>"},
		{"break after link", "[链接](/a/)\n继续", `<p><a href="/a/">链接</a>继续</p>`},
		{"break inside emphasis", "**重点\n继续**", "<p><strong>重点继续</strong></p>"},
		{"break between Latin words stays", "hello\nworld", "<p>hello\nworld</p>"},
		{"break between Chinese and Latin stays", "中文\nEnglish", "<p>中文\nEnglish</p>"},
		{"emphasis around quotes", "**“现代化产业体系”**是重点", "<p><strong>“现代化产业体系”</strong>是重点</p>"},
		{"emphasis ending in full stop", "**中文。**中文", "<p><strong>中文。</strong>中文</p>"},
		{"italic ending in comma", "*斜体，*文字", "<p><em>斜体，</em>文字</p>"},
		{"emphasis ending in bracket", "**（注）**说明", "<p><strong>（注）</strong>说明</p>"},
		{"Latin emphasis unchanged", "a **b** c", "<p>a <strong>b</strong> c</p>"},
		{"intraword underscore stays literal", "snake_case_name", "<p>snake_case_name</p>"},
		{"underscore emphasis in Chinese", "__重点__。", "<p><strong>重点</strong>。</p>"},
		{"star needs a closer", "**未闭合", "<p>**未闭合</p>"},
		{"raw HTML is dropped", "<script>alert(1)</script>\n\n文字", "<!-- raw HTML omitted -->\n<p>文字</p>"},
		{"table", "| 项 | 值 |\n| --- | --- |\n| 甲 | 1 |", "<table>\n<thead>\n<tr>\n<th>项</th>\n<th>值</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>甲</td>\n<td>1</td>\n</tr>\n</tbody>\n</table>"},
		{"strikethrough", "~~删除~~", "<p><del>删除</del></p>"},
	}
	runCases(t, tests)
}

func TestHeadingIDs(t *testing.T) {
	tests := []convertCase{
		{"Chinese heading", "## 新闻标题", `<h2 id="新闻标题">新闻标题</h2>`},
		{"repeated heading", "## 新闻标题\n\n## 新闻标题", `<h2 id="新闻标题">新闻标题</h2>` + "\n" + `<h2 id="新闻标题-1">新闻标题</h2>`},
		{"punctuation dropped", "## 创新思路打法：推动", `<h2 id="创新思路打法推动">创新思路打法：推动</h2>`},
		{"Latin lower-cased", "## Hello World", `<h2 id="hello-world">Hello World</h2>`},
		{"explicit id", "## 标题 {#custom}", `<h2 id="custom">标题</h2>`},
		{"only punctuation", "## ！？", `<h2 id="section">！？</h2>`},
		{"explicit id not reused", "## 甲 {#乙}\n\n## 乙", `<h2 id="乙">甲</h2>` + "\n" + `<h2 id="乙-1">乙</h2>`},
	}
	runCases(t, tests)
}

func TestConvertInline(t *testing.T) {
	got, err := New(Options{}).ConvertInline([]byte("**重点**摘要"))
	if err != nil {
		t.Fatal(err)
	}
	if want := "<strong>重点</strong>摘要"; string(got) != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

type convertCase struct{ name, in, want string }

// runCases converts each case's Markdown and compares the HTML exactly.
func runCases(t *testing.T, tests []convertCase) {
	c := New(Options{})
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := c.Convert([]byte(tt.in), nil)
			if err != nil {
				t.Fatal(err)
			}
			if s := strings.TrimSpace(string(got)); s != tt.want {
				t.Errorf("Convert(%q)\n got %q\nwant %q", tt.in, s, tt.want)
			}
		})
	}
}
