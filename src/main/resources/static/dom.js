// StoryGraph explorer: the small helpers every view module shares (DOM building, number format, API calls).
// Untrusted text is only ever set with textContent, never parsed as HTML.

/** An element with attributes (text, on<event>, dataset, plain attributes) and children (nodes or text). */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'text') node.textContent = value;
    else if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
    else if (key === 'dataset') Object.assign(node.dataset, value);
    else node.setAttribute(key, value === true ? '' : value);
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}
export const link = (href, text, attrs = {}) => el('a', { href, ...attrs, text });
export const fmtNum = (n) => (n === null || n === undefined ? '–' : Number(n).toLocaleString('en'));
export const enc = encodeURIComponent;

/** The JSON body of an API call; a problem answer becomes an Error with its status, title and detail. */
export async function api(path, options = {}) {
  const response = await fetch(path, { headers: { Accept: 'application/json' }, ...options });
  const body = response.status === 204 ? null : await response.json().catch(() => null);
  if (!response.ok) {
    const detail = body && (body.detail || body.title) ? `${body.title || ''}: ${body.detail || ''}` : response.statusText;
    throw new Error(`${response.status} ${detail}`);
  }
  return body;
}

// Timelines (story spread chart in app.js, topic/provider timelines in views.js): the bucket sizes and measures the
// API offers, read from the page URL with a default so that nothing else reaches an API call.
export const BUCKETS = ['hour', 'day', 'week', 'month'];
export const MEASURES = ['count', 'share'];
export const oneOf = (value, allowed, fallback) => (allowed.includes(value) ? value : fallback);
/** A share 0..1 as a percentage: 0.4 → "40.0%". */
export const fmtShare = (s) => (s === null || s === undefined ? '–' : `${(Number(s) * 100).toFixed(1)}%`);
/** A share as the number a chart plots: percent with two decimals. */
export const sharePercent = (s) => Math.round(Number(s || 0) * 10000) / 100;
/** A bucket's start as an axis label: date and time for hours, the date otherwise. */
export const bucketLabel = (start, bucket) => (bucket === 'hour' ? start.replace('T', ' ').slice(0, 16) : start.slice(0, 10));
