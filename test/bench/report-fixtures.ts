import type { BenchReport, ScaleResult, ScenarioResult } from '../../bench/lib/report-types.ts';

export function scenario(name: string, overrides: Partial<ScenarioResult> = {}): ScenarioResult {
  return {
    name,
    title: name,
    connections: 10,
    requests: 1000,
    durationSeconds: 10,
    requestsPerSecond: 100,
    latencyMs: { p50: 5, p99: 20 },
    errors: 0,
    statuses: { '2xx': 1000 },
    serverRssMb: 200,
    ...overrides,
  };
}

export function scale(students: number, scenarios: ScenarioResult[], control?: ScaleResult['control']): ScaleResult {
  return { students, databaseSeconds: 1, scenarios, ...(control ? { control } : {}) };
}

export function report(scales: ScaleResult[], overrides: Partial<BenchReport> = {}): BenchReport {
  return {
    mode: 'quick',
    date: '2026-12-04T12:00:00.000Z',
    commit: 'abc1234',
    machine: { cpu: 'Test CPU', cores: 2, ramGb: 4, node: 'v24.0.0', postgres: '15.4', loadAverage: [0.5, 0.4, 0.3] },
    settings: { durationSeconds: 10, connections: 10, examConnections: 32 },
    totalSeconds: 90,
    scales,
    budgets: [],
    comparison: { kind: 'none', reason: 'no baseline' },
    ...overrides,
  };
}
