import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isMessageKey } from '../../src/shared/http/i18n/index.ts';

const DOMAIN = path.resolve(import.meta.dirname, '../../src/modules/questions/domain');

/** Every `code: '…'` a source file of the questions domain can produce. */
function codesIn(files: string[]): string[] {
  const codes = files.flatMap((file) =>
    [...readFileSync(file, 'utf8').matchAll(/code: '([a-z_]+)'/g)].map((match) => match[1]!),
  );
  return [...new Set(codes)].sort();
}

const sources = (dir: string) =>
  readdirSync(dir)
    .filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts') && !name.includes('fixtures'))
    .map((name) => path.join(dir, name));

describe('the question bank speaks every reason it gives', () => {
  it('every rejection code of the parsers, the mapping and the rules has a message', () => {
    const codes = codesIn([...sources(path.join(DOMAIN, 'formats')), ...sources(DOMAIN)]);
    expect(codes.length).toBeGreaterThan(30);
    expect(codes.filter((code) => !isMessageKey(`questions.import.${code}`))).toEqual([]);
  });

  it('every field issue of a question has a message of its own', () => {
    const codes = codesIn([path.join(DOMAIN, 'question.ts')]);
    expect(codes).toContain('duplicate_option');
    expect(codes.filter((code) => !isMessageKey(`errors.questions.invalid_question.${code}`))).toEqual([]);
  });

  it('every weight problem has a message of its own', () => {
    const source = readFileSync(path.join(DOMAIN, 'formats/gift-answers.ts'), 'utf8');
    const problems = [...source.matchAll(/invalidWeight\('([a-z_0-9]+)'/g)].map((match) => match[1]!);
    expect(problems).toEqual(expect.arrayContaining(['malformed', 'out_of_range', 'partial_credit', 'sum_not_100']));
    expect(problems.filter((problem) => !isMessageKey(`questions.import.invalid_weight.${problem}`))).toEqual([]);
  });
});
