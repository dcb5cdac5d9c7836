// The demo's live page: polls /api/status every 2 s and draws tiles and SVG charts.
// Plain JavaScript on purpose: nothing to build and nothing fetched from the internet.
'use strict';

const REFRESH_MS = 2000;
const SVG = 'http://www.w3.org/2000/svg';
const COLORS = ['#2563eb', '#16a34a', '#d97706', '#9333ea', '#dc2626', '#0891b2', '#4b5563', '#db2777'];
const PIPELINE_TILES = { events: 'events', devices: 'devices', api: 'api' };

let refreshes = 0;

function formatCount(value) {
  return value === null || value === undefined ? '\u2014' : Math.round(value).toLocaleString('en-US');
}

function setText(id, text) {
  const element = document.getElementById(id);
  if (element) element.textContent = text;
}

function svgElement(name, attributes, text) {
  const element = document.createElementNS(SVG, name);
  for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, value);
  if (text !== undefined) element.textContent = text;
  return element;
}

function clear(element) {
  while (element.firstChild) element.removeChild(element.firstChild);
}

function legend(id, names) {
  const box = document.getElementById(id);
  clear(box);
  names.forEach((name, i) => {
    const item = document.createElement('span');
    const swatch = document.createElement('i');
    swatch.style.background = COLORS[i % COLORS.length];
    item.appendChild(swatch);
    item.appendChild(document.createTextNode(name));
    box.appendChild(item);
  });
}

function emptyChart(svg, message) {
  clear(svg);
  svg.appendChild(svgElement('text', { x: 450, y: 110, 'text-anchor': 'middle', class: 'empty' }, message));
}

// Draws one value axis with 4 grid lines and returns the y of a value.
function axis(svg, max, width, height, left, top) {
  const scale = value => top + height - (max === 0 ? 0 : value / max * height);
  for (let i = 0; i <= 4; i++) {
    const value = max * i / 4;
    const y = scale(value);
    svg.appendChild(svgElement('line', { x1: left, x2: left + width, y1: y, y2: y, class: 'grid' }));
    svg.appendChild(svgElement('text', { x: left - 6, y: y + 4, 'text-anchor': 'end' }, formatCount(value)));
  }
  return scale;
}

function drawThroughput(history) {
  const svg = document.getElementById('throughput-chart');
  const pipelines = [...new Set(history.flatMap(point => Object.keys(point.perSecond)))].sort();
  legend('throughput-legend', pipelines);
  if (history.length < 2) {
    emptyChart(svg, 'waiting for two samples\u2026');
    return;
  }
  clear(svg);
  const left = 60, top = 10, width = 820, height = 180;
  const max = Math.max(1, ...history.flatMap(point => Object.values(point.perSecond)));
  const y = axis(svg, max, width, height, left, top);
  const t0 = history[0].seconds, span = Math.max(1, history[history.length - 1].seconds - t0);
  const x = seconds => left + (seconds - t0) / span * width;
  pipelines.forEach((pipeline, i) => {
    const points = history.filter(point => pipeline in point.perSecond)
      .map(point => `${x(point.seconds).toFixed(1)},${y(point.perSecond[pipeline]).toFixed(1)}`);
    svg.appendChild(svgElement('polyline', {
      points: points.join(' '), fill: 'none', stroke: COLORS[i % COLORS.length], 'stroke-width': 2,
      'data-pipeline': pipeline, 'data-latest': history[history.length - 1].perSecond[pipeline] ?? ''
    }));
  });
  svg.appendChild(svgElement('text', { x: left, y: top + height + 20 }, `last ${Math.round(span)} s`));
}

// A stacked bar per window, one colour per group (region or channel).
function drawStacked(svgId, legendId, windows, byGroup) {
  const svg = document.getElementById(svgId);
  const groups = Object.keys(byGroup);
  legend(legendId, groups);
  if (windows.length === 0) {
    emptyChart(svg, 'no aggregates committed yet\u2026');
    return;
  }
  clear(svg);
  const left = 60, top = 10, width = 820, height = 190;
  const totals = windows.map((_, w) => groups.reduce((sum, g) => sum + byGroup[g][w], 0));
  const y = axis(svg, Math.max(1, ...totals), width, height, left, top);
  const slot = width / windows.length, barWidth = Math.max(4, slot * 0.7);
  windows.forEach((window, w) => {
    const x = left + w * slot + (slot - barWidth) / 2;
    let base = 0;
    groups.forEach((group, g) => {
      const count = byGroup[group][w];
      if (count === 0) return;
      const rect = svgElement('rect', {
        x: x.toFixed(1), y: y(base + count).toFixed(1), width: barWidth.toFixed(1),
        height: (y(base) - y(base + count)).toFixed(1), fill: COLORS[g % COLORS.length],
        'data-window': window, 'data-group': group, 'data-count': count
      });
      rect.appendChild(svgElement('title', {}, `${window} ${group}: ${formatCount(count)}`));
      svg.appendChild(rect);
      base += count;
    });
    svg.appendChild(svgElement('text', { x: x + barWidth / 2, y: top + height + 16, 'text-anchor': 'middle' },
      window.substring(11, 16)));
  });
}

function drawDeadLetters(deadLetters) {
  const body = document.querySelector('#dead-letters tbody');
  clear(body);
  let total = 0;
  for (const [topic, count] of Object.entries(deadLetters)) {
    const row = document.createElement('tr');
    const name = document.createElement('td');
    name.textContent = topic;
    const value = document.createElement('td');
    value.className = 'num';
    value.textContent = formatCount(count);
    value.dataset.topic = topic;
    row.append(name, value);
    body.appendChild(row);
    total += count ?? 0;
  }
  setText('dead-letters-total', formatCount(total));
}

function render(status) {
  for (const pipeline of status.pipelines) {
    const tile = PIPELINE_TILES[pipeline.name];
    if (!tile) continue;
    setText(`rate-${tile}`, formatCount(pipeline.perSecond));
    setText(`total-${tile}`, `${formatCount(pipeline.records)} in ${pipeline.topic}`);
  }
  setText('rows-written', formatCount(status.sink.rowsWritten));
  setText('duplicates-dropped', formatCount(status.sink.duplicatesDropped));
  setText('late-events', formatCount(status.sink.lateEvents));
  drawDeadLetters(status.deadLetters);
  drawThroughput(status.history);
  const aggregates = status.aggregates ?? { table: '', windows: [], byRegion: {}, byChannel: {} };
  setText('aggregates-table', aggregates.table ? `(${aggregates.table}, folded)` : '');
  drawStacked('region-chart', 'region-legend', aggregates.windows, aggregates.byRegion);
  drawStacked('channel-chart', 'channel-legend', aggregates.windows, aggregates.byChannel);
}

async function refresh() {
  const status = document.getElementById('status');
  try {
    const response = await fetch('/api/status', { cache: 'no-store' });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    render(await response.json());
    refreshes++;
    status.dataset.refreshes = refreshes;
    status.className = '';
    status.textContent = `updated ${new Date().toLocaleTimeString('en-GB')}`;
  } catch (error) {
    status.className = 'error';
    status.textContent = `demo not reachable (${error.message}); retrying`;
  } finally {
    setTimeout(refresh, REFRESH_MS);
  }
}

refresh();
