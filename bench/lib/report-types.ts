/** What one scenario measured at one scale. */
export type ScenarioResult = {
  name: string;
  title: string;
  connections: number;
  /** Requests completed (2xx or not). */
  requests: number;
  durationSeconds: number;
  requestsPerSecond: number;
  latencyMs: { p50: number; p99: number };
  /** Non-2xx responses plus socket errors and timeouts: a scenario with errors measured something else. */
  errors: number;
  /** Responses by status class, e.g. { "2xx": 980, "4xx": 20 }. */
  statuses: Record<string, number>;
  /** The app's resident set (VmRSS), the highest sample while the scenario ran. */
  serverRssMb: number | null;
  note?: string;
};

export type ScaleResult = {
  students: number;
  /** Seconds to provision the seeded copy (seeding it included the first time). */
  databaseSeconds: number;
  scenarios: ScenarioResult[];
  /** The bare Fastify + pg handler running the app's article list SQL. */
  control?: ScenarioResult & { sameJson: boolean };
};

export type Machine = {
  cpu: string;
  cores: number;
  ramGb: number;
  node: string;
  postgres: string;
  loadAverage: number[];
};

export type BudgetVerdict = {
  budget: string;
  scale?: number;
  scenario?: string;
  actual: string;
  limit: string;
  passed: boolean | null;
};

export type Regression = {
  students: number;
  scenario: string;
  metric: 'requestsPerSecond' | 'p99';
  baseline: number;
  current: number;
  changePercent: number;
};

export type Comparison =
  | { kind: 'none'; reason: string }
  | { kind: 'compared'; baselineCommit: string | null; baselineDate: string; regressions: Regression[] };

export type BenchReport = {
  mode: 'quick' | 'full';
  date: string;
  commit: string | null;
  machine: Machine;
  settings: { durationSeconds: number; connections: number; examConnections: number };
  totalSeconds: number;
  scales: ScaleResult[];
  budgets: BudgetVerdict[];
  comparison: Comparison;
};
