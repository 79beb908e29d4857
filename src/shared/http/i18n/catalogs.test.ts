import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CATALOGS, isMessageKey, LOCALES, resolveLocale, translator } from './index.ts';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.test.ts') ? [full] : [];
  });
}

describe('catalogs', () => {
  it('have the same keys in every locale, none empty', () => {
    const reference = Object.keys(CATALOGS.ru).sort();
    for (const locale of LOCALES) {
      expect(Object.keys(CATALOGS[locale]).sort(), `keys of ${locale}`).toEqual(reference);
      for (const [key, text] of Object.entries(CATALOGS[locale])) expect(text.trim(), `${locale}:${key}`).not.toBe('');
    }
  });

  it('use the same placeholders in every locale', () => {
    for (const key of Object.keys(CATALOGS.ru) as (keyof typeof CATALOGS.ru)[]) {
      const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();
      for (const locale of LOCALES)
        expect(placeholders(CATALOGS[locale][key]), `${locale}:${key}`).toEqual(placeholders(CATALOGS.ru[key]));
    }
  });

  it('contain every key the source code asks for', () => {
    const root = path.resolve(import.meta.dirname, '../../..');
    const missing: string[] = [];
    for (const file of sourceFiles(root)) {
      for (const match of readFileSync(file, 'utf8').matchAll(/\bt\(\s*'([\w.]+)'/g)) {
        if (!isMessageKey(match[1])) missing.push(`${path.relative(root, file)}: ${match[1]}`);
      }
    }
    expect(missing).toEqual([]);
  });
});

describe('resolveLocale', () => {
  it('prefers the user, then the cookie, then Accept-Language, then the default', () => {
    expect(resolveLocale({ userLocale: 'en', cookie: 'ru', acceptLanguage: 'ru', defaultLocale: 'ru' })).toBe('en');
    expect(resolveLocale({ cookie: 'en', acceptLanguage: 'ru', defaultLocale: 'ru' })).toBe('en');
    expect(resolveLocale({ acceptLanguage: 'de-DE,en-GB;q=0.8,ru;q=0.5', defaultLocale: 'ru' })).toBe('en');
    expect(resolveLocale({ acceptLanguage: 'en;q=0.2, ru;q=0.9', defaultLocale: 'en' })).toBe('ru');
    expect(resolveLocale({ acceptLanguage: 'de, fr', defaultLocale: 'en' })).toBe('en');
    expect(resolveLocale({ userLocale: 'xx', cookie: 'yy', defaultLocale: 'ru' })).toBe('ru');
  });

  it('interpolates parameters', () => {
    expect(translator('en')('error.requestId', { requestId: 'abc' })).toBe('Request id: abc');
  });
});
