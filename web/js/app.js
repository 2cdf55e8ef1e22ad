// The officer's page: wiring. Start the engine, bring up the list (stored
// copy first, re-verified; then the server's), and screen as the officer
// types or a passport reader "types" the zone. The check path is a call
// into Go and a render: no network request.

import * as engine from './engine.js';
import * as store from './store.js';
import { fetchCapped, readFileCapped, isBundle, bundleDigests } from './bundle.js';
import { initI18n, setLang, currentLang, t } from './i18n.js';
import { renderStatus, renderReport, clearReport } from './render.js';
import { parseManifest, runBatch, sortResults, toCSV, summaryText, who, why } from './batch.js';

const $ = (id) => document.getElementById(id);
const perf = { start: performance.now(), phases: {} };
globalThis.lookoutPage = perf; // read by the browser tests: timings and readiness

const ui = {
  rejection: null, // last failed load {code, step, error, source}
  fetchProblem: null, // the server's list could not be fetched {code, error}
  clockBehind: false,
  loading: true,
  report: null, // last report shown (re-rendered on language switch)
  batch: null, // last batch results
  batchSort: { key: 'row', dir: 'ascending' },
};
let loadedSha = null; // SHA-256 of the bundle in use
let stateJSON = '';

function mark(name) { perf.phases[name] = Math.round((performance.now()) * 100) / 100; }

function refreshStatus() {
  renderStatus(engine.listInfo(), ui.rejection, { loading: ui.loading, clockBehind: ui.clockBehind, fetchProblem: ui.fetchProblem });
}

// ---- the list -------------------------------------------------------------

