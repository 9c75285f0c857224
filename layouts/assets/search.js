// Site search: fetch this language's index once, match every query word,
// show each page with its best passage and the matches marked.
(() => {
  const out = document.getElementById('results'), q = document.getElementById('q');
  if (!out || !q) return;
  const d = out.dataset, base = new URL(d.index, location.href);
  let pages, timer;
  // Normalize one character at a time, keeping where each came from.
  const norm = s => {
    let n = '', at = [], i = 0;
    for (const ch of s) {
      const c = ch.normalize('NFKC').toLowerCase();
      for (let k = 0; k < c.length; k++) at.push(i);
      n += c; i += ch.length;
    }
    at.push(i);
    return { s, n, at };
  };
  // Word forms: zones, zone; industries, industry.
  const forms = w => [w, w.replace(/ies$/, 'y'), w.replace(/es$/, ''), w.replace(/s$/, '')];
  const terms = text => norm(text).n.split(/\s+/).filter(Boolean).flatMap(t =>
    /[^\x00-\x7f]/.test(t) ? [{ sub: t }] : (t.match(/[a-z0-9]+/g) || []).map(w => ({ w: forms(w) })));
  // Where term t matches in normalized text x: [start, end] pairs.
  const find = (x, t, last) => {
    const r = [];
    if (t.sub) {
      for (let i = x.n.indexOf(t.sub); i >= 0; i = x.n.indexOf(t.sub, i + 1)) r.push([i, i + t.sub.length]);
    } else {
      for (const m of x.n.matchAll(/[\p{L}\p{N}]+/gu)) {
        const f = forms(m[0]);
        if (t.w.some(a => f.includes(a) || (last && a.length > 2 && m[0].startsWith(a)))) r.push([m.index, m.index + m[0].length]);
      }
    }
    return r;
  };
  const show = (x, r) => {
    const p = document.createElement('p'), s = x.s;
    r.sort((a, b) => a[0] - b[0]);
    let from = r.length ? Math.max(0, x.at[r[0][0]] - 60) : 0, to = Math.min(s.length, from + 220), i = from;
    if (from) p.append('…');
    for (const [a, b] of r) {
      const sa = Math.max(x.at[a], i), sb = Math.min(x.at[b], to);
      if (sb <= sa) continue;
      const m = document.createElement('mark');
      m.textContent = s.slice(sa, sb);
      p.append(s.slice(i, sa), m);
      i = sb;
    }
    p.append(s.slice(i, to), to < s.length ? '…' : '');
    return p;
  };
  const run = () => {
    const text = q.value.trim(), ts = terms(text), hits = [];
    history.replaceState(null, '', text ? '?q=' + encodeURIComponent(text) : location.pathname);
    out.textContent = '';
    if (!ts.length || !pages) return;
    for (const pg of pages) {
      const title = norm(pg.t), ps = (pg.p || []).map(norm);
      const lastK = ts.length - 1;
      if (!ts.every((t, k) => find(title, t, k == lastK).length || ps.some(x => find(x, t, k == lastK).length))) continue;
      let best = ps[0], br = [], bn = 0, score = ts.filter((t, k) => find(title, t, k == lastK).length).length * 20;
      for (const x of ps) {
        const rs = ts.map((t, k) => find(x, t, k == lastK)), n = rs.filter(r => r.length).length;
        score += n;
        if (n > bn) { bn = n; best = x; br = rs.flat(); }
      }
      hits.push({ pg, best, br, score });
    }
    hits.sort((a, b) => b.score - a.score);
    const st = document.createElement('p'), ol = document.createElement('ol');
    st.className = 'search-status';
    st.textContent = hits.length ? (hits.length == 1 ? d.one : d.count).replace('%d', hits.length) : d.none;
    for (const h of hits) {
      const li = document.createElement('li'), a = document.createElement('a');
      a.href = new URL(h.pg.u, base).href;
      a.textContent = h.pg.t;
      li.append(a);
      if (h.pg.s) li.append(' ', Object.assign(document.createElement('span'), { className: 'result-section', textContent: h.pg.s }));
      if (h.best) li.append(show(h.best, h.br));
      ol.append(li);
    }
    out.append(st);
    if (hits.length) out.append(ol);
  };
  q.form.addEventListener('submit', e => { e.preventDefault(); run(); });
  q.addEventListener('input', () => { clearTimeout(timer); timer = setTimeout(run, 200); });
  q.value = new URLSearchParams(location.search).get('q') || '';
  fetch(base).then(r => r.json()).then(j => { pages = j.pages; run(); });
})();
