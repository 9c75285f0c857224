package load

import (
	"fmt"
	"time"

	"westcoast/generator/model"
)

// dates sets a page's dates from its front matter, each falling back to
// another as in Hugo: date to publishDate, then lastmod; lastmod to date;
// publishDate to date. A local date (no offset written) is in UTC, so that
// no date depends on the machine that builds.
func (b *assembler) dates(p *model.Page, fm frontMatter) {
	date, lastmod, publish, expiry := utc(fm.Date), utc(fm.Lastmod), utc(fm.PublishDate), utc(fm.ExpiryDate)
	p.Date = first(date, publish, lastmod)
	p.Lastmod = first(lastmod, date, publish)
	p.PublishDate = first(publish, date)
	p.ExpiryDate = expiry
	if !expiry.IsZero() && !p.PublishDate.IsZero() && !expiry.After(p.PublishDate) {
		b.errs = append(b.errs, keyPos(p, "expiryDate").Errorf("expiryDate %s is not after the page is published (%s): it would never be shown",
			day(expiry), day(p.PublishDate)))
	}
}

func first(times ...time.Time) time.Time {
	for _, t := range times {
		if !t.IsZero() {
			return t
		}
	}
	return time.Time{}
}

// day writes a time as briefly as it says: 2024-05-01, or with its time
// of day when it has one.
func day(t time.Time) string {
	if t.Hour() == 0 && t.Minute() == 0 && t.Second() == 0 {
		return t.Format(time.DateOnly)
	}
	return t.Format(time.RFC3339)
}

// dropUnpublished leaves out the pages whose publishDate is still to come
// and those whose expiryDate has passed, unless the build wants them. A
// translation may be published later than the page it translates: until
// then, the page's language switcher leads to the nearest section that
// has one.
func (b *assembler) dropUnpublished() {
	for _, p := range b.all() {
		switch {
		case !b.cfg.BuildFuture && p.PublishDate.After(b.now):
			b.drop(p, fmt.Sprintf("its publishDate, %s, is still to come (build with -buildFuture to include it)", day(p.PublishDate)))
		case !b.cfg.BuildExpired && !p.ExpiryDate.IsZero() && !p.ExpiryDate.After(b.now):
			b.drop(p, fmt.Sprintf("it expired on %s (build with -buildExpired to include it)", day(p.ExpiryDate)))
		}
		if !b.cfg.BuildFuture {
			b.changesAt(p.PublishDate)
		}
		if !b.cfg.BuildExpired {
			b.changesAt(p.ExpiryDate)
		}
	}
}

// changesAt notes a time when a page comes into the build or leaves it,
// if it is still to come: the preview must load the site again by then.
func (b *assembler) changesAt(t time.Time) {
	if t.After(b.now) && (b.until.IsZero() || t.Before(b.until)) {
		b.until = t
	}
}
