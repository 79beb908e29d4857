import { renderToString } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import { contentDisposition } from '../../src/shared/http/content-disposition.ts';
import { cleanFileName, detectFormat } from '../../src/modules/questions/http/pages/import-upload.ts';
import { draftOf, issueAtRow, parseForm } from '../../src/modules/questions/http/pages/question-form.ts';
import { TrackField } from '../../src/modules/questions/http/views/bank-layout.tsx';
import { translator } from '../../src/shared/http/i18n/index.ts';
import type { PageContext } from '../../src/shared/http/views/page-context.ts';

describe('import format detection', () => {
  it.each([
    ['bank.csv', 'anything', 'csv'],
    ['bank.GIFT', 'anything', 'gift'],
    ['bank.aiken', 'anything', 'aiken'],
    ['quiz.txt', 'Question?\nA. yes\nB. no\nANSWER: A\n', 'aiken'],
    ['quiz.txt', '::Q:: Pick {=a ~b}', 'gift'],
    ['quiz', '::Q:: Pick {=a ~b}', 'gift'],
    ['quiz.txt', 'just words', undefined],
    ['quiz.dat', '::Q:: Pick {=a ~b}', undefined],
  ])('%s → %s', (name, text, format) => {
    expect(detectFormat(name, text)).toBe(format);
  });

  it('keeps only the base name of an uploaded file, without control characters', () => {
    expect(cleanFileName('C:\\Users\\me\\bank\r\n.gift')).toBe('bank.gift');
    expect(cleanFileName('../../etc/passwd')).toBe('passwd');
    expect(cleanFileName('')).toBe('questions.txt');
  });
});

describe('export attachment header', () => {
  it('gives an ASCII name that cannot break out of the header, and the exact name encoded', () => {
    expect(contentDisposition('attachment', 'hip-hop.gift.txt')).toBe(
      `attachment; filename="hip-hop.gift.txt"; filename*=UTF-8''hip-hop.gift.txt`,
    );
    const header = contentDisposition('attachment', 'Хип-хоп "best"\r\n.gift');
    expect(header).toMatch(/^attachment; filename="[\w.-]+"; filename\*=UTF-8''[\w.%-]+$/);
    expect(header).toContain("UTF-8''%D0%A5");
  });
});

describe('question form rows', () => {
  it('leave out empty rows and move option issues back to the row the editor sees', () => {
    const form = parseForm({ rows: '4', option0: 'a', option1: '', option2: ' ', correct2: 'on', option3: 'd' });
    const { draft, rowOf } = draftOf(form, 't1');
    expect(draft.options).toEqual(['a', '', 'd']);
    expect(draft.correct).toEqual([1]);
    expect(rowOf).toEqual([0, 2, 3]);
    const remap = issueAtRow(rowOf);
    expect(remap({ path: '/options/1', code: 'empty_option', params: { option: 2 } })).toEqual({
      path: '/options/2',
      code: 'empty_option',
      params: { option: 3 },
    });
    expect(remap({ path: '/correct/0', code: 'duplicate_correct' }).path).toBe('/correct');
    expect(remap({ path: '/text', code: 'empty_text' }).path).toBe('/text');
  });

  it('keep between 2 and 10 rows whatever the form claims', () => {
    expect(parseForm({ rows: '99' }).rows).toHaveLength(10);
    expect(parseForm({ rows: 'x' }).rows).toHaveLength(2);
  });
});

describe('track field', () => {
  const ctx = { locale: 'en', t: translator('en') } as PageContext;

  it('is a select of the tracks when they are known', () => {
    const tracks = [
      { id: 'a', title: 'Backend' },
      { id: 'b', title: 'Hip-hop' },
    ];
    const html = renderToString(<TrackField ctx={ctx} id="filter-track" value="b" tracks={tracks} empty="Any" />);
    expect(html).toContain('<select id="filter-track" name="trackId"');
    expect(html).toContain('<option value="b" selected>Hip-hop</option>');
    expect(html).toContain('<option value>Any</option>');
  });

  it('is a text input taking an id or slug otherwise', () => {
    const html = renderToString(<TrackField ctx={ctx} id="field-track" value="hip-hop" tracks={undefined} />);
    expect(html).toMatch(/<input id="field-track" name="trackId" type="text"[^>]*value="hip-hop"[^>]*required/);
  });
});
