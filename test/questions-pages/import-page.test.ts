import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';
import { type PageBrowser, tableRows, textOf } from '../identity/page-browser.ts';
import { csrfOf, type FilePart, hiddenFieldsOf, postMultipart } from './multipart.ts';
import { expectWellLinked, type SeededTrack, seedTrack, staffBrowsers } from './support.ts';

/** Two questions the bank takes, and on line 5 a GIFT "description" it does not. */
const GIFT = [
  '$CATEGORY: footwork',
  '',
  '::Kick::Which step has three counts?{=Kick ball change ~Step touch}',
  '',
  'This paragraph is only a description.',
  '',
  '$CATEGORY: grooves/stage-2',
  '',
  '::Bounce::Which groove goes down on the beat?{=Bounce ~Rock}',
  '',
].join('\n');

describe('question import page', () => {
  let test: TestApp;
  let moderator: PageBrowser;
  let student: PageBrowser;
  let track: SeededTrack;

  const countQuestions = async () => {
    const row = await test.container.db
      .selectFrom('questions')
      .select((eb) => eb.fn.countAll<string>().as('count'))
      .where('trackId', '=', track.id)
      .executeTakeFirstOrThrow();
    return Number(row.count);
  };

  /** Loads the import form (for its CSRF token) and posts it with a file. */
  const submit = async (fields: Record<string, string>, file?: FilePart | FilePart[], options = {}) => {
    const form = await moderator.get(`/admin/questions/import?trackId=${track.id}`);
    const body = { _csrf: csrfOf(form.body), trackId: track.id, format: 'auto', moduleId: '', stageId: '', ...fields };
    return postMultipart(moderator, `/admin/questions/import?trackId=${track.id}`, body, file, options);
  };

  beforeAll(async () => {
    test = await createTestApp({ env: { RATE_LIMIT_MAX: '5000' } });
    ({ moderator, student } = await staffBrowsers(test));
    track = await seedTrack(test, 'hip-hop', { stages: ['Beginner', 'Advanced'], modules: ['Footwork', 'Grooves'] });
  });
  afterAll(async () => test?.close());

  it('asks for the track first, then offers the multipart form with both buttons', async () => {
    const choose = await moderator.get('/admin/questions/import');
    expect(choose.statusCode).toBe(200);
    expect(choose.body).toMatch(/<form method="get" action="\/admin\/questions\/import"/);
    const page = await moderator.get(`/admin/questions/import?trackId=${track.slug}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('enctype="multipart/form-data"');
    expect(page.body).toMatch(/<input id="field-file" name="file" type="file"/);
    expect(page.body).toContain('<option value="auto" selected>Detect from the file</option>');
    expect(page.body).toContain(`<option value="${track.modules[1]!.id}">Grooves</option>`);
    expect(page.body).toContain('name="partial"');
    expect(page.body).toContain('<button type="submit" name="action" value="preview"');
    expect(page.body).toContain('<button type="submit" name="action" value="import"');
  });

  it('previews a GIFT file: the would-be questions and every rejected line with its reason, storing nothing', async () => {
    const preview = await submit({ action: 'preview' }, { name: 'hip-hop.gift', content: GIFT });
    expect(preview.statusCode, preview.body).toBe(200);
    const text = textOf(preview.body);
    expect(text).toContain(
      'File hip-hop.gift: 2 questions can be imported, 1 lines are rejected. Nothing is stored yet.',
    );
    expect(text).toContain('Rejected lines (1)');
    expect(tableRows(preview.body)).toEqual([
      '5 Descriptions (text without answers) are not imported: the bank holds single and multiple choice and true/false.',
    ]);
    const tables = [...preview.body.matchAll(/<tbody>([\s\S]*?)<\/tbody>/g)].map((m) => m[1]!);
    expect(tableRows(`<tbody>${tables[1]}</tbody>`)).toEqual([
      '3 Kick: Which step has three counts? Footwork Any stage Single answer',
      '9 Bounce: Which groove goes down on the beat? Grooves Stage 2 · Advanced Single answer',
    ]);
    expect(await countQuestions()).toBe(0);
    expectWellLinked(preview.body);

    // "Import these" carries the file: the valid questions are stored without choosing it again.
    const carried = hiddenFieldsOf(preview.body);
    expect(carried).toMatchObject({ action: 'import', format: 'gift', partial: 'on', fileName: 'hip-hop.gift' });
    expect(preview.body).toContain('Import only the valid questions (2)');
    const imported = await postMultipart(moderator, `/admin/questions/import?trackId=${track.id}`, carried);
    expect(imported.statusCode, imported.body).toBe(200);
    expect(textOf(imported.body)).toContain('File hip-hop.gift: 2 questions imported, 1 lines rejected.');
    expect(imported.body).toMatch(
      /<a href="\/admin\/questions\/[\da-f-]{36}">Kick: Which step has three counts\?<\/a>/,
    );
    expect(await countQuestions()).toBe(2);
  });

  it('imports all or nothing unless partial import is chosen', async () => {
    const before = await countQuestions();
    const refused = await submit({ action: 'import' }, { name: 'again.txt', content: GIFT });
    expect(refused.statusCode).toBe(422);
    expect(textOf(refused.body)).toContain('File again.txt was not imported: 1 lines are rejected.');
    expect(tableRows(refused.body)[0]).toMatch(/^5 Descriptions \(text without answers\)/);
    expect(await countQuestions()).toBe(before);

    const partial = await submit({ action: 'import', partial: 'on' }, { name: 'again.txt', content: GIFT });
    expect(partial.statusCode).toBe(200);
    expect(await countQuestions()).toBe(before + 2);
  });

  it('shows what is wrong with the upload at its field instead of failing', async () => {
    const missing = await submit({ action: 'preview' });
    expect(missing.statusCode).toBe(422);
    expect(missing.body).toMatch(/id="field-file-error"[^>]*>Choose a file\./);
    expectWellLinked(missing.body);

    const oversize = await submit(
      { action: 'preview' },
      { name: 'big.gift', content: Buffer.alloc(5 * 1024 * 1024 + 1, 'a') },
    );
    expect(oversize.statusCode).toBe(422);
    expect(oversize.body).toMatch(/id="field-file-error"[^>]*>The file is larger than 5 MB\./);

    const latin1 = await submit(
      { action: 'preview' },
      { name: 'old.gift', content: Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x7b, 0x3d, 0x61, 0x7d]) },
    );
    expect(latin1.statusCode).toBe(422);
    expect(latin1.body).toContain('The file is not UTF-8 encoded.');

    const unknown = await submit({ action: 'preview' }, { name: 'notes.dat', content: 'just words' });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.body).toMatch(/id="field-format-error"[^>]*>The format could not be told from the file/);

    // Uploads busboy cannot read (two files, a body cut short) come back as the form, not a 500.
    const two = await submit({ action: 'preview' }, [
      { name: 'a.gift', content: GIFT },
      { name: 'b.gift', content: GIFT },
    ]);
    expect(two.statusCode).toBe(400);
    expect(two.body).toMatch(
      /id="field-file-error"[^>]*>The upload could not be read: send one file of at most 5 MB\./,
    );
    const cut = await submit({ action: 'preview' }, { name: 'a.gift', content: GIFT }, { truncate: -60 });
    expect(cut.statusCode).toBe(400);
    expect(cut.body).toContain('The upload could not be read');

    // Aiken needs a module for the whole file: the use case's refusal comes back on the form.
    const aiken = await submit(
      { action: 'preview', moduleId: track.modules[0]!.id, stageId: track.stages[0]!.id },
      { name: 'quiz.txt', content: 'What is a groove?\nA. A rhythm\nB. A shoe\nANSWER: A\n' },
    );
    expect(aiken.statusCode, aiken.body).toBe(200);
    expect(tableRows(aiken.body)[0]).toBe('1 What is a groove? Footwork Stage 1 · Beginner Single answer');
  });

  it('refuses a post without the CSRF token, and students', async () => {
    const forged = await postMultipart(
      moderator,
      `/admin/questions/import?trackId=${track.id}`,
      {
        trackId: track.id,
        action: 'import',
      },
      { name: 'x.gift', content: GIFT },
    );
    expect(forged.statusCode).toBe(403);
    const before = await countQuestions();
    const form = await student.get('/');
    const refused = await postMultipart(
      student,
      `/admin/questions/import?trackId=${track.id}`,
      {
        _csrf: csrfOf(form.body),
        trackId: track.id,
        action: 'import',
        partial: 'on',
      },
      { name: 'x.gift', content: GIFT },
    );
    expect(refused.statusCode).toBe(403);
    expect(await countQuestions()).toBe(before);
  });
});
