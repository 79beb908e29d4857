import type { BenchReport, Comparison, Regression } from './report-types.ts';

/** A change worse than this share is a regression. */
export const REGRESSION_THRESHOLD = 0.15;

/**
 * Compares with the committed report of the same mode: a scenario whose throughput fell or
 * whose p99 rose by more than 15 % at the same scale is a regression. Scenarios or scales only
 * one side has are not compared.
 */
export function compareWithBaseline(
  current: Pick<BenchReport, 'scales'>,
  baseline: Pick<BenchReport, 'scales' | 'commit' | 'date'> | undefined,
  missingReason = 'no baseline',
): Comparison {
  if (!baseline) return { kind: 'none', reason: missingReason };
  const regressions: Regression[] = [];
  for (const scale of current.scales) {
    const before = baseline.scales.find((candidate) => candidate.students === scale.students);
    if (!before) continue;
    const pairs = [...scale.scenarios, ...(scale.control ? [scale.control] : [])];
    const earlier = [...before.scenarios, ...(before.control ? [before.control] : [])];
    for (const now of pairs) {
      const then = earlier.find((candidate) => candidate.name === now.name);
      if (!then) continue;
      const throughput = change(then.requestsPerSecond, now.requestsPerSecond);
      if (throughput !== undefined && -throughput > REGRESSION_THRESHOLD) {
        regressions.push(
          regression(
            scale.students,
            now.name,
            'requestsPerSecond',
            then.requestsPerSecond,
            now.requestsPerSecond,
            throughput,
          ),
        );
      }
      const p99 = change(then.latencyMs.p99, now.latencyMs.p99);
      if (p99 !== undefined && p99 > REGRESSION_THRESHOLD) {
        regressions.push(regression(scale.students, now.name, 'p99', then.latencyMs.p99, now.latencyMs.p99, p99));
      }
    }
  }
  return { kind: 'compared', baselineCommit: baseline.commit, baselineDate: baseline.date, regressions };
}

function change(before: number, after: number): number | undefined {
  if (!(before > 0) || !Number.isFinite(after)) return undefined;
  return (after - before) / before;
}

function regression(
  students: number,
  scenario: string,
  metric: Regression['metric'],
  baseline: number,
  current: number,
  ratio: number,
): Regression {
  return { students, scenario, metric, baseline, current, changePercent: Math.round(ratio * 1000) / 10 };
}

/** Reads the baseline out of `git show HEAD:<path>`'s output; anything unreadable is no baseline. */
export function parseBaseline(text: string | undefined): BenchReport | undefined {
  if (!text) return undefined;
  try {
    const parsed = JSON.parse(text) as Partial<BenchReport>;
    return Array.isArray(parsed.scales) ? (parsed as BenchReport) : undefined;
  } catch {
    return undefined;
  }
}
