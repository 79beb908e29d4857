import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCommonPasswords } from './common-passwords.ts';

describe('common passwords', () => {
  const list = loadCommonPasswords();

  it('loads the shipped list', () => {
    expect(list.size).toBeGreaterThanOrEqual(10_000);
  });

  it('recognizes common passwords whatever their case', () => {
    expect(list.isCommon('password123')).toBe(true);
    expect(list.isCommon('Qwertyuiop')).toBe(true);
    expect(list.isCommon('PASSWORD123')).toBe(true);
    expect(list.isCommon('йцукенгш')).toBe(true);
    expect(list.isCommon('ПАРОЛЬ123')).toBe(true);
  });

  it('does not flag an uncommon password', () => {
    expect(list.isCommon('vK7#pQ2!zR9m-unlisted')).toBe(false);
    expect(list.isCommon('')).toBe(false);
  });

  it('compares NFKC-normalized', () => {
    expect(list.isCommon('ｐａｓｓｗｏｒｄ１２３')).toBe(true); // full-width forms
  });

  it('ships a file that is lowercase, NFKC-normalized, without duplicates or short entries', () => {
    const lines = readFileSync(new URL('../../../../data/common-passwords.txt', import.meta.url), 'utf8')
      .trimEnd()
      .split('\n');
    expect(lines.filter((line) => line !== line.normalize('NFKC').toLowerCase().trim())).toEqual([]);
    expect(lines.filter((line) => [...line].length < 8)).toEqual([]);
    expect(new Set(lines).size).toBe(lines.length);
    expect(lines.length).toBe(list.size);
  });

  it('reads any file given', () => {
    const directory = mkdtempSync(path.join(os.tmpdir(), 'baza-passwords-'));
    try {
      const file = path.join(directory, 'list.txt');
      writeFileSync(file, 'Alpha\r\nbeta\n\nalpha\n');
      const custom = loadCommonPasswords(file);
      expect(custom.size).toBe(2);
      expect(custom.isCommon('ALPHA')).toBe(true);
      expect(custom.isCommon('password123')).toBe(false);
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });
});
