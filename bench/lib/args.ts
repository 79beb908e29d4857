export const SCENARIO_NAMES = [
  'articles-api',
  'articles-api-uncached',
  'article-page',
  'blog-search',
  'matrix-page',
  'progress-api',
  'dashboard-page',
  'exam-start',
  'exam-answer',
  'exam-finish',
  'approvals-queue',
  'login',
  'control',
] as const;

export type ScenarioName = (typeof SCENARIO_NAMES)[number];

export type BenchOptions = {
  mode: 'quick' | 'full';
  students: number[];
  durationSeconds: number;
  connections: number;
  examConnections: number;
  only: ScenarioName[] | undefined;
  failOnRegression: boolean;
};

const USAGE = `npm run bench -- [--quick] [--students 1000,100000] [--duration SECONDS] [--connections N]
                  [--only ${SCENARIO_NAMES.join(',')}] [--fail-on-regression]`;

export class UsageError extends Error {
  constructor(message: string) {
    super(`${message}\nusage: ${USAGE}`);
  }
}

/** Parses the command line; the defaults depend on the mode (quick: 1,000 students, short runs). */
export function parseBenchArgs(argv: readonly string[]): BenchOptions {
  const quick = argv.includes('--quick');
  const options: BenchOptions = {
    mode: quick ? 'quick' : 'full',
    students: quick ? [1000] : [1000, 100_000],
    durationSeconds: quick ? 3 : 15,
    connections: 10,
    examConnections: 32,
    only: undefined,
    failOnRegression: false,
  };
  for (let index = 0; index < argv.length; index += 1) {
    const flag = argv[index]!;
    const value = () => {
      const next = argv[index + 1];
      if (next === undefined || next.startsWith('--')) throw new UsageError(`${flag} needs a value`);
      index += 1;
      return next;
    };
    switch (flag) {
      case '--quick':
        break;
      case '--fail-on-regression':
        options.failOnRegression = true;
        break;
      case '--students':
        options.students = positiveList(flag, value());
        break;
      case '--duration':
        options.durationSeconds = positive(flag, value());
        break;
      case '--connections':
        options.connections = positive(flag, value());
        break;
      case '--only':
        options.only = scenarioList(value());
        break;
      default:
        throw new UsageError(`unknown argument ${flag}`);
    }
  }
  return options;
}

function positive(flag: string, text: string): number {
  const number = Number(text.replaceAll('_', ''));
  if (!Number.isInteger(number) || number < 1) throw new UsageError(`${flag}: "${text}" is not a positive integer`);
  return number;
}

function positiveList(flag: string, text: string): number[] {
  const numbers = text.split(',').map((part) => positive(flag, part.trim()));
  return [...new Set(numbers)].sort((a, b) => a - b);
}

function scenarioList(text: string): ScenarioName[] {
  const names = text.split(',').map((part) => part.trim());
  for (const name of names) {
    if (!(SCENARIO_NAMES as readonly string[]).includes(name)) throw new UsageError(`--only: unknown scenario ${name}`);
  }
  return names as ScenarioName[];
}
