import { describe, expect, it } from 'vitest';
import { BUDGET_OVERRIDES, budgetFor, DEFAULT_BUDGET } from '../../bench/plans/budgets.ts';
import type { CapturedStatement } from '../../bench/plans/capture.ts';
import { evaluateOperation } from '../../bench/plans/evaluate.ts';
import { type ExplainOutput, summarizePlan } from '../../bench/plans/plan-analysis.ts';
import { chargedRows, type Rules, violationsOf } from '../../bench/plans/rules.ts';
import { statementKind, transactionEffect } from '../../bench/plans/statement-kind.ts';

const RULES: Rules = { largeTableRows: 10_000, mostOfTableShare: 0.5 };
const sizes = (relation: string) => ({ attempts: 1_000_000, users: 100_000, tracks: 3 })[relation];

/** A nested loop: users by index (1 row), then 40 loops over attempts by index, and a seq scan of tracks. */
const nestedLoop: ExplainOutput = [
  {
    Plan: {
      'Node Type': 'Nested Loop',
      'Actual Rows': 40,
      'Actual Loops': 1,
      'Shared Hit Blocks': 120,
      'Shared Read Blocks': 7,
      Plans: [
        {
          'Node Type': 'Index Scan',
          'Relation Name': 'users',
          'Index Name': 'users_email_key',
          'Actual Rows': 1,
          'Actual Loops': 1,
          'Shared Hit Blocks': 4,
          'Shared Read Blocks': 0,
        },
        {
          'Node Type': 'Hash Join',
          'Actual Rows': 1,
          'Actual Loops': 40,
          Plans: [
            {
              'Node Type': 'Index Scan',
              'Relation Name': 'attempts',
              'Index Name': 'attempts_user_idx',
              'Actual Rows': 2,
              'Actual Loops': 40,
              'Rows Removed by Filter': 3,
            },
            { 'Node Type': 'Seq Scan', 'Relation Name': 'tracks', 'Actual Rows': 3, 'Actual Loops': 1 },
          ],
        },
      ],
    },
    'Planning Time': 0.2,
    'Execution Time': 1.5,
  },
];

const seqScanOfAttempts: ExplainOutput = [
  {
    Plan: {
      'Node Type': 'Aggregate',
      'Actual Rows': 1,
      'Actual Loops': 1,
      'Shared Hit Blocks': 9_000,
      'Shared Read Blocks': 1_000,
      Plans: [
        {
          'Node Type': 'Seq Scan',
          'Relation Name': 'attempts',
          'Actual Rows': 20,
          'Actual Loops': 1,
          'Rows Removed by Filter': 999_980,
        },
      ],
    },
    'Execution Time': 80,
  },
];

const bitmapOverMostOfUsers: ExplainOutput = [
  {
    Plan: {
      'Node Type': 'Bitmap Heap Scan',
      'Relation Name': 'users',
      'Actual Rows': 60_000,
      'Actual Loops': 1,
      'Rows Removed by Index Recheck': 2_000,
      'Shared Hit Blocks': 800,
      Plans: [
        {
          'Node Type': 'BitmapOr',
          Plans: [
            { 'Node Type': 'Bitmap Index Scan', 'Index Name': 'users_role_idx', 'Actual Rows': 50_000 },
            { 'Node Type': 'Bitmap Index Scan', 'Index Name': 'users_status_idx', 'Actual Rows': 12_000 },
          ],
        },
      ],
    },
  },
];

