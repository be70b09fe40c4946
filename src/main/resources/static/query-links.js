// Analysts' links for the saved-query runner: the query and its parameters live in the page URL
// (#/queries?name=NAME&p.limit=10&run=1), so a result can be shared as a link and a reload restores it; and the
// same run as a GET link for curl, pandas and R (GET /api/queries/NAME/run?limit=10&format=csv).
// Parameter values are sent as typed in the form (the server types and checks them); a list is one
// comma-separated value. Untrusted text is only ever set as a value or textContent.

const PREFIX = 'p.';

/** Path-segment encoding that also escapes what a shell or a quoted string could trip over. */
const segment = (s) => encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/** The form's values as [name, text] pairs: empty fields left out, booleans as true/false. */
export function rawParams(form, query) {
  const values = [];
  for (const p of query.params) {
    const input = form.elements[p.name];
    if (!input) continue;
    if (p.type === 'boolean') values.push([p.name, input.checked ? 'true' : 'false']);
    else if (input.value.trim() !== '') values.push([p.name, input.value.trim()]);
  }
  return values;
}

/** Fills the form from the page URL's p.NAME values. */
export function restoreParams(form, query, params) {
  for (const p of query.params) {
    const value = params.get(PREFIX + p.name);
    const input = form.elements[p.name];
    if (value === null || !input) continue;
    if (p.type === 'boolean') input.checked = value === 'true';
    else input.value = value;
  }
}

/** A link that names parameters (or run=1) runs the query when the page opens. */
export function wantsRun(params) {
  return params.get('run') === '1' || [...params.keys()].some((k) => k.startsWith(PREFIX));
}

/** The explorer's own link to this run: #/queries?name=NAME&p.a=1&run=1. */
export function pageHash(query, raw) {
  const search = new URLSearchParams([['name', query.name], ...raw.map(([k, v]) => [PREFIX + k, v]), ['run', '1']]);
  return `#/queries?${search}`;
}

/** The absolute GET URL of the run: .../api/queries/NAME/run?a=1&format=csv. */
export function apiUrl(query, raw, format = 'csv') {
  const url = new URL(`api/queries/${segment(query.name)}/run`, document.baseURI);
  url.search = new URLSearchParams([...raw, ['format', format]]).toString();
  return url.href;
}

/** Copy-paste snippets for a CSV URL (URLSearchParams escapes quotes, so the URL needs no further quoting). */
export function snippets(url) {
  return {
    curl: `curl -sS '${url}'`,
    pandas: `pd.read_csv("${url}")`,
    r: `read.csv("${url}")`,
  };
}

function node(tag, attrs = {}, ...children) {
  const n = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === 'text') n.textContent = v;
    else if (k === 'value') n.value = v;
    else n.setAttribute(k, v);
  }
  n.append(...children);
  return n;
}

async function copy(field, status) {
  try {
    await navigator.clipboard.writeText(field.value);
    status.textContent = 'copied';
  } catch {
    field.select(); // no clipboard (plain HTTP, headless): selected for Ctrl+C
    status.textContent = 'selected — press Ctrl+C';
  }
}

/**
 * The "copy as" panel: read-only fields for the share link, curl, pandas and R (data-testid share-link,
 * copy-curl, copy-pandas, copy-r), each with a copy button; update(query, raw) refreshes them.
 */
export function linksPanel() {
  const status = node('span', { class: 'muted', 'aria-live': 'polite', 'data-testid': 'copy-status' });
  const fields = {};
  const row = (key, label) => {
    const field = node('input', { type: 'text', readonly: '', 'data-testid': key, 'aria-label': label, class: 'copy-text' });
    fields[key] = field;
    const button = node('button', { type: 'button', class: 'secondary', 'data-testid': `${key}-button`, text: label });
    button.addEventListener('click', () => copy(field, status));
    return node('div', { class: 'copy-row' }, button, field);
  };
  const panel = node('section', { class: 'card query-links', 'data-testid': 'query-links' },
    node('h2', { text: 'Links' }),
    row('share-link', 'copy link'), row('copy-curl', 'copy as curl'), row('copy-pandas', 'copy as pandas'),
    row('copy-r', 'copy as R'), status);
  const update = (query, raw) => {
    const url = apiUrl(query, raw);
    const s = snippets(url);
    fields['share-link'].value = new URL(pageHash(query, raw), document.baseURI).href;
    fields['copy-curl'].value = s.curl;
    fields['copy-pandas'].value = s.pandas;
    fields['copy-r'].value = s.r;
    panel.dataset.csvUrl = url;
    status.textContent = '';
  };
  return { panel, update };
}
