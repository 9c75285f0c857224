package render

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"image"
	"os"
	"path/filepath"
	"strconv"

	"golang.org/x/image/draw"

	"westcoast/generator/model"
	"westcoast/generator/par"
)

// resizeVersion names how copies are made (scaler, encoder settings): a
// change to either must change it, so that no build reuses a copy made the
// old way.
const resizeVersion = "catmullrom-q85-v1"

// writeImages makes the resized copies of the site's images, on every
// core, and writes each beside every copy of its image. A copy made by an
// earlier build is taken from the cache instead.
func (r *renderer) writeImages() error {
	jobs := r.images.jobs()
	errs := make([]error, len(jobs))
	par.Do(len(jobs), func(i int) {
		j := jobs[i]
		data, err := r.images.resized(j)
		if err != nil {
			errs[i] = model.Errorf(j.img.source, 0, 0, "cannot resize to %d pixels: %v", j.width, err)
			return
		}
		for _, out := range j.img.outs {
			if err := r.out.Write(model.ImageVariant(out, j.width), data); err != nil {
				errs[i] = err
				return
			}
		}
	})
	return errors.Join(errs...)
}

// resized returns the copy from the cache, or makes it and keeps it there.
func (idx *imageIndex) resized(j resizeJob) ([]byte, error) {
	file := ""
	if idx.cache != "" {
		file = filepath.Join(idx.cache, "images", cacheName(j))
		if data, err := os.ReadFile(file); err == nil {
			return data, nil
		}
	}
	data, err := resize(j)
	if err != nil || file == "" {
		return data, err
	}
	keep(file, data)
	return data, nil
}

// cacheName is the copy's name in the cache: what it is made from (the
// image's bytes), and how.
func cacheName(j resizeJob) string {
	h := sha256.New()
	h.Write(j.img.data)
	h.Write([]byte("\x00" + resizeVersion + "\x00" + strconv.Itoa(j.width)))
	return hex.EncodeToString(h.Sum(nil)[:16]) + "-" + strconv.Itoa(j.width) + "w." + j.img.format
}

// keep writes a copy to the cache, under a temporary name first so that
// no build reads half a file. A cache that cannot be written only makes
// the next build slower: it is no error.
func keep(file string, data []byte) {
	if os.MkdirAll(filepath.Dir(file), 0o755) != nil {
		return
	}
	tmp, err := os.CreateTemp(filepath.Dir(file), ".resize-*")
	if err != nil {
		return
	}
	_, werr := tmp.Write(data)
	cerr := tmp.Close()
	if werr != nil || cerr != nil || os.Rename(tmp.Name(), file) != nil {
		os.Remove(tmp.Name())
	}
}

// resize scales the image with Catmull-Rom, which keeps edges sharp, and
// encodes it as its source was.
func resize(j resizeJob) ([]byte, error) {
	src, _, err := image.Decode(bytes.NewReader(j.img.data))
	if err != nil {
		return nil, err
	}
	rect := image.Rect(0, 0, j.width, j.height())
	var dst draw.Image
	if j.img.format == "png" {
		dst = image.NewNRGBA(rect) // keeps transparency
	} else {
		dst = image.NewRGBA(rect)
	}
	draw.CatmullRom.Scale(dst, rect, src, src.Bounds(), draw.Src, nil)
	data, err := encode(j.img.format, dst)
	if err != nil {
		return nil, fmt.Errorf("%v", err)
	}
	return data, nil
}
