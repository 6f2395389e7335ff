/**
 * Charts as inline SVG, no library. The browser only lays out and scales figures the API has
 * already counted. Labels and numbers stay real text beside the bars, so a chart reads at a glance,
 * wraps on a phone, and a screen reader hears the same figures.
 */
import { h, svg } from '../dom.js';

/** Colour families defined in dashboard.css as `.tone-<name>` (SVG fill and legend swatch). */
export type Tone = 'brand' | 'ok' | 'warn' | 'bad' | 'critical' | 'muted';

export interface BarRow {
  /** A stable code (status, anomaly code, carrier) for tests and styling. */
  key: string;
  label: string;
  value: number;
  /** The number as people read it ("%100 · 2 teslim"), printed beside the bar. */
  text: string;
  tone?: Tone;
  /** Keep the row at zero (a 0 % on-time rate is news); it then shows its text and an empty track. */
  keepAtZero?: boolean;
}

export interface BarChart {
  id: string;
  title: string;
  /** Shown instead of the chart when no row has a value. */
  empty: string;
  rows: BarRow[];
  /** The value of a full-length bar; the largest row when not given (rates pass 1). */
  max?: number;
}

let titleIds = 0;

/** Horizontal bars, one row per category with a value above zero. */
export function barChart(chart: BarChart): HTMLElement {
  const rows = chart.rows.filter((row) => row.value > 0 || row.keepAtZero);
  const max = chart.max ?? Math.max(0, ...rows.map((row) => row.value));
  const caption = h('figcaption', { class: 'chart-title' }, chart.title);
  const figure = h('figure', { class: 'chart bar-chart', 'data-testid': chart.id, 'aria-label': chart.title }, caption);
  if (rows.length === 0) {
    figure.append(h('p', { class: 'chart-empty muted', 'data-testid': 'chart-empty' }, chart.empty));
    return figure;
  }
  const list = h('ul', { class: 'bar-rows' });
  for (const row of rows) {
    const bar = svg(
      'svg',
      { class: 'bar', viewBox: '0 0 100 10', preserveAspectRatio: 'none', 'aria-hidden': 'true', focusable: 'false' },
      svg('title', {}, `${row.label}: ${row.text}`),
      svg('rect', { class: 'bar-track', x: 0, y: 0, width: 100, height: 10 }),
    );
    if (row.value > 0 && max > 0) {
      // Never shorter than a sliver: a small non-zero count must still be visible as a bar.
      const length = Math.max(1.5, Math.min(100, (row.value / max) * 100));
      bar.append(svg('rect', { class: `bar-fill tone-${row.tone ?? 'brand'}`, x: 0, y: 0, width: length.toFixed(2), height: 10, 'data-value': row.value }));
    }
    list.append(
      h(
        'li',
        { class: 'bar-row', 'data-key': row.key },
        h('span', { class: 'bar-label' }, row.label),
        bar,
        h('span', { class: 'bar-value', 'data-testid': 'bar-value' }, row.text),
      ),
    );
  }
  figure.append(list);
  return figure;
}

export interface Series {
  key: string;
  label: string;
  values: number[];
  tone: Tone;
}

export interface ColumnChart {
  id: string;
  title: string;
  empty: string;
  /** Already formatted day labels, oldest first, one per value. */
  days: string[];
  series: Series[];
}

const COLUMN_WIDTH = 22;
const PLOT_HEIGHT = 120;
const LEFT = 26;
const TOP = 16;
const BOTTOM = 22;

/** Columns per day, the series side by side, with a legend; days without a count draw nothing. */
export function columnChart(chart: ColumnChart): HTMLElement {
  const figure = h('figure', { class: 'chart column-chart', 'data-testid': chart.id, 'aria-label': chart.title }, h('figcaption', { class: 'chart-title' }, chart.title));
  const max = Math.max(0, ...chart.series.flatMap((s) => s.values));
  if (max <= 0) {
    figure.append(h('p', { class: 'chart-empty muted', 'data-testid': 'chart-empty' }, chart.empty));
    return figure;
  }
  const width = LEFT + chart.days.length * COLUMN_WIDTH + 4;
  const height = TOP + PLOT_HEIGHT + BOTTOM;
  const titleId = `chart-title-${++titleIds}`;
  const plot = svg('svg', { class: 'columns', viewBox: `0 0 ${width} ${height}`, width, height, role: 'img', 'aria-labelledby': titleId });
  plot.append(svg('title', { id: titleId }, chart.title));
  const y = (value: number) => TOP + PLOT_HEIGHT - (value / max) * PLOT_HEIGHT;
  // The scale: a base line and the top value, enough to read the columns' heights.
  plot.append(
    svg('line', { class: 'axis', x1: LEFT, x2: width, y1: TOP + PLOT_HEIGHT, y2: TOP + PLOT_HEIGHT }),
    svg('line', { class: 'grid', x1: LEFT, x2: width, y1: TOP, y2: TOP }),
    svg('text', { class: 'axis-label', x: LEFT - 4, y: TOP + 4, 'text-anchor': 'end' }, max),
    svg('text', { class: 'axis-label', x: LEFT - 4, y: TOP + PLOT_HEIGHT, 'text-anchor': 'end' }, 0),
  );
  const slot = (COLUMN_WIDTH - 4) / Math.max(1, chart.series.length);
  chart.days.forEach((day, index) => {
    const x0 = LEFT + index * COLUMN_WIDTH + 2;
    chart.series.forEach((series, n) => {
      const value = series.values[index] ?? 0;
      if (value <= 0) return;
      const x = x0 + n * slot;
      plot.append(
        svg(
          'rect',
          { class: `column tone-${series.tone}`, x: x.toFixed(1), y: y(value).toFixed(1), width: (slot - 1).toFixed(1), height: (TOP + PLOT_HEIGHT - y(value)).toFixed(1), 'data-series': series.key, 'data-value': value },
          svg('title', {}, `${day} · ${series.label}: ${value}`),
        ),
        svg('text', { class: 'column-value', x: (x + (slot - 1) / 2).toFixed(1), y: (y(value) - 3).toFixed(1), 'text-anchor': 'middle' }, value),
      );
    });
    // Every fifth day counted back from today, so today always has its label.
    if ((chart.days.length - 1 - index) % 5 === 0) {
      plot.append(svg('text', { class: 'day-label', x: x0 + (COLUMN_WIDTH - 4) / 2, y: height - 6, 'text-anchor': 'middle' }, day));
    }
  });
  const legend = h(
    'ul',
    { class: 'legend' },
    ...chart.series.map((series) =>
      h(
        'li',
        { 'data-series': series.key },
        svg('svg', { class: 'swatch', viewBox: '0 0 10 10', width: 12, height: 12, 'aria-hidden': 'true' }, svg('rect', { class: `tone-${series.tone}`, width: 10, height: 10 })),
        series.label,
      ),
    ),
  );
  // On a phone the 30 days scroll sideways; keyboard users must reach that scroll too.
  figure.append(h('div', { class: 'columns-scroll', tabindex: 0, role: 'region', 'aria-label': chart.title }, plot), legend);
  return figure;
}
