import type { PageContext } from '../../../../shared/http/views/page-context.ts';
import type { ModuleMastery } from '../../application/contract.ts';
import { masteryPercent, percent } from './learning-format.tsx';

const ROW_HEIGHT = 28;
const LABEL_WIDTH = 220;
const BAR_WIDTH = 360;
const VALUE_WIDTH = 120;
const WIDTH = LABEL_WIDTH + BAR_WIDTH + VALUE_WIDTH;

function shortened(text: string, max = 28): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/**
 * Mastery per module as server-rendered SVG bars (weak modules highlighted), announced as one
 * image with a summary, followed by the same numbers as a table.
 */
export function MasteryChart(props: { ctx: PageContext; mastery: readonly ModuleMastery[]; idPrefix?: string }) {
  const { ctx } = props;
  const prefix = props.idPrefix ?? 'mastery-chart';
  const { t } = ctx;
  const modules = [...props.mastery].sort((a, b) => a.position - b.position);
  if (modules.length === 0) return <p class="text-body-secondary">{t('learn.mastery.empty')}</p>;
  const height = modules.length * ROW_HEIGHT + 8;
  const weak = modules.filter((module) => module.weak);
  const summary = t('learn.mastery.summary', {
    list: modules.map((module) => `${module.title} ${percent(ctx, masteryPercent(module.mastery))}`).join(', '),
    weak: weak.length > 0 ? weak.map((module) => module.title).join(', ') : t('learn.mastery.noWeak'),
  });
  return (
    <figure class="mastery-chart mb-3">
      <svg
        viewBox={`0 0 ${WIDTH} ${height}`}
        width="100%"
        role="img"
        aria-labelledby={`${prefix}-title ${prefix}-desc`}
        preserveAspectRatio="xMinYMin meet"
      >
        <title id={`${prefix}-title`}>{t('learn.mastery.chartTitle')}</title>
        <desc id={`${prefix}-desc`}>{summary}</desc>
        {modules.map((module, index) => {
          const y = index * ROW_HEIGHT + 4;
          const value = masteryPercent(module.mastery);
          const barClass = module.weak ? 'mastery-bar mastery-bar-weak' : 'mastery-bar';
          return (
            <g>
              <text x={0} y={y + 18} class="mastery-label">
                {shortened(module.title)}
              </text>
              <rect x={LABEL_WIDTH} y={y + 4} width={BAR_WIDTH} height={18} rx={3} class="mastery-track" />
              <rect
                x={LABEL_WIDTH}
                y={y + 4}
                width={Math.max(1, (BAR_WIDTH * value) / 100)}
                height={18}
                rx={3}
                class={barClass}
              />
              <text x={LABEL_WIDTH + BAR_WIDTH + 8} y={y + 18} class="mastery-value">
                {percent(ctx, value)}
                {module.weak ? ` · ${t('learn.mastery.weak')}` : ''}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption class="small text-body-secondary">{t('learn.mastery.caption')}</figcaption>
      <table class="table table-sm mt-2 mastery-table">
        <caption class="visually-hidden">{t('learn.mastery.tableCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('learn.mastery.module')}</th>
            <th scope="col">{t('learn.mastery.value')}</th>
            <th scope="col">{t('learn.mastery.answered')}</th>
            <th scope="col">{t('learn.mastery.state')}</th>
          </tr>
        </thead>
        <tbody>
          {modules.map((module) => (
            <tr class={module.weak ? 'table-warning' : undefined}>
              <th scope="row">{module.title}</th>
              <td>{percent(ctx, masteryPercent(module.mastery))}</td>
              <td>{t('learn.mastery.correctOf', { correct: module.correct, answered: module.answered })}</td>
              <td>{module.weak ? t('learn.mastery.weak') : t('learn.mastery.ok')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}

/** Small horizontal bars of a result's per-module breakdown (decorative: the table says it all). */
export function ScoreBar(props: { value: number; passed: boolean }) {
  const value = Math.max(0, Math.min(100, Math.round(props.value)));
  return (
    <svg viewBox="0 0 100 10" width="120" height="12" aria-hidden="true" focusable="false" class="score-bar">
      <rect x={0} y={0} width={100} height={10} rx={2} class="mastery-track" />
      <rect
        x={0}
        y={0}
        width={Math.max(1, value)}
        height={10}
        rx={2}
        class={props.passed ? 'mastery-bar' : 'mastery-bar mastery-bar-weak'}
      />
    </svg>
  );
}
