// StoryGraph explorer: a small single-page app over the REST API. No framework, no build step, no CDN.
// Untrusted text (titles, excerpts, names) is only ever set with textContent, never parsed as HTML.

import { api, BUCKETS, bucketLabel, el, enc, fmtNum, fmtShare, link, MEASURES, oneOf, sharePercent } from './dom.js';
import { linksPanel, pageHash, rawParams, restoreParams, wantsRun } from './query-links.js';

const view = document.getElementById('view');

// ---------- tiny DOM helpers (el, link, fmtNum, enc, api: dom.js) ----------
const external = (href, text) => el('a', { href, text, target: '_blank', rel: 'noopener noreferrer' });
const fmtTime = (t) => (t ? new Date(t).toISOString().replace('T', ' ').replace(/:00\.000Z$|\.000Z$/, 'Z') : '–');

function show(...nodes) {
  view.replaceChildren(...nodes);
}

function fail(error) {
  show(el('p', { class: 'error', role: 'alert', text: String(error.message || error) }));
}

// ---------- sortable tables ----------
function table(columns, rows, { id, sortable = false } = {}) {
  const tbody = el('tbody');
  const head = el('tr');
  const t = el('table', { 'data-testid': id }, el('thead', {}, head), tbody);
  let sortKey = null;
  let ascending = true;
  const render = () => {
    const sorted = [...rows];
    if (sortKey !== null) {
      const column = columns[sortKey];
      const value = column.sort || column.value;
      sorted.sort((a, b) => {
        const x = value(a);
        const y = value(b);
        const nx = x === null || x === undefined;
        const ny = y === null || y === undefined;
        if (nx || ny) return nx === ny ? 0 : nx ? 1 : -1;
        const c = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
        return ascending ? c : -c;
      });
    }
    tbody.replaceChildren(...sorted.map((row) => el('tr', {}, columns.map((c) => {
      const cell = el('td', { class: c.num ? 'num' : null });
      const content = c.render ? c.render(row) : c.value(row);
      cell.append(content instanceof Node ? content : document.createTextNode(content ?? '–'));
      return cell;
    }))));
  };
  columns.forEach((c, i) => {
    const th = el('th', { class: [c.num ? 'num' : '', sortable ? 'sortable' : ''].join(' ').trim() || null, text: c.label,
      dataset: { column: c.key || String(i) } });
    if (sortable) {
      th.addEventListener('click', () => {
        ascending = sortKey === i ? !ascending : true;
        sortKey = i;
        head.querySelectorAll('th').forEach((h) => h.classList.remove('sorted-asc', 'sorted-desc'));
        th.classList.add(ascending ? 'sorted-asc' : 'sorted-desc');
        render();
      });
    }
    head.append(th);
  });
  render();
  return t;
}

// ---------- charts (ECharts) ----------
const charts = [];
function chart(container, option) {
  const instance = echarts.init(container, null, { renderer: 'canvas' });
  instance.setOption({ animation: false, ...option });
  charts.push(instance);
  return instance;
}
window.addEventListener('resize', () => charts.forEach((c) => c.resize()));
function disposeCharts() {
  while (charts.length) charts.pop().dispose();
}

