type Provisioned = { connectionString: string; close(): Promise<void> };
type Provider = (options: { students: number; fresh: boolean }) => Promise<Provisioned>;

/** TEMPORARY until bench/lib/scaled-database.ts lands: BENCH_DATABASE_URL names a seeded database. */
export async function provisionDatabase(students: number): Promise<Provisioned> {
  const url = process.env.BENCH_DATABASE_URL;
  if (url) return { connectionString: url, close: async () => {} };
  const specifier = './scaled-database.ts';
  const module = (await import(specifier)) as { openScaledDatabase: Provider };
  return module.openScaledDatabase({ students, fresh: true });
}
