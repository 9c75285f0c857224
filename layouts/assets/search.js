// Site search: load this language's index once; a page matches when every
// query word is in its title or passages. Chinese matches as a substring,
// English by word, ignoring case and plural endings.
(() => {
  const out = document.getElementById('search-results'), q = document.getElementById('q'), D = document;
  if (!out || !q) return;
  const d = out.dataset, base = new URL(d.index, location.href), el = (t, c) => Object.assign(D.createElement(t), c);
  let pages, home, timer;
  // Normalized text, with the source offset of each normalized character.
  const norm = s => {
    let n = '', at = [], i = 0;
    for (const ch of s) {
      const c = ch.normalize('NFKC').toLowerCase();
      n += c; for (let k = 0; k < c.length; k++) at.push(i); i += ch.length;
    }
    at.push(i);
    return { s, n, at };
  };
  const forms = w => {
    const f = [w];
    if (w.endsWith('ies')) f.push(w.slice(0, -3) + 'y');
    if (w.endsWith('es')) f.push(w.slice(0, -2));
    if (w.endsWith('s')) f.push(w.slice(0, -1));
    return f;
  };
  // The words of a normalized text with their plural-free forms, and a set
  // and a string of them for quick tests, made once when the index loads.
  const words = x => {
    if (!x.words) {
      x.words = [...x.n.matchAll(/[\p{L}\p{N}]+/gu)].map(m => [m.index, m[0], forms(m[0])]);
      x.set = new Set(x.words.flatMap(w => w[2]));
      x.joined = ' ' + x.words.map(w => w[1]).join(' ');
    }
    return x.words;
  };
  // Whether term t is in x at all: cheap, so only the best passage is searched for positions.
  const has = (x, t) => t.sub ? x.n.includes(t.sub) : t.w.some(a => x.set.has(a)) || (t.last && t.w[0].length > 2 && x.joined.includes(' ' + t.w[0]));
  // Where term t is in x, as [start, end] pairs; the last word also matches a word's start.
  const find = (x, t) => {
    const r = [];
    if (t.sub) for (let i = x.n.indexOf(t.sub); i >= 0; i = x.n.indexOf(t.sub, i + 1)) r.push([i, i + t.sub.length]);
    else for (const [at, w, f] of words(x)) {
      if (t.w.some(a => f.includes(a)) || (t.last && t.w[0].length > 2 && w.startsWith(t.w[0]))) r.push([at, at + w.length]);
    }
    return r;
  };
  const snippet = (x, r) => {
    const p = el('p'), s = x.s;
    r.sort((a, b) => a[0] - b[0]);
    let i = r.length ? Math.max(0, x.at[r[0][0]] - 50) : 0, to = Math.min(s.length, i + 200);
    if (i) p.append('…');
    for (const [a, b] of r) {
      const sa = Math.max(x.at[a], i), sb = Math.min(x.at[b], to);
      if (sb > sa) { p.append(s.slice(i, sa), el('mark', { textContent: s.slice(sa, sb) })); i = sb; }
    }
    p.append(s.slice(i, to), to < s.length ? '…' : '');
    return p;
  };
  const run = () => {
    const text = q.value.trim(), hits = [];
    history.replaceState(null, '', text ? '?q=' + encodeURIComponent(text) : location.pathname);
    const ts = norm(text).n.split(/\s+/).filter(Boolean).flatMap(t =>
      /[^\x00-\x7f]/.test(t) ? [{ sub: t }] : (t.match(/[\p{L}\p{N}]+/gu) || []).map(w => ({ w: forms(w) })));
    if (ts.length) ts[ts.length - 1].last = 1;
    out.textContent = '';
    if (!ts.length || !pages) return;
    for (const { pg, title, ps } of pages) {
      const inT = ts.filter(t => has(title, t)).length;
      if (ts.some(t => !has(title, t) && !ps.some(x => has(x, t)))) continue;
      let best = ps[0], bn = 0, score = inT * 20;
      for (const x of ps) {
        const n = ts.filter(t => has(x, t)).length;
        score += n;
        if (n > bn) { bn = n; best = x; }
      }
      hits.push({ pg, best, br: best && bn ? ts.flatMap(t => find(best, t)) : [], score });
    }
    hits.sort((a, b) => b.score - a.score);
    const ol = el('ol'), n = hits.length;
    for (const { pg, best, br } of hits) {
      const li = el('li');
      li.append(el('a', { href: new URL(pg.u, base).href, textContent: pg.t }));
      if (pg.s && pg.s != home) li.append(' ', el('span', { className: 'result-section', textContent: pg.s }));
      if (best) li.append(snippet(best, br));
      ol.append(li);
    }
    out.append(el('p', { className: 'search-status', textContent: n ? (n == 1 ? d.single : d.count).replace('%d', n) : d.none }));
    if (n) out.append(ol);
  };
  q.form.addEventListener('submit', e => { e.preventDefault(); run(); });
  q.addEventListener('input', () => { clearTimeout(timer); timer = setTimeout(run, 200); });
  q.value = new URLSearchParams(location.search).get('q') || '';
  fetch(base).then(r => r.json()).then(j => {
    // Normalized once: a query then only searches.
    pages = j.pages.map(pg => ({ pg, title: norm(pg.t), ps: (pg.p || []).map(norm) }));
    pages.forEach(x => [x.title, ...x.ps].forEach(words));
    home = (j.pages.find(p => p.u == './') || {}).t;
    run();
  });
})();