// ---------- pages ----------
async function storiesPage(params) {
  const [topics, providers] = await Promise.all([api('api/topics?size=1000'), api('api/providers?size=500')]);
  const form = el('form', { class: 'filters card', 'data-testid': 'story-filters' },
    el('label', {}, 'Words', el('input', { name: 'q', value: params.get('q') || '', placeholder: 'e.g. boston ban' })),
    el('label', {}, 'From', el('input', { name: 'from', type: 'date', value: params.get('from') || '' })),
    el('label', {}, 'To', el('input', { name: 'to', type: 'date', value: params.get('to') || '' })),
    el('label', {}, 'Topic', el('select', { name: 'topic' }, el('option', { value: '', text: 'any' }),
      topics.items.map((t) => el('option', { value: t.name, text: `${t.name} (${t.articles})`, selected: params.get('topic') === t.name })))),
    el('label', {}, 'Provider', el('input', { name: 'provider', list: 'provider-list', value: params.get('provider') || '' })),
    el('datalist', { id: 'provider-list' }, providers.items.map((p) => el('option', { value: p.domain, text: p.name }))),
    el('label', {}, 'Min. providers', el('input', { name: 'minProviders', type: 'number', min: 1, value: params.get('minProviders') || '' })),
    el('label', {}, 'Sort', el('select', { name: 'sort' }, [['size', 'size'], ['providers', 'providers'],
      ['recency', 'recency'], ['recency,asc', 'oldest first']].map(([s, text]) =>
      el('option', { value: s, text, selected: (params.get('sort') || 'size') === s })))),
    el('button', { type: 'submit', text: 'Show' }));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const query = new URLSearchParams();
    for (const [k, v] of new FormData(form)) if (v) query.set(k, v);
    location.hash = `#/?${query}`;
  });
  const page = Number(params.get('page') || 0);
  const query = new URLSearchParams(params);
  query.set('page', page);
  query.set('size', 25);
  const result = await api(`api/stories?${query}`);
  const pageLink = (p) => {
    const q = new URLSearchParams(params);
    q.set('page', p);
    return `#/?${q}`;
  };
  show(
    el('h1', { text: 'Stories' }),
    form,
    el('p', { class: 'muted', 'data-testid': 'story-count', text: `${fmtNum(result.total)} stories` }),
    table([
      { label: 'Story', value: (s) => s.label, render: (s) => link(`#/story/${enc(s.id)}`, s.label || s.id, { 'data-testid': 'story-link' }) },
      { label: 'Articles', num: true, value: (s) => s.size },
      { label: 'Providers', num: true, value: (s) => s.providerCount },
      { label: 'First', value: (s) => fmtTime(s.firstPublishedAt) },
      { label: 'Last', value: (s) => fmtTime(s.lastPublishedAt) },
    ], result.items, { id: 'stories' }),
    el('div', { class: 'pager' },
      page > 0 ? link(pageLink(page - 1), '← previous') : null,
      el('span', { class: 'muted', text: `page ${page + 1} of ${Math.max(1, result.totalPages)}` }),
      page + 1 < result.totalPages ? link(pageLink(page + 1), 'next →', { 'data-testid': 'next-page' }) : null));
}

