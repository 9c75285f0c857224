// Site search. It reads the index that generator/search writes (doc.go
// there describes it): the manifest, the shards that hold the query's keys,
// and a small file per result shown. Text is folded, cut and stemmed as in
// Go; TestScriptAgreesWithGo checks that the two agree.
'use strict';
(() => {
  // Text

  const WORD = 0, HAN = 1, BREAK = 2, MAX_WORD = 40;
  const simplified = new Map(); // traditional → simplified, from the manifest

  // foldChar is Fold in generator/search/fold.go, on code points.
  function foldChar(c) {
    if (c < 0x80) return c >= 65 && c <= 90 ? c + 32 : c;
    if (c >= 0xff01 && c <= 0xff5e) return foldChar(c - 0xfee0);
    if (c === 0x3000) return 32;
    if (c === 0x2018 || c === 0x2019) return 39;
    if (c === 0x130) return c;
    if (simplified.has(c)) return simplified.get(c);
    const lower = [...String.fromCodePoint(c).toLowerCase()];
    return lower.length === 1 ? lower[0].codePointAt(0) : c;
  }

  const isHan = /\p{Script=Han}/u, isWordChar = /[\p{L}\p{N}]/u;
  const classOf = ch => isHan.test(ch) ? HAN : isWordChar.test(ch) ? WORD : BREAK;
  const folds = new Map();
  const foldOf = c => {
    if (!folds.has(c)) {
      const f = String.fromCodePoint(foldChar(c));
      folds.set(c, [f, classOf(f)]);
    }
    return folds.get(c);
  };

  // readText folds text and cuts it into tokens, as tokenizer.scan does.
  // It keeps where each folded character came from, to mark matches in
  // the text as written: at[i] is the offset in text of folded[i].
  function readText(text) {
    const chars = [], classes = [], at = [], tokens = [];
    for (let i = 0; i < text.length;) {
      const c = text.codePointAt(i), [f, cls] = foldOf(c);
      for (let k = 0; k < f.length; k++) at.push(i);
      chars.push(f);
      classes.push(cls);
      i += c > 0xffff ? 2 : 1;
    }
    at.push(text.length);
    let kind = BREAK, word = '', start = 0, offset = 0;
    const flush = end => {
      if (kind === WORD) {
        const w = word.length > 2 && word.endsWith("'s") ? word.slice(0, -2) : word;
        tokens.push([...w].length > MAX_WORD ? { kind: BREAK } : { kind, text: w, start, end: start + w.length });
      } else if (kind === HAN) tokens.push({ kind, text: word, start, end });
      kind = BREAK;
      word = '';
    };
    chars.forEach((ch, i) => {
      let c = classes[i];
      if (ch === "'" && kind === WORD && classes[i + 1] === WORD) c = WORD;
      if (c !== kind) flush(offset);
      if (c !== BREAK) {
        if (kind === BREAK) start = offset;
        kind = c;
        word += ch;
      }
      offset += ch.length;
    });
    flush(offset);
    return { folded: chars.join(''), at, tokens };
  }

  // stem is Stem in generator/search/stem.go, step by step.
  const stemExceptions = {
    skis: 'ski', skies: 'sky', dying: 'die', lying: 'lie', tying: 'tie', idly: 'idl', gently: 'gentl',
    ugly: 'ugli', early: 'earli', only: 'onli', singly: 'singl',
  };
  const invariant = new Set('sky news howe atlas cosmos bias andes'.split(' '));
  const invariantAfter1a = new Set(['inning', 'outing', 'canning', 'herring', 'earring', 'proceed', 'exceed', 'succeed']);
  const step2 = {
    tional: 'tion', enci: 'ence', anci: 'ance', abli: 'able', entli: 'ent', izer: 'ize', ization: 'ize',
    ational: 'ate', ation: 'ate', ator: 'ate', alism: 'al', aliti: 'al', alli: 'al', fulness: 'ful',
    ousli: 'ous', ousness: 'ous', iveness: 'ive', iviti: 'ive', biliti: 'ble', bli: 'ble', ogi: 'og',
    fulli: 'ful', lessli: 'less', li: '',
  };
  const step3 = { tional: 'tion', ational: 'ate', alize: 'al', icate: 'ic', iciti: 'ic', ical: 'ic', ful: '', ness: '', ative: '' };
  const step4 = ['al', 'ance', 'ence', 'er', 'ic', 'able', 'ible', 'ant', 'ement', 'ment', 'ent', 'ism', 'ate', 'iti', 'ous', 'ive', 'ize', 'ion'];
  const isVowel = c => 'aeiouy'.includes(c);

  function stem(word) {
    if (word.length < 3 || !/^[a-z']+$/.test(word)) return word;
    if (invariant.has(word)) return word;
    if (Object.hasOwn(stemExceptions, word)) return stemExceptions[word];
    let w = word.replace(/^'/, '').replace(/(^|[aeiouy])y/g, '$1Y');
    const afterVowelConsonant = from => {
      for (let i = from + 1; i < w.length; i++) if (!isVowel(w[i]) && isVowel(w[i - 1])) return i + 1;
      return w.length;
    };
    const prefix = ['gener', 'commun', 'arsen'].find(p => w.startsWith(p));
    const r1 = prefix ? prefix.length : afterVowelConsonant(0), r2 = afterVowelConsonant(r1);
    const longest = suffixes => suffixes.reduce((best, x) => x.length > best.length && w.endsWith(x) ? x : best, '');
    const inR1 = x => w.length - x.length >= r1, inR2 = x => w.length - x.length >= r2;
    const cut = (x, add = '') => { w = w.slice(0, w.length - x.length) + add; };
    const hasVowel = end => [...w.slice(0, end)].some(isVowel);
    const endsShort = n => {
      return (n >= 3 && !isVowel(w[n - 3]) && isVowel(w[n - 2]) && !isVowel(w[n - 1]) && !'wxY'.includes(w[n - 1])) ||
        (n === 2 && isVowel(w[0]) && !isVowel(w[1]));
    };

    cut(longest(["'", "'s", "'s'"]));
    const x1a = longest(['sses', 'ied', 'ies', 's', 'us', 'ss']);
    if (x1a === 'sses') cut(x1a, 'ss');
    else if (x1a === 'ied' || x1a === 'ies') cut(x1a, w.length > 4 ? 'i' : 'ie');
    else if (x1a === 's' && w.length >= 2 && hasVowel(w.length - 2)) cut(x1a);
    if (invariantAfter1a.has(w)) return w.replace(/Y/g, 'y');

    const x1b = longest(['eed', 'eedly', 'ed', 'edly', 'ing', 'ingly']);
    if (x1b === 'eed' || x1b === 'eedly') {
      if (inR1(x1b)) cut(x1b, 'ee');
    } else if (x1b && hasVowel(w.length - x1b.length)) {
      cut(x1b);
      if (/(at|bl|iz)$/.test(w)) w += 'e';
      else if (/(bb|dd|ff|gg|mm|nn|pp|rr|tt)$/.test(w)) w = w.slice(0, -1);
      else if (r1 >= w.length && endsShort(w.length)) w += 'e';
    }

    const n = w.length;
    if (n > 2 && (w[n - 1] === 'y' || w[n - 1] === 'Y') && !isVowel(w[n - 2])) w = w.slice(0, -1) + 'i';

    const x2 = longest(Object.keys(step2));
    if (x2 && inR1(x2)) {
      const before = w[w.length - x2.length - 1] || '';
      if ((x2 !== 'ogi' || before === 'l') && (x2 !== 'li' || (before && 'cdeghkmnrt'.includes(before)))) cut(x2, step2[x2]);
    }
    const x3 = longest(Object.keys(step3));
    if (x3 && inR1(x3) && (x3 !== 'ative' || inR2(x3))) cut(x3, step3[x3]);
    const x4 = longest(step4);
    if (x4 && inR2(x4) && (x4 !== 'ion' || /[st]$/.test(w.slice(0, -3)))) cut(x4);

    if (w.endsWith('e') && (inR2('e') || (inR1('e') && !endsShort(w.length - 1)))) cut('e');
    else if (w.endsWith('l') && inR2('l') && w[w.length - 2] === 'l') cut('l');
    return w.replace(/Y/g, 'y');
  }

  const remember = (cache, key, make) => cache.has(key) ? cache.get(key) : cache.set(key, make()).get(key);

  // For TestScriptAgreesWithGo, in Node.
  if (typeof module === 'object') {
    module.exports = { readText, stem, setFold: pairs => readFoldTable(pairs) };
    return;
  }

  function readFoldTable(pairs) {
    const chars = [...pairs];
    folds.clear();
    for (let i = 0; i + 1 < chars.length; i += 2) simplified.set(chars[i].codePointAt(0), chars[i + 1].codePointAt(0));
  }

  // The page

  const results = document.getElementById('search-results');
  const input = document.getElementById('q');
  if (!results || !input) return;
  const status = document.getElementById('search-status');
  const more = document.getElementById('search-more');
  const ui = results.dataset, manifestURL = new URL(ui.index, location.href);
  const siteRoot = new URL('../', manifestURL);
  const readerLang = document.documentElement.lang.split('-')[0];
  const PAGE = 10, RANGE_SHARDS = 3;
  let manifest, version = '', shown = [], runs = 0, timer;
  const shardCache = new Map(), docCache = new Map();

  const element = (tag, props) => Object.assign(document.createElement(tag), props);
  const fetchFile = (path, as) => fetch(new URL(path + '?v=' + version, manifestURL))
    .then(r => r.ok ? r[as]() : Promise.reject(new Error(r.status + ' ' + r.url)));

  // The index

  // shardOf is the number of the shard that would hold key.
  function shardOf(key) {
    const firsts = manifest.shards;
    let lo = 0, hi = firsts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (firsts[mid] <= key) lo = mid; else hi = mid - 1;
    }
    return lo;
  }

  // loadShard reads shard n: its keys in order, each with its postings.
  function loadShard(n) {
    return remember(shardCache, n, () => fetchFile('s/' + n + '.bin', 'arrayBuffer').then(buffer => {
        const bytes = new Uint8Array(buffer), decoder = new TextDecoder(), entries = [];
        let pos = 0, prev = new Uint8Array(0);
        const uvarint = () => {
          let value = 0, scale = 1, byte;
          do { byte = bytes[pos++]; value += (byte & 0x7f) * scale; scale *= 128; } while (byte & 0x80);
          return value;
        };
        while (pos < bytes.length) {
          const shared = uvarint(), suffixLen = uvarint();
          const keyBytes = new Uint8Array(shared + suffixLen);
          keyBytes.set(prev.subarray(0, shared));
          keyBytes.set(bytes.subarray(pos, pos + suffixLen), shared);
          pos += suffixLen;
          const postingsLen = uvarint();
          entries.push({ key: decoder.decode(keyBytes), postings: bytes.subarray(pos, pos + postingsLen) });
          pos += postingsLen;
          prev = keyBytes;
        }
        return entries;
      }));
  }

  // eachPosting calls f(doc, where, tf) for each document a key is in.
  function eachPosting(bytes, f) {
    let doc = -1;
    for (let pos = 0; pos < bytes.length;) {
      let value = 0, scale = 1, byte;
      do { byte = bytes[pos++]; value += (byte & 0x7f) * scale; scale *= 128; } while (byte & 0x80);
      doc += Math.floor(value / 32) + 1;
      f(doc, value & 3, (value >> 2) & 7);
    }
  }

  const langOf = doc => manifest.languages.find(l => doc >= l.from && doc < l.to);

  // groupOf is the number of the first of a page and its translations.
  function groupOf(doc) {
    for (const [first, count, group] of manifest.groups) if (doc >= first && doc < first + count) return group + doc - first;
    return doc;
  }

  // translationIn is the page of doc's group in a language, or undefined.
  function translationIn(doc, lang) {
    const group = groupOf(doc);
    if (group >= lang.from && group < lang.to) return group;
    for (const [first, count, start] of manifest.groups) {
      const d = first + group - start;
      if (group >= start && group < start + count && d >= lang.from && d < lang.to) return d;
    }
  }

  // Queries

  // parseQuery turns what the reader typed into clauses, each of which a
  // result must meet, and optional pairs that raise a result where the
  // words are side by side. Text in quotes is a phrase.
  function parseQuery(text) {
    const clauses = [], bonus = [];
    text.split(/["“”＂]/).forEach((part, i) => {
      const phrase = i % 2 === 1;
      let run = [];
      const endRun = () => {
        if (phrase && run.length > 1) {
          clauses.push({ kind: 'phrase', stems: run.map(stemOf), keys: pairKeys(run) });
        } else {
          run.forEach(w => clauses.push({ kind: 'word', word: w, stem: stemOf(w), prefix: !phrase && [...w].length >= 3 }));
          if (!phrase) bonus.push(...pairKeys(run));
        }
        run = [];
      };
      for (const token of readText(part).tokens) {
        if (token.kind === WORD) { run.push(token.text); continue; }
        endRun();
        if (token.kind === HAN) {
          const chars = [...token.text], keys = chars.length === 1 ? chars : chars.slice(1).map((c, k) => chars[k] + c);
          clauses.push({ kind: 'han', text: token.text, keys });
        }
      }
      endRun();
    });
    return { clauses, bonus };
  }

  const pairKeys = words => words.slice(1).map((w, k) => ' ' + stemOf(words[k]) + ' ' + stemOf(w));
  const stems = new Map();
  const stemOf = word => remember(stems, word, () => stem(word));

  // wordMatch says how a key matches a word clause: 2 the word itself, 1 the
  // same stem, 0 a longer word it starts, -1 not at all.
  function wordMatch(clause, key) {
    if (key === clause.word) return 2;
    if (key[0] !== ' ' && stemOf(key) === clause.stem) return 1;
    return clause.prefix && key.startsWith(clause.word) ? 0 : -1;
  }

  function sharedStart(a, b) {
    let n = 0;
    while (n < a.length && a[n] === b[n]) n++;
    return a.slice(0, n);
  }

  function shardsFor(query) {
    const wanted = new Set();
    const add = key => wanted.add(shardOf(key));
    for (const clause of query.clauses) {
      if (clause.kind !== 'word') { clause.keys.forEach(add); continue; }
      // Every key that starts with what the word and its stem share.
      const from = sharedStart(clause.word, clause.stem);
      let [lo, hi] = (clause.prefix ? [from, from + '\uffff'] : [clause.word, clause.word]).map(shardOf);
      if (hi - lo >= RANGE_SHARDS) lo = hi = shardOf(clause.word); // too common a start: the word alone
      for (let n = lo; n <= hi; n++) wanted.add(n);
      add(clause.stem);
    }
    query.bonus.forEach(add);
    return [...wanted];
  }

  // score finds the documents that meet every clause, best first.
  async function score(query) {
    const shards = await Promise.all(shardsFor(query).map(loadShard));
    const entries = new Map();
    shards.flat().forEach(e => entries.set(e.key, e.postings));
    // A key's worth in a document: where it is first, how it matched
    // next, then a little for how often.
    const worth = (where, match, tf) => where * 3 + match + tf / 8;
    let total;
    for (const clause of query.clauses) {
      const best = new Map();
      if (clause.kind === 'word') {
        const from = sharedStart(clause.word, clause.stem);
        for (const [key, postings] of entries) {
          const match = key.startsWith(from) ? wordMatch(clause, key) : -1;
          if (match >= 0) eachPosting(postings, (doc, where, tf) => best.set(doc, Math.max(best.get(doc) || 0, worth(where, match, tf))));
        }
      } else {
        // Every pair of the run or phrase must be there; the weakest counts.
        clause.keys.forEach((key, k) => {
          const seen = new Map();
          eachPosting(entries.get(key) || [], (doc, where, tf) => {
            if (k === 0 || best.has(doc)) seen.set(doc, Math.min(k ? best.get(doc) : Infinity, worth(where, 2, tf)));
          });
          best.clear();
          seen.forEach((v, doc) => best.set(doc, v));
        });
      }
      if (!total) total = best;
      else for (const [doc, v] of total) best.has(doc) ? total.set(doc, v + best.get(doc)) : total.delete(doc);
    }
    if (!total) return [];
    for (const key of query.bonus) {
      eachPosting(entries.get(key) || [], (doc, where, tf) => {
        if (total.has(doc)) total.set(doc, total.get(doc) + worth(where, 2, tf));
      });
    }
    return [...total].sort((a, b) => b[1] - a[1] || a[0] - b[0]).map(([doc]) => doc);
  }

  // arrange puts each result's translation in the reader's language just
  // before it, and the translations that match beside each other.
  function arrange(ranked, reader) {
    const matched = new Set(ranked), byGroup = new Map(), list = [];
    for (const doc of ranked) {
      const group = groupOf(doc);
      if (!byGroup.has(group)) byGroup.set(group, []);
      byGroup.get(group).push(doc);
    }
    for (const doc of ranked) {
      const group = byGroup.get(groupOf(doc));
      if (!group.length) continue;
      const own = translationIn(doc, reader);
      if (own !== undefined && !matched.has(own)) list.push({ doc: own, matched: false });
      group.sort((a, b) => (langOf(b) === reader) - (langOf(a) === reader));
      group.forEach(d => list.push({ doc: d, matched: true }));
      group.length = 0;
    }
    return list;
  }

  // Results

  // findMatches lists where the query matches text, as [start, end] in
  // the text, and which clauses it meets there.
  function findMatches(text, query) {
    const { folded, at, tokens } = readText(text), ranges = [], met = new Set();
    query.clauses.forEach((clause, c) => {
      const hit = (start, end) => { ranges.push([at[start], at[end]]); met.add(c); };
      if (clause.kind === 'han') {
        for (let i = folded.indexOf(clause.text); i >= 0; i = folded.indexOf(clause.text, i + 1)) hit(i, i + clause.text.length);
      } else if (clause.kind === 'word') {
        tokens.forEach(t => { if (t.kind === WORD && wordMatch(clause, t.text) >= 0) hit(t.start, t.end); });
      } else {
        const n = clause.stems.length;
        tokens.forEach((t, i) => {
          const run = tokens.slice(i, i + n);
          if (run.length === n && run.every((r, k) => r.kind === WORD && stemOf(r.text) === clause.stems[k])) hit(t.start, run[n - 1].end);
        });
      }
    });
    return { ranges: ranges.sort((a, b) => a[0] - b[0]), met };
  }

  // weight is how much of a snippet a character takes: about 70 Chinese
  // characters or 160 Latin ones fill it.
  const weight = ch => ch.codePointAt(0) >= 0x2e80 ? 1 / 70 : 1 / 160;
  const sentenceEnd = /[。！？；.!?;]/;

  // snippet cuts about a snippet's worth of text around its first match,
  // at word boundaries, and marks every match in it: it starts a little
  // before the match, at the start of its sentence if that is near.
  function snippet(text, ranges) {
    const first = ranges.length ? ranges[0][0] : 0;
    let start = first, used = 0;
    while (start > 0 && used < 0.25 && !sentenceEnd.test(text[start - 1])) used += weight(text[--start]);
    if (start > 0 && /\w/.test(text[start - 1])) while (start < first && /\w/.test(text[start])) start++;
    while (start < first && /\s/.test(text[start])) start++;
    let end = start;
    for (used = 0; end < text.length && used < 1; end++) used += weight(text[end]);
    if (end < text.length && /\w/.test(text[end])) {
      const space = text.lastIndexOf(' ', end);
      if (space > first) end = space;
    }
    const p = element('p');
    if (start > 0) p.append('…');
    p.append(...marked(text, ranges, start, end));
    if (end < text.length) p.append('…');
    return p;
  }

  // marked is text[start:end], each match in a <mark>.
  function marked(text, ranges, start = 0, end = text.length) {
    const nodes = [];
    let pos = start;
    for (const [a, b] of ranges) {
      const from = Math.max(a, pos), to = Math.min(b, end);
      if (to <= from) continue;
      nodes.push(text.slice(pos, from), element('mark', { textContent: text.slice(from, to) }));
      pos = to;
    }
    nodes.push(text.slice(pos, end));
    return nodes;
  }

  // resultItem makes a result's <li>, or null for a page that the index's
  // pairs let through but whose text does not match after all.
  function resultItem(item, frag, query, reader) {
    const title = findMatches(frag.t, query), met = new Set(title.met);
    // The snippet is the passage that meets most clauses; the link goes to
    // the heading of the one under a heading that meets most.
    let best = { ranges: [], met: new Set(), text: frag.p.length ? frag.p[0][0] : '' }, anchor = '', anchorMet = 0;
    for (const [text, under] of frag.p) {
      const m = findMatches(text, query);
      m.met.forEach(c => met.add(c));
      if (m.met.size > best.met.size) best = { ...m, text };
      if (under && m.met.size > anchorMet) [anchor, anchorMet] = [under, m.met.size];
    }
    if (item.matched && met.size < query.clauses.length) return null;

    const li = element('li'), lang = langOf(item.doc);
    const link = element('a', { href: new URL(frag.u, siteRoot).href + (anchor ? '#' + anchor : '') });
    link.append(...marked(frag.t, item.matched ? title.ranges : []));
    li.append(link);
    if (lang.code !== reader.code) {
      li.lang = lang.code;
      li.append(' ', element('span', { className: 'result-lang', textContent: lang.name }));
    }
    if (frag.s) li.append(' ', element('span', { className: 'result-section', textContent: frag.s }));
    if (best.text) li.append(snippet(best.text, item.matched ? best.ranges : []));
    return li;
  }

  const loadDoc = doc => remember(docCache, doc, () => fetchFile('d/' + doc + '.json', 'json'));

  // showMore adds the next page of results.
  async function showMore(run, query, reader) {
    const batch = shown.splice(0, PAGE), frags = await Promise.all(batch.map(item => loadDoc(item.doc)));
    if (run !== runs) return {};
    const added = batch.map((item, i) => resultItem(item, frags[i], query, reader)).filter(Boolean);
    results.append(...added);
    if (more) more.hidden = shown.length === 0;
    return { dropped: batch.length - added.length, first: added[0] };
  }

  // Wiring

  function setStatus(n) {
    status.textContent = n ? (n === 1 ? ui.single : ui.count).replace('%d', n) : ui.none;
  }

  async function search(text) {
    const run = ++runs, query = parseQuery(text);
    const reader = manifest.languages.find(l => l.code === readerLang) || manifest.languages[0];
    const ranked = query.clauses.length ? await score(query) : [];
    if (run !== runs) return;
    shown = arrange(ranked, reader);
    const total = shown.length;
    results.textContent = '';
    // More results: the keyboard goes on from the first new one.
    if (more) more.onclick = () => showMore(runs, query, reader).then(({ first }) => first && first.querySelector('a').focus());
    if (!text.trim()) { status.textContent = ''; if (more) more.hidden = true; return; }
    const { dropped } = await showMore(run, query, reader);
    if (run === runs) setStatus(total - dropped);
  }

  // keepQuery puts the query in the page's URL and in the language
  // switcher's links, so that reloading, going back and switching
  // language keep it.
  function keepQuery(text, push) {
    const url = new URL(location.href);
    url.search = text ? '?q=' + encodeURIComponent(text) : '';
    if (url.href !== location.href) history[push ? 'pushState' : 'replaceState'](null, '', url);
    for (const a of document.querySelectorAll('.lang-switch a[hreflang]')) {
      const target = new URL(a.href);
      target.search = url.search;
      a.href = target.href;
    }
  }

  const run = push => {
    clearTimeout(timer);
    keepQuery(input.value.trim(), push);
    if (manifest) search(input.value).catch(err => { status.textContent = ui.none; console.warn('search:', err); });
  };
  input.form.addEventListener('submit', event => { event.preventDefault(); run(true); });
  // Typing searches after a pause, not while an input method is composing.
  const later = () => { clearTimeout(timer); timer = setTimeout(run, 200, false); };
  input.addEventListener('input', event => event.isComposing || later());
  input.addEventListener('compositionend', later);
  const fromURL = () => { input.value = new URLSearchParams(location.search).get('q') || ''; };
  addEventListener('popstate', () => { fromURL(); run(false); });
  fromURL();
  fetch(manifestURL, { cache: 'no-cache' }).then(r => r.json()).then(m => {
    manifest = m;
    version = m.version;
    readFoldTable(m.fold);
    run(false);
  });
})();
