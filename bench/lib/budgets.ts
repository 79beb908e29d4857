import type { BudgetVerdict, ScaleResult, ScenarioResult } from './report-types.ts';

export const BUDGETS = {
  /** A read endpoint keeps at least this share of the bare Fastify + pg handler's throughput. */
  controlRatio: 0.9,
  /** Exam start p99 at 32 concurrent students, milliseconds. */
  examStartP99Ms: 50,
  /** No scenario's p99 grows more than this from the smallest to the largest scale. */
  p99Growth: 2,
} as const;

/**
 * The read endpoint against the control: as guests meet it (repeated URLs, mostly answered from
 * the response cache) and with the cache missed on every request (the handler's own cost).
 */
const CONTROL_COMPARISONS = [
  ['articles-api', 'read endpoint vs control'],
  ['articles-api-uncached', 'read endpoint vs control, cache missed'],
] as const;

/** The budgets, judged on the measured scales. A scenario with errors misses its budget. */
export function evaluateBudgets(scales: readonly ScaleResult[]): BudgetVerdict[] {
  const verdicts: BudgetVerdict[] = [];
  for (const scale of scales) {
    for (const [name, budget] of CONTROL_COMPARISONS) {
      const read = find(scale, name);
      if (!read || !scale.control) continue;
      const ratio = scale.control.requestsPerSecond > 0 ? read.requestsPerSecond / scale.control.requestsPerSecond : 0;
      verdicts.push({
        budget,
        scale: scale.students,
        scenario: read.name,
        actual: `${(ratio * 100).toFixed(1)} % (${fmt(read.requestsPerSecond)} / ${fmt(scale.control.requestsPerSecond)} req/s)`,
        limit: `≥ ${BUDGETS.controlRatio * 100} %`,
        passed: clean(read, scale.control) && scale.control.sameJson ? ratio >= BUDGETS.controlRatio : false,
      });
    }
    const start = find(scale, 'exam-start');
    if (start) {
      verdicts.push({
        budget: `exam start p99 at ${start.connections} connections`,
        scale: scale.students,
        scenario: start.name,
        actual: `${fmt(start.latencyMs.p99)} ms`,
        limit: `< ${BUDGETS.examStartP99Ms} ms`,
        passed: clean(start) ? start.latencyMs.p99 < BUDGETS.examStartP99Ms : false,
      });
    }
  }
  verdicts.push(...growthVerdicts(scales));
  return verdicts;
}

function growthVerdicts(scales: readonly ScaleResult[]): BudgetVerdict[] {
  if (scales.length < 2) return [];
  const ordered = [...scales].sort((a, b) => a.students - b.students);
  const smallest = ordered[0]!;
  const largest = ordered.at(-1)!;
  const verdicts: BudgetVerdict[] = [];
  for (const small of smallest.scenarios) {
    const large = find(largest, small.name);
    if (!large) continue;
    const growth = small.latencyMs.p99 > 0 ? large.latencyMs.p99 / small.latencyMs.p99 : Infinity;
    verdicts.push({
      budget: `p99 growth ${smallest.students} → ${largest.students} students`,
      scenario: small.name,
      actual: `${growth.toFixed(2)}× (${fmt(small.latencyMs.p99)} → ${fmt(large.latencyMs.p99)} ms)`,
      limit: `≤ ${BUDGETS.p99Growth}×`,
      passed: clean(small, large) ? growth <= BUDGETS.p99Growth : false,
    });
  }
  return verdicts;
}

function find(scale: ScaleResult, name: string): ScenarioResult | undefined {
  return scale.scenarios.find((scenario) => scenario.name === name);
}

function clean(...results: ScenarioResult[]): boolean {
  return results.every((result) => result.errors === 0 && result.requests > 0);
}

export function fmt(value: number): string {
  if (value >= 100) return Math.round(value).toLocaleString('en-US');
  if (value >= 10) return value.toFixed(1);
  return value.toFixed(2);
}
