// The staff console. Plain JavaScript, no build step, no third-party code; everything from the
// log (citizens' words) is written with textContent, never parsed as HTML. The chart is SVG drawn here.

const SVG = 'http://www.w3.org/2000/svg';
const OUTCOMES = ['answered', 'clarify', 'out_of_scope', 'unknown'];
const TITLES = {
  unanswered: ['未能回答或把握不大的问题（相近问法归为一组）', 'Unanswered and low-confidence questions, grouped by similar wording'],
  'thumbs-down': ['被点踩的回答', 'Answers given a thumbs-down'],
  daily: ['每日提问数（按结果、渠道）', 'Questions per day, by outcome and channel'],
};
const EMPTY = ['暂无记录。', 'Nothing logged yet.'];

const $ = (id) => document.getElementById(id);

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = String(text);
  return node;
}

/** Chinese first, then English in its own lang span. */
function both(tag, [zh, en], className) {
  const node = el(tag, className, `${zh} `);
  const span = el('span', undefined, en);
  span.lang = 'en';
  node.append(span);
  return node;
}

async function getJson(url) {
  const res = await fetch(url, { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
  if (res.status === 401) {
    location.reload();
    throw new Error('unauthorized');
  }
  const body = await res.json();
  if (!res.ok) throw new Error(body?.error?.message || `HTTP ${res.status}`);
  return body;
}

function tableNode(table, caption) {
  const wrap = el('div', 'table-wrap');
  const node = el('table');
  node.dataset.table = table.name;
  if (caption) node.append(both('caption', caption));
  const head = el('tr');
  for (const c of table.columns) head.append(both('th', [c.zh, c.en]));
  const thead = el('thead');
  thead.append(head);
  const tbody = el('tbody');
  for (const row of table.rows) tbody.append(rowNode(table, row));
  node.append(thead, tbody);
  wrap.append(node);
  return wrap;
}

function rowNode(table, row) {
  const tr = el('tr');
  for (const c of table.columns) {
    const td = el('td', typeof row[c.key] === 'number' ? 'num' : undefined, row[c.key] ?? '');
    tr.append(td);
  }
  return tr;
}

function csvLink(name, days) {
  const a = both('a', ['导出 CSV', 'Export CSV'], 'download');
  a.href = `/staff/export/${name}.csv${days ? `?days=${days}` : ''}`;
  a.setAttribute('download', '');
  return a;
}

/** Stacked bars, one per day, one colour per outcome; each bar's tooltip gives the numbers. */
function chart(daily) {
  const rows = daily.rows;
  const width = 640;
  const height = 180;
  const top = Math.max(1, ...rows.map((r) => r.total));
  const step = width / Math.max(rows.length, 1);
  const barWidth = Math.min(step * 0.7, 40);
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', `0 0 ${width} ${height + 20}`);
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', '每日提问数 Questions per day');
  svg.classList.add('chart');
  rows.forEach((row, i) => {
    let y = height;
    const group = document.createElementNS(SVG, 'g');
    const title = document.createElementNS(SVG, 'title');
    title.textContent = `${row.day}: ${row.total} (${OUTCOMES.map((o) => `${o} ${row[o]}`).join(', ')})`;
    group.append(title);
    for (const outcome of OUTCOMES) {
      const h = (row[outcome] / top) * (height - 10);
      if (h <= 0) continue;
      y -= h;
      const rect = document.createElementNS(SVG, 'rect');
      rect.setAttribute('x', String(i * step + (step - barWidth) / 2));
      rect.setAttribute('y', String(y));
      rect.setAttribute('width', String(barWidth));
      rect.setAttribute('height', String(h));
      rect.setAttribute('class', `bar ${outcome}`);
      group.append(rect);
    }
    if (rows.length <= 31 || i % Math.ceil(rows.length / 15) === 0) {
      const label = document.createElementNS(SVG, 'text');
      label.setAttribute('x', String(i * step + step / 2));
      label.setAttribute('y', String(height + 15));
      label.setAttribute('text-anchor', 'middle');
      label.textContent = row.day.slice(5);
      group.append(label);
    }
    svg.append(group);
  });
  const legend = el('ul', 'legend');
  const names = Object.fromEntries(daily.columns.map((c) => [c.key, `${c.zh} ${c.en}`]));
  for (const outcome of OUTCOMES) {
    const li = el('li', outcome, names[outcome] || outcome);
    legend.append(li);
  }
  const totals = el('p', 'totals');
  const sum = (key) => rows.reduce((n, r) => n + (r[key] || 0), 0);
  totals.textContent = daily.columns
    .filter((c) => c.key !== 'day')
    .map((c) => `${c.zh} ${c.en}: ${sum(c.key)}`)
    .join(' · ');
  const figure = el('figure', 'chart-box');
  figure.append(svg, legend, totals);
  return figure;
}

async function loadLog() {
  const days = Number($('days').value) || 30;
  $('log-error').hidden = true;
  try {
    const overview = await getJson(`/staff/api/overview?days=${days}`);
    $('log-off').hidden = overview.log;
    const box = $('log-tables');
    box.replaceChildren();
    for (const table of overview.tables) {
      const section = el('div', 'log-table');
      section.id = `table-${table.name}`;
      const head = el('div', 'table-head');
      head.append(both('h3', TITLES[table.name] || [table.name, table.name]), csvLink(table.name, days));
      section.append(head);
      if (table.name === 'daily' && table.rows.length > 0) section.append(chart(table));
      section.append(table.rows.length > 0 ? tableNode(table) : both('p', EMPTY, 'muted'));
      box.append(section);
    }
  } catch (error) {
    $('log-error').textContent = String(error.message || error);
    $('log-error').hidden = false;
  }
}

let facts = null;

function showFacts() {
  if (!facts) return;
  const words = $('fact-search').value.trim().toLowerCase().split(/\s+/).filter(Boolean);
  const rows = facts.rows.filter((row) => {
    const text = facts.columns.map((c) => String(row[c.key] ?? '')).join(' ').toLowerCase();
    return words.every((w) => text.includes(w));
  });
  $('fact-count').textContent = `${rows.length} / ${facts.rows.length} 条 rows`;
  $('fact-table').replaceChildren(tableNode({ ...facts, rows }));
}

async function loadFacts() {
  facts = await getJson('/staff/api/facts');
  showFacts();
}

const WHY_FIELDS = [
  ['outcome', '结果', 'outcome'],
  ['rule', '规则', 'rule'],
  ['score', '得分', 'score'],
  ['runnerUp', '次优规则', 'runner-up'],
  ['concepts', '识别的概念', 'concepts'],
  ['usedContext', '沿用上文', 'used context'],
  ['qualifiers', '超范围的限定', 'qualifiers'],
  ['confidence', '置信度', 'confidence'],
  ['message', '回答', 'answer'],
];

async function explain(event) {
  event.preventDefault();
  const q = $('why-question').value.trim();
  if (!q) return;
  const result = $('why-result');
  try {
    const why = await getJson(`/staff/api/why?q=${encodeURIComponent(q)}`);
    const values = {
      outcome: why.outcome,
      rule: why.explain.rule ?? '—',
      score: why.explain.score,
      runnerUp: why.explain.runnerUp ? `${why.explain.runnerUp.intent} (${why.explain.runnerUp.score}; ${why.explain.runnerUp.matched.join(', ')})` : '—',
      concepts: why.explain.concepts.join(', ') || '—',
      usedContext: why.explain.usedContext ? '是 yes' : '否 no',
      qualifiers: why.explain.qualifiers.join(', ') || '—',
      confidence: why.confidence,
      message: why.message,
    };
    const dl = el('dl', 'why');
    for (const [key, zh, en] of WHY_FIELDS) {
      dl.append(both('dt', [zh, en]));
      const dd = el('dd', undefined, values[key]);
      dd.dataset.field = key;
      dl.append(dd);
    }
    result.replaceChildren(dl);
  } catch (error) {
    result.replaceChildren(el('p', 'error', String(error.message || error)));
  }
}

$('days-form').addEventListener('submit', (event) => {
  event.preventDefault();
  void loadLog();
});
$('fact-search').addEventListener('input', showFacts);
$('why-form').addEventListener('submit', explain);
void loadLog();
void loadFacts();
