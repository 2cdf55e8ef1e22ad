// Batch screening of a manifest: a CSV (a header naming its columns, as
// `lookout screen` reads it) or a text file of MRZs. Everything runs in this
// page, in slices so the progress bar moves and the page stays responsive.

import { t } from './i18n.js';

const MAX_ROWS = 100000;

// parseManifest turns file text into screen.Request objects, each with the
// 1-based input line it came from.
export function parseManifest(text) {
  text = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const first = text.split('\n', 1)[0].toLowerCase();
  const sep = first.includes(';') && !first.includes(',') ? ';' : ',';
  const header = splitCSV(first, sep).map((h) => h.trim());
  if (header.length > 1 || ['mrz', 'name', 'document_number'].includes(header[0])) {
    if (header.some((h) => ['mrz', 'mrz1', 'name', 'surname', 'document_number'].includes(h))) return parseCSV(text, sep);
  }
  return parseMRZText(text);
}

function parseMRZText(text) {
  const rows = [];
  const lines = text.split('\n');
  let group = [];
  let start = 0;
  const flush = () => {
    // A block may hold several MRZs back to back: cut it by line length.
    let i = 0;
    while (i < group.length) {
      const [ln, s] = group[i];
      const n = s.length === 30 ? 3 : 2;
      const part = group.slice(i, i + n);
      rows.push({ line: ln, req: { mrz: part.map((p) => p[1]).join('\n') } });
      i += n;
    }
    group = [];
  };
  lines.forEach((raw, idx) => {
    const s = raw.trim();
    if (!s) { flush(); return; }
    if (!group.length) start = idx + 1;
    group.push([idx + 1, s]);
  });
  flush();
  void start;
  return rows.slice(0, MAX_ROWS);
}

function parseCSV(text, sep) {
  const records = csvRecords(text, sep);
  const header = records.shift().map((h) => h.trim().toLowerCase());
  const col = (name) => header.indexOf(name);
  const rows = [];
  for (const { cells, line } of records) {
    if (cells.every((c) => !c.trim())) continue;
    const get = (name) => { const i = col(name); return i >= 0 && i < cells.length ? cells[i].trim() : ''; };
    const req = {};
    let mrz = get('mrz');
    if (!mrz && col('mrz1') >= 0) mrz = ['mrz1', 'mrz2', 'mrz3'].map(get).filter(Boolean).join('\n');
    if (mrz) req.mrz = mrz.replace(/\\n|\|/g, '\n');
    const person = {
      name: get('name') || [get('surname'), get('given_names')].filter(Boolean).join(' '),
      dob: get('dob'), pob: get('pob'), nationality: get('nationality'),
      document_number: get('document_number'), issuing_state: get('issuing_state'), sex: get('sex'),
    };
    if (!req.mrz) req.person = person;
    const visual = {};
    if (get('issue_date')) visual.issue_date = get('issue_date');
    if (get('place_of_birth')) visual.place_of_birth = get('place_of_birth');
    if (get('issuing_office')) visual.issuing_office = get('issuing_office');
    if (get('prior_losses')) visual.prior_losses = Number(get('prior_losses')) || 0;
    if (/^(1|true|yes|y|si|sí)$/i.test(get('first_trip'))) visual.first_trip = true;
    if (Object.keys(visual).length) req.visual = visual;
    rows.push({ line, req });
    if (rows.length >= MAX_ROWS) break;
  }
  return rows;
}

function splitCSV(line, sep) { return csvRecords(line, sep)[0]?.cells || ['']; }

// csvRecords is RFC 4180 with quoted fields that may hold newlines.
function csvRecords(text, sep) {
  const out = [];
  let cells = [];
  let cur = '';
  let q = false;
  let line = 1;
  let startLine = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (q) {
      if (c === '"') {
        if (text[i + 1] === '"') { cur += '"'; i++; } else q = false;
      } else {
        if (c === '\n') line++;
        cur += c;
      }
      continue;
    }
    if (c === '"') q = true;
    else if (c === sep) { cells.push(cur); cur = ''; }
    else if (c === '\n') {
      cells.push(cur); out.push({ cells, line: startLine }); cells = []; cur = ''; line++; startLine = line;
    } else cur += c;
  }
  if (cur !== '' || cells.length) { cells.push(cur); out.push({ cells, line: startLine }); }
  return out;
}

