// StoryGraph explorer, network and activity views: the lead/lag network of providers (#/leadlag) and the timelines
// of a topic or a provider (#/timelines). Self-contained: app.js routes a hash whose first part is a key of
// window.explorerViews to the function registered here, after this module has run.
// Untrusted text (provider and topic names) is only ever set with textContent, or escaped for ECharts tooltips.

import { api, BUCKETS, bucketLabel, el, enc, fmtNum, fmtShare, link, MEASURES, oneOf, sharePercent } from './dom.js';

const fmtLag = (minutes) => (minutes === null || minutes === undefined ? '–' : `${fmtNum(Math.round(minutes))} min`);
const escapeText = (text) => String(text ?? '')
  .replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));

// Every list of the API answers one shape: {items, page, size, total, totalPages}.
function rowsOf(body) {
  return body && Array.isArray(body.items) ? body.items : [];
}

function totalPagesOf(body) {
  return body && typeof body.totalPages === 'number' ? body.totalPages : 1;
}

// Every row of a list endpoint, following pages when the answer is paged (at most maxPages requests).
async function allRows(path, params, { size = 200, maxPages = 25 } = {}) {
  const rows = [];
  for (let page = 0; page < maxPages; page += 1) {
    const query = new URLSearchParams(params);
    query.set('size', size);
    query.set('page', page);
    const body = await api(`${path}?${query}`);
    rows.push(...rowsOf(body));
    if (page + 1 >= totalPagesOf(body)) break;
  }
  return rows;
}

// ---------- charts: own registry, emptied whenever the explorer changes page ----------
const charts = [];
function chart(container, option) {
  const instance = echarts.init(container, null, { renderer: 'canvas' });
  instance.setOption({ animation: false, ...option });
  charts.push(instance);
  return instance;
}
function disposeCharts() {
  while (charts.length) charts.pop().dispose();
}
window.addEventListener('resize', () => charts.forEach((c) => c.resize()));
window.addEventListener('hashchange', disposeCharts);

// Replaces the view's content with the given nodes, leaving out the null ones (parts shown only sometimes).
function show(view, ...nodes) {
  view.replaceChildren(...nodes.filter((n) => n !== null && n !== undefined));
}

function filterForm(fields, onSubmit, testid) {
  const form = el('form', { class: 'filters card', 'data-testid': testid }, fields, el('button', { type: 'submit', text: 'Show' }));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const query = new URLSearchParams();
    for (const [k, v] of new FormData(form)) if (String(v).trim()) query.set(k, String(v).trim());
    onSubmit(query);
  });
  return form;
}

function simpleTable(id, columns, rows) {
  return el('table', { 'data-testid': id },
    el('thead', {}, el('tr', {}, columns.map((c) => el('th', { class: c.num ? 'num' : null, text: c.label })))),
    el('tbody', {}, rows.map((row) => el('tr', {}, columns.map((c) => {
      const content = c.render ? c.render(row) : c.value(row);
      return el('td', { class: c.num ? 'num' : null }, content instanceof Node ? content : String(content ?? '–'));
    })))));
}

// ---------- lead/lag network ----------

/** The edges of the lead/lag network, normalised, for the filters in params (from, to, minShared). */
export async function leadLagEdges(params) {
  const query = {};
  for (const key of ['from', 'to', 'minShared']) if (params.get(key)) query[key] = params.get(key);
  const minShared = Number(params.get('minShared') || 1);
  return (await allRows('api/coverage/leadlag', query)).map((e) => ({
    source: e.source, target: e.target, sourceName: e.sourceName || e.source, targetName: e.targetName || e.target,
    leads: Number(e.leads), shared: Number(e.shared), medianLag: e.medianLagMinutes ?? null,
  })).filter((e) => e.shared >= minShared); // the API filters too
}

