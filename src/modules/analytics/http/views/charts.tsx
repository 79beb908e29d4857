/**
 * Server-rendered SVG charts (no chart package): each is an image with a title and a short
 * description, described by the data table under it, which is also what keyboard, screen-reader
 * and no-SVG users read.
 */

export type ChartSeries = Readonly<{ label: string; color: string; values: readonly (number | null)[] }>;

const WIDTH = 640;
const LABEL_WIDTH = 170;
const VALUE_WIDTH = 70;
const BAR_AREA = WIDTH - LABEL_WIDTH - VALUE_WIDTH;
const ROW_HEIGHT = 30;
const BAR_HEIGHT = 18;
const LEGEND_HEIGHT = 28;

/** Colours that stay apart for the common colour-vision deficiencies (Okabe–Ito). */
export const PALETTE = {
  blue: '#0072B2',
  orange: '#E69F00',
  green: '#009E73',
  purple: '#CC79A7',
  grey: '#6c757d',
} as const;

function truncate(text: string, max = 24): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/**
 * Horizontal bars, one row per category, the series stacked left to right; `max` is the value
 * of a full bar (default: the largest row total). `format` writes a value for the labels.
 */
export function BarChart(props: {
  id: string;
  title: string;
  description: string;
  categories: readonly string[];
  series: readonly ChartSeries[];
  max?: number;
  format: (value: number) => string;
  /** The text for a missing value (e.g. "no data"). */
  missing: string;
  /** Caption of the data table. */
  tableCaption: string;
  categoryHeader: string;
}) {
  const { id, categories, series, format } = props;
  const totals = categories.map((_, row) => series.reduce((sum, s) => sum + (s.values[row] ?? 0), 0));
  const max = props.max ?? Math.max(1, ...totals);
  const stacked = series.length > 1;
  const top = stacked ? LEGEND_HEIGHT : 0;
  const height = top + categories.length * ROW_HEIGHT + 8;
  const scale = (value: number) => (Math.max(0, value) / max) * BAR_AREA;
  const titleId = `${id}-title`;
  const descId = `${id}-desc`;
  const tableId = `${id}-data`;
  return (
    <figure class="mb-4">
      <svg
        viewBox={`0 0 ${WIDTH} ${height}`}
        width="100%"
        role="img"
        aria-labelledby={`${titleId} ${descId}`}
        aria-describedby={tableId}
        class="analytics-chart"
        data-chart={id}
      >
        <title id={titleId}>{props.title}</title>
        <desc id={descId}>{props.description}</desc>
        {stacked
          ? series.map((s, index) => (
              <g transform={`translate(${LABEL_WIDTH + index * 150}, 6)`}>
                <rect width="14" height="14" fill={s.color} />
                <text x="20" y="12" font-size="12" fill="currentColor">
                  {s.label}
                </text>
              </g>
            ))
          : null}
        {categories.map((category, row) => {
          const y = top + row * ROW_HEIGHT;
          let x = LABEL_WIDTH;
          const present = series.some((s) => s.values[row] !== null && s.values[row] !== undefined);
          return (
            <g>
              <text x={LABEL_WIDTH - 8} y={y + 14} font-size="12" text-anchor="end" fill="currentColor">
                {truncate(category)}
              </text>
              <rect x={LABEL_WIDTH} y={y + 2} width={BAR_AREA} height={BAR_HEIGHT} fill="#e9ecef" />
              {series.map((s) => {
                const value = s.values[row];
                if (value === null || value === undefined || value <= 0) return null;
                const width = scale(value);
                const rect = (
                  <rect x={x} y={y + 2} width={width} height={BAR_HEIGHT} fill={s.color}>
                    <title>{`${category} — ${stacked ? `${s.label}: ` : ''}${format(value)}`}</title>
                  </rect>
                );
                x += width;
                return rect;
              })}
              <text x={LABEL_WIDTH + BAR_AREA + 6} y={y + 15} font-size="12" fill="currentColor">
                {present ? format(totals[row] ?? 0) : props.missing}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption class="visually-hidden">{props.title}</figcaption>
      <details class="mt-1">
        <summary class="small">{props.tableCaption}</summary>
        <table id={tableId} class="table table-sm w-auto mt-2">
          <caption class="visually-hidden">{props.tableCaption}</caption>
          <thead>
            <tr>
              <th scope="col">{props.categoryHeader}</th>
              {series.map((s) => (
                <th scope="col">{s.label}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {categories.map((category, row) => (
              <tr>
                <th scope="row">{category}</th>
                {series.map((s) => {
                  const value = s.values[row];
                  return <td>{value === null || value === undefined ? props.missing : format(value)}</td>;
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}

/** A tiny bar per option (how often each was chosen), the correct ones not revealed. */
export function OptionSparkline(props: { counts: readonly number[]; label: string }) {
  const max = Math.max(1, ...props.counts);
  const width = Math.max(1, props.counts.length) * 12;
  return (
    <svg viewBox={`0 0 ${width} 24`} width={width} height="24" role="img" aria-label={props.label}>
      <title>{props.label}</title>
      {props.counts.map((count, index) => {
        const height = Math.round((count / max) * 22);
        return (
          <rect x={index * 12 + 1} y={24 - height - 1} width="10" height={Math.max(height, 1)} fill={PALETTE.blue} />
        );
      })}
    </svg>
  );
}
