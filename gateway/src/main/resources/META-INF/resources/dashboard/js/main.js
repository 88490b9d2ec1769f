// The government dashboard: sign in, choose a period and a place, read four figures as charts and tables, download
// them. docs/reporting.md ("Dashboard") describes what each figure is.

import * as auth from './auth.js';
import * as api from './reports-api.js';
import * as i18n from './i18n.js';
import * as figures from './figures.js';
import * as render from './render.js';

// What each chart draws; the table beside it shows every row of the table for the same place and months.
const JUSTICE_DRAWN = ['FIR_REGISTERED', 'FIR_REFUSED', 'TRIAL_OPEN', 'CONVICTED', 'ACQUITTED', 'OTHER'];
const SECTIONS = [
  { key: 'trend', table: 'survivors-by-age-band', type: 'line', drawn: (row) => !row.unit },
  // Compliance per rule: the share of each rule's cases within its limit.
  { key: 'deadlines', table: 'deadline-compliance', type: 'line', unit: 'PERCENT', drawn: (row) => row.unit === 'PERCENT' },
  // Turnaround: median and 90th-percentile hours, collection to lab and to result.
  { key: 'evidence', table: 'evidence-turnaround', type: 'line', unit: 'HOURS', drawn: (row) => row.unit === 'HOURS' },
  { key: 'justice', table: 'justice-outcomes', type: 'bar', drawn: (row) => JUSTICE_DRAWN.includes(row.category) },
];

const state = {
  config: null,
  user: null,
  catalogue: [],
  filters: null,
  results: {},
  charts: {},
  cells: new Set(),
  provinces: new Set(),
};

const $ = (id) => document.getElementById(id);

function setPageState(value) {
  document.body.dataset.state = value;
}

function showStatus(message, requestId, kind = 'error') {
  const status = $('status');
  status.replaceChildren(document.createTextNode(message));
  if (requestId) {
    const id = document.createElement('span');
    id.className = 'request-id';
    id.textContent = i18n.t('requestId', { id: requestId });
    status.append(id);
  }
  status.className = 'status ' + kind;
  status.hidden = false;
}

function clearStatus() {
  $('status').hidden = true;
  $('status').replaceChildren();
}

/** What a refusal means for the person reading, in their language. */
function explain(error) {
  if (error instanceof api.ReportsProblem) {
    const known = { 0: 'error.unreachable', 403: 'error.forbidden', 503: 'error.unavailable', 504: 'error.unavailable' };
    const key = known[error.status] || (error.status === 400 ? 'error.badRequest' : 'error.failed');
    return { message: i18n.t(key, { status: error.status }), requestId: error.requestId };
  }
  return { message: i18n.t('error.page'), requestId: null };
}

function karachiMonth(offset) {
  const now = new Date();
  const [year, month] = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Karachi', year: 'numeric', month: '2-digit' })
    .format(now).split('-').map(Number);
  const date = new Date(Date.UTC(year, month - 1 + offset, 1));
  return date.getUTCFullYear() + '-' + String(date.getUTCMonth() + 1).padStart(2, '0');
}

function readFilters() {
  return {
    from: $('filter-from').value,
    to: $('filter-to').value,
    province: $('filter-province').value,
    cell: $('filter-cell').value,
    ageBand: $('filter-age-band').value,
  };
}

function fillSelect(select, codes, kind) {
  const chosen = select.value;
  select.replaceChildren(new Option(i18n.t('all'), ''));
  codes.forEach((code) => select.append(new Option(i18n.label(kind, code), code)));
  select.value = codes.includes(chosen) ? chosen : '';
}

function fillControls() {
  const ageBands = ((state.catalogue.find((t) => t.id === 'survivors-by-age-band') || {}).categories || [])
    .filter((c) => c !== 'TOTAL');
  fillSelect($('filter-age-band'), ageBands, 'category');
  fillSelect($('filter-province'), [...state.provinces].sort(), 'geography');
  fillSelect($('filter-cell'), [...state.cells].sort(), 'geography');
  const download = $('download-table');
  const chosen = download.value;
  download.replaceChildren();
  state.catalogue.forEach((t) => download.append(new Option(i18n.label('table', t.id) === t.id ? t.title : i18n.label('table', t.id), t.id)));
  if (chosen) download.value = chosen;
}

function categoryOrder(tableId) {
  return (state.catalogue.find((t) => t.id === tableId) || {}).categories || [];
}

function lineLabel(section) {
  return section.key === 'trend' ? (code) => i18n.label('geography', code) : (code) => i18n.label('category', code);
}

