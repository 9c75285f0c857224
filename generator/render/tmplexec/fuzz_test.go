package tmplexec

import (
	"html/template"
	"math/rand/v2"
	"strings"
	"testing"
)

// fragments are what FuzzExecutor builds templates of: markup that puts
// actions in different contexts, actions of every kind our layouts use,
// and the start and end of blocks, which may not match (a template that
// does not parse is skipped; one that html/template refuses to escape
// must fail the same way).
var fragments = []string{
	`<p>`, `</p>`, `<a href="`, `<a title="`, `">`, `<script>var v = `, `;</script>`, `<title>`, `</title>`, ` text `,
	`<p style="width: `, `<a href="/q?x=`, `'`,
	`{{.Title}}`, `{{.Count}}`, `{{.Ratio}}`, `{{.Draft}}`, `{{.HTML}}`, `{{.URL}}`, `{{.Kind}}`, `{{.Deep}}`, `{{.}}`, `{{$}}`,
	`{{.Params.s}}`, `{{.Params.missing}}`, `{{.Params.m.x}}`, `{{.Params.list}}`, `{{.Next.Title}}`, `{{.Next.Next}}`,
	`{{.Upper .Title}}`, `{{.Join "," .Tags}}`, `{{.Add .Count 2}}`, `{{.Half .Ratio}}`, `{{.Fail}}`, `{{.Nope}}`, `{{.Next.Ptr}}`,
	`{{eq .Count 3}}`, `{{ne .Kind "page"}}`, `{{lt .Count 5}}`, `{{ge .Ratio 0.5}}`, `{{eq .Title 1}}`, `{{len .Tags}}`,
	`{{index .Tags 0}}`, `{{index .Tags 9}}`, `{{index .Params "s"}}`, `{{and .Draft .Count}}`, `{{or .Draft .Params.s}}`, `{{not .Tags}}`,
	`{{print .Title .Count}}`, `{{html .Title}}`, `{{.HTML | html}}`, `{{urlquery .Title .Count}}`, `{{.Tags | urlquery}}`, `{{js .Title}}`, `{{printf "%v-%d" .Tags .Count}}`, `{{add .Count 1}}`, `{{.Count | add 1}}`, `{{boom}}`,
	`{{dict "k" .Title}}`, `{{(dict "k" .Title).k}}`, `{{$x := .Count}}`, `{{$x = 7}}`, `{{$x}}`, `{{$y := .Tags}}`,
	`{{if .Draft}}`, `{{if .Count}}`, `{{if eq .Count 3}}`, `{{with .Params.m}}`, `{{with .Params.zz}}`, `{{range .Tags}}`,
	`{{range $i, $t := .Tags}}{{$i}}`, `{{range $k, $v := .Nums}}{{$k}}`, `{{range 3}}`, `{{range .Params.missing}}`,
	`{{else}}`, `{{else if .Tags}}`, `{{else with .Next}}`, `{{end}}`, `{{break}}`, `{{continue}}`,
	`{{template "d" .}}`, `{{template "d" .Next}}`, `{{block "b" .Tags}}[{{.}}]{{end}}`,
	`{{.Wrap .Title}}`, `{{.Upper (.Upper .Title)}}`, `{{.PtrLen (.Upper .Title)}}`, `{{.PtrLen .Next.Title}}`, `{{$x = .Upper .Title}}`,
}

// FuzzExecutor builds templates from fragments and checks that a Set
// writes what html/template writes, or fails with its error.
func FuzzExecutor(f *testing.F) {
	f.Add([]byte{0, 13, 1})
	f.Add([]byte{61, 13, 78, 14, 79})
	f.Add([]byte{67, 2, 13, 4, 80, 21})
	f.Add([]byte{70, 76, 13, 81, 14, 80, 72, 14, 80})
	f.Fuzz(func(t *testing.T, picks []byte) {
		var b strings.Builder
		for _, p := range picks {
			b.WriteString(fragments[int(p)%len(fragments)])
		}
		b.WriteString(`{{define "d"}}<i>{{.Title}}</i>{{end}}`)
		text := b.String()
		if _, err := template.New("t").Funcs(testFuncs).Parse(text); err != nil {
			return
		}
		sameAsHTML(t, text, testPage())
	})
}

// TestRandomTemplates runs FuzzExecutor's check on templates picked by a
// fixed seed, and makes sure that most of those that run at all take the
// fast path: else the fuzz test would compare html/template with itself.
func TestRandomTemplates(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	fast0, bailed0, slow0 := Runs()
	tried := 0
	for range 1000 {
		var b strings.Builder
		for range 1 + rng.IntN(8) {
			b.WriteString(fragments[rng.IntN(len(fragments))])
		}
		text := b.String()
		if _, err := template.New("t").Funcs(testFuncs).Parse(text); err != nil {
			continue
		}
		tried++
		sameAsHTML(t, text, testPage())
	}
	fast, bailed, slow := Runs()
	t.Logf("%d templates: %d fast runs, %d bailed out, %d in html/template", tried, fast-fast0, bailed-bailed0, slow-slow0)
	if fast-fast0 < int64(tried)/3 {
		t.Errorf("only %d fast runs", fast-fast0)
	}
}
