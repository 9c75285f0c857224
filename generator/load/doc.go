// Package load reads config.toml and content/ from a file system into one
// resolved, immutable model.Site. Files are parsed in parallel; everything
// that involves more than one page (translations, sections, taxonomy terms,
// neighbours, figure references) is resolved afterwards, once.
package load
