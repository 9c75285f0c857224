// Package search builds a site's search index: one index for every
// language, cut into small files so that a reader's query fetches only the
// few it needs. It knows nothing of pages or templates; render gives it
// each page's text as the page is rendered, and writes what it returns.
//
// # What is indexed
//
// Text is folded (see Fold) and cut into tokens (words and runs of Han
// characters). The index keys are:
//
//   - each word as written (folded): "supporting", "2025", "qingdao";
//   - each Chinese character and each pair of neighbouring characters
//     ("数", "数字", "字经"), so that any run of Chinese a reader types is
//     found as the pairs it is made of, with no dictionary of words;
//   - each pair of neighbouring English words by their Porter2 stems, after
//     a space: " digit economi", so that a phrase is found as the pairs it
//     is made of.
//
// The script finds a word's stem and prefix matches by reading the keys
// around it: every key that starts with what the reader typed, and every
// key with the same stem (Stem), since the keys are sorted.
//
// For each key, the index lists the documents it is in, in order, and for
// each how it is there: in the title, in a heading or the description, or
// only in the text; and how often.
//
// # Files
//
// Under the index's folder (model.SearchDir):
//
//	index.json    the manifest: languages and their documents, shards, fold table
//	s/N.bin       shard N: a run of keys in sorted order with their postings
//	d/N.json      document N: title, URL, section and passages, for snippets
//
// The manifest (Manifest) names the first key of each shard, so that the
// script fetches the shards that hold the keys it needs. A shard is a
// sequence of entries:
//
//	entry    = uvarint(shared) uvarint(len(suffix)) suffix uvarint(len(postings)) postings
//	postings = uvarint((gap-1)<<5 | where | tf<<2) ...
//
// where the key is the previous key's first shared bytes then suffix (UTF-8);
// gap is the document number less the previous one in the list (the first
// is counted from -1); where is 2 for the title, 1 for a heading or the
// description, 0 for the text; tf is the number of times the key is in the
// document, as floor(log2(n)), at most 7. Keys sort as JavaScript compares
// strings (by UTF-16 code units), so that the script can search them with <.
//
// Documents are numbered in the order the site lists its pages: by
// language, then by path, so each language is one range of numbers. Pages
// that are translations of one another share a group (the number of the
// first of them), which the manifest gives as runs; the script shows a
// result in the reader's language first where one exists.
package search