async function storyPage(id, params) {
  const bucket = oneOf(params.get('bucket'), BUCKETS, 'hour');
  const measure = oneOf(params.get('measure'), MEASURES, 'count');
  const [detail, coverage, timeline, graph] = await Promise.all([
    api(`api/stories/${enc(id)}`), api(`api/stories/${enc(id)}/coverage`),
    api(`api/stories/${enc(id)}/timeline?bucket=${bucket}&measure=${measure}`), api(`api/stories/${enc(id)}/graph`)]);
  // a switch keeps the other choice: #/story/ID?bucket=day&measure=share
  const storyHash = (b, m) => `#/story/${enc(id)}?bucket=${b}&measure=${m}`;
  const switchOf = (choices, current, hashOf, testid) => el('span', { 'data-testid': testid },
    choices.map((c) => (c === current ? el('strong', { text: ` ${c} ` }) : link(hashOf(c), ` ${c} `, { 'data-choice': c }))));
  const story = detail.story;
  const chartBox = el('div', { class: 'chart', 'data-testid': 'timeline-chart' });
  const graphBox = el('div', { class: 'graph', 'data-testid': 'story-graph' });
  const details = el('div', { class: 'details muted', 'data-testid': 'node-details', text: 'Click a node for details.' });
  const colourBy = el('select', { 'data-testid': 'colour-by' },
    el('option', { value: 'provider', text: 'colour by provider' }), el('option', { value: 'time', text: 'colour by time' }));
  const exportLink = (format) => el('a', { href: `api/stories/${enc(id)}/export?format=${format}`, text: format.toUpperCase(),
    download: '', 'data-testid': `export-${format}` });
  show(
    el('p', {}, link('#/', '← all stories')),
    el('h1', { 'data-testid': 'story-label', text: story.label || story.headline || story.id }),
    el('p', { class: 'muted' },
      `${fmtNum(story.size)} articles from ${fmtNum(story.providerCount)} providers, ${fmtTime(story.firstPublishedAt)} – ${fmtTime(story.lastPublishedAt)}`),
    el('p', { class: 'exports' }, 'Export: ', ['csv', 'json', 'gexf', 'graphml'].map(exportLink)),
    el('div', { class: 'grid' },
      el('section', { class: 'card' },
        el('div', { class: 'toolbar' }, el('h2', { text: 'How it spread' }),
          switchOf(BUCKETS, bucket, (b) => storyHash(b, measure), 'timeline-bucket-switch'), '·',
          switchOf(MEASURES.map((m) => (m === 'count' ? 'counts' : 'shares')), measure === 'count' ? 'counts' : 'shares',
            (m) => storyHash(bucket, m === 'counts' ? 'count' : 'share'), 'timeline-measure-switch')),
        measure === 'share' ? el('p', { class: 'muted', text: 'Share: the story\'s articles of all articles published in the same '
          + `${bucket} (${fmtNum((timeline.totals || {}).articles)} of ${fmtNum((timeline.totals || {}).allArticles)} in all).` }) : null,
        chartBox),
      el('section', { class: 'card' },
        el('div', { class: 'toolbar' }, el('h2', { text: 'Story graph' }), colourBy), graphBox, details)),
    el('section', { class: 'card' }, el('h2', { text: 'Coverage' }),
      el('p', { class: 'muted', 'data-testid': 'first-reporters',
        text: `First report ${fmtTime(coverage.firstReportAt)} by ${coverage.firstReporters.join(', ') || '–'}` +
          (coverage.implausibleArticles ? ` (${coverage.implausibleArticles} articles with implausible times left out)` : '') }),
      table([
        { key: 'rank', label: 'Rank', num: true, value: (p) => p.rank },
        { key: 'provider', label: 'Provider', value: (p) => p.name || p.domain, render: (p) => link(`#/provider/${enc(p.domain)}`, p.name || p.domain) },
        { key: 'first', label: 'First article', value: (p) => fmtTime(p.firstAt), sort: (p) => p.firstAt },
        { key: 'lag', label: 'Lag (min)', num: true, value: (p) => p.lagMinutes },
        { key: 'articles', label: 'Articles', num: true, value: (p) => p.articles },
        { key: 'share', label: 'Share', num: true, value: (p) => `${Math.round(p.share * 100)}%`, sort: (p) => p.share },
      ], coverage.providers, { id: 'coverage', sortable: true })),
    el('section', { class: 'card' }, el('h2', { text: 'Articles' }),
      table([
        { label: 'Published', value: (a) => fmtTime(a.publishedAt) },
        { label: 'Provider', value: (a) => (a.provider ? a.provider.domain : '–') },
        { label: 'Title', value: (a) => a.title, render: (a) => el('span', {}, external(a.url, a.title || a.url),
          a.duplicateOf ? el('span', { class: 'pill', text: 'copy' }) : null) },
      ], detail.articles, { id: 'articles' })));
  renderTimeline(chartBox, timeline);
  renderGraph(graphBox, graph, details, colourBy);
}

