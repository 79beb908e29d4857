import { describe, expect, it } from 'vitest';
import { evaluateBudgets } from '../../bench/lib/budgets.ts';
import { scale, scenario } from './report-fixtures.ts';

const control = (requestsPerSecond: number, sameJson = true) => ({
  ...scenario('control', { requestsPerSecond }),
  sameJson,
});

describe('budgets', () => {
  it('judges the read endpoint against the control at 90 %', () => {
    const passing = evaluateBudgets([
      scale(1000, [scenario('articles-api', { requestsPerSecond: 900 })], control(1000)),
    ]);
    expect(passing).toEqual([
      expect.objectContaining({ budget: 'read endpoint vs control', passed: true, scale: 1000 }),
    ]);
    const missing = evaluateBudgets([
      scale(1000, [scenario('articles-api', { requestsPerSecond: 899 })], control(1000)),
    ]);
    expect(missing[0]).toMatchObject({ passed: false, actual: expect.stringContaining('89.9 %') });
  });

  it('judges the cache-missed read against the control as well, on its own', () => {
    const verdicts = evaluateBudgets([
      scale(
        1000,
        [
          scenario('articles-api', { requestsPerSecond: 3000 }),
          scenario('articles-api-uncached', { requestsPerSecond: 850 }),
        ],
        control(1000),
      ),
    ]);
    expect(verdicts).toEqual([
      expect.objectContaining({ budget: 'read endpoint vs control', passed: true }),
      expect.objectContaining({
        budget: 'read endpoint vs control, cache missed',
        scenario: 'articles-api-uncached',
        passed: false,
        actual: expect.stringContaining('85.0 %'),
      }),
    ]);
  });

  it('misses when the control answered other JSON or a side had errors', () => {
    const read = scenario('articles-api', { requestsPerSecond: 2000 });
    expect(evaluateBudgets([scale(1000, [read], control(1000, false))])[0]?.passed).toBe(false);
    const failing = scenario('articles-api', { requestsPerSecond: 2000, errors: 3 });
    expect(evaluateBudgets([scale(1000, [failing], control(1000))])[0]?.passed).toBe(false);
  });

  it('holds exam start p99 under 50 ms', () => {
    const start = (p99: number, errors = 0) =>
      evaluateBudgets([
        scale(1000, [scenario('exam-start', { connections: 32, latencyMs: { p50: 5, p99 }, errors })]),
      ])[0];
    expect(start(49.9)).toMatchObject({ budget: 'exam start p99 at 32 connections', passed: true });
    expect(start(50)?.passed).toBe(false);
    expect(start(10, 1)?.passed).toBe(false);
  });

  it('limits p99 growth from the smallest to the largest scale to 2×', () => {
    const verdicts = evaluateBudgets([
      scale(100_000, [
        scenario('matrix-page', { latencyMs: { p50: 5, p99: 41 } }),
        scenario('login', { latencyMs: { p50: 5, p99: 40 } }),
      ]),
      scale(1000, [
        scenario('matrix-page', { latencyMs: { p50: 5, p99: 20 } }),
        scenario('login', { latencyMs: { p50: 5, p99: 20 } }),
      ]),
    ]);
    expect(verdicts.map((verdict) => [verdict.scenario, verdict.passed])).toEqual([
      ['matrix-page', false],
      ['login', true],
    ]);
    expect(verdicts[0]?.budget).toBe('p99 growth 1000 → 100000 students');
  });

  it('has no growth budget with one scale', () => {
    expect(evaluateBudgets([scale(1000, [scenario('matrix-page')])])).toEqual([]);
  });
});
