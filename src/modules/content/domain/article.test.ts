import { describe, expect, it } from 'vitest';
import { linkIssues, normalizeArticle, normalizeTags, validateArticle } from './article.ts';
import { createAnchorSlugger, slugify } from './slug.ts';

const base = {
  title: 'Hello',
  summary: '',
  body: 'Text',
  locale: 'en' as const,
  tags: [],
  visibility: 'public' as const,
  trackId: null,
  moduleId: null,
  stageId: null,
  position: null,
};

describe('slugs', () => {
  it('transliterate Cyrillic and keep only latin letters, digits and single hyphens', () => {
    expect(slugify('Привет, мир!')).toBe('privet-mir');
    expect(slugify('Щука и ёжик — жизнь')).toBe('shchuka-i-ezhik-zhizn');
    expect(slugify('  Café  déjà vu 2.0 ')).toBe('cafe-deja-vu-2-0');
    expect(slugify('!!!')).toBe('');
    expect(slugify('a'.repeat(300)).length).toBe(120);
  });

  it('anchor ids are unique with -2, -3 suffixes', () => {
    const anchor = createAnchorSlugger();
    expect([anchor('Введение'), anchor('Введение'), anchor('Введение'), anchor('???')]).toEqual([
      'vvedenie',
      'vvedenie-2',
      'vvedenie-3',
      'section',
    ]);
  });
});

describe('tags', () => {
  it('are trimmed, lower-cased and deduplicated', () => {
    expect(normalizeTags(['  Go ', 'go', 'Хип-Хоп', '', '  '])).toEqual(['go', 'хип-хоп']);
  });
});

describe('an article', () => {
  it('gets its slug from the title when none is given', () => {
    expect(normalizeArticle({ ...base, title: 'Уроки танца' }).slug).toBe('uroki-tantsa');
    expect(normalizeArticle({ ...base, slug: ' Mine ' }).slug).toBe('mine');
  });

  it('reports every failing field at once', () => {
    const draft = normalizeArticle({
      ...base,
      title: ' ',
      slug: 'Not a slug!',
      summary: 'x'.repeat(501),
      body: '  ',
      tags: Array.from({ length: 11 }, (_, i) => `t${i}`).concat('x'.repeat(41)),
      moduleId: '0190a0b0-0000-7000-8000-000000000000',
      position: 0,
    });
    expect(validateArticle(draft).map((issue) => issue.path)).toEqual([
      '/title',
      '/slug',
      '/summary',
      '/body',
      '/tags',
      '/tags/11',
      '/moduleId',
      '/position',
    ]);
  });

  it('accepts a valid draft', () => {
    expect(validateArticle(normalizeArticle(base))).toEqual([]);
  });

  it('links only to a module and a stage of its own track', () => {
    const track = { modules: [{ id: 'm1' }], stages: [{ id: 's1' }] };
    expect(linkIssues({ trackId: 't', moduleId: 'm1', stageId: 's1' }, track)).toEqual([]);
    expect(linkIssues({ trackId: 't', moduleId: 'm2', stageId: 's2' }, track).map((i) => i.code)).toEqual([
      'module_not_in_track',
      'stage_not_in_track',
    ]);
    expect(linkIssues({ trackId: 't', moduleId: null, stageId: null }, undefined)).toEqual([
      { path: '/trackId', code: 'unknown_track' },
    ]);
  });
});