function renderTimeline(box, timeline) {
  const buckets = timeline.buckets || [];
  const shares = timeline.measure === 'share';
  const bars = shares ? 'share of all articles (%)' : 'articles';
  box.dataset.points = String(buckets.length);
  box.dataset.measure = shares ? 'share' : 'count';
  // what the bars show, for tests and curious readers: counts, or shares as percentages (40.0%)
  box.dataset.values = buckets.map((b) => (shares ? fmtShare(b.share) : String(b.articles))).join(' ');
  chart(box, {
    tooltip: { trigger: 'axis' },
    legend: { data: [bars, 'providers so far'] },
    grid: { left: 40, right: 40, top: 35, bottom: 45 },
    xAxis: { type: 'category', data: buckets.map((b) => bucketLabel(b.start, timeline.bucket)) },
    yAxis: [shares ? { type: 'value', name: '% of all', min: 0 } : { type: 'value', name: 'articles', minInterval: 1 },
      { type: 'value', name: 'providers', minInterval: 1 }],
    dataZoom: buckets.length > 48 ? [{ type: 'slider', height: 18, bottom: 5 }] : [],
    series: [
      { name: bars, type: 'bar', data: buckets.map((b) => (shares ? sharePercent(b.share) : b.articles)) },
      { name: 'providers so far', type: 'line', step: 'end', yAxisIndex: 1, data: buckets.map((b) => b.cumulativeProviders) },
    ],
  });
}

function renderGraph(box, graph, details, colourBy) {
  const articleNodes = graph.nodes.filter((n) => n.type === 'article');
  const times = articleNodes.map((n) => Date.parse(n.data.publishedAt)).filter((t) => !Number.isNaN(t));
  const minT = Math.min(...times);
  const maxT = Math.max(...times);
  const providers = [...new Set(graph.nodes.filter((n) => n.type === 'provider').map((n) => n.id))];
  const palette = ['#2f6fde', '#e8643c', '#2a9d63', '#9b59b6', '#d4a017', '#17a2b8', '#c0392b', '#7f8c8d', '#e84393', '#00838f'];
  const providerColour = (pid) => palette[providers.indexOf(pid) % palette.length];
  const timeColour = (t) => {
    if (Number.isNaN(t) || maxT === minT) return '#888';
    const x = (t - minT) / (maxT - minT);
    return `hsl(${Math.round(220 - 200 * x)}, 70%, 48%)`;
  };
  const byId = Object.fromEntries(graph.nodes.map((n) => [n.id, n]));
  const build = (mode) => ({
    tooltip: { formatter: (p) => (p.dataType === 'node' ? escapeText(p.data.fullLabel) : escapeText(p.data.type || '')) },
    series: [{
      type: 'graph', layout: 'force', roam: true, draggable: true,
      force: { repulsion: 160, edgeLength: [40, 110] },
      label: { show: false },
      edgeSymbol: ['none', 'arrow'], edgeSymbolSize: 6,
      data: graph.nodes.map((n) => {
        const isProvider = n.type === 'provider';
        const colour = isProvider ? '#555'
          : mode === 'time' ? timeColour(Date.parse(n.data.publishedAt)) : providerColour(`provider:${n.data.provider}`);
        return { id: n.id, name: n.id, fullLabel: n.label || n.id, value: n.type, symbol: isProvider ? 'roundRect' : 'circle',
          label: isProvider ? { show: true, position: 'right', fontSize: 10, color: '#555', formatter: () => n.label || n.id } : undefined,
          symbolSize: isProvider ? 16 : n.data.inStory ? 13 : 8, itemStyle: { color: colour, opacity: n.data && n.data.inStory === false ? 0.5 : 1 } };
      }),
      links: graph.edges.map((e) => ({ source: e.source, target: e.target, type: e.type,
        lineStyle: { type: e.type === 'RELATED_TO' ? 'dashed' : 'solid', opacity: 0.6 } })),
    }],
  });
  const instance = chart(box, build('provider'));
  box.dataset.nodes = String(instance.getOption().series[0].data.length);
  box.dataset.edges = String(instance.getOption().series[0].links.length);
  colourBy.addEventListener('change', () => instance.setOption({ animation: false, ...build(colourBy.value) }));
  instance.on('click', (p) => {
    if (p.dataType !== 'node') return;
    const node = byId[p.data.id];
    const lines = [el('strong', { text: node.label || node.id })];
    if (node.type === 'article') {
      lines.push(el('div', { text: `${node.data.provider || '–'} · ${fmtTime(node.data.publishedAt)}${node.data.inStory ? '' : ' · outside this story (related link)'}` }));
      lines.push(external(node.data.url, node.data.url));
    } else {
      lines.push(el('div', {}, link(`#/provider/${enc(node.data.domain)}`, `provider ${node.data.domain}`)));
    }
    details.replaceChildren(...lines);
  });
}