async function leadLagPage(parts, params, view) {
  disposeCharts();
  const edges = await leadLagEdges(params);
  const form = filterForm([
    el('label', {}, 'From', el('input', { name: 'from', type: 'date', value: params.get('from') || '' })),
    el('label', {}, 'To', el('input', { name: 'to', type: 'date', value: params.get('to') || '' })),
    el('label', {}, 'Min. shared stories', el('input', { name: 'minShared', type: 'number', min: 1,
      value: params.get('minShared') || '1' })),
  ], (query) => { location.hash = `#/leadlag?${query}`; }, 'leadlag-filters');

  const names = new Map();
  const degree = new Map();
  for (const e of edges) {
    names.set(e.source, e.sourceName);
    names.set(e.target, e.targetName);
    degree.set(e.source, (degree.get(e.source) || 0) + e.leads);
    degree.set(e.target, degree.get(e.target) || 0);
  }
  const providers = [...names.keys()].sort();
  const graphBox = el('div', { class: 'graph', 'data-testid': 'leadlag-graph',
    dataset: { nodes: String(providers.length), edges: String(edges.length) } });
  const details = el('div', { class: 'details muted', 'data-testid': 'leadlag-details',
    text: 'Click an outlet for its timeline and profile; hover over a link for its lag.' });
  const summary = el('p', { class: 'muted', 'data-testid': 'leadlag-summary',
    text: `${providers.length} outlets, ${edges.length} links` });
  show(view,
    el('h1', { text: 'Who publishes first' }),
    el('p', { class: 'muted', text: 'An arrow A → B: on stories both covered, A published before B. Wider arrows: A came '
      + 'first more often. Filter by the stories\' time and by how many stories two outlets share.' }),
    form, summary,
    edges.length ? el('section', { class: 'card' }, graphBox, details)
      : el('p', { class: 'muted', 'data-testid': 'leadlag-empty', text: 'No outlet published before another on shared stories in this range.' }),
    edges.length ? el('section', { class: 'card' }, el('h2', { text: 'Links' }),
      simpleTable('leadlag-links', [
        { label: 'First', value: (e) => e.sourceName, render: (e) => link(`#/provider/${enc(e.source)}`, e.sourceName) },
        { label: 'Then', value: (e) => e.targetName, render: (e) => link(`#/provider/${enc(e.target)}`, e.targetName) },
        { label: 'Times first', num: true, value: (e) => e.leads },
        { label: 'Shared stories', num: true, value: (e) => e.shared },
        { label: 'Median lag', num: true, value: (e) => fmtLag(e.medianLag) },
      ], edges)) : null);
  if (!edges.length) return;

  const maxLeads = Math.max(...edges.map((e) => e.leads));
  const maxDegree = Math.max(1, ...degree.values());
  const palette = ['#2f6fde', '#e8643c', '#2a9d63', '#9b59b6', '#d4a017', '#17a2b8', '#c0392b', '#7f8c8d', '#e84393', '#00838f'];
  const labels = edges.length <= 40;
  const instance = chart(graphBox, {
    tooltip: {
      formatter: (p) => {
        if (p.dataType === 'edge') {
          const e = p.data.edge;
          return `${escapeText(e.sourceName)} → ${escapeText(e.targetName)}<br>first on ${fmtNum(e.leads)} of `
            + `${fmtNum(e.shared)} shared stories<br>median lag ${escapeText(fmtLag(e.medianLag))}`;
        }
        return `${escapeText(p.data.fullName)}<br>${escapeText(p.data.id)}`;
      },
    },
    series: [{
      type: 'graph', layout: 'force', roam: true, draggable: true,
      zoom: 0.85, force: { repulsion: 450, edgeLength: [90, 190], gravity: 0.15, layoutAnimation: false },
      edgeSymbol: ['none', 'arrow'], edgeSymbolSize: [0, 10],
      label: { show: true, position: 'right', fontSize: 11, color: '#333' },
      edgeLabel: { show: labels, fontSize: 10, color: '#6b7385', formatter: (p) => fmtLag(p.data.edge.medianLag) },
      lineStyle: { color: 'source', opacity: 0.75, curveness: 0.15 },
      emphasis: { focus: 'adjacency', lineStyle: { width: 5 } },
      data: providers.map((id, i) => ({ id, name: id, fullName: names.get(id),
        symbolSize: 14 + Math.round(22 * (degree.get(id) || 0) / maxDegree),
        itemStyle: { color: palette[i % palette.length] },
        label: { formatter: () => names.get(id) || id } })),
      links: edges.map((e) => ({ source: e.source, target: e.target, edge: e,
        lineStyle: { width: 1 + 6 * (e.leads / maxLeads) } })),
    }],
  });
  instance.on('click', (p) => {
    if (p.dataType !== 'node') return;
    const id = p.data.id;
    const out = edges.filter((e) => e.source === id);
    const inc = edges.filter((e) => e.target === id);
    details.replaceChildren(
      el('strong', { text: names.get(id) || id }),
      el('div', { text: `first before ${out.length} outlets, after ${inc.length}` }),
      el('div', {}, link(`#/timelines?type=provider&name=${enc(id)}`, 'timeline', { 'data-testid': 'leadlag-timeline-link' }),
        ' · ', link(`#/provider/${enc(id)}`, 'profile')));
  });
}

