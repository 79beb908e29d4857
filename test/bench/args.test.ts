import { describe, expect, it } from 'vitest';
import { parseBenchArgs, SCENARIO_NAMES, UsageError } from '../../bench/lib/args.ts';
import { selectedScenarios } from '../../bench/lib/selection.ts';

describe('bench arguments', () => {
  it('runs both scales in full mode and 1,000 students in quick mode', () => {
    expect(parseBenchArgs([])).toMatchObject({ mode: 'full', students: [1000, 100_000], failOnRegression: false });
    const quick = parseBenchArgs(['--quick']);
    expect(quick).toMatchObject({ mode: 'quick', students: [1000], examConnections: 32, only: undefined });
    expect(quick.durationSeconds).toBeLessThan(parseBenchArgs([]).durationSeconds);
  });

  it('reads scales, duration, connections and the scenario choice', () => {
    const options = parseBenchArgs([
      '--students',
      '100_000,1000,1000',
      '--duration',
      '7',
      '--connections',
      '16',
      '--only',
      'login,exam-start',
      '--fail-on-regression',
    ]);
    expect(options).toMatchObject({
      students: [1000, 100_000],
      durationSeconds: 7,
      connections: 16,
      only: ['login', 'exam-start'],
      failOnRegression: true,
    });
  });

  it.each([
    [['--students', 'many']],
    [['--students', '0']],
    [['--duration']],
    [['--duration', '--quick']],
    [['--connections', '2.5']],
    [['--only', 'articles-api,nope']],
    [['--fast']],
  ])('refuses %j with the usage', (argv) => {
    expect(() => parseBenchArgs(argv)).toThrow(UsageError);
    expect(() => parseBenchArgs(argv)).toThrow(/usage: npm run bench/);
  });

  it('adds what a chosen scenario needs', () => {
    expect([...selectedScenarios(undefined)]).toEqual([...SCENARIO_NAMES]);
    expect(selectedScenarios(['exam-finish'])).toEqual(new Set(['exam-finish', 'exam-start']));
    expect(selectedScenarios(['control'])).toEqual(new Set(['control', 'articles-api', 'articles-api-uncached']));
    expect(selectedScenarios(['login'])).toEqual(new Set(['login']));
  });
});
