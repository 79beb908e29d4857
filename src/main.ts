import { Command } from 'commander';
import { exportQuestionsCommand, type ImportCommandOptions, importQuestionsCommand } from './cli/questions.ts';
import { commandLoggerFor, configOrExit, loggerFor, openDatabase } from './cli/runtime.ts';
import { seedDemoCommand } from './cli/seed.ts';
import { seedScaleCommand } from './cli/seed-scale.ts';
import { startServer } from './cli/serve.ts';
import { createOwnerCommand, resetMfaCommand } from './cli/user.ts';
import { exitOnSignals } from './cli/shutdown.ts';
import { startWorkerProcess } from './cli/worker.ts';
import { createMigrationFile, migrateDown, migrateUp, migrationStatus } from './shared/infrastructure/db/migrator.ts';

const program = new Command('baza')
  .description('Baza — an adaptive learning platform for schools')
  .showHelpAfterError();

program
  .command('serve')
  .description('serve HTTP (and run the job worker unless RUN_WORKER_IN_PROCESS=false)')
  .action(async () => {
    const config = configOrExit();
    const logger = loggerFor(config);
    const server = await startServer(config, logger);
    exitOnSignals(server.shutdown, logger);
  });

program
  .command('worker')
  .description('run only the job worker: scheduled jobs and outbox delivery')
  .action(async () => {
    const config = configOrExit();
    const logger = loggerFor(config);
    exitOnSignals(await startWorkerProcess(config, logger), logger);
  });

const user = program.command('user').description('manage accounts');

user
  .command('create-owner')
  .description('create the one owner account (password from OWNER_PASSWORD, a prompt, or stdin)')
  .requiredOption('--email <email>', "the owner's email address")
  .option('--name <name>', 'display name', 'Owner')
  .option('--locale <locale>', 'ru or en', 'ru')
  .action(async (options: { email: string; name: string; locale: string }) => {
    const config = configOrExit();
    const locale = options.locale === 'en' ? 'en' : 'ru';
    await createOwnerCommand(config, commandLoggerFor(config), { email: options.email, name: options.name, locale });
  });

user
  .command('reset-mfa')
  .description('turn two-factor sign-in off for an account locked out of it (ends its sessions)')
  .requiredOption('--email <email>', "the account's email address")
  .action(async (options: { email: string }) => {
    const config = configOrExit();
    await resetMfaCommand(config, commandLoggerFor(config), options);
  });

const seed = program.command('seed').description('load data');

seed
  .command('demo')
  .description('load the demo tracks with their question banks, published (safe to run again)')
  .option('--as <email>', 'the admin to act as (default: the owner)')
  .option('--students <n>', 'also create n demo students spread over the learning journey (default 0)')
  .action(async (options: { as?: string; students?: string }) => {
    const config = configOrExit();
    await seedDemoCommand(config, commandLoggerFor(config), options);
  });

seed
  .command('scale')
  .description('build a large deterministic database for benchmarks (an empty database only)')
  .requiredOption('--students <n>', 'the number of students (other sizes follow, e.g. 100000)')
  .option('--seed <s>', 'the seed of the generated data (default 1)')
  .action(async (options: { students: string; seed?: string }) => {
    const config = configOrExit();
    process.exitCode = await seedScaleCommand(config, commandLoggerFor(config), options);
  });

const questions = program.command('questions').description('import and export the question bank');

questions
  .command('import')
  .description('import a GIFT, Aiken or CSV file into a track (all or nothing unless --partial)')
  .argument('<file>', 'the question file (UTF-8)')
  .requiredOption('--track <slug|id>', 'the track')
  .option('--module <slug|id>', 'the module for questions that name none')
  .option('--stage <position>', 'the stage tier for questions that name none')
  .option('--format <format>', 'gift, aiken or csv (default: from the extension)')
  .option('--dry-run', 'check everything, store nothing')
  .option('--partial', 'store the questions that pass even when some lines are rejected')
  .option('--as <email>', 'the staff member importing (default: the owner)')
  .action(async (file: string, options: ImportCommandOptions) => {
    const config = configOrExit();
    process.exitCode = await importQuestionsCommand(config, commandLoggerFor(config), file, options);
  });

questions
  .command('export')
  .description("write a track's active questions as GIFT (imports back to the same questions)")
  .requiredOption('--track <slug|id>', 'the track')
  .option('--out <file>', 'write to this file instead of stdout')
  .option('--as <email>', 'the staff member exporting (default: the owner)')
  .action(async (options: { track: string; out?: string; as?: string }) => {
    const config = configOrExit();
    await exportQuestionsCommand(config, commandLoggerFor(config), options);
  });

const migrate = program.command('migrate').description('apply or revert database migrations');

migrate
  .command('up')
  .description('apply every pending migration')
  .action(() => withDatabase(async (url) => report(await migrateUp(url), 'the database is up to date')));

migrate
  .command('down')
  .description('revert the latest migration')
  .action(() => withDatabase(async (url) => report(await migrateDown(url), 'nothing to revert')));

migrate
  .command('status')
  .description('list migrations and when each was applied')
  .action(() =>
    withDatabase(async (url) => {
      for (const migration of await migrationStatus(url)) {
        const applied = migration.executedAt ? migration.executedAt.toISOString() : 'pending';
        process.stdout.write(`${migration.name.padEnd(48)} ${applied}\n`);
      }
    }),
  );

migrate
  .command('create')
  .argument('<name>', 'what the migration changes, e.g. add_tracks')
  .description('write a new migration file with empty up() and down()')
  .action(async (name: string) => {
    process.stdout.write(`created ${await createMigrationFile(name)}\n`);
  });

async function withDatabase(work: (connectionString: string) => Promise<void>): Promise<void> {
  const config = configOrExit();
  const logger = loggerFor(config);
  const database = await openDatabase(config, logger);
  try {
    await work(database.connectionString);
  } finally {
    await database.stop();
  }
}

function report(lines: string[], nothing: string): void {
  process.stdout.write(`${lines.length > 0 ? lines.join('\n') : nothing}\n`);
}

try {
  await program.parseAsync(process.argv);
} catch (error) {
  process.stderr.write(`baza: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}
