// Rendering the engine's JSON into the page. Every string that comes from
// the engine or from a list reaches the DOM through textContent (or
// createTextNode) only, never as markup: a listed name "<img onerror=…>"
// shows as those characters.

import { t, has, currentLang, fmtDate, fmtRelative } from './i18n.js';

const $ = (id) => document.getElementById(id);

function el(tag, cls, text) {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined && text !== null) e.textContent = String(text);
  return e;
}

function clone(id) { return $(id).content.firstElementChild.cloneNode(true); }

function join(v) {
  if (v === undefined || v === null) return '';
  if (Array.isArray(v)) return v.filter((x) => x !== '' && x !== null).map((x) => (typeof x === 'object' ? flat(x) : x)).join(', ');
  if (typeof v === 'object') return flat(v);
  return String(v);
}

function flat(o) {
  return Object.entries(o).filter(([, v]) => v !== '' && v !== null && v !== undefined && v !== false)
    .map(([k, v]) => `${k}: ${typeof v === 'object' ? JSON.stringify(v) : v}`).join('; ');
}

function dl(target, rows) {
  target.replaceChildren();
  for (const [label, value] of rows) {
    if (value === undefined || value === null || value === '') continue;
    target.append(el('dt', null, label), el('dd', null, value));
  }
}

const SEV_RANK = { refer: 0, error: 0, review: 1, warning: 1, info: 2 };
const REC_GLYPH = { clear: '✔', review: '▲', refer: '✖' };

export function sevLabel(sev) { return t(`sev.${sev}`); }

// ---- the list in use ------------------------------------------------------

// renderStatus fills the status bar. info is screen.ListInfo or null;
// rejection is the last failed load {code, step, error, source} or null;
// loading is true while the first list is being read.
export function renderStatus(info, rejection, { loading = false, clockBehind = false, fetchProblem = null, now = Date.now() } = {}) {
  const stateEl = $('list-state');
  let state = info ? info.state : (loading ? 'loading' : 'none');
  let text = info ? t(`state.${info.state}`) : t(loading ? 'state.loading' : 'state.none');
  if (rejection) {
    state = 'rejected';
    text = t('state.rejected', { reason: reasonText(rejection) });
  }
  stateEl.dataset.state = state;
  stateEl.textContent = text;
  $('list-name').textContent = info ? info.name : '—';
  $('list-env').textContent = info ? info.env : '—';
  $('list-env').dataset.env = info ? info.env : '';
  $('list-seq').textContent = info ? String(info.seq) : '—';
  $('list-issued').textContent = info ? `${fmtDate(info.issued)} (${fmtRelative(info.issued, now)})` : '—';
  $('list-expires').textContent = info ? `${fmtDate(info.expires)} (${fmtRelative(info.expires, now)})` : '—';
  $('list-signer').textContent = info && info.signers && info.signers.length
    ? info.signers.map((s) => `${s.name} (${s.fingerprint})`).join(', ') : '—';
  $('list-entries').textContent = info ? t('status.entries_value', { entries: info.entries ?? '?', documents: info.documents ?? '?' }) : '—';
  $('demo-banner').hidden = !(info && info.env === 'demo');

  const alert = $('list-alert');
  const msgs = [];
  if (rejection) {
    msgs.push(t('alert.rejected', {
      source: t(`source.${rejection.source || 'server'}`),
      reason: reasonText(rejection, true),
      step: rejection.step || '?',
    }));
    msgs.push(info ? t('alert.kept', { name: info.name, seq: info.seq }) : t('alert.nolist'));
  } else if (!info && !loading) {
    msgs.push(t('alert.nolist'));
  } else if (info && info.state === 'expired') {
    msgs.push(t('alert.expired'));
  } else if (info && info.state === 'stale') {
    msgs.push(t('alert.stale'));
  }
  if (fetchProblem && fetchProblem.code === 'offline_stored') msgs.push(t('alert.offline'));
  else if (fetchProblem) msgs.push(t('alert.fetch', { reason: reasonText(fetchProblem, true) }));
  if (clockBehind) msgs.push(t('alert.clock'));
  alert.hidden = msgs.length === 0;
  alert.textContent = msgs.join(' ');
  alert.classList.toggle('notice', !rejection && !!info && info.state !== 'expired');
}

// Causes whose translation is generic: the engine's own words follow, so
// whoever fixes the list knows what to fix.
const DETAILED = new Set(['load', 'internal', 'decode', 'header', 'signature', 'envelope', 'size', 'policy', 'http']);

export function reasonText(rej, detailed = false) {
  const key = `reason.${rej.code}`;
  if (!has(key)) return rej.error || rej.code || '?';
  return detailed && DETAILED.has(rej.code) && rej.error ? `${t(key)} — ${rej.error}` : t(key);
}

