package main

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"westcoast/generator/render"
)

// A build on a terminal that takes longer than progressAfter shows how far
// it has got, rewritten every progressEvery.
const (
	progressAfter = time.Second
	progressEvery = 100 * time.Millisecond
)

// startProgress shows on a terminal, once after has passed, one line
// saying how far the build has got ("rendered 1200 of 20000 pages (6%)"),
// written again in place every interval; stop erases it, so that only
// the summary stays. count says how many pages are rendered, of how many.
func startProgress(w io.Writer, count func() (done, total int), after, every time.Duration) (stop func()) {
	stopping, stopped := make(chan struct{}), make(chan struct{})
	go func() {
		defer close(stopped)
		wait := time.NewTimer(after)
		defer wait.Stop()
		select {
		case <-stopping:
			return
		case <-wait.C:
		}
		tick := time.NewTicker(every)
		defer tick.Stop()
		for {
			// \r goes back to the start of the line; ESC [K erases what
			// a longer line before left after it.
			fmt.Fprint(w, "\r"+progressText(count())+"\x1b[K")
			select {
			case <-stopping:
				fmt.Fprint(w, "\r\x1b[K")
				return
			case <-tick.C:
			}
		}
	}()
	return func() {
		close(stopping)
		<-stopped
	}
}

// progressText says how far a build has got.
func progressText(done, total int) string {
	switch {
	case total == 0:
		return "loading the site…"
	case done == total:
		// Feeds, the sitemap and images are still being written, and
		// the site swapped into place.
		return fmt.Sprintf("rendered all %d pages; writing the rest…", total)
	}
	return fmt.Sprintf("rendered %d of %d pages (%d%%)", done, total, done*100/total)
}

// writeStats writes what a build made, as Hugo's summary does, below its
// one line: a row for each kind of file, a column for each language and
// one for the total.
//
//	                 zh  en  total
//	pages            37  37     74
//	paginator pages   0   0      0
//	aliases           0   0      0
//	feeds            23  23     46
//	static files                 3
//	resized images               0
func writeStats(w io.Writer, stats *render.Stats) {
	langs := stats.Languages()
	head := []string{""}
	for _, c := range langs {
		head = append(head, c.Lang.Code)
	}
	head = append(head, "total")
	perLanguage := func(label string, n func(render.Counts) int) []string {
		row, total := []string{label}, 0
		for _, c := range langs {
			row = append(row, strconv.Itoa(n(c)))
			total += n(c)
		}
		return append(row, strconv.Itoa(total))
	}
	whole := func(label string, n int) []string {
		row := make([]string, len(head))
		row[0], row[len(row)-1] = label, strconv.Itoa(n)
		return row
	}
	rows := [][]string{
		head,
		perLanguage("pages", func(c render.Counts) int { return c.Pages }),
		perLanguage("paginator pages", func(c render.Counts) int { return c.Pagers }),
		perLanguage("aliases", func(c render.Counts) int { return c.Aliases }),
		perLanguage("feeds", func(c render.Counts) int { return c.Feeds }),
		whole("static files", stats.Static),
		whole("resized images", stats.Resized),
	}
	widths := make([]int, len(head))
	for _, row := range rows {
		for i, cell := range row {
			widths[i] = max(widths[i], len(cell))
		}
	}
	for _, row := range rows {
		line := "  " + row[0] + strings.Repeat(" ", widths[0]-len(row[0]))
		for i, cell := range row[1:] {
			line += "  " + strings.Repeat(" ", widths[i+1]-len(cell)) + cell
		}
		fmt.Fprintln(w, strings.TrimRight(line, " "))
	}
}