// nextPaint resolves after the browser has painted: verifying a large list
// holds the page for a moment, and the officer should see why.
function nextPaint() {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

// tryLoad verifies bytes in Go and, on success, makes them the list in use,
// stores the new rollback floor, then the bytes for offline use.
// digests, when the caller already hashed the bytes, are bundleDigests'
// answer.
async function tryLoad(bytes, source, digests) {
  $('engine-status').textContent = t('engine.verifying', { source: t(`source.${source}`), mb: (bytes.length / 1048576).toFixed(1) });
  if (document.visibilityState === 'visible') await nextPaint();
  const t0 = performance.now();
  const d = digests || await bundleDigests(bytes).catch(() => ({ id: '', payload: '' }));
  const res = engine.loadBundle(bytes, stateJSON, d.payload);
  (perf.loads = perf.loads || []).push({ source, bytes: bytes.length, ok: !!res.ok, ms: Math.round((performance.now() - t0) * 10) / 10 });
  ui.clockBehind = !!res.clock_behind;
  if (res.state) {
    stateJSON = typeof res.state === 'string' ? res.state : JSON.stringify(res.state);
    await store.putState(stateJSON).catch((e) => console.warn('lookout: cannot store rollback state', e));
  }
  if (res.ok) {
    ui.rejection = null;
    loadedSha = d.id;
    // Kept for offline use in the background: the list is already in use.
    store.putVerifiedBundle(bytes, loadedSha).catch((e) => console.warn('lookout: cannot keep the list for offline use', e));
  } else {
    ui.rejection = { code: res.code, step: res.step, error: res.error, source };
    console.warn(`lookout: ${source} list rejected at ${res.step}: ${res.error}`);
  }
  refreshStatus();
  $('engine-status').textContent = t(isReady ? 'engine.ready' : 'engine.loading_list');
  if (ui.report) rerunLast();
  return res;
}

// startList brings up the list. kept and fresh were started with the
// page, in parallel with the engine: kept reads what this browser stored,
// fresh fetches the server's list (bytes only; trust is decided in Go).
async function startList(kept, fresh) {
  const [state, stored] = await kept;
  stateJSON = state;
  // 1. The last verified list, re-verified: the page works offline and
  //    starts without waiting for the network.
  if (stored) {
    mark('storedRead');
    await tryLoad(stored.bytes, 'stored');
    mark('storedLoaded');
    if (engine.listInfo()) ready();
  }
  // 2. The server's list, when it differs from the one in use.
  const got = await fresh;
  if (got.error) {
    console.warn('lookout: cannot fetch the list', got.error);
    ui.fetchProblem = { code: got.error.code || 'offline', error: got.error.message };
  } else {
    ui.fetchProblem = got.offline ? { code: 'offline_stored' } : null;
    perf.bundleBytes = got.bytes.length;
    if (got.digests.id !== loadedSha) {
      await tryLoad(got.bytes, 'server', got.digests);
      mark('serverLoaded');
    }
  }
  ui.loading = false;
  refreshStatus();
  ready();
  document.body.dataset.list = 'settled'; // the stored and the server's list were both tried
}

function readKept() {
  return Promise.all([
    store.getState().catch((e) => { console.warn('lookout: IndexedDB unavailable', e); return ''; }),
    store.getVerifiedBundle().catch((e) => { console.warn('lookout: Cache API unavailable', e); return null; }),
  ]);
}

function fetchFresh() {
  return fetchCapped(store.LIST_URL).then(async (bytes) => {
    mark('fetched');
    const digests = await bundleDigests(bytes);
    mark('hashed');
    return { bytes, digests, offline: !!bytes.offline };
  }, (error) => ({ error }));
}

let isReady = false;
function ready() {
  if (isReady) return;
  isReady = true;
  ui.loading = false;
  mark('ready');
  perf.ready = perf.phases.ready;
  refreshStatus();
  $('engine-status').textContent = t('engine.ready');
  document.body.dataset.ready = 'true';
  if (ui.report) rerunLast();
  // After start, so its precaching (the engine again, the page) does not
  // compete with the first load.
  registerServiceWorker();
}

async function loadFile(file) {
  let bytes;
  try {
    bytes = await readFileCapped(file);
  } catch (e) {
    ui.rejection = { code: e.code || 'read', step: 'read', error: e.message, source: 'file' };
    refreshStatus();
    return;
  }
  if (!isBundle(bytes)) {
    // Not a bundle: a manifest for the batch.
    await startBatch(new TextDecoder().decode(bytes), file.name);
    return;
  }
  await tryLoad(bytes, 'file');
}

// ---- screening ------------------------------------------------------------

function mrzLines(text) {
  return text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
}

// looksComplete: a full zone (2×36, 2×44 or 3×30) has been typed.
function looksComplete(lines) {
  if (lines.length === 1) return [72, 88, 90].includes(lines[0].length); // line breaks lost: the engine splits it
  if (lines.length === 2) return lines[0].length === lines[1].length && [36, 44].includes(lines[0].length);
  if (lines.length === 3) return lines.every((l) => l.length === 30);
  return false;
}

function progressHint(lines) {
  if (!lines.length) return '';
  const want = lines[0].length === 30 ? 30 : lines[0].length <= 36 ? 36 : 44;
  const need = want === 30 ? 3 : 2;
  const last = lines[lines.length - 1];
  return t('mrz.progress', { line: lines.length, of: need, chars: last.length, want });
}

function visualFields() {
  const v = {};
  if ($('v-issue').value) v.issue_date = $('v-issue').value;
  if ($('v-pob').value.trim()) v.place_of_birth = $('v-pob').value.trim();
  if ($('v-office').value.trim()) v.issuing_office = $('v-office').value.trim();
  const losses = Number($('v-losses').value);
  if (losses > 0) v.prior_losses = Math.min(99, Math.floor(losses));
  if ($('v-first').checked) v.first_trip = true;
  // The data page as printed, compared with the MRZ by the heuristics.
  const text = { surname: 'v-surname', given_names: 'v-given', document_number: 'v-number', birth_date: 'v-birth',
    expiry_date: 'v-expiry', sex: 'v-sex', curp: 'v-curp' };
  for (const [k, id] of Object.entries(text)) {
    const val = $(id).value.trim();
    if (val) v[k] = k === 'birth_date' || k === 'expiry_date' ? val : val.toUpperCase();
  }
  return v;
}

let lastReq = null;

function screenRequest(req) {
  lastReq = req;
  const t0 = performance.now();
  const rep = engine.check(req);
  const t1 = performance.now();
  ui.report = rep;
  renderReport(rep);
  perf.lastCheck = { engineMs: t1 - t0, totalMs: performance.now() - t0 };
  return rep;
}

function rerunLast() { if (lastReq) screenRequest(lastReq); }

function checkMRZ() {
  const text = $('mrz').value;
  if (!text.trim()) { clearAll(false); return null; }
  $('mrz-progress').textContent = '';
  const req = { mrz: text.toUpperCase() };
  const v = visualFields();
  if (Object.keys(v).length) req.visual = v;
  return screenRequest(req);
}

function checkPerson() {
  const p = {
    name: $('p-name').value.trim(), dob: $('p-dob').value.trim(), pob: $('p-pob').value.trim(),
    nationality: $('p-nat').value.trim().toUpperCase(), document_number: $('p-num').value.trim().toUpperCase(),
    issuing_state: $('p-state').value.trim().toUpperCase(), sex: $('p-sex').value,
  };
  const req = { person: p };
  const v = visualFields();
  if (Object.keys(v).length) req.visual = v;
  return screenRequest(req);
}

function clearAll(focus = true) {
  $('mrz').value = '';
  $('mrz-progress').textContent = '';
  ui.report = null;
  lastReq = null;
  clearReport();
  if (focus) $('mrz').focus();
}

let typingTimer = 0;
function onInput() {
  clearTimeout(typingTimer);
  const lines = mrzLines($('mrz').value);
  if (!lines.length) { clearAll(false); return; }
  if (!looksComplete(lines)) {
    $('mrz-progress').textContent = progressHint(lines);
    return;
  }
  // Debounced: a reader types a whole zone in a few milliseconds.
  typingTimer = setTimeout(checkMRZ, 60);
}

function onKeyDown(e) {
  if (e.key === 'Escape') {
    e.preventDefault();
    clearAll();
    return;
  }
  if (e.key === 'Enter' && !e.shiftKey) {
    const lines = mrzLines($('mrz').value);
    // A complete zone (or Ctrl+Enter) checks; otherwise Enter ends a
    // line, as a keyboard-wedge reader sends it between the lines.
    if (e.ctrlKey || e.metaKey || looksComplete(lines)) {
      e.preventDefault();
      clearTimeout(typingTimer);
      checkMRZ();
      $('mrz').select(); // the next scan replaces this one
      // Some input paths deliver the Enter's character apart from its
      // keydown; it must not replace the selected zone with a line break.
      swallowBreak = true; // until this Enter's keyup
    }
  }
}

let swallowBreak = false;
function onBeforeInput(e) {
  if (swallowBreak && (e.inputType === 'insertLineBreak' || e.inputType === 'insertParagraph' || (e.inputType === 'insertText' && /^[\r\n]+$/.test(e.data || '')))) {
    e.preventDefault();
  }
  swallowBreak = false;
}

// ---- batch ----------------------------------------------------------------

async function startBatch(text, name) {
  const rows = parseManifest(text);
  const wrap = $('batch-progress-wrap');
  const bar = $('batch-progress');
  wrap.hidden = false;
  $('batch-export').disabled = true;
  $('batch-summary').textContent = t('batch.reading', { name, n: rows.length });
  bar.max = Math.max(rows.length, 1);
  bar.value = 0;
  $('batch-file').disabled = true; // one batch at a time
  const t0 = performance.now();
  const results = await runBatch(rows, engine.check, (done, total) => {
    bar.value = done;
    $('batch-progress-label').textContent = t('batch.progress', { done, total });
  });
  perf.batch = { rows: rows.length, ms: performance.now() - t0 };
  ui.batch = results;
  ui.batchSort = { key: 'row', dir: 'ascending' };
  $('batch-summary').textContent = summaryText(results);
  $('batch-export').disabled = results.length === 0;
  $('batch-file').disabled = false;
  document.body.dataset.batch = 'done';
  renderBatch();
}

const MAX_TABLE_ROWS = 2000;

function renderBatch() {
  const results = ui.batch || [];
  const table = $('batch-table');
  table.hidden = results.length === 0;
  for (const th of table.querySelectorAll('th[aria-sort]')) {
    th.setAttribute('aria-sort', th.querySelector('button').dataset.sort === ui.batchSort.key ? ui.batchSort.dir : 'none');
  }
  const body = $('batch-rows');
  const frag = document.createDocumentFragment();
  const tpl = $('tpl-batch-row').content.firstElementChild;
  // A table of tens of thousands of rows would stall the page; the export
  // has every row.
  const sorted = sortResults(results, ui.batchSort.key, ui.batchSort.dir);
  $('batch-caption').textContent = sorted.length > MAX_TABLE_ROWS
    ? t('batch.truncated', { shown: MAX_TABLE_ROWS, total: sorted.length }) : t('batch.caption');
  $('batch-caption').classList.toggle('visually-hidden', sorted.length <= MAX_TABLE_ROWS);
  for (const r of sorted.slice(0, MAX_TABLE_ROWS)) {
    const tr = tpl.cloneNode(true);
    const rep = r.rep;
    const rec = rep.recommendation || 'review';
    tr.dataset.recommendation = rec;
    tr.querySelector('.b-row').textContent = String(r.row);
    const recEl = tr.querySelector('.rec');
    recEl.textContent = t(`rec.${rec}`);
    recEl.classList.add(`rec-${rec}`);
    tr.querySelector('.b-name').textContent = who(r);
    const f = rep.fields || {};
    const p = r.req.person || {};
    tr.querySelector('.b-doc').textContent = [f.issuing_state || p.issuing_state, f.document_number || p.document_number].filter(Boolean).join(' ');
    tr.querySelector('.b-nat').textContent = f.nationality || p.nationality || '';
    tr.querySelector('.b-birth').textContent = f.birth_date || p.dob || '';
    const hits = rep.hits || [];
    tr.querySelector('.b-hits').textContent = hits.length ? `${hits.length}: ${hits[0].name} (${Number(hits[0].score).toFixed(2)})` : '0';
    tr.querySelector('.b-why').textContent = why(r);
    frag.append(tr);
  }
  body.replaceChildren(frag);
}

function exportBatch() {
  if (!ui.batch) return;
  const blob = new Blob([toCSV(ui.batch)], { type: 'text/csv;charset=utf-8' });
  const a = document.createElement('a');
  const stamp = new Date().toISOString().slice(0, 16).replace(/[-:T]/g, '');
  a.href = URL.createObjectURL(blob);
  a.download = `lookout-batch-${stamp}.csv`;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 60000);
}

