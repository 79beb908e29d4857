import pg from 'pg';

/**
 * Rows per table (pg_class.reltuples, what the planner believes) and the server version, once
 * the database is settled the way autovacuum leaves a live one: analyzed, and with the
 * visibility map of its large tables set. A freshly bulk-loaded copy is neither; without that,
 * index-only scans fetch every heap page and dead index entries of rows the loader rewrote are
 * visited one by one, so the plans would judge the loader, not the queries.
 */
export async function readTableSizes(
  connectionString: string,
  options: { largeTableRows: number; log?: (line: string) => void },
): Promise<{ rows: Map<string, number>; version: string }> {
  const client = new pg.Client({ connectionString, application_name: 'baza-plans' });
  await client.connect();
  try {
    const read = () =>
      client.query<{ relname: string; reltuples: number; relpages: number; relallvisible: number }>(
        `SELECT c.relname, c.reltuples::float8 AS reltuples, c.relpages, c.relallvisible
           FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
          WHERE c.relkind IN ('r', 'p', 'm') AND n.nspname = ANY (current_schemas(false))`,
      );
    let result = await read();
    const unsettled = result.rows.filter(
      (row) => row.reltuples < 0 || (row.reltuples >= options.largeTableRows && row.relallvisible < 0.9 * row.relpages),
    );
    if (unsettled.length > 0) {
      options.log?.(`settling the database first (VACUUM ANALYZE): ${unsettled.map((row) => row.relname).join(', ')}`);
      await client.query('VACUUM (ANALYZE)');
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