// ECharts renders tooltips as HTML: escape every untrusted string given to it.
function escapeText(text) {
  return String(text).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
}

async function providersPage(params) {
  const filters = ['q', 'collection', 'mediaType', 'country'];
  const query = filters.filter((f) => params.get(f)).map((f) => `&${f}=${enc(params.get(f))}`).join('');
  const [result, collections] = await Promise.all([api(`api/providers?size=200${query}`), api('api/collections?size=200')]);
  const selected = params.get('collection') || '';
  const form = el('form', { class: 'filters card', 'data-testid': 'provider-filters' },
    el('label', {}, 'Provider', el('input', { name: 'q', value: params.get('q') || '' })),
    el('label', {}, 'Collection', el('select', { name: 'collection' },
      [el('option', { value: '', text: 'all' }), ...collections.items.map((c) => el('option',
        { value: c.name, text: `${c.name} (${fmtNum(c.outlets)})`, selected: c.name === selected }))])),
    el('label', {}, 'Media type', el('input', { name: 'mediaType', placeholder: 'e.g. broadcast', value: params.get('mediaType') || '' })),
    el('label', {}, 'Country', el('input', { name: 'country', size: 4, placeholder: 'US', value: params.get('country') || '' })),
    el('button', { type: 'submit', text: 'Find' }));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const data = new FormData(form);
    const hash = filters.filter((f) => (data.get(f) || '').trim()).map((f) => `${f}=${enc(data.get(f).trim())}`).join('&');
    location.hash = `#/providers${hash ? `?${hash}` : ''}`;
  });
  show(el('h1', { text: 'Providers' }), form,
    el('p', { class: 'muted', text: `${fmtNum(result.total)} outlets. Metadata and collections come from an outlet file (storygraph providers import FILE); outlets without any are listed in /api/quality.` }),
    table([
      { label: 'Provider', value: (p) => p.name, render: (p) => link(`#/provider/${enc(p.domain)}`, p.name || p.domain) },
      { label: 'Domain', value: (p) => p.domain },
      { label: 'Country', value: (p) => p.country || '' },
      { label: 'Media type', value: (p) => p.mediaType || '' },
      { label: 'Collections', value: (p) => (p.collections || []).join(', ') },
      { label: 'Articles', num: true, value: (p) => p.articles },
    ], result.items, { id: 'providers', sortable: true }));
}