function renderAll() {
  Object.values(state.charts).forEach((c) => c.destroy());
  state.charts = {};
  let k = 5;
  let exactFor = null;
  SECTIONS.forEach((section) => {
    const result = state.results[section.key];
    const container = $('table-' + section.key);
    const canvas = $('chart-' + section.key);
    const title = i18n.t('section.' + section.key);
    if (!result || result.error) {
      container.replaceChildren();
      const p = document.createElement('p');
      p.className = 'empty';
      p.textContent = result ? explain(result.error).message : '';
      container.append(p);
      canvas.hidden = true;
      return;
    }
    k = result.table.k || k;
    exactFor = exactFor || result.table.exactFor;
    const figureGrid = section.key === 'trend'
      ? figures.trendPerCell(result.table, state.filters)
      : figures.categoriesByMonth(result.table, state.filters, categoryOrder(section.table));
    const focus = figures.focusOf(state.filters);
    const caption = section.key === 'trend'
      ? i18n.t('caption.trend', { band: i18n.label('category', state.filters.ageBand || 'TOTAL') })
      : i18n.t('caption.byMonth', { title, place: i18n.label('geography', focus.code) });
    render.table(container, figureGrid, {
      id: 'figures-' + section.key,
      caption,
      lineHeading: i18n.t(section.key === 'trend' ? 'cell' : 'figure'),
      lineLabel: lineLabel(section),
    });
    canvas.hidden = figureGrid.lines.length === 0;
    if (figureGrid.lines.length) {
      state.charts[section.key] = render.chart(canvas, figureGrid, {
        type: section.type, title, lineLabel: lineLabel(section), drawn: section.drawn, unit: section.unit,
      });
    }
  });
  $('suppression-note').textContent = i18n.t('suppressionNote', { k });
  $('exact-note').hidden = !exactFor;
  $('exact-note').textContent = exactFor ? i18n.t('exactNote', { cell: i18n.label('geography', exactFor) }) : '';
  $('signed-in-as').textContent = state.user ? i18n.t('signedInAs', { user: state.user.username }) : '';
}

async function refresh() {
  const filters = readFilters();
  if (!filters.from || !filters.to || filters.from > filters.to) {
    showStatus(i18n.t('error.period'));
    return;
  }
  setPageState('loading');
  clearStatus();
  state.filters = filters;
  const answers = await Promise.allSettled(SECTIONS.map((section) => api.table(state.config, section.table, filters,
    section.key === 'trend' ? { category: filters.ageBand || 'TOTAL' } : {})));
  let failure = null;
  answers.forEach((answer, index) => {
    const section = SECTIONS[index];
    if (answer.status === 'fulfilled') {
      state.results[section.key] = { table: answer.value };
      answer.value.rows.forEach((row) => {
        if (row.geographyLevel === 'CELL') state.cells.add(row.geography);
        if (row.geographyLevel === 'PROVINCE') state.provinces.add(row.geography);
      });
    } else {
      state.results[section.key] = { error: answer.reason };
      failure = failure || answer.reason;
    }
  });
  if (failure instanceof api.SignedOut) {
    showSignedOut();
    return;
  }
  fillControls();
  renderAll();
  if (failure) {
    const { message, requestId } = explain(failure);
    showStatus(message, requestId);
    setPageState('error');
  } else {
    setPageState('ready');
  }
}

async function download(fetchFile) {
  try {
    api.save(await fetchFile());
    clearStatus();
  } catch (error) {
    if (error instanceof api.SignedOut) {
      showSignedOut();
      return;
    }
    const { message, requestId } = explain(error);
    showStatus(message, requestId);
  }
}

function showSignedOut() {
  $('dashboard').hidden = true;
  $('sign-out').hidden = true;
  $('signed-in-as').hidden = true;
  $('signed-out').hidden = false;
  setPageState('signed-out');
}

function updateLanguageSwitch() {
  const other = i18n.currentLanguage() === 'en' ? 'ur' : 'en';
  const button = $('language-switch');
  button.lang = other;
  button.dir = i18n.LANGUAGES[other].dir;
  button.textContent = i18n.t('switchTo');
  button.dataset.language = other;
}

async function switchLanguage() {
  await i18n.useLanguage($('language-switch').dataset.language, true);
  updateLanguageSwitch();
  if (state.user) {
    fillControls();
    renderAll();
    if (document.body.dataset.state === 'error') {
      const failed = Object.values(state.results).find((r) => r.error);
      if (failed) {
        const { message, requestId } = explain(failed.error);
        showStatus(message, requestId);
      }
    }
  }
}

async function start() {
  setPageState('starting');
  await i18n.useLanguage(i18n.initialLanguage(), false);
  updateLanguageSwitch();
  $('language-switch').addEventListener('click', switchLanguage);
  $('sign-in').addEventListener('click', () => auth.signIn(state.config, i18n.currentLanguage()));
  $('sign-out').addEventListener('click', () => auth.signOut(state.config));
  $('filters').addEventListener('submit', (event) => {
    event.preventDefault();
    refresh();
  });
  $('download-csv').addEventListener('click', () => download(() => api.csv(state.config, $('download-table').value, state.filters)));
  $('download-dhis2').addEventListener('click', () => download(() => api.dhis2(state.config, state.filters)));
  try {
    state.config = await auth.loadConfig();
    await auth.completeSignIn(state.config);
  } catch (error) {
    showStatus(i18n.t('error.signIn'));
  }
  state.user = auth.currentUser();
  if (!state.user) {
    showSignedOut();
    return;
  }
  $('signed-out').hidden = true;
  $('dashboard').hidden = false;
  $('sign-out').hidden = false;
  $('signed-in-as').hidden = false;
  // The last six complete months: a month still under way would look like a fall in every figure.
  $('filter-from').value = karachiMonth(-6);
  $('filter-to').value = karachiMonth(-1);
  try {
    state.catalogue = await api.tables(state.config);
  } catch (error) {
    if (error instanceof api.SignedOut) {
      showSignedOut();
      return;
    }
    state.catalogue = [];
  }
  await refresh();
}

// Whatever goes wrong in the page itself is said in words, never left as a page that waits forever.
window.addEventListener('error', () => {
  showStatus(i18n.t('error.page'));
  setPageState('error');
});
window.addEventListener('unhandledrejection', () => {
  showStatus(i18n.t('error.page'));
  setPageState('error');
});

start();
