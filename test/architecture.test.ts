// Proves that the dependency rules in .dependency-cruiser.cjs bite: each case builds a tiny
// project in a temporary directory (the real config and tsconfig, node_modules symlinked to the
// project's) and runs depcruise on it the way `npm run lint` does.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DEPCRUISE = path.join(ROOT, 'node_modules', '.bin', 'depcruise');
const TIMEOUT = 60_000;

type Run = { status: number | null; output: string };

function depcruise(cwd: string, targets: string[]): Run {
  const result = spawnSync(process.execPath, [DEPCRUISE, ...targets, '--config', '.dependency-cruiser.cjs'], {
    cwd,
    encoding: 'utf8',
    timeout: TIMEOUT,
  });
  if (result.error) throw result.error;
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}

/** Cruises `src` of a throwaway project holding exactly `files` (path → content). */
function cruiseSandbox(files: Record<string, string>): Run {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'baza-architecture-'));
  try {
    copyFileSync(path.join(ROOT, '.dependency-cruiser.cjs'), path.join(dir, '.dependency-cruiser.cjs'));
    copyFileSync(path.join(ROOT, 'tsconfig.json'), path.join(dir, 'tsconfig.json'));
    copyFileSync(path.join(ROOT, 'package.json'), path.join(dir, 'package.json'));
    symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
    for (const [file, content] of Object.entries(files)) {
      const target = path.join(dir, file);
      mkdirSync(path.dirname(target), { recursive: true });
      writeFileSync(target, content);
    }
    return depcruise(dir, ['src']);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The project's real src/shared/domain/errors.ts, so the sandbox imports exactly what modules do. */
const realSharedErrors = () => ({
  'src/shared/domain/errors.ts': readFileSync(path.join(ROOT, 'src/shared/domain/errors.ts'), 'utf8'),
});

describe('dependency rules (.dependency-cruiser.cjs)', { timeout: TIMEOUT }, () => {
  it('forbids an npm package in a domain', () => {
    const run = cruiseSandbox({
      'src/modules/probe/domain/leak.ts': "import { sql } from 'kysely';\nexport const leak = sql;\n",
    });
    expect(run.status).not.toBe(0);
    expect(run.output).toContain('domain-is-pure');
    expect(run.output).toContain('src/modules/probe/domain/leak.ts');
  });

  it('forbids a node core module in a domain', () => {
    const run = cruiseSandbox({
      'src/modules/probe/domain/clock.ts':
        "import { setTimeout } from 'node:timers/promises';\nexport const wait = setTimeout;\n",
    });
    expect(run.status).not.toBe(0);
    expect(run.output).toContain('domain-is-pure');
  });

  it('lets a domain import its own domain and src/shared/domain', () => {
    const run = cruiseSandbox({
      ...realSharedErrors(),
      'src/modules/probe/domain/rules.ts': 'export const limit = 3;\n',
      'src/modules/probe/domain/ok.ts':
        "import { DomainError } from '../../../shared/domain/errors.ts';\n" +
        "import { limit } from './rules.ts';\n" +
        'export const ok = 1;\nexport const base = DomainError;\nexport const max = limit;\n',
    });
    expect(run.output).not.toMatch(/error /);
    expect(run.status).toBe(0);
  });

  it('forbids src/shared importing a module, even through its index.ts', () => {
    const run = cruiseSandbox({
      'src/modules/probe/index.ts': 'export const probe = 1;\n',
      'src/shared/x.ts': "import { probe } from '../modules/probe/index.ts';\nexport const x = probe;\n",
    });
    expect(run.status).not.toBe(0);
    expect(run.output).toContain('shared-not-to-modules');
  });

  it("lets a module use another module's index.ts but not its internals", () => {
    const files = {
      'src/modules/other/index.ts': "export { rule } from './domain/rule.ts';\n",
      'src/modules/other/domain/rule.ts': 'export const rule = 1;\n',
    };
    const throughIndex = cruiseSandbox({
      ...files,
      'src/modules/probe/http/routes.ts': "import { rule } from '../../other/index.ts';\nexport const r = rule;\n",
    });
    expect(throughIndex.status).toBe(0);

    const deep = cruiseSandbox({
      ...files,
      'src/modules/probe/http/routes.ts':
        "import { rule } from '../../other/domain/rule.ts';\nexport const r = rule;\n",
    });
    expect(deep.status).not.toBe(0);
    expect(deep.output).toContain('module-through-index-only');
  });

  it('forbids application importing infrastructure or an npm package', () => {
    const run = cruiseSandbox({
      'src/modules/probe/infrastructure/probe.repository.ts': 'export const repository = {};\n',
      'src/modules/probe/application/commands/do-it.ts':
        "import type { Kysely } from 'kysely';\n" +
        "import { repository } from '../../infrastructure/probe.repository.ts';\n" +
        'export type Db = Kysely<unknown>;\nexport const doIt = repository;\n',
    });
    expect(run.status).not.toBe(0);
    expect(run.output).toContain('application-depends-on-domain-and-ports-only');
    expect(run.output).toContain('kysely');
    expect(run.output).toContain('probe.repository.ts');
  });

  it("lets an application borrow another module's contract types through its index.ts, never its code", () => {
    const other = {
      'src/modules/other/index.ts': 'export type Port = { run(): void };\nexport const helper = 1;\n',
    };
    const typesOnly = cruiseSandbox({
      ...other,
      'src/modules/probe/application/contract.ts':
        "import type { Port } from '../../other/index.ts';\nexport type Uses = { port: Port };\n",
    });
    expect(typesOnly.status, typesOnly.output).toBe(0);

    const code = cruiseSandbox({
      ...other,
      'src/modules/probe/application/use-it.ts':
        "import { helper } from '../../other/index.ts';\nexport const value = helper;\n",
    });
    expect(code.status).not.toBe(0);
    expect(code.output).toContain('application-borrows-other-modules-types-only');
    expect(code.output).toContain('src/modules/probe/application/use-it.ts');
  });

  it('forbids http importing infrastructure, kysely or pg', () => {
    const run = cruiseSandbox({
      'src/modules/probe/infrastructure/probe.reads.ts': 'export const reads = {};\n',
      'src/modules/probe/http/routes.ts':
        "import { sql } from 'kysely';\n" +
        "import type pg from 'pg';\n" +
        "import { reads } from '../infrastructure/probe.reads.ts';\n" +
        'export type Pool = pg.Pool;\nexport const routes = [sql, reads];\n',
    });
    expect(run.status).not.toBe(0);
    const violations = run.output.split('\n').filter((line) => line.includes('error http-not-to-infrastructure:'));
    expect(violations).toHaveLength(3);
    expect(violations.some((line) => line.includes('node_modules/kysely/'))).toBe(true);
    expect(violations.some((line) => line.includes('node_modules/pg/'))).toBe(true);
  });

  it('lets domain tests use test libraries but not the database', () => {
    const ok = cruiseSandbox({
      'src/modules/probe/domain/rules.ts': 'export const limit = 3;\n',
      'src/modules/probe/domain/rules.test.ts':
        "import { expect, it } from 'vitest';\nimport { limit } from './rules.ts';\nit('has a limit', () => expect(limit).toBe(3));\n",
    });
    expect(ok.status).toBe(0);

    const impure = cruiseSandbox({
      'src/modules/probe/domain/rules.test.ts': "import { sql } from 'kysely';\nexport const s = sql;\n",
    });
    expect(impure.status).not.toBe(0);
    expect(impure.output).toContain('domain-tests-stay-pure');
  });

  it("lets only the composition root import a module's infrastructure from outside the module", () => {
    const adapter = { 'src/modules/probe/infrastructure/probe.repository.ts': 'export const repository = {};\n' };
    const importIt = "import { repository } from './modules/probe/infrastructure/probe.repository.ts';\n";
    const root = cruiseSandbox({ ...adapter, 'src/composition-root.ts': `${importIt}export const c = repository;\n` });
    expect(root.status).toBe(0);

    const elsewhere = cruiseSandbox({ ...adapter, 'src/config.ts': `${importIt}export const c = repository;\n` });
    expect(elsewhere.status).not.toBe(0);
    expect(elsewhere.output).toContain('module-infrastructure-only-from-composition-root');
  });

  it('forbids an import that does not resolve', () => {
    const run = cruiseSandbox({ 'src/config.ts': "export { missing } from './missing.ts';\n" });
    expect(run.status).not.toBe(0);
    expect(run.output).toContain('not-to-unresolvable');
  });

  it('forbids a dependency cycle', () => {
    const run = cruiseSandbox({
      'src/shared/application/a.ts': "import type { B } from './b.ts';\nexport type A = { b?: B };\n",
      'src/shared/application/b.ts': "import type { A } from './a.ts';\nexport type B = { a?: A };\n",
    });
    expect(run.status).not.toBe(0);
    expect(run.output).toContain('no-circular');
  });

  it('passes on the real src and migrations (what `npm run lint` runs)', () => {
    const run = depcruise(ROOT, ['src', 'migrations']);
    expect(run.output).not.toMatch(/error /);
    expect(run.status).toBe(0);
  });
});
