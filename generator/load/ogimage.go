package load

import (
	"cmp"
	"fmt"
	"io/fs"
	"path"
	"strings"

	"westcoast/generator/model"
)

// imageExts are the files a bundle's image may be: those that sites
// reading og:image take.
var imageExts = map[string]bool{".jpg": true, ".jpeg": true, ".png": true, ".gif": true, ".webp": true}

// pageImages works out each page's Image, what stands for it where it is
// shared (og:image), as Hugo's opengraph template does: the first of its
// params.images; else an image of its bundle named like *feature*, or
// else like *cover* or *thumbnail*; else the first of the site's
// params.images ([params], or [languages.<code>.params] over it). An
// image is a name in the page's bundle (cover.jpg), a site path
// (/og-image.png: a file of layouts/assets/ or content/) or an address
// (https://…); Image is its absolute URL. An image that is no file of
// the site is an error at the line that names it.
func pageImages(fsys fs.FS, site *model.Site, cfg *siteConfig) error {
	im, list := newImager(fsys, site, cfg)
	for _, p := range site.Pages {
		list = appendError(list, im.set(p))
	}
	return list.Err()
}

// imager gives pages their Image: it knows the content's files and the
// site's image in each language.
type imager struct {
	fsys fs.FS
	site *model.Site
	// files are the output paths of the content's files; feature and
	// cover, the first image of each folder named so, by its URL.
	files          map[string]bool
	feature, cover map[string]string
	siteImage      map[*model.Language]string
	// absolute are the absolute URLs made so far, by site path: most
	// pages share their language's image, and a page keeps its URL.
	absolute map[string]string
}

// newImager finds the content's images and the site's image in each
// language, with the faults of the latter.
func newImager(fsys fs.FS, site *model.Site, cfg *siteConfig) (*imager, model.Errors) {
	im := &imager{fsys: fsys, site: site, files: map[string]bool{}, feature: map[string]string{}, cover: map[string]string{},
		siteImage: map[*model.Language]string{}, absolute: map[string]string{}}
	for _, a := range site.Assets {
		im.files[a.Path] = true
		name := strings.ToLower(path.Base(a.Path))
		if !imageExts[path.Ext(name)] {
			continue
		}
		url, dir := "/"+a.Path, "/"+path.Dir(a.Path)+"/"
		switch {
		case strings.Contains(name, "feature"):
			im.feature[dir] = cmp.Or(im.feature[dir], url)
		case strings.Contains(name, "cover"), strings.Contains(name, "thumbnail"):
			im.cover[dir] = cmp.Or(im.cover[dir], url)
		}
	}
	var list model.Errors
	for _, v := range site.Views {
		at := cfg.src.valueAt("languages", v.Language.Code, "params", "images")
		if _, ok := cfg.langConfig[v.Language.Code].Params["images"]; !ok {
			at = cfg.src.valueAt("params", "images")
		}
		img, err := firstImage(v.Params["images"], at, func(name string) (string, string) {
			if strings.HasPrefix(name, "/") {
				return name, im.sitePath(name)
			}
			return "", fmt.Sprintf("%q: the site's images are site paths (/og-image.png) or addresses (https://…)", name)
		})
		list = appendError(list, err)
		im.siteImage[v.Language] = img
	}
	return im, list
}

// sitePath says why the site path p is no file of the site, or "".
func (im *imager) sitePath(p string) string {
	if im.files[strings.TrimPrefix(p, "/")] {
		return ""
	}
	if info, err := fs.Stat(im.fsys, model.AssetDir+p); err == nil && info.Mode().IsRegular() {
		return ""
	}
	return fmt.Sprintf("%q is no file of the site: a site path names a file of %s/ or %s/", p, model.AssetDir, model.ContentDir)
}

// set gives p its Image.
func (im *imager) set(p *model.Page) *model.Error {
	own, err := firstImage(p.Params["images"], keyPos(p, "params.images"), func(name string) (string, string) {
		if strings.HasPrefix(name, "/") {
			return name, im.sitePath(name)
		}
		out := strings.TrimPrefix(p.URL, "/") + name
		if strings.Contains(name, "/") || !im.files[out] {
			return "", fmt.Sprintf("no file %q beside the page: a page's image is a file of its bundle, a site path (/og-image.png) or an address (https://…)", name)
		}
		return "/" + out, ""
	})
	img := cmp.Or(own, im.feature[p.URL], im.cover[p.URL], im.siteImage[p.Lang])
	abs, ok := im.absolute[img]
	if !ok {
		abs = absoluteImage(im.site.Config.BaseURL, img)
		im.absolute[img] = abs
	}
	p.Image = abs
	return err
}

// firstImage reads the first of a params.images list, at at: "" if there
// is none, or its site path or address. resolve turns a name that is not
// an address into a site path, or says why it cannot.
func firstImage(v any, at model.Pos, resolve func(string) (string, string)) (string, *model.Error) {
	if v == nil {
		return "", nil
	}
	list, ok := v.([]any)
	if !ok {
		return "", at.Errorf("params.images: expected a list of images, such as [\"/og-image.png\"], found %s", tomlType(v))
	}
	if len(list) == 0 {
		return "", nil
	}
	name, ok := list[0].(string)
	switch {
	case !ok:
		return "", at.Errorf("params.images: expected a list of images, such as [\"/og-image.png\"], found an array holding %s", tomlType(list[0]))
	case strings.HasPrefix(name, "https://"), strings.HasPrefix(name, "http://"):
		return name, nil
	case strings.HasPrefix(name, "//"):
		return "", at.Errorf("params.images: %q: write the address with its scheme (https:)", name)
	}
	img, why := resolve(name)
	if why != "" {
		return "", at.Errorf("params.images: %s", why)
	}
	return img, nil
}

// absoluteImage makes a site path absolute from baseURL; an address stays.
func absoluteImage(base, img string) string {
	if !strings.HasPrefix(img, "/") {
		return img
	}
	return base + strings.TrimPrefix(img, "/")
}

func appendError(list model.Errors, err *model.Error) model.Errors {
	if err != nil {
		return append(list, err)
	}
	return list
}