// ---- drag and drop --------------------------------------------------------

function setupDrop() {
  const overlay = $('drop-overlay');
  let depth = 0;
  const hasFiles = (e) => Array.from(e.dataTransfer?.types || []).includes('Files');
  window.addEventListener('dragenter', (e) => { if (!hasFiles(e)) return; depth++; overlay.hidden = false; e.preventDefault(); });
  window.addEventListener('dragleave', () => { depth = Math.max(0, depth - 1); if (!depth) overlay.hidden = true; });
  window.addEventListener('dragover', (e) => { if (hasFiles(e)) e.preventDefault(); });
  window.addEventListener('drop', (e) => {
    if (!hasFiles(e)) return;
    e.preventDefault();
    depth = 0;
    overlay.hidden = true;
    const file = e.dataTransfer.files[0];
    if (file) loadFile(file);
  });
}

// ---- start ----------------------------------------------------------------

function registerServiceWorker() {
  if (!('serviceWorker' in navigator)) return;
  // Not awaited: an already-controlled page must not wait on it.
  navigator.serviceWorker.register('sw.js', { scope: './' }).catch((e) => console.warn('lookout: no offline support', e));
}

function wire() {
  const mrz = $('mrz');
  mrz.addEventListener('input', onInput);
  mrz.addEventListener('keydown', onKeyDown);
  mrz.addEventListener('beforeinput', onBeforeInput);
  mrz.addEventListener('keyup', (e) => { if (e.key === 'Enter') swallowBreak = false; });
  $('check-btn').addEventListener('click', () => { checkMRZ(); mrz.focus(); });
  $('clear-btn').addEventListener('click', () => clearAll());
  $('print-btn').addEventListener('click', () => window.print());
  $('visual-details').addEventListener('change', () => { if (lastReq && lastReq.mrz) checkMRZ(); });
  $('person-form').addEventListener('submit', (e) => { e.preventDefault(); checkPerson(); });
  $('bundle-file').addEventListener('change', (e) => { const f = e.target.files[0]; if (f) loadFile(f); e.target.value = ''; });
  $('batch-file').addEventListener('change', async (e) => {
    const f = e.target.files[0];
    e.target.value = '';
    if (!f) return;
    if (isBundle(new Uint8Array(await f.slice(0, 8).arrayBuffer()))) { await loadFile(f); return; }
    await startBatch(await f.text(), f.name);
  });
  $('batch-export').addEventListener('click', exportBatch);
  for (const b of document.querySelectorAll('#batch-table th button[data-sort]')) {
    b.addEventListener('click', () => {
      const key = b.dataset.sort;
      const dir = ui.batchSort.key === key && ui.batchSort.dir === 'ascending' ? 'descending' : 'ascending';
      ui.batchSort = { key, dir };
      renderBatch();
    });
  }
  const lang = $('lang');
  lang.value = currentLang();
  lang.addEventListener('change', () => {
    setLang(lang.value);
    refreshStatus();
    $('engine-status').textContent = t(isReady ? 'engine.ready' : 'engine.starting');
    if (ui.report) renderReport(ui.report);
    if (ui.batch) { $('batch-summary').textContent = summaryText(ui.batch); renderBatch(); }
  });
  setupDrop();
  // The list's age and time left move on; so may its state.
  setInterval(refreshStatus, 60000);
}

async function main() {
  mark('main');
  $('mrz').focus();
  // Everything that waits on I/O starts now, side by side.
  const kept = readKept();
  const fresh = fetchFresh();
  const i18n = initI18n();
  let info;
  try {
    [info] = await Promise.all([engine.startEngine('build/app.wasm', mark), i18n.then((l) => { mark('i18n'); return l; })]);
  } catch (e) {
    await i18n.catch(() => {});
    $('engine-status').textContent = t('engine.failed', { error: e.message });
    document.body.dataset.ready = 'failed';
    perf.error = e.message;
    throw e;
  }
  mark('engine');
  $('engine-version').textContent = info.version;
  wire();
  refreshStatus();
  // MRZ checks work from here on, list or not.
  $('engine-status').textContent = t('engine.loading_list');
  if ($('mrz').value.trim()) onInput();
  await startList(kept, fresh);
}

main();
