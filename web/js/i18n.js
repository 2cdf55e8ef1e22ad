// Translations: web/i18n/{en,es}.json, both loaded at start so switching
// language (and the check path) never needs the network. The page follows
// the browser's language until the officer picks one with the switch.

const LANGS = ['en', 'es'];
const PREF_KEY = 'lookout-lang';
const dicts = {};
let lang = 'en';

export function pickLang() {
  let saved = null;
  try { saved = localStorage.getItem(PREF_KEY); } catch { /* storage disabled */ }
  if (LANGS.includes(saved)) return saved;
  for (const l of navigator.languages || [navigator.language || 'en']) {
    const base = String(l).toLowerCase().split('-')[0];
    if (LANGS.includes(base)) return base;
  }
  return 'en';
}

export async function initI18n() {
  await Promise.all(LANGS.map(async (l) => {
    const res = await fetch(`i18n/${l}.json`);
    if (!res.ok) throw new Error(`i18n/${l}.json: HTTP ${res.status}`);
    dicts[l] = await res.json();
  }));
  lang = pickLang();
  document.documentElement.lang = lang;
  apply(document);
  return lang;
}

export function currentLang() { return lang; }

export function setLang(l, remember = true) {
  if (!LANGS.includes(l)) return;
  lang = l;
  document.documentElement.lang = l;
  if (remember) {
    try { localStorage.setItem(PREF_KEY, l); } catch { /* storage disabled */ }
  }
  apply(document);
}

// has reports whether the current language (or English) has key.
export function has(key) {
  return (dicts[lang] && key in dicts[lang]) || (dicts.en && key in dicts.en);
}

// t returns the message for key with {name} placeholders filled in.
export function t(key, vars) {
  let s = dicts[lang]?.[key] ?? dicts.en?.[key] ?? key;
  if (vars) s = s.replace(/\{(\w+)\}/g, (m, k) => (vars[k] === undefined || vars[k] === null ? m : String(vars[k])));
  return s;
}

// apply translates every element marked with data-i18n (text) or
// data-i18n-attr ("attr:key;attr:key").
export function apply(root) {
  for (const el of root.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
  for (const el of root.querySelectorAll('[data-i18n-attr]')) {
    for (const pair of el.dataset.i18nAttr.split(';')) {
      const [attr, key] = pair.split(':');
      if (attr && key) el.setAttribute(attr.trim(), t(key.trim()));
    }
  }
}

// Formatting that follows the language.
export function fmtDate(iso) {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso || '';
  return new Intl.DateTimeFormat(lang, { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' }).format(d);
}

export function fmtRelative(iso, now = Date.now()) {
  const d = new Date(iso).getTime();
  if (Number.isNaN(d)) return '';
  const diff = d - now;
  const abs = Math.abs(diff);
  const rtf = new Intl.RelativeTimeFormat(lang, { numeric: 'auto' });
  const H = 3600e3, D = 24 * H;
  if (abs < H) return rtf.format(Math.round(diff / 60e3), 'minute');
  if (abs < 2 * D) return rtf.format(Math.round(diff / H), 'hour');
  if (abs < 60 * D) return rtf.format(Math.round(diff / D), 'day');
  return rtf.format(Math.round(diff / (30 * D)), 'month');
}
