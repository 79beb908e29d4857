import pg from 'pg';

/**
 * Rows per table (pg_class.reltuples, what the planner believes) and the server version.
 * Tables never analyzed (reltuples -1) are analyzed first, so the plans are the real ones.
 */
export async function readTableSizes(
  connectionString: string,
): Promise<{ rows: Map<string, number>; version: string }> {
  const client = new pg.Client({ connectionString, application_name: 'baza-plans' });
  await client.connect();
  try {
    const read = () =>
      client.query<{ relname: string; reltuples: number }>(
        `SELECT c.relname, c.reltuples::float8 AS reltuples
           FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
          WHERE c.relkind IN ('r', 'p', 'm') AND n.nspname = ANY (current_schemas(false))`,
      );
    let result = await read();
    if (result.rows.some((row) => row.reltuples < 0)) {
      await client.query('ANALYZE');
      result = await read();
    }
    const version = await client.query<{ server_version: string }>('SHOW server_version');
    return {
      rows: new Map(result.rows.map((row) => [row.relname, Math.max(0, row.reltuples)])),
      version: `PostgreSQL ${version.rows[0]?.server_version ?? '?'}`,
    };
  } finally {
    await client.end();
  }
}
