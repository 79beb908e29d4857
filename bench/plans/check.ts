/**
 * `npm run check:plans`: EXPLAIN (ANALYZE, BUFFERS) of the real SQL of every hot operation on a
 * seeded database; fails on a full read of a large table or a statement over its budget.
 * See docs/query-plans.md.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { RULES } from './budgets.ts';
import { OPERATIONS } from './operations.ts';
import { openPlansDatabase } from './plans-database.ts';
import { failuresOf, writeReport } from './report.ts';
import { scaleRoster } from './roster.ts';
import { runPlansCheck } from './run.ts';

const { values } = parseArgs({
  options: {
    students: { type: 'string', default: '100000' },
    only: { type: 'string' },
    'large-table-rows': { type: 'string' },
    out: { type: 'string', default: path.join('bench', 'results') },
  },
});

const students = positiveInteger(values.students, '--students');
const rules = values['large-table-rows']
  ? { ...RULES, largeTableRows: positiveInteger(values['large-table-rows'], '--large-table-rows') }
  : RULES;
const only = values.only
  ?.split(',')
  .map((name) => name.trim())
  .filter(Boolean);
const operations = only
  ? OPERATIONS.filter((operation) =>
      only.some((name) => operation.name === name || operation.name.startsWith(`${name}.`)),
    )
  : OPERATIONS;
if (operations.length === 0) {
  fail(
    `--only ${values.only ?? ''} matches no operation; known: ${OPERATIONS.map((operation) => operation.name).join(', ')}`,
  );
}

const database = await openPlansDatabase(students);
let report;
try {
  report = await runPlansCheck({
    connectionString: database.connectionString,
    roster: scaleRoster(students),
    students,
    operations,
    rules,
    log: (line) => console.log(line),
  });
} finally {
  await database.close();
}

const written = await writeReport(report, values.out);
console.log(`\nreport: ${written.markdown}, ${written.json}`);
if (!report.passed) {
  console.error(`\nquery plans: FAIL\n${failuresOf(report).join('\n')}`);
  process.exit(1);
}
console.log('query plans: pass');

function positiveInteger(raw: string, flag: string): number {
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) fail(`${flag} must be a positive integer, got ${raw}`);
  return value;
}

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}
