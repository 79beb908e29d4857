import { AsyncLocalStorage } from 'node:async_hooks';
import pg from 'pg';
import type { ExplainOutput } from './plan-analysis.ts';
import { type StatementKind, statementKind, transactionEffect } from './statement-kind.ts';

export type CapturedStatement = {
  operation: string;
  sql: string;
  params: unknown[];
  kind: StatementKind;
  /** The plan of the statement, run just before it on the same connection and rolled back. */
  explain?: ExplainOutput;
  /** Why there is no plan (the EXPLAIN failed: the statement itself will fail the same way). */
  explainError?: string;
};

type QueryConfig = { text: string; values?: unknown[] };
type Query = (this: pg.Client, ...args: unknown[]) => unknown;

/**
 * Captures, on every pg connection of this process, the statements issued while `during` runs
 * (async context, so background jobs are left out) and EXPLAINs each one that is not
 * transaction machinery. The EXPLAIN runs on the app's own connection right before the
 * statement, inside a savepoint (or BEGIN) rolled back at once: it sees exactly the rows and
 * locks the statement will see, including its transaction's uncommitted writes, and changes
 * nothing. A separate connection afterwards could not do that for writes (their rows exist by
 * then, or depend on the transaction's earlier statements).
 */
export function installStatementCapture(options: { explain: boolean } = { explain: true }) {
  const context = new AsyncLocalStorage<{ operation: string; statements: CapturedStatement[] }>();
  const inTransaction = new WeakMap<pg.Client, boolean>();
  const prototype = pg.Client.prototype as unknown as { query: Query };
  const original = prototype.query;

  prototype.query = function capturingQuery(this: pg.Client, ...args: unknown[]) {
    const store = context.getStore();
    const config = textQueryOf(args);
    if (!store || !config) return original.apply(this, args);
    return (async () => {
      const statement: CapturedStatement = {
        operation: store.operation,
        sql: config.text,
        params: config.values ?? [],
        kind: statementKind(config.text),
      };
      store.statements.push(statement);
      if (options.explain && statement.kind !== 'machinery') {
        await explainInPlace(this, statement, inTransaction.get(this) === true, original);
      }
      const result = await (original.apply(this, args) as Promise<unknown>);
      const effect = transactionEffect(config.text);
      if (effect !== 'none') inTransaction.set(this, effect === 'opens');
      return result;
    })();
  };

  return {
    /** Runs `work` as `operation` and returns what it issued, in order. */
    async during(operation: string, work: () => Promise<void>): Promise<CapturedStatement[]> {
      const statements: CapturedStatement[] = [];
      await context.run({ operation, statements }, work);
      return statements;
    },
    uninstall(): void {
      prototype.query = original;
    },
  };
}

export type StatementCapture = ReturnType<typeof installStatementCapture>;

/** The promise forms Kysely (and a named-statement driver) use; callbacks and cursors pass through. */
function textQueryOf(args: unknown[]): QueryConfig | undefined {
  const [first, second, third] = args;
  if (typeof second === 'function' || typeof third === 'function') return undefined;
  if (typeof first === 'string') return { text: first, values: Array.isArray(second) ? second : [] };
  if (typeof first === 'object' && first !== null && 'text' in first && typeof first.text === 'string') {
    if ('submit' in first) return undefined;
    const values =
      'values' in first && Array.isArray(first.values) ? first.values : Array.isArray(second) ? second : [];
    return { text: first.text, values };
  }
  return undefined;
}

async function explainInPlace(
  client: pg.Client,
  statement: CapturedStatement,
  inTransaction: boolean,
  query: Query,
): Promise<void> {
  const run = (text: string, values?: unknown[]) =>
    query.call(client, text, values ?? []) as Promise<pg.QueryResult<Record<string, unknown>>>;
  const [open, undo] = inTransaction
    ? ['SAVEPOINT plans_check', 'ROLLBACK TO SAVEPOINT plans_check']
    : ['BEGIN', 'ROLLBACK'];
  await run(open);
  try {
    const result = await run(`EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ${statement.sql}`, statement.params);
    const plan = result.rows[0]?.['QUERY PLAN'];
    statement.explain = (typeof plan === 'string' ? JSON.parse(plan) : plan) as ExplainOutput;
  } catch (error) {
    statement.explainError = error instanceof Error ? error.message : String(error);
  } finally {
    await run(undo);
    if (inTransaction) await run('RELEASE SAVEPOINT plans_check');
  }
}
