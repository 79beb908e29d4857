import type { Config } from '../config.ts';
import { createArgon2Hasher } from '../modules/identity/infrastructure/argon2-hasher.ts';
import type { Logger } from '../shared/infrastructure/logging.ts';
import { progressReporter } from './progress-bar.ts';
import { SCALE_PASSWORD, SCALE_STAFF } from './seed-scale/manifest.ts';
import { ForeignDataError, seedScale, type ScaleSeedReport } from './seed-scale/run.ts';
import { assertSchemaUpToDate, openDatabase } from './runtime.ts';

export const DEFAULT_SCALE_SEED = 1;

/**
 * `baza seed scale --students N [--seed S]`: a large, deterministic database for benchmarks and
 * query plans, into an empty database only. Exit code 1 when the database is not empty.
 */
export async function seedScaleCommand(
  config: Config,
  logger: Logger,
  options: { students: string; seed?: string | undefined },
): Promise<number> {
  const students = positiveInteger(options.students, '--students');
  const seed = options.seed === undefined ? DEFAULT_SCALE_SEED : positiveInteger(options.seed, '--seed');
  const database = await openDatabase(config, logger);
  try {
    await assertSchemaUpToDate(database.connectionString);
    const passwordHash = await createArgon2Hasher(config.argon2).hash(SCALE_PASSWORD);
    const report = await seedScale({
      connectionString: database.connectionString,
      students,
      seed,
      passwordHash,
      onProgress: progressReporter({ doing: 'students', done: 'students' }, { quietBelow: 0 }),
      say: (line) => process.stderr.write(`${line}\n`),
    });
    process.stdout.write(summaryOf(report));
    return 0;
  } catch (error) {
    if (!(error instanceof ForeignDataError)) throw error;
    process.stderr.write(`baza seed scale: ${error.message}\n`);
    return 1;
  } finally {
    await database.stop();
  }
}

function summaryOf(report: ScaleSeedReport): string {
  const rows = Object.entries(report.rows).map(
    ([table, count]) => `  ${table.padEnd(20)} ${count.toLocaleString('en')}`,
  );
  return (
    [
      `scaled database: ${report.sizes.students.toLocaleString('en')} students in ${(report.elapsedMs / 1000).toFixed(1)} s`,
      ...rows,
      `every account signs in with the password ${SCALE_PASSWORD} (staff: ${Object.values(SCALE_STAFF).join(', ')})`,
    ].join('\n') + '\n'
  );
}

function positiveInteger(value: string, flag: string): number {
  const parsed = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(parsed) || parsed < 1) {
    throw new Error(`${flag} must be a positive integer, got "${value}"`);
  }
  return parsed;
}
