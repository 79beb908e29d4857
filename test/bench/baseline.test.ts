import { describe, expect, it } from 'vitest';
import { compareWithBaseline, parseBaseline } from '../../bench/lib/baseline.ts';
import { report, scale, scenario } from './report-fixtures.ts';

describe('baseline comparison', () => {
  const baseline = report([
    scale(1000, [
      scenario('articles-api'),
      scenario('login', { requestsPerSecond: 10, latencyMs: { p50: 400, p99: 900 } }),
    ]),
  ]);

  it('says there is no baseline', () => {
    expect(compareWithBaseline(baseline, undefined, 'no file')).toEqual({ kind: 'none', reason: 'no file' });
  });

  it('flags a throughput drop or a p99 rise over 15 %, and only those', () => {
    const current = report([
      scale(1000, [
        scenario('articles-api', { requestsPerSecond: 84, latencyMs: { p50: 5, p99: 23 } }),
        scenario('login', { requestsPerSecond: 8.6, latencyMs: { p50: 400, p99: 1040 } }),
      ]),
    ]);
    const comparison = compareWithBaseline(current, baseline);
    expect(comparison).toMatchObject({ kind: 'compared', baselineCommit: 'abc1234' });
    if (comparison.kind !== 'compared') throw new Error('compared');
    expect(comparison.regressions).toEqual([
      {
        students: 1000,
        scenario: 'articles-api',
        metric: 'requestsPerSecond',
        baseline: 100,
        current: 84,
        changePercent: -16,
      },
      { students: 1000, scenario: 'login', metric: 'p99', baseline: 900, current: 1040, changePercent: 15.6 },
    ]);
  });

  it('ignores improvements and what only one side measured', () => {
    const current = report([
      scale(1000, [
        scenario('articles-api', { requestsPerSecond: 300, latencyMs: { p50: 1, p99: 2 } }),
        scenario('matrix-page'),
      ]),
      scale(100_000, [scenario('articles-api', { requestsPerSecond: 1 })]),
    ]);
    const comparison = compareWithBaseline(current, baseline);
    expect(comparison.kind === 'compared' && comparison.regressions).toEqual([]);
  });

  it('compares the control too', () => {
    const withControl = (rps: number) =>
      report([scale(1000, [], { ...scenario('control', { requestsPerSecond: rps }), sameJson: true })]);
    const comparison = compareWithBaseline(withControl(50), withControl(100));
    expect(comparison.kind === 'compared' && comparison.regressions.map((item) => item.scenario)).toEqual(['control']);
  });

  it('reads a committed report and rejects anything else', () => {
    expect(parseBaseline(JSON.stringify(baseline))?.scales).toHaveLength(1);
    expect(parseBaseline(undefined)).toBeUndefined();
    expect(parseBaseline('{ not json')).toBeUndefined();
    expect(parseBaseline('{"mode":"quick"}')).toBeUndefined();
  });
});
