package render

import (
	"bytes"
	"fmt"
	"image"
	_ "image/gif" // sizes of GIFs
	"image/jpeg"
	"image/png"
	"net/url"
	"path"
	"sort"
	"strconv"
	"strings"

	_ "golang.org/x/image/webp" // sizes of WebP images

	"westcoast/generator/markdown"
	"westcoast/generator/model"
)

// imageIndex knows the site's images by output path: their sizes, and
// the resized copies of those wider than the text column.
type imageIndex struct {
	byOut map[string]*siteImage
	list  []*siteImage // each source image once, in source order
	cache string       // CacheDir
}

// siteImage is one image of content/, copied to one or more places.
type siteImage struct {
	source        string // content/zones/x/photo.jpg
	data          []byte
	format        string // jpeg, png, gif, webp
	width, height int
	err           error    // why it cannot be read as an image
	outs          []string // output paths of the copies of the file
	widths        []int    // of the resized copies, narrowest first
}

// maxImagePixels bounds what resizing an image decodes: a 1.5 MB PNG of
// 20000×20000 blank pixels decoded to 1.6 GB, once per copy, and filled
// the memory. A camera's photo has a quarter of it.
const maxImagePixels = 50_000_000

// imageExts are the files read as images; others are copied unread.
var imageExts = map[string]bool{".jpg": true, ".jpeg": true, ".png": true, ".gif": true, ".webp": true}

// indexImages reads the size of every image among the content's files.
// Only the header is decoded here; resizing waits for writeImages.
func indexImages(site *model.Site) *imageIndex {
	idx := &imageIndex{byOut: map[string]*siteImage{}, cache: site.Config.CacheDir}
	bySource := map[string]*siteImage{}
	for _, a := range site.Assets {
		if !imageExts[strings.ToLower(path.Ext(a.Path))] {
			continue
		}
		img := bySource[a.Source]
		if img == nil {
			img = readImage(a)
			bySource[a.Source] = img
			idx.list = append(idx.list, img)
		}
		img.outs = append(img.outs, a.Path)
		idx.byOut[a.Path] = img
	}
	return idx
}

func readImage(a model.Asset) *siteImage {
	img := &siteImage{source: a.Source, data: a.Data}
	cfg, format, err := image.DecodeConfig(bytes.NewReader(a.Data))
	if err != nil {
		img.err = fmt.Errorf("%s cannot be read as an image (%v)", a.Source, err)
		return img
	}
	img.format, img.width, img.height = format, cfg.Width, cfg.Height
	if int64(cfg.Width)*int64(cfg.Height) > maxImagePixels {
		img.err = fmt.Errorf("%s is %d×%d pixels; an image may have at most 50 million (8000×6250): scale it down", a.Source, cfg.Width, cfg.Height)
		return img
	}
	if format == "jpeg" || format == "png" { // the formats the standard library writes
		for _, w := range model.ImageWidths {
			if w < img.width {
				img.widths = append(img.widths, w)
			}
		}
	}
	return img
}

// variantFiles are the resized copies' output paths, for planFiles.
func (idx *imageIndex) variantFiles() []planned {
	var files []planned
	for _, img := range idx.list {
		for _, out := range img.outs {
			for _, w := range img.widths {
				files = append(files, planned{model.ImageVariant(out, w), img.source + " resized to " + strconv.Itoa(w) + " pixels"})
			}
		}
	}
	return files
}

// resolver answers the converter's questions about the images a page
// shows: a relative link is looked up where the browser will look, beside
// the page's URL.
func (idx *imageIndex) resolver(p *model.Page) markdown.ImageResolver {
	return func(dest string) (markdown.Image, bool, error) {
		u, err := url.Parse(dest)
		if err != nil || u.Scheme != "" || u.Host != "" || strings.HasPrefix(u.Path, "/") || u.Path == "" {
			return markdown.Image{}, false, nil // another site's, or the site root's: check follows it
		}
		out := path.Join(strings.TrimPrefix(p.URL, "/"), u.Path)
		img := idx.byOut[out]
		switch {
		case img == nil:
			return markdown.Image{}, false, fmt.Errorf("no such file: the page is at %s, so the image would be /%s; put it in the page's bundle, beside its index.%s.md", p.URL, out, p.Lang.Code)
		case img.err != nil:
			return markdown.Image{}, false, img.err
		}
		return img.describe(dest), true, nil
	}
}

// describe is what the page's <img> says of the image.
func (img *siteImage) describe(dest string) markdown.Image {
	info := markdown.Image{Width: img.width, Height: img.height}
	if len(img.widths) == 0 {
		return info
	}
	var set []string
	for _, w := range img.widths {
		set = append(set, model.ImageVariant(dest, w)+" "+strconv.Itoa(w)+"w")
	}
	info.Srcset = strings.Join(append(set, dest+" "+strconv.Itoa(img.width)+"w"), ", ")
	info.Sizes = fmt.Sprintf("(min-width: %drem) %drem, calc(100vw - 2rem)", model.ImageColumn/16+2, model.ImageColumn/16)
	return info
}

// resizeJob is one resized copy to make.
type resizeJob struct {
	img   *siteImage
	width int
}

func (idx *imageIndex) jobs() []resizeJob {
	var jobs []resizeJob
	for _, img := range idx.list {
		for _, w := range img.widths {
			jobs = append(jobs, resizeJob{img, w})
		}
	}
	// The largest images first, so that the cores finish together.
	sort.SliceStable(jobs, func(i, j int) bool { return jobs[i].img.width*jobs[i].width > jobs[j].img.width*jobs[j].width })
	return jobs
}

// height is the copy's height, in proportion.
func (j resizeJob) height() int {
	return max(1, (j.img.height*j.width+j.img.width/2)/j.img.width)
}

// encode writes a resized image in its source's format: deterministic
// encoders, so the same image gives the same bytes on every build.
func encode(format string, m image.Image) ([]byte, error) {
	var b bytes.Buffer
	var err error
	switch format {
	case "jpeg":
		err = jpeg.Encode(&b, m, &jpeg.Options{Quality: 85})
	case "png":
		err = (&png.Encoder{CompressionLevel: png.BestCompression}).Encode(&b, m)
	default:
		err = fmt.Errorf("cannot write %s", format)
	}
	return b.Bytes(), err
}