describe('plan summary', () => {
  it('lists every table scan with its index and multiplies per-loop rows by the loops', () => {
    const summary = summarizePlan(nestedLoop);
    expect(summary.rootNodeType).toBe('Nested Loop');
    expect(summary.scans).toEqual([
      { nodeType: 'Index Scan', relation: 'users', indexes: ['users_email_key'], rowsRead: 1, loops: 1 },
      { nodeType: 'Index Scan', relation: 'attempts', indexes: ['attempts_user_idx'], rowsRead: 200, loops: 40 },
      { nodeType: 'Seq Scan', relation: 'tracks', indexes: [], rowsRead: 3, loops: 1 },
    ]);
    expect(summary.rowsRead).toBe(204);
    expect(summary.buffers).toEqual({ hit: 120, read: 7, total: 127 });
    expect(summary.executionMs).toBe(1.5);
  });

  it('counts rows removed by a filter or a recheck as read, and names a bitmap scan by its bitmap indexes', () => {
    expect(summarizePlan(seqScanOfAttempts).rowsRead).toBe(1_000_000);
    const bitmap = summarizePlan(bitmapOverMostOfUsers);
    expect(bitmap.scans).toEqual([
      {
        nodeType: 'Bitmap Heap Scan',
        relation: 'users',
        indexes: ['users_role_idx', 'users_status_idx'],
        rowsRead: 62_000,
        loops: 1,
      },
    ]);
  });

  it('refuses an empty EXPLAIN answer', () => {
    expect(() => summarizePlan([])).toThrow(/no plan/);
  });
});

describe('rules', () => {
  it('passes index scans within budget and a seq scan of a small table', () => {
    expect(violationsOf(summarizePlan(nestedLoop), RULES, DEFAULT_BUDGET, sizes)).toEqual([]);
  });

  it('fails a seq scan of a large table and the budgets it breaks, naming the node', () => {
    const violations = violationsOf(summarizePlan(seqScanOfAttempts), RULES, DEFAULT_BUDGET, sizes);
    expect(violations.map((violation) => violation.rule)).toEqual([
      'seq-scan-on-large-table',
      'row-budget',
      'buffer-budget',
    ]);
    expect(violations[0]?.message).toBe('Seq Scan on attempts (1,000,000 rows) read 1,000,000 rows');
    expect(violations[1]?.message).toContain('most by Seq Scan on attempts: 1,000,000');
    expect(violations[2]?.message).toBe('touched 10000 buffers (hit 9000, read 1000), budget 1000');
  });

  it('fails an index scan reading most of a large table like a seq scan', () => {
    const violations = violationsOf(summarizePlan(bitmapOverMostOfUsers), RULES, { rows: 1e9, buffers: 1e9 }, sizes);
    expect(violations).toEqual([
      {
        rule: 'scan-reads-most-of-table',
        message: 'Bitmap Heap Scan on users using users_role_idx, users_status_idx read 62,000 of 100,000 rows',
      },
    ]);
  });

  it('waives the whole-table rule for index reads an operation is allowed, never for a seq scan', () => {
    const allowed = { rows: 1e9, buffers: 1e9, wholeIndexReads: true };
    expect(violationsOf(summarizePlan(bitmapOverMostOfUsers), RULES, allowed, sizes)).toEqual([]);
    expect(violationsOf(summarizePlan(seqScanOfAttempts), RULES, allowed, sizes).map((v) => v.rule)).toEqual([
      'seq-scan-on-large-table',
    ]);
  });

  it('charges a single pass over a small table nothing, and every further loop over it', () => {
    const summary = summarizePlan(nestedLoop);
    // users and attempts are large: 1 + 200 rows; tracks (3 rows) read once: free.
    expect(chargedRows(summary, RULES, sizes)).toBe(201);
    const looped = summarizePlan([
      { Plan: { 'Node Type': 'Seq Scan', 'Relation Name': 'tracks', 'Actual Rows': 3, 'Actual Loops': 500 } },
    ]);
    expect(chargedRows(looped, RULES, sizes)).toBe(1_497);
    expect(violationsOf(looped, RULES, DEFAULT_BUDGET, sizes).map((violation) => violation.rule)).toEqual([
      'row-budget',
    ]);
  });

  it('treats a table as small below the threshold, whatever it is scanned with', () => {
    const lenient = { ...RULES, largeTableRows: 2_000_000 };
    expect(violationsOf(summarizePlan(seqScanOfAttempts), lenient, { rows: 1e9, buffers: 1e9 }, sizes)).toEqual([]);
  });
});

