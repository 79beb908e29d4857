import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';
import { runBaza } from '../support/cli.ts';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';
import { type Staff, staffUsers } from '../support/staff.ts';
import { insertTrack, type TestTrack } from './tracks.ts';

/** `baza questions …` as an operator runs it. */
function baza(args: string[]) {
  return runBaza(database.url, ['questions', ...args]);
}

let database: TestDatabase;
let test: TestApp;
let staff: Staff;
let track: TestTrack;
let files: string;

beforeAll(async () => {
  database = await createTestDatabase();
  test = await createTestApp({ connectionString: database.url });
  staff = await staffUsers(test);
  track = await insertTrack(test.container.db, {
    slug: 'cli-track',
    stages: 2,
    modules: [
      ['footwork', 'Footwork'],
      ['rhythm', 'Rhythm'],
    ],
  });
  files = mkdtempSync(path.join(os.tmpdir(), 'baza-questions-'));
});
afterAll(async () => {
  await test?.close();
  await database?.drop();
  if (files) rmSync(files, { recursive: true, force: true });
});

const questionsOf = (trackId: string) =>
  test.container.db
    .selectFrom('questions')
    .select(['text', 'moduleId', 'stageId', 'createdBy'])
    .where('trackId', '=', trackId)
    .orderBy('id')
    .execute();

function file(name: string, content: string): string {
  const full = path.join(files, name);
  writeFileSync(full, content);
  return full;
}

const GIFT = [
  '$CATEGORY: footwork',
  'First {=a ~b}',
  '',
  'An essay {}',
  '',
  '$CATEGORY: rhythm/stage-2',
  'Second {~%50%a ~%50%b ~%-100%c}',
].join('\n');

// Each run starts a Node process with tsx: seconds, not milliseconds.
describe('baza questions import', { timeout: 60_000 }, () => {
  it('stores nothing when a line is rejected, prints every rejected line and exits 1', async () => {
    const run = await baza(['import', file('bank.gift', GIFT), '--track', 'cli-track']);
    expect(run.code, run.stderr).toBe(1);
    expect(run.stdout).toBe(
      'bank.gift: nothing imported, 1 line(s) rejected (fix them, or pass --partial to import the rest)\n' +
        '  line 4: Essay questions are not supported: the bank holds single and multiple choice and true/false. [unsupported_type]\n',
    );
    expect(await questionsOf(track.id)).toEqual([]);
  });

  it('checks a file in a dry run without storing it', async () => {
    const run = await baza([
      'import',
      file('good.gift', 'Only {=a ~b}'),
      '--track',
      track.id,
      '--module',
      'rhythm',
      '--dry-run',
    ]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toBe(
      'good.gift: dry run, nothing stored; 1 question(s) would be imported, 0 line(s) rejected\n',
    );
    expect(await questionsOf(track.id)).toEqual([]);
  });

  it('stores the rest with --partial, as the staff member given with --as', async () => {
    const run = await baza([
      'import',
      file('bank.txt', GIFT),
      '--track',
      'cli-track',
      '--format',
      'gift',
      '--partial',
      '--as',
      'moderator@school.test',
    ]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^bank\.txt: imported 2 question\(s\), 1 line\(s\) rejected\n {2}line 4: /);
    expect(await questionsOf(track.id)).toEqual([
      { text: 'First', moduleId: track.modules[0]!.id, stageId: null, createdBy: staff.moderator.userId },
      {
        text: 'Second',
        moduleId: track.modules[1]!.id,
        stageId: track.stages[1]!.id,
        createdBy: staff.moderator.userId,
      },
    ]);
  });

  it('imports a large CSV in batches, reporting progress on stderr', async () => {
    const big = await insertTrack(test.container.db, { slug: 'big', stages: 2, modules: [['all', 'All']] });
    const rows = Array.from({ length: 1200 }, (_, i) => `Question ${i + 1},a,b,${(i % 2) + 1}`);
    const csv = ['text,option1,option2,correct', ...rows].join('\r\n');
    const run = await baza(['import', file('big.csv', csv), '--track', 'big', '--module', 'all', '--stage', '2']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toBe('stored 500/1200\nstored 1000/1200\nstored 1200/1200\n');
    expect(run.stdout).toBe('big.csv: imported 1200 question(s), 0 line(s) rejected\n');
    const stored = await questionsOf(big.id);
    expect(stored).toHaveLength(1200);
    expect(stored[0]).toMatchObject({ text: 'Question 1', stageId: big.stages[1]!.id });
    expect(stored[1199]).toMatchObject({ text: 'Question 1200' });
  });

  it('explains bad input in one line, without a stack, and exits 1', async () => {
    const cases: [string[], RegExp][] = [
      [['import', file('x.gift', 'Q {=a ~b}'), '--track', 'nope'], /^baza: there is no track "nope"\n$/],
      [
        ['import', file('x.txt', 'Q {=a ~b}'), '--track', 'cli-track'],
        /^baza: cannot tell the format of .*x\.txt.*--format/,
      ],
      [['import', file('y.gift', 'Q {=a ~b}'), '--track', 'cli-track', '--module', 'salsa'], /has no module "salsa"/],
      [['import', file('z.gift', 'Q {=a ~b}'), '--track', 'cli-track', '--stage', '7'], /has no stage 7/],
      [
        ['import', path.join(files, 'missing.gift'), '--track', 'cli-track'],
        /^baza: cannot read .*missing\.gift: ENOENT\n$/,
      ],
      [
        ['import', file('s.gift', 'Q {=a ~b}'), '--track', 'cli-track', '--as', 'student@school.test'],
        /^baza: No active staff account with this email/,
      ],
    ];
    for (const [args, message] of cases) {
      const run = await baza(args);
      expect(run.code, args.join(' ')).toBe(1);
      expect(run.stderr).toMatch(message);
      expect(run.stderr).not.toMatch(/\n\s+at /);
    }
    const latin1 = path.join(files, 'latin1.gift');
    writeFileSync(latin1, Buffer.from('Caf\xe9 {=a ~b}', 'latin1'));
    const run = await baza(['import', latin1, '--track', 'cli-track']);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/is not UTF-8 text/);
  }, 120_000); // seven CLI processes, each starting tsx: past 60 s on a loaded machine
});

describe('baza questions export', { timeout: 60_000 }, () => {
  it('writes the same GIFT as the API, to stdout or to a file', async () => {
    const api = await test.app.inject({
      method: 'GET',
      url: `/api/v1/admin/questions/export?trackId=${track.id}`,
      headers: staff.admin.auth,
    });
    expect(api.body).toContain('$CATEGORY: rhythm/stage-2');
    const stdout = await baza(['export', '--track', 'cli-track']);
    expect(stdout.code, stdout.stderr).toBe(0);
    expect(stdout.stdout).toBe(api.body);

    const out = path.join(files, 'out.gift');
    const written = await baza(['export', '--track', track.id, '--out', out, '--as', 'admin@school.test']);
    expect(written.code, written.stderr).toBe(0);
    expect(written.stderr).toBe(`wrote ${out} (${Buffer.byteLength(api.body)} bytes)\n`);
    expect(readFileSync(out, 'utf8')).toBe(api.body);
  });
});
