package markdown

import (
	"bytes"
	"strconv"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Image is what a page knows of an image it shows: its size in pixels and
// its resized copies.
type Image struct {
	Width, Height int
	// Srcset lists the image and its smaller copies with their widths
	// ("photo-640w.jpg 640w, photo.jpg 2400w"), and Sizes how wide it is
	// shown; both are "" for an image no wider than the column.
	Srcset, Sizes string
}

// ImageResolver tells what is known of an image by its destination as
// written. known is false for an image it has nothing to say about (one
// on another site); err is for one it should know and cannot use (a file
// of the page's bundle that is not there, or not an image).
type ImageResolver func(dest string) (img Image, known bool, err error)

// Decorative is the alt text that marks an image as decorative:
// ![""](rule.png) gets alt="", which screen readers skip.
const Decorative = `""`

// imageExtension checks every image's alt text and gives each what a
// browser needs to lay the page out before the image arrives (width and
// height) and to fetch no more than it shows (srcset, lazy loading).
type imageExtension struct{}

func (imageExtension) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithASTTransformers(util.Prioritized(imageAttributes{}, 200)))
}

type imageAttributes struct{}

func (imageAttributes) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	src := reader.Source()
	if !bytes.Contains(src, []byte("![")) {
		return // no image, no walk
	}
	pr := problemsOf(pc)
	resolve := pageOf(pc).Image
	var images []*ast.Image
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if img, ok := n.(*ast.Image); ok && entering {
			images = append(images, img)
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	for _, img := range images {
		dest := string(img.Destination)
		switch alt := strings.TrimSpace(inlineText(img, src)); alt {
		case "":
			pr.add(imageOffset(img, src), "image %s has no alt text: say what it shows, ![what it shows](%s), or mark it decorative with ![%s](%s)", dest, dest, Decorative, dest)
		case Decorative, "“”":
			img.RemoveChildren(img)
		}
		if scheme := dangerous(img.Destination); scheme != "" {
			pr.add(imageOffset(img, src), "image %s: %s", dest, refusedAddress(scheme, "show a file of the page's bundle or an https: address"))
		} else if resolve != nil {
			if info, known, err := resolve(dest); err != nil {
				pr.add(imageOffset(img, src), "image %s: %v", dest, err)
			} else if known {
				setSize(img, info)
			}
		}
		img.SetAttributeString("loading", []byte("lazy"))
		img.SetAttributeString("decoding", []byte("async"))
	}
}

func setSize(img *ast.Image, info Image) {
	img.SetAttributeString("width", []byte(strconv.Itoa(info.Width)))
	img.SetAttributeString("height", []byte(strconv.Itoa(info.Height)))
	if info.Srcset != "" {
		img.SetAttributeString("srcset", []byte(info.Srcset))
		img.SetAttributeString("sizes", []byte(info.Sizes))
	}
}

// imageOffset is where an image is written: the "![" before its alt text,
// or before "](dest" when it has none.
func imageOffset(img *ast.Image, src []byte) int {
	if t, ok := img.FirstChild().(*ast.Text); ok && t.Segment.Start >= 2 {
		return t.Segment.Start - 2
	}
	start := blockStart(img)
	if i := bytes.Index(src[start:], append([]byte("]("), img.Destination...)); i >= 0 {
		if j := bytes.LastIndex(src[start:start+i], []byte("![")); j >= 0 {
			return start + j
		}
	}
	return start
}