// yieldToPage lets the browser paint between slices (not throttled like
// setTimeout, and works in a background tab unlike requestAnimationFrame).
function yieldToPage() {
  return new Promise((resolve) => {
    const ch = new MessageChannel();
    ch.port1.onmessage = () => resolve();
    ch.port2.postMessage(0);
  });
}

// runBatch screens every row with check (a synchronous engine call),
// reporting progress; results keep the input order.
export async function runBatch(rows, check, onProgress) {
  const results = [];
  const slice = 25;
  for (let i = 0; i < rows.length; i++) {
    const rep = check(rows[i].req);
    results.push({ row: i + 1, line: rows[i].line, req: rows[i].req, rep });
    if ((i + 1) % slice === 0) {
      onProgress(i + 1, rows.length);
      await yieldToPage();
    }
  }
  onProgress(rows.length, rows.length);
  return results;
}

const REC_ORDER = { refer: 0, review: 1, clear: 2 };
export function recRank(r) { return r.rep.error && !r.rep.recommendation ? 3 : (REC_ORDER[r.rep.recommendation] ?? 3); }

export function sortResults(results, key, dir) {
  const k = dir === 'descending' ? -1 : 1;
  return [...results].sort((a, b) => {
    const d = key === 'recommendation' ? recRank(a) - recRank(b) : a.row - b.row;
    return d !== 0 ? d * k : a.row - b.row;
  });
}

export function who(r) {
  const f = r.rep.fields;
  if (f) return [f.surname, f.given_names].filter(Boolean).join(', ');
  return r.req.person ? r.req.person.name : '';
}

function topHit(rep) { return (rep.hits && rep.hits[0]) || null; }

export function why(r) {
  const rep = r.rep;
  if (rep.error) return rep.error;
  return (rep.summary || []).join('; ');
}

// toCSV writes the results with one row per input row. Cells that a
// spreadsheet would run as a formula are prefixed with an apostrophe.
export function toCSV(results) {
  const head = ['row', 'input_line', 'recommendation', 'valid', 'format', 'surname', 'given_names', 'document_number',
    'issuing_state', 'nationality', 'birth_date', 'expiry_date', 'hits', 'top_hit', 'top_hit_id', 'top_score', 'top_level',
    'document_lookouts', 'signals', 'list', 'list_seq', 'error', 'summary'];
  const lines = [head.join(',')];
  for (const r of results) {
    const rep = r.rep;
    const f = rep.fields || {};
    const h = topHit(rep);
    const p = r.req.person || {};
    lines.push([
      r.row, r.line, rep.recommendation || '', rep.valid === undefined ? '' : rep.valid, rep.format || '',
      f.surname || '', f.given_names || p.name || '', f.document_number || p.document_number || '',
      f.issuing_state || p.issuing_state || '', f.nationality || p.nationality || '', f.birth_date || p.dob || '',
      f.expiry_date || '', (rep.hits || []).length, h ? h.name : '', h ? h.id : '', h ? Number(h.score).toFixed(3) : '',
      h ? h.level : '', (rep.document_hits || []).map((d) => `${d.state} ${d.number} ${d.reason}`).join(' | '),
      (rep.signals || []).map((s) => `${s.severity}:${s.code}`).join(' | '),
      rep.list ? rep.list.name : '', rep.list ? rep.list.seq : '', rep.error || '', (rep.summary || []).join('; '),
    ].map(csvCell).join(','));
  }
  return lines.join('\r\n') + '\r\n';
}

function csvCell(v) {
  let s = String(v ?? '');
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  if (/[",\r\n]/.test(s)) s = `"${s.replace(/"/g, '""')}"`;
  return s;
}

export function summaryText(results) {
  const n = { clear: 0, review: 0, refer: 0 };
  for (const r of results) if (r.rep.recommendation in n) n[r.rep.recommendation]++;
  const done = t('batch.done', { total: results.length, clear: n.clear, review: n.review, refer: n.refer });
  // Every result names the list it was screened against.
  const list = results.find((r) => r.rep.list)?.rep.list;
  const against = list && results.some((r) => r.rep.matching === 'available')
    ? t('batch.against', { name: list.name, seq: list.seq }) : t('sum.unavailable');
  return `${done} ${against}`;
}
