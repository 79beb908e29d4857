import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDemoArticles } from '../../src/cli/seed-demo-content.ts';
import { readDemoTracks } from '../../src/cli/seed-demo.ts';

/** The demo files themselves: every reference resolves and every answer key is valid. */
const DIRECTORY = path.resolve(import.meta.dirname, '../../data/demo');
const tracks = readDemoTracks(DIRECTORY);
const articles = readDemoArticles(DIRECTORY, 'articles.json');
const blog = readDemoArticles(DIRECTORY, 'blog.json');
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** RFC 4180: quoted cells may hold commas, doubled quotes and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      row.push(cell);
      cell = '';
    } else if (char === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i += 1;
    } else cell += char;
  }
  if (cell !== '' || row.length > 0) rows.push([...row, cell]);
  return rows;
}

describe('demo articles', () => {
  it('give every stage of every demo track one core article per module, and every module a remedial one', () => {
    for (const track of tracks) {
      for (const stage of [...track.stages.map((_, index) => index + 1), null]) {
        for (const module of track.modules) {
          const linked = articles.filter(
            (article) => article.track === track.slug && article.stage === stage && article.module === module.slug,
          );
          expect(linked.length, `${track.slug} stage ${stage} ${module.slug}`).toBeGreaterThanOrEqual(1);
        }
      }
    }
    expect(articles).toHaveLength(3 * 4 + 4 + 3 * 5 + 5);
  });

  it('link only to tracks, stage positions and modules that exist, in the track language', () => {
    for (const article of articles) {
      const track = tracks.find((candidate) => candidate.slug === article.track);
      expect(track, article.slug).toBeDefined();
      expect(track?.modules.map((module) => module.slug)).toContain(article.module);
      if (article.stage !== null) expect(article.stage).toBeGreaterThanOrEqual(1);
      if (article.stage !== null) expect(article.stage).toBeLessThanOrEqual(track?.stages.length ?? 0);
      expect(article.locale).toBe(article.track === 'hip-hop' ? 'ru' : 'en');
      expect(article.visibility).toBe('students');
      expect(article.position === null || article.position >= 1).toBe(true);
    }
  });

  it('each carry a three-question mini-test whose answer keys are valid', () => {
    for (const article of articles) {
      expect(article.minitest, article.slug).toHaveLength(3);
      for (const question of article.minitest) {
        const where = `${article.slug}: ${question.text}`;
        expect(question.options.length, where).toBeGreaterThanOrEqual(2);
        expect(question.options.length, where).toBeLessThanOrEqual(6);
        expect(new Set(question.options).size, where).toBe(question.options.length);
        expect(new Set(question.correct).size, where).toBe(question.correct.length);
        for (const index of question.correct) {
          expect(Number.isInteger(index) && index >= 0 && index < question.options.length, where).toBe(true);
        }
        if (question.kind === 'single') expect(question.correct, where).toHaveLength(1);
        else expect(question.kind, where).toBe('multiple');
        expect(question.correct.length, where).toBeGreaterThanOrEqual(1);
        expect(question.explanation.trim(), where).not.toBe('');
      }
    }
  });
});

describe('demo blog posts and articles together', () => {
  it('have unique slugs, Markdown bodies of a useful length and the blog posts are public and unlinked', () => {
    const all = [...articles, ...blog];
    expect(new Set(all.map((article) => article.slug)).size).toBe(all.length);
    for (const article of all) {
      expect(article.slug).toMatch(SLUG);
      expect(article.body, article.slug).toMatch(/^## /m);
      const count = words(article.body).length;
      expect(count, article.slug).toBeGreaterThanOrEqual(150);
      expect(count, article.slug).toBeLessThanOrEqual(450);
    }
    expect(blog.length).toBeGreaterThanOrEqual(5);
    expect(new Set(blog.map((post) => post.locale))).toEqual(new Set(['ru', 'en']));
    for (const post of blog) {
      expect(post).toMatchObject({ visibility: 'public', track: null, stage: null, module: null, position: null });
      expect(post.minitest).toEqual([]);
    }
  });

  it('hold a Russian and an English post found only through another word form', () => {
    const text = (slug: string) => {
      const post = blog.find((candidate) => candidate.slug === slug);
      return words(`${post?.title} ${post?.summary} ${post?.body}`);
    };
    expect(text('novyj-nabor-hip-hop-dlya-nachinayushchih')).toContain('уроки');
    expect(text('novyj-nabor-hip-hop-dlya-nachinayushchih')).not.toContain('урок');
    expect(text('five-lessons-from-a-year-of-mentoring')).toContain('lessons');
    expect(text('five-lessons-from-a-year-of-mentoring')).not.toContain('lesson');
  });
});

describe('demo competency matrices', () => {
  type Sheet = {
    slug: string;
    title: string;
    description: string;
    grades: { slug: string; title: string }[];
    csv: string;
  };
  const sheets = JSON.parse(readFileSync(path.join(DIRECTORY, 'matrix.json'), 'utf8')) as Sheet[];

  it('give each demo track a sheet whose CSV items cover every grade, with valid module links and resources', () => {
    expect(sheets.map((sheet) => sheet.slug).sort()).toEqual(tracks.map((track) => track.slug).sort());
    for (const sheet of sheets) {
      const [header, ...rows] = parseCsv(readFileSync(path.join(DIRECTORY, sheet.csv), 'utf8'));
      expect(header).toEqual(['section', 'subsection', 'grade', 'question', 'answer', 'resources', 'status', 'module']);
      expect(rows.length).toBeGreaterThanOrEqual(12);
      const grades = sheet.grades.map((grade) => grade.slug);
      expect(new Set(rows.map((row) => row[2]))).toEqual(new Set(grades));
      for (const [section, subsection, grade, question, answer, resources, status, module] of rows) {
        expect(section && subsection && question && answer, question).toBeTruthy();
        expect(grades).toContain(grade);
        expect(status).toBe('published');
        for (const line of (resources ?? '').split('\n').filter(Boolean)) {
          expect(line).toMatch(/^.+ \| https:\/\/\S+$/);
        }
        if (module) {
          const [trackSlug, moduleSlug] = module.split('/');
          const track = tracks.find((candidate) => candidate.slug === trackSlug);
          expect(
            track?.modules.map((candidate) => candidate.slug),
            module,
          ).toContain(moduleSlug);
        }
      }
    }
  });
});
