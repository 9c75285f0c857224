// Package publish writes rendered files to the destination folder as one
// step: everything goes to a fresh folder beside it, which then replaces the
// old one. A build that fails leaves the published site as it was, and no
// file from an earlier build lingers.
package publish

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"westcoast/generator/render"
)

// Dir replaces the folder dest with exactly files. dest's parent must exist.
func Dir(dest string, files []render.File) error {
	dest = filepath.Clean(dest)
	if err := safeDestination(dest); err != nil {
		return err
	}
	parent, base := filepath.Split(dest)
	if parent == "" {
		parent = "."
	}
	tmp, err := os.MkdirTemp(parent, "."+base+".new-")
	if err != nil {
		return fmt.Errorf("publish: %w", err)
	}
	if err := writeAll(tmp, files); err != nil {
		os.RemoveAll(tmp)
		return err
	}
	return swap(tmp, dest)
}

// safeDestination refuses folders whose replacement would lose more than a
// build: the file system root, the working folder and its ancestors.
func safeDestination(dest string) error {
	abs, err := filepath.Abs(dest)
	if err != nil {
		return fmt.Errorf("publish: %w", err)
	}
	wd, _ := os.Getwd()
	if abs == filepath.Dir(abs) || abs == wd || strings.HasPrefix(wd+string(filepath.Separator), abs+string(filepath.Separator)) {
		return fmt.Errorf("publish: refusing to replace %s: it holds more than the built site", dest)
	}
	return nil
}

func writeAll(root string, files []render.File) error {
	for _, f := range files {
		p := filepath.Join(root, filepath.FromSlash(f.Path))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return fmt.Errorf("publish: %w", err)
		}
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			return fmt.Errorf("publish: %w", err)
		}
	}
	return os.Chmod(root, 0o755)
}

// swap puts tmp in dest's place. The old folder is moved aside first and
// removed only after the new one is in place.
func swap(tmp, dest string) error {
	old := ""
	if _, err := os.Lstat(dest); err == nil {
		old = tmp + ".old"
		if err := os.Rename(dest, old); err != nil {
			os.RemoveAll(tmp)
			return fmt.Errorf("publish: %w", err)
		}
	}
	if err := os.Rename(tmp, dest); err != nil {
		if old != "" {
			os.Rename(old, dest)
		}
		os.RemoveAll(tmp)
		return fmt.Errorf("publish: %w", err)
	}
	if old != "" {
		return os.RemoveAll(old)
	}
	return nil
}
