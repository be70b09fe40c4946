// The explorer's "Jobs" panel: recent background jobs (loads, reclusters, exports) with state and progress, from
// GET /api/jobs — the same records as the CLI's `storygraph jobs list`. Polls every 2 s while any job is queued or
// running, and otherwise only when "Refresh" is pressed. Self-contained: it only needs <section id="jobs-panel">.
const PANEL = document.getElementById('jobs-panel');
const ACTIVE = new Set(['queued', 'running']);
let timer = null;

function cell(row, text, className) {
  const td = document.createElement('td');
  td.textContent = text;
  if (className) td.className = className;
  row.append(td);
  return td;
}

function progressText(job) {
  const p = job.progress || {};
  if (!p.total) return job.state === 'queued' ? 'waiting' : '–';
  const percent = p.percent == null ? '' : ` (${p.percent}%)`;
  return `${p.done.toLocaleString('en')}/${p.total.toLocaleString('en')} ${p.unit || ''}${percent}`;
}

function render(page) {
  const table = PANEL.querySelector('table');
  const body = table.querySelector('tbody');
  body.replaceChildren();
  for (const job of page.items) {
    const row = document.createElement('tr');
    row.dataset.job = job.id;
    row.dataset.state = job.state;
    cell(row, job.kind);
    cell(row, job.state, `job-state job-${job.state}`);
    const progress = cell(row, '', 'job-progress');
    const bar = document.createElement('progress');
    bar.max = 100;
    if (job.progress && job.progress.percent != null) bar.value = job.progress.percent;
    progress.append(bar, ' ', progressText(job));
    cell(row, job.createdAt ? new Date(job.createdAt).toISOString().replace('T', ' ').slice(0, 19) : '');
    const result = cell(row, job.error || (job.result && job.result.stopped) || '');
    if (job.resultUrl && job.state === 'done') {
      const link = document.createElement('a');
      link.href = job.resultUrl.replace(/^\//, '');
      link.textContent = 'download';
      result.append(link);
    }
    body.append(row);
  }
  table.hidden = page.items.length === 0;
  PANEL.querySelector('.jobs-empty').hidden = page.items.length > 0;
  PANEL.querySelector('.jobs-total').textContent = page.total ? `${page.total} in all` : '';
}

async function refresh() {
  clearTimeout(timer);
  try {
    const response = await fetch('api/jobs?size=8', { headers: { Accept: 'application/json' } });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const page = await response.json();
    render(page);
    PANEL.querySelector('.jobs-error').hidden = true;
    if (page.items.some(job => ACTIVE.has(job.state))) timer = setTimeout(refresh, 2000);
  } catch (e) {
    const error = PANEL.querySelector('.jobs-error');
    error.textContent = `Jobs could not be read: ${e.message}`;
    error.hidden = false;
  }
}

if (PANEL) {
  PANEL.innerHTML = `
    <h2>Jobs <span class="muted jobs-total"></span>
      <button type="button" class="secondary jobs-refresh">Refresh</button></h2>
    <p class="muted jobs-empty" hidden>No background jobs yet (loads by path, reclusters, exports).</p>
    <p class="error jobs-error" hidden></p>
    <table hidden><thead><tr><th>kind</th><th>state</th><th>progress</th><th>created (UTC)</th><th>result</th></tr>
    </thead><tbody></tbody></table>`;
  PANEL.querySelector('.jobs-refresh').addEventListener('click', refresh);
  refresh();
}
