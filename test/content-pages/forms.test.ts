import { describe, expect, it } from 'vitest';
import { draftOf, emptyForm, parseForm, tagsOf } from '../../src/modules/content/http/pages/article-form.ts';
import { imageMarkdown, isFileUrl, uploadFromQuery } from '../../src/modules/content/http/pages/image-pages.tsx';
import {
  applyEdit,
  draftsOf,
  emptyQuestion,
  issueAtRow,
  parseMinitest,
} from '../../src/modules/content/http/pages/minitest-pages.tsx';
import { articleFieldOf } from '../../src/modules/content/http/views/article-form-page.tsx';

describe('the article form', () => {
  it('splits tags on commas, trimmed, without empties or repeats', () => {
    expect(tagsOf(' sql, indexes ,, sql,  ')).toEqual(['sql', 'indexes']);
    expect(tagsOf('')).toEqual([]);
  });

  it('drafts the form: empty slug generated, module and stage only with a track, position a whole number', () => {
    const form = { ...emptyForm('en'), title: 'T', moduleId: 'm', stageId: 's', position: '' };
    expect(draftOf(form)).toEqual({
      draft: expect.objectContaining({ slug: undefined, trackId: null, moduleId: null, stageId: null, position: null }),
    });
    const linked = draftOf({ ...form, trackId: 't', position: '3' });
    expect(linked).toEqual({
      draft: expect.objectContaining({ trackId: 't', moduleId: 'm', stageId: 's', position: 3 }),
    });
    expect(draftOf({ ...form, position: '1.5' })).toEqual({ errors: { '/position': 'position' } });
    expect(draftOf({ ...form, position: '1e400' })).toEqual({ errors: { '/position': 'position' } });
  });

  it('takes unknown locales and visibilities as the defaults', () => {
    const form = parseForm({ locale: 'de', visibility: 'secret' }, 'ru');
    expect(form.locale).toBe('ru');
    expect(form.visibility).toBe('public');
  });

  it('puts an issue on its field (`/tags/2` is the tags field)', () => {
    expect(articleFieldOf('/tags/2')).toBe('/tags');
    expect(articleFieldOf('/title')).toBe('/title');
    expect(articleFieldOf('/unknown/1')).toBe('/unknown/1');
  });
});

describe('the image upload', () => {
  it('writes Markdown whose alt text cannot break out of the brackets', () => {
    expect(imageMarkdown('A [nice]\\ diagram\n of joins', '/api/v1/files/1')).toBe(
      '![A nice diagram of joins](/api/v1/files/1)',
    );
  });

  it('takes back from the query only a file address', () => {
    expect(isFileUrl('/api/v1/files/0190a3b4-0000-7000-8000-000000000000')).toBe(true);
    expect(isFileUrl('javascript:alert(1)')).toBe(false);
    expect(isFileUrl('/api/v1/files/x)![](https://evil')).toBe(false);
    expect(uploadFromQuery({ image: 'https://evil.example/x.png', alt: 'x' })).toBeUndefined();
    expect(uploadFromQuery({ image: '/api/v1/files/abc', alt: 'x]' })).toEqual({
      markdown: '![x](/api/v1/files/abc)',
    });
  });
});

describe('the mini-test form', () => {
  const body = {
    count: '2',
    q0_kind: 'multiple',
    q0_text: 'Which?',
    q0_rows: '4',
    q0_option0: 'A',
    q0_correct0: 'on',
    q0_option1: '',
    q0_option2: 'C',
    q0_correct2: 'on',
    q0_option3: '',
    q0_explanation: 'Because',
    q1_kind: 'weird',
    q1_text: 'Second',
    q1_rows: '99',
  };

  it('reads the questions as posted, with sane row counts', () => {
    const questions = parseMinitest(body);
    expect(questions).toHaveLength(2);
    expect(questions[0]).toEqual({
      kind: 'multiple',
      text: 'Which?',
      explanation: 'Because',
      rows: [
        { text: 'A', correct: true },
        { text: '', correct: false },
        { text: 'C', correct: true },
        { text: '', correct: false },
      ],
    });
    expect(questions[1]!.kind).toBe('single');
    expect(questions[1]!.rows).toHaveLength(10);
    expect(parseMinitest({ count: '-3' })).toEqual([]);
    expect(parseMinitest({ count: '500' })).toHaveLength(20);
  });

  it('adds and removes questions and options within the limits; Save is no edit', () => {
    const questions = parseMinitest(body);
    expect(applyEdit(questions, 'addQuestion')).toHaveLength(3);
    expect(applyEdit(questions, 'removeQuestion-0')).toEqual([questions[1]]);
    expect(applyEdit(questions, 'addOption-0')![0]!.rows).toHaveLength(5);
    expect(applyEdit(questions, 'addOption-1')![1]!.rows).toHaveLength(10);
    expect(applyEdit(questions, 'removeOption-0-1')![0]!.rows.map((row) => row.text)).toEqual(['A', 'C', '']);
    const two = [{ ...emptyQuestion(), rows: [emptyQuestion().rows[0]!, emptyQuestion().rows[0]!] }];
    expect(applyEdit(two, 'removeOption-0-0')![0]!.rows).toHaveLength(2);
    expect(applyEdit(Array.from({ length: 20 }, emptyQuestion), 'addQuestion')).toHaveLength(20);
    expect(applyEdit(questions, 'save')).toBeUndefined();
    expect(applyEdit(questions, undefined)).toBeUndefined();
  });

  it('leaves out empty rows and maps the issues back onto the rows shown', () => {
    const { drafts, rowOf } = draftsOf(parseMinitest(body));
    expect(drafts[0]).toEqual({
      kind: 'multiple',
      text: 'Which?',
      options: ['A', 'C'],
      correct: [0, 1],
      explanation: 'Because',
    });
    expect(rowOf[0]).toEqual([0, 2]);
    const remap = issueAtRow(rowOf);
    expect(remap({ path: '/questions/0/options/1', code: 'duplicate' }).path).toBe('/questions/0/options/2');
    expect(remap({ path: '/questions/0/correct/0', code: 'x' }).path).toBe('/questions/0/correct');
    expect(remap({ path: '/questions/1/text', code: 'x' }).path).toBe('/questions/1/text');
  });
});
