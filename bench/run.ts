/**
 * `npm run bench`: serves the real app on freshly copied seeded databases and measures its hot
 * endpoints with autocannon over loopback, next to a bare Fastify + pg control; writes
 * bench/results/<mode>.{json,md} and compares with the committed ones. See docs/performance.md.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseBenchArgs, UsageError } from './lib/args.ts';
import { compareWithBaseline, parseBaseline } from './lib/baseline.ts';
import { evaluateBudgets } from './lib/budgets.ts';
import { describeMachine, git } from './lib/machine.ts';
import { renderMarkdown } from './lib/markdown.ts';
import type { BenchReport, ScaleResult } from './lib/report-types.ts';
import { benchScale } from './lib/run-scale.ts';
import { selectedScenarios } from './lib/selection.ts';

const RESULTS = fileURLToPath(new URL('./results/', import.meta.url));

async function main(): Promise<number> {
  const options = parseBenchArgs(process.argv.slice(2));
  const started = performance.now();
  const log = (line: string) => console.log(line);
  const selected = selectedScenarios(options.only);
  log(`bench (${options.mode}): ${options.students.join(', ')} students, ${options.durationSeconds} s per scenario`);

  const loadAverage = os.loadavg();
  const scales: ScaleResult[] = [];
  let machine: BenchReport['machine'] | undefined;
  for (const students of options.students) {
    const inspect = async (connectionString: string) => {
      machine ??= { ...(await describeMachine(connectionString)), loadAverage };
    };
    scales.push(await benchScale(students, options, selected, log, inspect));
  }
  const relativePath = `bench/results/${options.mode}.json`;
  const baselineText = git('show', `HEAD:${relativePath}`);
  const report: BenchReport = {
    mode: options.mode,
    date: new Date().toISOString(),
    commit: commitOfWorkingTree(),
    machine: machine!,
    settings: {
      durationSeconds: options.durationSeconds,
      connections: options.connections,
      examConnections: options.examConnections,
    },
    totalSeconds: (performance.now() - started) / 1000,
    scales,
    budgets: evaluateBudgets(scales),
    comparison: compareWithBaseline(
      { scales },
      parseBaseline(baselineText),
      baselineText === undefined
        ? `no ${relativePath} in the last commit (or no git)`
        : `${relativePath} in HEAD is unreadable`,
    ),
  };
  mkdirSync(RESULTS, { recursive: true });
  writeFileSync(`${RESULTS}${options.mode}.json`, `${JSON.stringify(report, null, 2)}\n`);
  const markdown = renderMarkdown(report);
  writeFileSync(`${RESULTS}${options.mode}.md`, markdown);
  log('');
  log(markdown.slice(markdown.indexOf('## Budgets')));
  log(`reports: bench/results/${options.mode}.json and .md (${Math.round(report.totalSeconds)} s)`);
  const regressions = report.comparison.kind === 'compared' ? report.comparison.regressions.length : 0;
  if (regressions > 0) log(`${regressions} regression(s) over 15 % against the baseline`);
  return regressions > 0 && options.failOnRegression ? 1 : 0;
}

/** The HEAD commit, marked "+changes" when tracked files differ from it (the run measured those). */
function commitOfWorkingTree(): string | null {
  const head = git('rev-parse', '--short', 'HEAD');
  if (!head) return null;
  return git('status', '--porcelain', '--untracked-files=no') ? `${head}+changes` : head;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof UsageError ? error.message : error);
    process.exit(error instanceof UsageError ? 2 : 1);
  },
);
