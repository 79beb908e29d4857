import { createHash } from 'node:crypto';
import type { PostgresCursor, PostgresPool, PostgresPoolClient } from 'kysely';
import type pg from 'pg';

/**
 * node-pg parses and plans an unnamed statement on every execution; a named one is parsed once
 * per connection and its plan cached by PostgreSQL (STACK-NOTES.md: a point lookup doubled).
 * This pool hands Kysely clients that name each plannable SQL text by its hash, within bounds:
 * Kysely emits a new text per IN-list length, so a text is named only while the process knows
 * fewer than `maxNamedTexts` texts and the connection holds fewer than `maxPerConnection`;
 * beyond that, and for long texts, cursors and BEGIN/COMMIT/SET/DDL, it stays unnamed.
 */
export type PreparedStatementLimits = {
  maxNamedTexts: number;
  maxPerConnection: number;
  maxTextLength: number;
};

export const DEFAULT_PREPARED_STATEMENT_LIMITS: PreparedStatementLimits = {
  maxNamedTexts: 2_000,
  maxPerConnection: 500,
  maxTextLength: 10_000,
};

const PLANNABLE = /^\s*(select|insert|update|delete|with)\b/i;
const TRANSACTION_START = /^\s*(begin|start transaction)\b/i;
const TRANSACTION_END = /^\s*(commit|rollback)\b/i;

/** Per pg connection: the names it has prepared, the ones it must not reuse, whether in a transaction. */
type ConnectionStatements = { prepared: Set<string>; stale: Set<string>; inTransaction: boolean };

export function preparingPool(pool: pg.Pool, limits = DEFAULT_PREPARED_STATEMENT_LIMITS): PostgresPool {
  const names = new Map<string, string>();
  const connections = new WeakMap<pg.PoolClient, ConnectionStatements>();

  const nameOf = (text: string): string | undefined => {
    const known = names.get(text);
    if (known !== undefined) return known;
    if (names.size >= limits.maxNamedTexts || text.length > limits.maxTextLength || !PLANNABLE.test(text)) {
      return undefined;
    }
    const name = `k${createHash('sha1').update(text).digest('base64url').slice(0, 22)}`;
    names.set(text, name);
    return name;
  };

  const statementsOf = (client: pg.PoolClient): ConnectionStatements => {
    let statements = connections.get(client);
    if (!statements) {
      statements = { prepared: new Set(), stale: new Set(), inTransaction: false };
      connections.set(client, statements);
    }
    return statements;
  };

  const query = async (
    client: pg.PoolClient,
    text: string,
    values: ReadonlyArray<unknown>,
  ): Promise<pg.QueryResult> => {
    const statements = statementsOf(client);
    if (TRANSACTION_START.test(text)) statements.inTransaction = true;
    else if (TRANSACTION_END.test(text)) statements.inTransaction = false;
    const name = usableName(statements, nameOf(text), limits.maxPerConnection);
    if (name === undefined) return client.query(text, values as unknown[]);
    statements.prepared.add(name);
    try {
      return await client.query({ name, text, values: values as unknown[] });
    } catch (error) {
      if (!changedResultType(error)) throw error;
      // A migration changed a table under a cached `select *`: PostgreSQL refuses the old
      // statement on this connection for good, so stop using the name here; outside a
      // transaction the statement is simply run again, unnamed.
      statements.stale.add(name);
      if (statements.inTransaction) throw error;
      return client.query(text, values as unknown[]);
    }
  };

  return {
    options: pool.options,
    end: () => pool.end(),
    connect: async () => {
      const client = await pool.connect();
      return preparingClient(client, query);
    },
  };
}

function usableName(statements: ConnectionStatements, name: string | undefined, maxPerConnection: number) {
  if (name === undefined || statements.stale.has(name)) return undefined;
  if (statements.prepared.has(name) || statements.prepared.size < maxPerConnection) return name;
  return undefined;
}

function changedResultType(error: unknown): boolean {
  const { code, message } = error as { code?: unknown; message?: unknown };
  return code === '0A000' && typeof message === 'string' && message.includes('cached plan must not change result type');
}

function preparingClient(
  client: pg.PoolClient,
  query: (client: pg.PoolClient, text: string, values: ReadonlyArray<unknown>) => Promise<pg.QueryResult>,
): PostgresPoolClient {
  return {
    // Kysely reads the backend pid (to cancel a query) from this undocumented pg member.
    get processID() {
      return (client as { processID?: number }).processID;
    },
    release: (destroy?: boolean) => client.release(destroy),
    query: ((textOrCursor: string | PostgresCursor<unknown>, values?: ReadonlyArray<unknown>) =>
      typeof textOrCursor === 'string'
        ? query(client, textOrCursor, values ?? [])
        : client.query(textOrCursor as never)) as unknown as PostgresPoolClient['query'],
  };
}