// ---------- topic and provider timelines ----------

async function timelinesPage(parts, params, view) {
  disposeCharts();
  const type = params.get('type') === 'provider' ? 'provider' : 'topic';
  const bucket = oneOf(params.get('bucket'), BUCKETS, 'day');
  const measure = oneOf(params.get('measure'), MEASURES, 'count');
  const shares = measure === 'share';
  const [topics, providers] = await Promise.all([allRows('api/topics', {}, { size: 1000, maxPages: 2 }), allRows('api/providers', {}, { size: 500, maxPages: 4 })]);
  const choices = type === 'topic'
    ? topics.map((t) => ({ value: t.name, text: `${t.name} (${fmtNum(t.articles)})` }))
    : providers.map((p) => ({ value: p.domain, text: `${p.name || p.domain} (${fmtNum(p.articles)})` }));
  const name = params.get('name') || (choices[0] || {}).value || '';
  if (name && !choices.some((c) => c.value === name)) choices.unshift({ value: name, text: name });

  const nameSelect = el('select', { name: 'name', 'data-testid': 'timeline-name' },
    choices.map((c) => el('option', { value: c.value, text: c.text, selected: c.value === name })));
  const typeSelect = el('select', { name: 'type', 'data-testid': 'timeline-type' },
    ['topic', 'provider'].map((t) => el('option', { value: t, text: t, selected: t === type })));
  // a new kind lists other names: go there at once, with the first name of the new list
  typeSelect.addEventListener('change', () => {
    const query = new URLSearchParams(params);
    query.set('type', typeSelect.value);
    query.delete('name');
    location.hash = `#/timelines?${query}`;
  });
  const form = filterForm([
    el('label', {}, 'Of a', typeSelect),
    el('label', {}, type === 'topic' ? 'Topic' : 'Provider', nameSelect),
    el('label', {}, 'Per', el('select', { name: 'bucket', 'data-testid': 'timeline-bucket' },
      BUCKETS.map((b) => el('option', { value: b, text: b, selected: b === bucket })))),
    el('label', {}, 'Show', el('select', { name: 'measure', 'data-testid': 'timeline-measure' },
      MEASURES.map((m) => el('option', { value: m, text: m === 'count' ? 'counts' : 'shares of all articles', selected: m === measure })))),
    el('label', {}, 'From', el('input', { name: 'from', type: 'date', value: params.get('from') || '' })),
    el('label', {}, 'To', el('input', { name: 'to', type: 'date', value: params.get('to') || '' })),
  ], (query) => { location.hash = `#/timelines?${query}`; }, 'timeline-filters');

  if (!name) {
    show(view, el('h1', { text: 'Timelines' }), form, el('p', { class: 'muted', text: `No ${type}s yet.` }));
    return;
  }
  const query = new URLSearchParams({ bucket, measure });
  for (const key of ['from', 'to']) if (params.get(key)) query.set(key, params.get(key));
  const path = type === 'topic' ? `api/topics/${enc(name)}/timeline` : `api/providers/${enc(name)}/timeline`;
  const timeline = await api(`${path}?${query}`);
  const buckets = timeline.buckets || [];
  const busy = buckets.filter((b) => b.articles > 0);
  const totals = timeline.totals || {};
  const box = el('div', { class: 'chart', 'data-testid': 'activity-chart',
    dataset: { points: String(buckets.length), articles: String(buckets.reduce((s, b) => s + b.articles, 0)), measure } });
  const label = type === 'topic' ? `Topic ${name}` : `Provider ${(providers.find((p) => p.domain === name) || {}).name || name}`;
  show(view,
    el('h1', { 'data-testid': 'timeline-title', text: label }),
    form,
    el('p', { class: 'muted', 'data-testid': 'timeline-summary',
      text: `${fmtNum(totals.articles)} articles in ${fmtNum(totals.stories)} stories (${fmtNum(totals.newStories)} new), `
        + `${buckets.length} ${bucket}s from ${(timeline.from || '–').slice(0, 16).replace('T', ' ')} to ${(timeline.to || '–').slice(0, 16).replace('T', ' ')}`
        + (shares ? `; ${fmtShare(totals.allArticles ? totals.articles / totals.allArticles : 0)} of all ${fmtNum(totals.allArticles)} articles` : '') }),
    type === 'provider' ? el('p', {}, link(`#/provider/${enc(name)}`, 'profile'), ' · ',
      link(`#/leadlag`, 'who publishes first')) : null,
    el('section', { class: 'card' }, box),
    el('section', { class: 'card' }, el('h2', { text: `${bucket[0].toUpperCase()}${bucket.slice(1)}s with articles` }),
      busy.length ? simpleTable('activity-buckets', [
        { label: 'Start', value: (b) => b.start },
        { label: 'Articles', num: true, value: (b) => b.articles },
        shares ? { label: 'All articles', num: true, value: (b) => b.allArticles } : null,
        shares ? { label: 'Share', num: true, value: (b) => fmtShare(b.share) } : null,
        { label: 'Stories', num: true, value: (b) => b.stories },
        { label: 'New stories', num: true, value: (b) => b.newStories },
      ].filter(Boolean), busy) : el('p', { class: 'muted', text: 'none in this range' })));
  // shares: one series, the percentage of all articles of the bucket (counts stay in the table and tooltip)
  const series = shares
    ? [{ name: 'share of all articles (%)', type: 'bar', data: buckets.map((b) => sharePercent(b.share)) }]
    : [{ name: 'articles', type: 'bar', data: buckets.map((b) => b.articles) },
      { name: 'stories', type: 'bar', data: buckets.map((b) => b.stories) },
      { name: 'new stories', type: 'bar', data: buckets.map((b) => b.newStories) }];
  chart(box, {
    tooltip: { trigger: 'axis' },
    legend: { data: series.map((x) => x.name) },
    grid: { left: 45, right: 30, top: 35, bottom: buckets.length > 60 ? 60 : 40 },
    xAxis: { type: 'category', data: buckets.map((b) => bucketLabel(b.start, bucket)) },
    yAxis: shares ? { type: 'value', name: '% of all', min: 0 } : { type: 'value', minInterval: 1 },
    dataZoom: buckets.length > 60 ? [{ type: 'slider', height: 18, bottom: 5 }] : [],
    series,
  });
}

window.explorerViews = Object.assign(window.explorerViews || {}, { leadlag: leadLagPage, timelines: timelinesPage });