describe('budgets', () => {
  it('gives every override a reason and more than the default', () => {
    for (const [operation, override] of Object.entries(BUDGET_OVERRIDES)) {
      expect(override.reason.length, operation).toBeGreaterThan(10);
      expect(override.rows >= DEFAULT_BUDGET.rows || override.buffers >= DEFAULT_BUDGET.buffers, operation).toBe(true);
      const { reason: _reason, ...budget } = override;
      expect(budgetFor(operation)).toEqual(budget);
    }
    expect(budgetFor('no-such-operation')).toEqual(DEFAULT_BUDGET);
  });
});

describe('statement kinds', () => {
  it.each([
    ['begin', 'machinery'],
    ['start transaction isolation level serializable', 'machinery'],
    ['commit', 'machinery'],
    ['rollback', 'machinery'],
    ['savepoint sp1', 'machinery'],
    ['release savepoint sp1', 'machinery'],
    ["set local statement_timeout = '5s'", 'machinery'],
    ['SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', 'machinery'],
    ['select set_config($1, $2, true)', 'machinery'],
    ['select * from "users" where "email" = $1', 'read'],
    ['select pg_advisory_xact_lock(id) from things', 'read'],
    ['select * from "users" where "id" = $1 for update', 'write'],
    ['insert into "attempts" ("id") values ($1)', 'write'],
    ['update "attempts" set "status" = $1 where "id" = $2', 'write'],
    ['delete from "sessions" where "id" = $1', 'write'],
    ['with moved as (delete from outbox returning id) select count(*) from moved', 'write'],
    ['/* hot */ select 1', 'read'],
  ])('%s is %s', (sql, kind) => {
    expect(statementKind(sql)).toBe(kind);
  });

  it('tracks which statements open and close a transaction block', () => {
    expect(transactionEffect('begin')).toBe('opens');
    expect(transactionEffect('START TRANSACTION READ ONLY')).toBe('opens');
    expect(transactionEffect('commit')).toBe('closes');
    expect(transactionEffect('rollback')).toBe('closes');
    expect(transactionEffect('rollback to savepoint sp1')).toBe('none');
    expect(transactionEffect('select 1')).toBe('none');
  });
});

describe('an operation', () => {
  const statement = (sql: string, explain?: ExplainOutput, explainError?: string): CapturedStatement => ({
    operation: 'test.op',
    sql,
    params: [],
    kind: statementKind(sql),
    ...(explain ? { explain } : {}),
    ...(explainError ? { explainError } : {}),
  });

  it('skips the transaction machinery and passes when every statement passes', () => {
    const result = evaluateOperation(
      'test.op',
      [statement('begin'), statement('select 1', nestedLoop), statement('commit')],
      RULES,
      sizes,
    );
    expect(result).toMatchObject({ name: 'test.op', machinery: 2, passed: true });
    expect(result.statements).toHaveLength(1);
  });

  it('fails on one bad statement, on a statement without a plan and on an HTTP error', () => {
    expect(evaluateOperation('test.op', [statement('select 2', seqScanOfAttempts)], RULES, sizes).passed).toBe(false);
    const unplanned = evaluateOperation('test.op', [statement('select 3', undefined, 'syntax error')], RULES, sizes);
    expect(unplanned.passed).toBe(false);
    expect(unplanned.statements[0]?.violations[0]).toEqual({
      rule: 'no-plan',
      message: 'EXPLAIN failed: syntax error',
    });
    const failed = evaluateOperation('test.op', [statement('select 1', nestedLoop)], RULES, sizes, 'HTTP 500');
    expect(failed).toMatchObject({ passed: false, error: 'HTTP 500' });
  });
});
