// Package load reads config.toml and content/ from a file system into one
// resolved, immutable model.Site. Files are parsed in parallel; everything
// that involves more than one page (translations, sections, taxonomy terms,
// neighbours, figure references) is resolved afterwards, once.
//
// Decoding is strict (keys spelt exactly as documented) and every key's
// place is indexed when its file is decoded, so that errors, here and in
// later stages (model.Page.KeyPos), name the line that causes them.
package load
