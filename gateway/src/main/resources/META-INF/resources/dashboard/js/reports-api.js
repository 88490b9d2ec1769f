// The reporting API through the gateway (docs/reporting.md): JSON tables, CSV and DHIS2 downloads. Every refusal
// is an RFC 9457 problem; it is thrown as a ReportsProblem so the page can say what happened and quote the request id.

import { accessToken } from './auth.js';

export class ReportsProblem extends Error {
  constructor(status, problem, requestId) {
    super((problem && problem.title) || 'HTTP ' + status);
    this.status = status;
    this.problem = problem;
    this.requestId = (problem && problem.requestId) || requestId;
  }
}

export class SignedOut extends Error {}

export function query(filters, extra = {}) {
  const params = new URLSearchParams({ from: filters.from, to: filters.to });
  if (filters.province) params.set('province', filters.province);
  if (filters.cell) params.set('cell', filters.cell);
  Object.entries(extra).forEach(([name, value]) => { if (value) params.set(name, value); });
  return params;
}

async function call(config, path, accept) {
  const token = await accessToken(config);
  if (!token) {
    throw new SignedOut();
  }
  let response;
  try {
    response = await fetch(config.api + path, { headers: { Authorization: 'Bearer ' + token, Accept: accept } });
  } catch (unreachable) {
    throw new ReportsProblem(0, null, null);
  }
  if (response.status === 401) {
    throw new SignedOut();
  }
  if (!response.ok) {
    let problem = null;
    if ((response.headers.get('content-type') || '').includes('json')) {
      try { problem = await response.json(); } catch (notJson) { problem = null; }
    }
    throw new ReportsProblem(response.status, problem, response.headers.get('X-Request-Id'));
  }
  return response;
}

export async function tables(config) {
  return (await call(config, '/tables', 'application/json')).json();
}

export async function table(config, id, filters, extra) {
  return (await call(config, '/tables/' + encodeURIComponent(id) + '?' + query(filters, extra), 'application/json')).json();
}

/** The file name the server gives in Content-Disposition, or the fallback. */
export function fileName(response, fallback) {
  const disposition = response.headers.get('content-disposition') || '';
  const match = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition);
  return match ? decodeURIComponent(match[1]) : fallback;
}

export async function csv(config, id, filters) {
  const response = await call(config, '/tables/' + encodeURIComponent(id) + '?' + query(filters), 'text/csv');
  return { name: fileName(response, id + '-' + filters.from + '-' + filters.to + '.csv'), blob: await response.blob() };
}

export async function dhis2(config, filters) {
  const params = new URLSearchParams({ from: filters.from, to: filters.to });
  const response = await call(config, '/dhis2/dataValueSets?' + params, 'application/json');
  return {
    name: fileName(response, 'dhis2-dataValueSets-' + filters.from + '-' + filters.to + '.json'),
    blob: await response.blob(),
  };
}

/** Saves a fetched file under its name (the fetch carried the token; a plain link could not). */
export function save(file) {
  const url = URL.createObjectURL(file.blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = file.name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}