// ---- a screening report ---------------------------------------------------

export function renderReport(rep) {
  renderVerdict(rep);
  renderHits(rep.hits || []);
  renderDocHits(rep.document_hits || []);
  renderSignals(rep.signals || []);
  renderDocument(rep);
}

export function clearReport() {
  const v = $('verdict');
  v.dataset.recommendation = 'none';
  v.replaceChildren(el('p', 'verdict-empty', t('result.empty')));
  for (const id of ['hits-section', 'dochits-section', 'signals-section', 'document']) $(id).hidden = true;
}

function renderVerdict(rep) {
  const v = $('verdict');
  const rec = rep.recommendation || 'review';
  v.dataset.recommendation = rec;
  const head = el('p', 'verdict-head');
  head.append(el('span', 'verdict-icon', REC_GLYPH[rec] || '?'), el('span', 'verdict-word', t(`rec.${rec}`)));
  head.firstChild.setAttribute('aria-hidden', 'true');
  const kids = [head];
  if (rep.error) kids.push(el('p', 'verdict-error', rep.error));
  const ul = el('ul', 'verdict-summary');
  for (const line of summaryLines(rep)) ul.append(el('li', null, line));
  kids.push(ul);
  const list = rep.list;
  let listLine;
  if (rep.matching === 'available' && list) {
    listLine = el('p', 'verdict-list', t('result.list', { name: list.name, seq: list.seq, env: list.env, issued: fmtDate(list.issued) }));
  } else {
    listLine = el('p', 'verdict-list unavailable', list
      ? t('result.unavailable_expired', { name: list.name, seq: list.seq })
      : t('result.unavailable'));
  }
  listLine.id = 'verdict-list';
  kids.push(listLine);
  v.replaceChildren(...kids);
}

// summaryLines: the engine's English reasons in English; in another
// language, the same reasons rebuilt from the report's parts.
function summaryLines(rep) {
  if (currentLang() === 'en') return rep.summary || [];
  const out = [];
  const hits = rep.hits || [];
  const strong = hits.filter((h) => h.level === 'strong').length;
  const possible = hits.length - strong;
  if (strong) out.push(t('sum.strong', { n: strong }));
  if (possible) out.push(t('sum.possible', { n: possible }));
  if ((rep.document_hits || []).length) out.push(t('sum.document', { reason: t(`lookout.${rep.document_hits[0].reason}`) }));
  for (const s of rep.signals || []) {
    if (s.severity === 'review' || s.severity === 'refer') out.push(s.message_es || s.message);
  }
  if (rep.valid === false) out.push(t('sum.invalid'));
  if (rep.matching !== 'available') out.push(t('sum.unavailable'));
  if (!out.length) out.push(t('sum.nothing'));
  return out;
}

function renderHits(hits) {
  const sec = $('hits-section');
  const ol = $('hits');
  ol.replaceChildren();
  sec.hidden = hits.length === 0;
  for (const h of hits) {
    const li = clone('tpl-hit');
    li.dataset.level = h.level;
    const lvl = li.querySelector('.hit-level');
    lvl.textContent = t(`level.${h.level}`);
    lvl.classList.add(h.level === 'strong' ? 'strong' : 'possible');
    li.querySelector('.hit-name').textContent = h.name || h.primary_name || h.id;
    li.querySelector('.hit-score').textContent = t('hit.score', { score: Number(h.score || 0).toFixed(2) });
    dl(li.querySelector('.hit-facts'), [
      [t('hit.primary'), h.primary_name && h.primary_name !== h.name ? h.primary_name : ''],
      [t('hit.category'), h.category ? (has(`cat.${h.category}`) ? t(`cat.${h.category}`) : h.category) : ''],
      [t('hit.action'), h.action],
      [t('hit.dob'), join(h.dob)],
      [t('hit.pob'), join(h.pob)],
      [t('hit.nationality'), join(h.nationality)],
      [t('hit.id'), h.id],
    ]);
    li.querySelector('.hit-reasons-title').textContent = t('hit.reasons');
    const ul = li.querySelector('.reasons');
    for (const r of h.reasons || []) {
      const item = el('li', 'reason');
      item.append(el('span', 'r-kind', (has(`reasonkind.${r.kind}`) ? t(`reasonkind.${r.kind}`) : r.kind) + ': '));
      // The engine's sentence is English; other languages are rebuilt
      // from the reason's parts (query ↔ list, how).
      const english = currentLang() === 'en';
      if (r.detail && english) item.append(document.createTextNode(r.detail));
      if (r.query || r.list) item.append(document.createTextNode(`${english ? ' (' : ''}${r.query || '—'} ↔ ${r.list || '—'}${english ? ')' : ''}`));
      if (r.how) item.append(el('span', 'r-how', ` · ${has(`how.${r.how}`) ? t(`how.${r.how}`) : r.how}`));
      ul.append(item);
    }
    ol.append(li);
  }
}

