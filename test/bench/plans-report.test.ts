import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { check as prettierAccepts, resolveConfig } from 'prettier';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../bench/plans/budgets.ts';
import { evaluateOperation } from '../../bench/plans/evaluate.ts';
import { failuresOf, type PlansReport, writeReport } from '../../bench/plans/report.ts';

const seqScan = {
  Plan: {
    'Node Type': 'Seq Scan',
    'Relation Name': 'attempts',
    'Actual Rows': 3,
    'Actual Loops': 1,
    'Rows Removed by Filter': 49_997,
    'Shared Hit Blocks': 400,
  },
  'Execution Time': 4.2,
};

function reportOf(): PlansReport {
  const sizes = (relation: string) => (relation === 'attempts' ? 50_000 : undefined);
  const failing = evaluateOperation(
    'exam.finish',
    [
      {
        operation: 'exam.finish',
        sql: 'select * from attempts where score > $1',
        params: [5],
        kind: 'read',
        explain: [seqScan],
      },
    ],
    RULES,
    sizes,
  );
  const passing = evaluateOperation('identity.me', [], RULES, sizes);
  return {
    generatedAt: '2026-12-04T00:00:00.000Z',
    students: 1000,
    postgres: 'PostgreSQL 15',
    rules: RULES,
    tables: { attempts: 50_000, tracks: 3 },
    passed: false,
    operations: [failing, passing],
  };
}

describe('plans report', () => {
  it('explains each failure with the operation, the SQL and the offending node', () => {
    const lines = failuresOf(reportOf());
    expect(lines[0]).toBe('✗ exam.finish: select * from attempts where score > $1');
    expect(lines[1]).toContain('seq-scan-on-large-table: Seq Scan on attempts (50,000 rows) read 50,000 rows');
    expect(lines.some((line) => line.includes('identity.me'))).toBe(false);
  });

  it('writes JSON and Markdown the repository formatter accepts', async () => {
    const directory = mkdtempSync(path.join(os.tmpdir(), 'plans-report-'));
    const written = await writeReport(reportOf(), directory);
    const json = JSON.parse(readFileSync(written.json, 'utf8')) as PlansReport;
    expect(json.operations.map((operation) => [operation.name, operation.passed])).toEqual([
      ['exam.finish', false],
      ['identity.me', true],
    ]);
    const markdown = readFileSync(written.markdown, 'utf8');
    expect(markdown).toContain('### exam.finish — FAIL');
    expect(markdown).toContain('Seq Scan on attempts');
    const config = (await resolveConfig(path.resolve('README.md'))) ?? {};
    expect(await prettierAccepts(markdown, { ...config, parser: 'markdown' })).toBe(true);
    expect(await prettierAccepts(readFileSync(written.json, 'utf8'), { ...config, parser: 'json' })).toBe(true);
  });
});
