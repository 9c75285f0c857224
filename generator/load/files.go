package load

import (
	"io/fs"
	"path"
	"strings"

	"westcoast/generator/model"
	"westcoast/generator/source"
)

// ContentDir is the folder of pages inside the site source.
const ContentDir = model.ContentDir

// contentFile is a file under content/ and what its name says it is.
type contentFile struct {
	path string // e.g. content/zones/x.zh.md
	kind fileKind
	key  string // page key: "zones/x"; "" for the home page
	lang string // for Markdown
	list bool   // _index: a list page (home, section, taxonomy, term)
	// size is the file's size as its folder's listing gave it, when the
	// source can read a file of known size (source.SizedReader); else 0.
	size int64
}

type fileKind int

const (
	markdownFile fileKind = iota
	factsFile
	resourceFile
)

// isSlug reports whether s can be a part of a URL as it is: runs of
// lower-case ASCII letters and digits joined by single hyphens
// (^[a-z0-9]+(-[a-z0-9]+)*$). Every file's path and every figure's id is
// checked, so it is a loop, not a regular expression.
func isSlug(s string) bool {
	if s == "" || s[0] == '-' || s[len(s)-1] == '-' {
		return false
	}
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case 'a' <= c && c <= 'z', '0' <= c && c <= '9':
		case c == '-' && s[i-1] != '-':
		default:
			return false
		}
	}
	return true
}

// listContent walks content/ and names each file. Names that cannot become
// URLs, or that would put pages where a taxonomy or a language has its
// own, are errors.
func listContent(fsys fs.FS, cfg *siteConfig) ([]contentFile, error) {
	var files []contentFile
	var list model.Errors
	err := fs.WalkDir(fsys, ContentDir, func(p string, d fs.DirEntry, err error) error {
		switch err.(type) {
		case nil:
		case model.Errors, *model.Error: // files the source refuses to read: report them, go on
			list = append(list, asErrors(p, err)...)
			return nil
		default:
			return err
		}
		// Hidden files and folders (.git, .DS_Store, an editor's
		// .page.md.swp) are no part of the site, and may hold secrets.
		switch hidden := strings.HasPrefix(d.Name(), ".") && p != ContentDir; {
		case hidden && d.IsDir():
			return fs.SkipDir
		case hidden, d.IsDir():
			return nil
		}
		f, e := classify(p, cfg.langs, cfg.DefaultLanguage)
		if e != nil {
			list = append(list, e)
			return nil
		}
		if _, sized := fsys.(source.SizedReader); sized {
			if info, err := d.Info(); err == nil {
				f.size = info.Size()
			}
		}
		files = append(files, f)
		return nil
	})
	if err != nil {
		return nil, model.Errorf(ContentDir, 0, 0, "cannot read: %v", err)
	}
	list = append(list, folderClashes(cfg, files)...)
	return files, list.Err()
}

// folderClashes reports top-level folders of content/ that something else
// owns. A taxonomy's folder gives text to the taxonomy and its terms
// (industries/_index.zh.md, industries/chips/_index.zh.md); a page there
// means a section of the same name, whose pages would silently become
// terms. A folder named like a language would share its URLs.
func folderClashes(cfg *siteConfig, files []contentFile) model.Errors {
	var list model.Errors
	reported := map[string]bool{}
	for _, f := range files {
		top, _, _ := strings.Cut(f.key, "/")
		if f.kind == resourceFile || top == "" || reported[top] {
			continue
		}
		if l := model.FindLanguage(cfg.langs, top); l != nil && !l.Default {
			reported[top] = true
			list = append(list, model.Errorf(f.path, 0, 0, "the folder %q has the name of a language, whose pages are under /%s/: rename the folder", top, top))
		}
		if tax := model.FindTaxonomy(cfg.Taxonomies, top); tax != nil && (!f.list || strings.Count(f.key, "/") > 1) {
			reported[top] = true
			singular := tax.Singular
			list = append(list, cfg.src.valueAt("taxonomies", singular).Errorf(
				"taxonomy %q clashes with the section %s/%s/: %s is a page, but a taxonomy's folder holds only _index files of the taxonomy and its terms",
				top, ContentDir, top, f.path))
		}
	}
	return list
}

func classify(p string, langs []*model.Language, defaultLang string) (contentFile, *model.Error) {
	rel := strings.TrimPrefix(p, ContentDir+"/")
	dir, name := path.Split(rel)
	dir = strings.TrimSuffix(dir, "/")
	f := contentFile{path: p}
	base := name
	switch {
	case strings.HasSuffix(name, ".md"):
		f.kind = markdownFile
		base = strings.TrimSuffix(name, ".md")
		f.lang = defaultLang
		if i := strings.LastIndex(base, "."); i >= 0 {
			f.lang = base[i+1:]
			base = base[:i]
			if model.FindLanguage(langs, f.lang) == nil {
				return f, model.Errorf(p, 0, 0, "language %q in the file name is not configured in %s", f.lang, ConfigFile)
			}
		}
	case strings.HasSuffix(name, ".toml"):
		f.kind = factsFile
		base = strings.TrimSuffix(name, ".toml")
	default:
		f.kind = resourceFile
		f.key = dir
		return f, nil
	}
	switch base {
	case "_index":
		f.key, f.list = dir, true
	case "index":
		f.key = dir
	default:
		// path.Join(dir, base), without a copy: the path holds it already.
		f.key = path.Clean(rel[:len(rel)-len(name)+len(base)])
	}
	for _, part := range strings.Split(f.key, "/") {
		if f.key != "" && !isSlug(part) {
			return f, model.Errorf(p, 0, 0, "%q cannot be part of a URL: use lower-case ASCII letters, digits and '-'", part)
		}
	}
	return f, nil
}