function renderDocHits(dh) {
  $('dochits-section').hidden = dh.length === 0;
  const ul = $('dochits');
  ul.replaceChildren();
  for (const d of dh) {
    const li = clone('tpl-dochit');
    li.querySelector('.sev').textContent = t('sev.refer');
    li.querySelector('.dochit-msg').textContent = t('dochit.msg', {
      state: d.state, number: d.number, reason: has(`lookout.${d.reason}`) ? t(`lookout.${d.reason}`) : d.reason,
    });
    li.querySelector('.dochit-meta').textContent = ' ' + [d.source, d.range ? t('dochit.range', { range: join(d.range) }) : ''].filter(Boolean).join(' · ');
    ul.append(li);
  }
}

function renderSignals(signals) {
  $('signals-section').hidden = signals.length === 0;
  const ul = $('signals');
  ul.replaceChildren();
  const sorted = [...signals].sort((a, b) => (SEV_RANK[a.severity] ?? 3) - (SEV_RANK[b.severity] ?? 3));
  for (const s of sorted) {
    const li = clone('tpl-signal');
    li.dataset.severity = s.severity;
    li.dataset.code = s.code;
    const sev = li.querySelector('.sev');
    sev.textContent = sevLabel(s.severity);
    sev.classList.add(`sev-${s.severity}`);
    li.querySelector('.signal-msg').textContent = ' ' + (currentLang() === 'es' && s.message_es ? s.message_es : s.message);
    const meta = [s.source, evidenceText(s.evidence)].filter(Boolean).join(' · ');
    li.querySelector('.signal-meta').textContent = meta ? ` (${meta})` : '';
    ul.append(li);
  }
}

// evidenceText shows a signal's evidence in the page's language: a key
// with an _es twin shows the twin in Spanish; the twins are not repeated.
function evidenceText(ev) {
  if (!ev) return '';
  if (typeof ev !== 'object') return String(ev);
  const es = currentLang() === 'es';
  const parts = [];
  for (const [k, v] of Object.entries(ev)) {
    if (k.endsWith('_es') || v === '' || v === null || v === undefined) continue;
    const val = es && ev[`${k}_es`] ? ev[`${k}_es`] : v;
    parts.push(`${k}: ${typeof val === 'object' ? JSON.stringify(val) : val}`);
  }
  return parts.join('; ');
}

// ---- the parsed document --------------------------------------------------

const FIELD_ORDER = ['document_type', 'issuing_state', 'surname', 'given_names', 'document_number', 'nationality',
  'birth_date', 'sex', 'expiry_date', 'optional_data', 'optional_data_1', 'optional_data_2'];

function renderDocument(rep) {
  const sec = $('document');
  if (!rep.lines && !rep.person) { sec.hidden = true; return; }
  sec.hidden = false;
  // A typed person has no zone, check digits or findings to show.
  for (const e of sec.querySelectorAll('.zone, h3, #doc-checks, #doc-findings')) e.hidden = !!rep.person;
  if (rep.person) {
    $('doc-line').textContent = t('doc.person');
    $('zone').replaceChildren();
    $('zone-repaired').hidden = true;
    dl($('doc-fields'), Object.entries(rep.person).map(([k, v]) => [t(`person.${k}`), v]));
    $('doc-checks').replaceChildren();
    $('doc-findings').replaceChildren();
    return;
  }
  const f = rep.fields || {};
  $('doc-line').textContent = t('doc.summary', {
    format: rep.format || '?',
    validity: rep.valid ? t('doc.valid') : t('doc.invalid'),
  });
  renderZone($('zone'), rep.lines || [], rep.findings || []);
  const rz = $('zone-repaired');
  if (rep.repaired && rep.repaired.join('\n') !== (rep.lines || []).join('\n')) {
    rz.hidden = false;
    renderRepaired(rz, rep.lines || [], rep.repaired);
  } else {
    rz.hidden = true;
    rz.replaceChildren();
  }
  const rows = [];
  const es = currentLang() === 'es';
  for (const k of FIELD_ORDER) {
    if (f[k] === undefined || f[k] === '') continue;
    let v = f[k];
    // Derived values beside the printed ones: ISO dates, country names.
    if (f[`${k}_iso`]) v = `${v} (${f[`${k}_iso`]})`;
    const name = (es && f[`${k}_name_es`]) || f[`${k}_name`];
    if (name) v = `${v} — ${name}`;
    rows.push([t(`field.${k}`), v]);
  }
  for (const [k, v] of Object.entries(f)) {
    if (FIELD_ORDER.includes(k) || /_(iso|name|name_es)$/.test(k) || v === '' || typeof v === 'object') continue;
    rows.push([has(`field.${k}`) ? t(`field.${k}`) : k, v]);
  }
  dl($('doc-fields'), rows);

  const checks = $('doc-checks');
  checks.replaceChildren();
  for (const c of rep.checks || []) {
    const cls = c.state === 'verified' ? 'ok' : c.state === 'refuted' ? 'bad' : 'none';
    const li = el('li', cls);
    li.dataset.check = c.name;
    li.dataset.state = c.state;
    let text = `${t(`check.${c.name}`)}: ${t(`checkstate.${c.state}`)}`;
    if (c.state === 'refuted') text += ' ' + t('check.detail', { printed: c.printed, expected: c.expected, line: c.line, pos: c.pos + 1 });
    if (c.variant) text += ` (${c.variant})`;
    li.textContent = text;
    checks.append(li);
  }

  const ul = $('doc-findings');
  ul.replaceChildren();
  const findings = [...(rep.findings || [])].sort((a, b) => (SEV_RANK[a.severity] ?? 3) - (SEV_RANK[b.severity] ?? 3));
  if (!findings.length) ul.append(el('li', 'none', t('doc.nofindings')));
  for (const fd of findings) {
    const li = clone('tpl-finding');
    li.dataset.code = fd.code;
    li.dataset.severity = fd.severity;
    const sev = li.querySelector('.sev');
    sev.textContent = sevLabel(fd.severity);
    sev.classList.add(`sev-${fd.severity}`);
    li.querySelector('.finding-msg').textContent = ' ' + findingMessage(fd);
    li.querySelector('.finding-where').textContent = fd.line ? ' ' + t('finding.where', { line: fd.line, start: fd.start + 1, end: Math.max(fd.end, fd.start + 1) }) : '';
    ul.append(li);
  }
}

