package render

import (
	"bytes"
	"html/template"
	"sync"

	"westcoast/generator/model"
)

// aliasPage is the redirect page written at each of a page's aliases. It
// works without script and on any static host: a meta refresh, a canonical
// link for search engines, and a plain link for the reader whose browser
// does neither. The refresh and the link are relative, so that it works
// under a subpath and in the preview. It is parsed for the first site
// that has aliases.
var aliasPage = sync.OnceValue(func() *template.Template {
	return template.Must(template.New("alias").Parse(`<!DOCTYPE html>
<html lang="{{.Lang}}" dir="{{.Dir}}">
<head>
<meta charset="utf-8">
<title>{{.Title}}</title>
<link rel="canonical" href="{{.Canonical}}">
<meta name="robots" content="noindex">
<meta http-equiv="refresh" content="0; url={{.Rel}}">
</head>
<body>
<p><a href="{{.Rel}}">{{.Title}}</a></p>
</body>
</html>
`))
})

// aliases writes a page's redirect pages.
func (r *renderer) aliases(p *model.Page) error {
	for _, a := range p.Aliases {
		var b bytes.Buffer
		err := aliasPage().Execute(&b, map[string]string{
			"Lang": p.Lang.Code, "Dir": p.Lang.Direction, "Title": p.Title,
			"Canonical": absolute(r.site.Config.BaseURL, p.URL), "Rel": relative(a, p.URL),
		})
		if err != nil {
			return err
		}
		if err := r.out.Write(model.AliasFile(a), b.Bytes()); err != nil {
			return err
		}
	}
	return nil
}
