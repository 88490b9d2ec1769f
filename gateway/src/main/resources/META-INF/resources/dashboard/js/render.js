// Charts (Chart.js from its WebJar) and the accessible table beside each. Text goes in with textContent only.

import * as i18n from './i18n.js';
import { series, drawnLines } from './figures.js';

// Okabe–Ito: told apart by people with the common colour-vision deficiencies.
const PALETTE = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#000000', '#F0E442'];
const FONTS = {
  en: '"Noto Sans", "Segoe UI", Roboto, Arial, sans-serif',
  ur: '"Noto Nastaliq Urdu", "Jameel Noori Nastaleeq", "Urdu Typesetting", "Noto Naskh Arabic", serif',
};

function element(name, attributes = {}, text) {
  const node = document.createElement(name);
  Object.entries(attributes).forEach(([key, value]) => node.setAttribute(key, value));
  if (text !== undefined) node.textContent = text;
  return node;
}

/**
 * A table of the grid: one row per line (a row header), one column per period (column headers), each cell the
 * row's value as people read it; suppressed cells say "< 5", left-to-right even in Urdu, pointing at the note.
 */
export function table(container, figureGrid, { id, caption, lineHeading, lineLabel }) {
  container.replaceChildren();
  if (!figureGrid.lines.length) {
    container.append(element('p', { class: 'empty' }, i18n.t('noFigures')));
    return;
  }
  const tableNode = element('table', { class: 'figures', id });
  tableNode.append(element('caption', {}, caption));
  const head = element('tr');
  head.append(element('th', { scope: 'col' }, lineHeading));
  figureGrid.columns.forEach((column) => head.append(element('th', { scope: 'col' }, i18n.formatPeriod(column))));
  const thead = element('thead');
  thead.append(head);
  tableNode.append(thead);
  const body = element('tbody');
  figureGrid.lines.forEach((line) => {
    const tr = element('tr');
    tr.append(element('th', { scope: 'row' }, lineLabel(line)));
    figureGrid.columns.forEach((column) => {
      const row = figureGrid.at(line, column);
      const td = element('td', { 'data-line': line, 'data-period': column });
      if (!row) {
        td.textContent = '–';
        td.setAttribute('aria-label', i18n.t('noFigure'));
      } else {
        td.dataset.geography = row.geography;
        td.dataset.category = row.category;
        if (row.unit) td.dataset.unit = row.unit;
        if (row.suppressed) {
          td.className = 'suppressed';
          td.dataset.suppressed = 'true';
          td.setAttribute('aria-describedby', 'suppression-note');
          td.append(element('bdi', { dir: 'ltr' }, row.display));
        } else {
          td.dataset.value = String(row.value);
          td.append(element('bdi', {}, i18n.formatRow(row)));
        }
      }
      tr.append(td);
    });
    body.append(tr);
  });
  tableNode.append(body);
  container.append(tableNode);
}

/** A chart of the grid's count lines over the periods; suppressed values are gaps. Returns the Chart. */
export function chart(canvas, figureGrid, { type, title, lineLabel, drawn, unit }) {
  const rtl = i18n.direction() === 'rtl';
  const Chart = window.Chart;
  Chart.defaults.font.family = FONTS[i18n.currentLanguage()];
  canvas.setAttribute('aria-label', i18n.t('chartLabel', { title }));
  const lines = drawnLines(figureGrid, drawn);
  const locale = i18n.LANGUAGES[i18n.currentLanguage()].locale;
  const tick = unit === 'PERCENT'
    ? (value) => new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(value / 100)
    : (value) => new Intl.NumberFormat(locale).format(value);
  return new Chart(canvas, {
    type,
    data: {
      labels: figureGrid.columns.map(i18n.formatPeriod),
      datasets: lines.map((line, index) => ({
        label: lineLabel(line),
        data: series(figureGrid, line),
        borderColor: PALETTE[index % PALETTE.length],
        backgroundColor: PALETTE[index % PALETTE.length],
        spanGaps: false,
        pointRadius: 3,
      })),
    },
    options: {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      locale,
      plugins: {
        legend: { position: 'bottom', rtl, textDirection: rtl ? 'rtl' : 'ltr' },
        tooltip: { rtl, textDirection: rtl ? 'rtl' : 'ltr' },
      },
      scales: {
        y: {
          beginAtZero: true,
          max: unit === 'PERCENT' ? 100 : undefined,
          ticks: { precision: 0, callback: tick },
          title: { display: Boolean(unit), text: unit ? i18n.t('unit.' + unit) : '' },
        },
      },
    },
  });
}