export function findingMessage(fd) {
  // English: the engine's message as it is. Other languages: the template
  // for the code, filled with the finding's params (field and check names
  // translated too); the English message when the code is unknown here.
  if (currentLang() === 'en' || !has(`finding.${fd.code}`)) return fd.message;
  const p = { ...(fd.params || {}) };
  if (fd.field && has(`field.${fd.field}`)) p.field = t(`field.${fd.field}`).toLowerCase();
  if (p.check !== undefined && fd.field && has(`check.${fd.field}`)) p.check = t(`check.${fd.field}`).toLowerCase();
  return t(`finding.${fd.code}`, p);
}

// renderZone shows the lines as read with each failing character inside a
// <mark> (errors) and a caret line under it, so the place is visible
// without colour and readable by a screen reader.
function renderZone(target, lines, findings) {
  target.replaceChildren();
  lines.forEach((line, i) => {
    const sev = new Array(line.length).fill(0); // 0 none, 1 warning, 2 error
    const why = new Array(line.length).fill('');
    for (const f of findings) {
      if (f.line !== i + 1) continue;
      const level = f.severity === 'error' ? 2 : f.severity === 'warning' ? 1 : 0;
      if (!level) continue;
      const end = Math.min(Math.max(f.end, f.start + 1), line.length);
      for (let p = Math.max(0, f.start); p < end; p++) {
        if (level > sev[p]) { sev[p] = level; why[p] = findingMessage(f); }
      }
    }
    const row = el('span', 'zl');
    row.dataset.line = String(i + 1);
    row.setAttribute('aria-label', t('doc.zoneline', { line: i + 1 }));
    let p = 0;
    while (p < line.length) {
      let q = p;
      while (q < line.length && sev[q] === sev[p] && why[q] === why[p]) q++;
      const text = line.slice(p, q);
      if (sev[p]) {
        const m = el('mark', sev[p] === 2 ? 'err' : 'warn', text);
        m.dataset.start = String(p);
        m.dataset.end = String(q);
        m.title = why[p];
        m.setAttribute('aria-label', t('doc.marked', { chars: text, line: i + 1, start: p + 1, end: q, why: why[p] }));
        row.append(m);
      } else {
        row.append(document.createTextNode(text));
      }
      p = q;
    }
    target.append(row);
    if (sev.some((s) => s)) {
      const carets = el('span', 'carets', sev.map((s) => (s === 2 ? '^' : s === 1 ? '~' : ' ')).join('').replace(/\s+$/, ''));
      carets.setAttribute('aria-hidden', 'true');
      target.append(carets);
    }
  });
}

function renderRepaired(target, lines, repaired) {
  target.replaceChildren(el('span', 'zl-caption', t('doc.repaired')));
  repaired.forEach((line, i) => {
    const orig = lines[i] || '';
    const row = el('span', 'zl');
    for (let p = 0; p < line.length; p++) {
      if (line[p] !== orig[p]) row.append(el('ins', null, line[p]));
      else row.append(document.createTextNode(line[p]));
    }
    target.append(row);
  });
}