async function providerPage(domain) {
  const [profile, stories] = await Promise.all([api(`api/providers/${enc(domain)}`),
    api(`api/stories?provider=${enc(domain)}&sort=recency&size=100`)]);
  const relation = (title, rows, id) => el('section', { class: 'card' }, el('h2', { text: title }),
    rows.length ? table([
      { label: 'Provider', value: (r) => r.name || r.domain, render: (r) => link(`#/provider/${enc(r.domain)}`, r.name || r.domain) },
      { label: 'Times', num: true, value: (r) => r.count },
      { label: 'Shared stories', num: true, value: (r) => r.sharedStories },
    ], rows, { id, sortable: true }) : el('p', { class: 'muted', text: 'none' }));
  show(el('p', {}, link('#/providers', '← all providers')),
    el('h1', { 'data-testid': 'provider-name', text: `${profile.name || profile.domain}` }),
    el('p', { class: 'muted', 'data-testid': 'provider-summary',
      text: `${profile.domain}: ${fmtNum(profile.articles)} articles in ${fmtNum(profile.stories)} stories; first to report ${fmtNum(profile.firstReports)} of them; median lag ${profile.medianLagMinutes === null ? '–' : `${fmtNum(Math.round(profile.medianLagMinutes))} min`}` }),
    el('div', { class: 'grid' }, relation('Publishes before', profile.precedes, 'precedes'), relation('Publishes after', profile.follows, 'follows')),
    el('section', { class: 'card' }, el('h2', { text: 'Stories' }),
      table([
        { label: 'Story', value: (s) => s.label, render: (s) => link(`#/story/${enc(s.id)}`, s.label || s.id) },
        { label: 'Articles', num: true, value: (s) => s.size },
        { label: 'Providers', num: true, value: (s) => s.providerCount },
        { label: 'Last', value: (s) => fmtTime(s.lastPublishedAt) },
      ], stories.items, { id: 'provider-stories', sortable: true })));
}

function paramInput(p) {
  const common = { name: p.name, 'data-type': p.type, required: p.required || null };
  if (p.type === 'boolean') return el('input', { ...common, type: 'checkbox', checked: p.defaultValue === 'true' });
  if (p.type === 'int' || p.type === 'float') {
    return el('input', { ...common, type: 'number', step: p.type === 'int' ? '1' : 'any', value: p.defaultValue || '' });
  }
  if (p.type === 'date') return el('input', { ...common, type: 'date', value: p.defaultValue || '' });
  return el('input', { ...common, type: 'text', value: p.defaultValue || '',
    placeholder: p.type.startsWith('list<') ? 'a, b, c' : p.type === 'datetime' ? '2020-06-11T09:53:00Z' : p.type === 'duration' ? 'P1D' : '' });
}

function readParams(form, query) {
  const values = {};
  for (const p of query.params) {
    const input = form.elements[p.name];
    if (p.type === 'boolean') { values[p.name] = input.checked; continue; }
    const raw = input.value.trim();
    if (raw === '') continue;
    if (p.type === 'int') values[p.name] = parseInt(raw, 10);
    else if (p.type === 'float') values[p.name] = parseFloat(raw);
    else if (p.type.startsWith('list<')) {
      const element = p.type.slice(5, -1);
      values[p.name] = raw.replace(/^\[|\]$/g, '').split(',').map((s) => s.trim()).filter(Boolean)
        .map((s) => (element === 'int' ? parseInt(s, 10) : element === 'float' ? parseFloat(s) : element === 'boolean' ? s === 'true' : s));
    } else values[p.name] = raw;
  }
  return values;
}

