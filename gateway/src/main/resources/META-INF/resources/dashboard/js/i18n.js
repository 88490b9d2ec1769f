// English and Urdu. Every label comes from messages/<language>.json. Urdu is laid out right to left. Numbers use
// Latin digits in both languages: CLDR's default numbering for ur-PK is "latn", as in Pakistan's Urdu press,
// government forms and ID cards (docs/reporting.md, "Dashboard").

export const LANGUAGES = {
  en: { dir: 'ltr', locale: 'en-PK' },
  ur: { dir: 'rtl', locale: 'ur-PK' },
};
const CHOSEN = 'arcc.dashboard.language';

let language = 'en';
let messages = {};

/** The person's own choice if they made one here, else the first of the browser's languages we have, else English. */
export function initialLanguage() {
  const chosen = localStorage.getItem(CHOSEN);
  if (LANGUAGES[chosen]) {
    return chosen;
  }
  const preferred = navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language];
  for (const tag of preferred) {
    const base = String(tag || '').toLowerCase().split('-')[0];
    if (LANGUAGES[base]) {
      return base;
    }
  }
  return 'en';
}

export async function useLanguage(next, remember) {
  const response = await fetch('messages/' + next + '.json');
  messages = await response.json();
  language = next;
  if (remember) {
    localStorage.setItem(CHOSEN, next);
  }
  document.documentElement.lang = next;
  document.documentElement.dir = LANGUAGES[next].dir;
  document.querySelectorAll('[data-i18n]').forEach((element) => {
    element.textContent = t(element.dataset.i18n);
  });
  document.title = t('title');
}

export function currentLanguage() {
  return language;
}

export function direction() {
  return LANGUAGES[language].dir;
}

export function t(key, values = {}) {
  const text = messages[key];
  if (text === undefined) {
    return key;
  }
  return text.replace(/\{(\w+)\}/g, (whole, name) => (values[name] === undefined ? whole : String(values[name])));
}

/** A code's label (a cell, province, category), or the code itself when the messages have none. */
export function label(kind, code) {
  const text = messages[kind + '.' + code];
  return text === undefined ? code : text;
}

export function formatCount(value) {
  return new Intl.NumberFormat(LANGUAGES[language].locale).format(value);
}

/** A published row's value as people read it: "< 5" as the server wrote it, counts, shares and hours. */
export function formatRow(row) {
  if (row.suppressed || row.value === null || row.value === undefined) {
    return row.display;
  }
  const locale = LANGUAGES[language].locale;
  if (row.unit === 'PERCENT') {
    return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(row.value / 100);
  }
  if (row.unit === 'HOURS') {
    return new Intl.NumberFormat(locale, { style: 'unit', unit: 'hour', unitDisplay: 'short', maximumFractionDigits: 1 })
      .format(row.value);
  }
  return formatCount(row.value);
}

/** "2026-01" as "Jan 2026" / "جنوری 2026"; quarters and years as written. */
export function formatPeriod(period) {
  const month = /^(\d{4})-(\d{2})$/.exec(period);
  if (!month) {
    return period;
  }
  return new Intl.DateTimeFormat(LANGUAGES[language].locale, { month: 'short', year: 'numeric', timeZone: 'UTC' })
    .format(new Date(Date.UTC(Number(month[1]), Number(month[2]) - 1, 1)));
}
