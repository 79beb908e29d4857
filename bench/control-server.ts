/**
 * The control: a bare Fastify + pg server answering GET /api/v1/articles?limit=20 with the
 * statements the app itself sent for that request (captured by bench/lib/capture-sql.ts), as
 * named prepared statements on a pool of the app's default size, serialized through the app's
 * own response schema. No plugins, hooks, logging or query builder: what the app adds on top
 * of this is the overhead the "≥ 90 % of control" budget limits.
 *
 * Run by the bench as a child process: CONTROL_SPEC names a JSON file
 * { connectionString, port, poolMax, statements: [{ text, values }] }.
 */
import { readFileSync } from 'node:fs';
import Fastify from 'fastify';
import pg from 'pg';
import { PublicList } from '../src/modules/content/http/schemas.ts';

type Spec = {
  connectionString: string;
  port: number;
  poolMax: number;
  statements: { text: string; values: unknown[] }[];
};

const spec = JSON.parse(readFileSync(process.env.CONTROL_SPEC!, 'utf8')) as Spec;
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => value);
const pool = new pg.Pool({ connectionString: spec.connectionString, max: spec.poolMax });
const statements = spec.statements.map((statement, index) => ({
  name: `bench-control-${index}`,
  text: statement.text,
  values: statement.values,
}));

const camel = (key: string) => key.replace(/_([a-z])/g, (_match, letter: string) => letter.toUpperCase());

function camelRow(row: Record<string, unknown>): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row)) result[camel(key)] = value;
  return result;
}

const app = Fastify({ logger: false });
app.get('/health', async () => ({ status: 'ok' }));
app.get('/api/v1/articles', { schema: { response: { 200: PublicList } } }, async () => {
  const results = await Promise.all(statements.map((statement) => pool.query(statement)));
  let total = 0;
  let items: Record<string, unknown>[] = [];
  for (const result of results) {
    const isCount = result.fields.length === 1 && result.fields[0]!.name === 'total';
    if (isCount) total = Number((result.rows[0] as { total?: string } | undefined)?.total ?? 0);
    else items = result.rows.map(camelRow);
  }
  return { items, total };
});

await app.listen({ host: '127.0.0.1', port: spec.port });
const stop = async () => {
  await app.close();
  await pool.end();
  process.exit(0);
};
process.once('SIGTERM', () => void stop());
process.once('SIGINT', () => void stop());