async function queriesPage(params) {
  const queries = (await api('api/queries?size=1000')).items;
  const selected = params.get('name') || (queries.find((q) => q.valid) || {}).name;
  const query = queries.find((q) => q.name === selected);
  const picker = el('select', { 'data-testid': 'query-picker', onchange: (e) => { location.hash = `#/queries?name=${enc(e.target.value)}`; } },
    queries.map((q) => el('option', { value: q.name, selected: q.name === selected, text: q.valid ? q.name : `${q.name} (broken)` })));
  const results = el('div', { 'data-testid': 'query-results' });
  const parts = [el('h1', { text: 'Saved queries' }), el('div', { class: 'card' }, el('label', {}, 'Query ', picker))];
  if (query) {
    const form = el('form', { class: 'filters params card', 'data-testid': 'query-form' },
      el('p', { class: 'muted', text: query.description }),
      query.valid ? null : el('p', { class: 'error', text: query.error }),
      query.params.map((p) => el('label', { title: p.description || '' }, `${p.name} (${p.type})${p.required ? ' *' : ''}`, paramInput(p))),
      el('button', { type: 'submit', text: 'Run', 'data-testid': 'run-query', disabled: !query.valid }),
      el('button', { type: 'button', class: 'secondary', text: 'Download CSV', 'data-testid': 'download-csv', disabled: !query.valid,
        onclick: () => downloadCsv(query, readParams(form, query), results) }));
    // analysts' links (query-links.js): parameters in the page URL, copy as curl/pandas/R
    const links = linksPanel();
    restoreParams(form, query, params);
    const refreshLinks = () => links.update(query, rawParams(form, query));
    form.addEventListener('input', refreshLinks);
    form.addEventListener('change', refreshLinks);
    refreshLinks();
    const run = async () => {
      results.replaceChildren(el('p', { class: 'muted', text: 'Running…' }));
      try {
        const result = await api(`api/queries/${enc(query.name)}/run`, { method: 'POST',
          headers: { 'Content-Type': 'application/json', Accept: 'application/json' }, body: JSON.stringify(readParams(form, query)) });
        const cell = (v) => (v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v));
        results.replaceChildren(
          el('p', { class: 'muted', 'data-testid': 'query-summary',
            text: `${result.rowCount} rows${result.truncated ? ' (truncated)' : ''} in ${result.elapsedMs} ms${result.error ? ` — ${result.error.detail}` : ''}` }),
          table(result.columns.map((c, i) => ({ label: c, value: (row) => cell(row[i]), sort: (row) => row[i] })), result.rows,
            { id: 'query-table', sortable: true }));
      } catch (error) {
        results.replaceChildren(el('p', { class: 'error', role: 'alert', text: String(error.message) }));
      }
    };
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const hash = pageHash(query, rawParams(form, query));
      if (location.hash !== hash) history.pushState(null, '', hash); // shareable; no hashchange, so no re-render
      refreshLinks();
      await run();
    });
    parts.push(form, links.panel);
    if (query.valid && wantsRun(params)) {
      parts.push(results);
      show(...parts);
      await run();
      return;
    }
  }
  parts.push(results);
  show(...parts);
}

async function downloadCsv(query, values, results) {
  try {
    const response = await fetch(`api/queries/${enc(query.name)}/run`, { method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'text/csv' }, body: JSON.stringify(values) });
    if (!response.ok) throw new Error(`${response.status} ${(await response.json().catch(() => ({}))).detail || ''}`);
    const url = URL.createObjectURL(await response.blob());
    const a = el('a', { href: url, download: `${query.name}.csv` });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
  } catch (error) {
    results.replaceChildren(el('p', { class: 'error', role: 'alert', text: String(error.message) }));
  }
}

// ---------- routing ----------
async function route() {
  disposeCharts();
  const hash = location.hash.slice(1) || '/';
  const [path, search] = hash.split('?');
  const params = new URLSearchParams(search || '');
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  document.querySelectorAll('header nav a').forEach((a) => a.classList.toggle('active',
    a.dataset.nav === (parts[0] === 'story' || !parts.length ? 'stories' : parts[0] === 'provider' ? 'providers' : parts[0])));
  view.dataset.ready = 'false';
  try {
    if (!parts.length) await storiesPage(params);
    else if (parts[0] === 'story' && parts[1]) await storyPage(parts[1], params);
    else if (parts[0] === 'providers') await providersPage(params);
    else if (parts[0] === 'provider' && parts[1]) await providerPage(parts[1]);
    else if (parts[0] === 'queries') await queriesPage(params);
    // views registered by other static modules (views.js: leadlag, timelines)
    else if (window.explorerViews && Object.hasOwn(window.explorerViews, parts[0])) await window.explorerViews[parts[0]](parts.slice(1), params, view);
    else show(el('p', { class: 'error', text: 'No such page.' }));
  } catch (error) {
    fail(error);
  }
  view.dataset.ready = 'true';
}

window.addEventListener('hashchange', route);
window.addEventListener('DOMContentLoaded', route);
