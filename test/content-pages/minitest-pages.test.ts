import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type PageBrowser, textOf } from '../identity/page-browser.ts';
import { expectWellLinked, type SeededTrack, seedTrack, staffBrowsers } from '../questions-pages/support.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { writeArticle } from './support.ts';

/** The mini-test form's fields as a browser posts them. */
function minitestForm(
  questions: {
    kind?: 'single' | 'multiple';
    text: string;
    options: string[];
    correct: number[];
    explanation?: string;
  }[],
  action = 'save',
): Record<string, string> {
  const form: Record<string, string> = { count: String(questions.length), action };
  questions.forEach((question, i) => {
    form[`q${i}_kind`] = question.kind ?? 'single';
    form[`q${i}_text`] = question.text;
    form[`q${i}_explanation`] = question.explanation ?? '';
    form[`q${i}_rows`] = String(question.options.length);
    question.options.forEach((option, j) => {
      form[`q${i}_option${j}`] = option;
      if (question.correct.includes(j)) form[`q${i}_correct${j}`] = 'on';
    });
  });
  return form;
}

describe('the mini-test editor', () => {
  let test: TestApp;
  let moderator: PageBrowser;
  let track: SeededTrack;
  let linked: { id: string };
  let loose: { id: string };

  beforeAll(async () => {
    test = await createTestApp({ env: { RATE_LIMIT_MAX: '5000' } });
    ({ moderator } = await staffBrowsers(test));
    track = await seedTrack(test, 'sql', { stages: ['Basics'], modules: ['Joins'] });
    linked = await writeArticle(moderator, {
      title: 'Joins',
      body: 'Inner and outer joins.',
      trackId: track.id,
      moduleId: track.modules[0]!.id,
    });
    loose = await writeArticle(moderator, { title: 'Loose', body: 'No module.' }, { publish: false });
  });
  afterAll(async () => test?.close());

  it('adds and removes questions and options without JavaScript', async () => {
    const url = `/admin/articles/${linked.id}/minitest`;
    const empty = await moderator.get(url);
    expect(empty.statusCode).toBe(200);
    expect(textOf(empty.body)).toContain('No questions yet.');
    expectWellLinked(empty.body);

    const added = await moderator.post(url, minitestForm([], 'addQuestion'));
    expect(added.statusCode).toBe(200);
    expect(added.body).toContain('name="q0_option3"');
    expect(added.body).not.toContain('name="q0_option4"');
    expectWellLinked(added.body);

    const question = { text: 'Which join keeps unmatched rows?', options: ['Inner', 'Left outer'], correct: [1] };
    const more = await moderator.post(url, minitestForm([question], 'addOption-0'));
    expect(more.body).toContain('name="q0_option2"');
    expect(more.body).toContain('value="Left outer"');
    const removed = await moderator.post(url, minitestForm([question, question], 'removeQuestion-0'));
    expect(removed.body).toContain('name="q0_text"');
    expect(removed.body).not.toContain('name="q1_text"');
    const fewer = await moderator.post(
      url,
      minitestForm([{ ...question, options: ['a', 'b', 'c'] }], 'removeOption-0-1'),
    );
    expect(fewer.body).toContain('value="c"');
    expect(fewer.body).not.toContain('value="b"');
  });

  it('marks every failing question field (422), then saves the test', async () => {
    const url = `/admin/articles/${linked.id}/minitest`;
    const invalid = await moderator.post(
      url,
      minitestForm([
        { text: 'Fine question?', options: ['Yes', 'No'], correct: [0] },
        // Row B is empty and left out; no option is correct.
        { text: '   ', options: ['Only one', '', ''], correct: [] },
      ]),
    );
    expect(invalid.statusCode).toBe(422);
    expect(invalid.body).toMatch(/<textarea[^>]*id="mt-1-text"[^>]*aria-invalid="true"/);
    expect(invalid.body).toContain('id="mt-1-options-error"');
    expect(invalid.body).not.toMatch(/<textarea[^>]*id="mt-0-text"[^>]*aria-invalid="true"/);
    expect(invalid.body).toContain('href="#mt-1-text"');
    expect(textOf(invalid.body)).toContain('Question 2:');
    // What was typed comes back.
    expect(invalid.body).toContain('value="Only one"');
    expectWellLinked(invalid.body);

    const saved = await moderator.post(
      url,
      minitestForm([
        {
          kind: 'multiple',
          text: 'Which joins keep unmatched rows?',
          options: ['Inner', 'Left outer', 'Full outer'],
          correct: [1, 2],
          explanation: 'Outer joins keep them.',
        },
      ]),
    );
    expect(saved.statusCode, saved.body).toBe(303);
    const page = await moderator.follow(saved);
    expect(textOf(page.body)).toContain('The mini-test is saved.');
    expect(page.body).toContain('Which joins keep unmatched rows?');
    expect(page.body).toMatch(/<option value="multiple" selected>/);
    expect(page.body).toMatch(/id="mt-0-correct-1"[^>]*checked/);
    expect(page.body).not.toMatch(/id="mt-0-correct-0"[^>]*checked/);
    const editor = await moderator.get(`/admin/articles/${linked.id}`);
    expect(textOf(editor.body)).toContain('Mini-test (1)');
  });

  it('explains that an article without a module cannot have a mini-test', async () => {
    const url = `/admin/articles/${loose.id}/minitest`;
    const page = await moderator.get(url);
    expect(textOf(page.body)).toContain('the article must be linked to a track and a module');
    const refused = await moderator.post(url, minitestForm([{ text: 'Q?', options: ['a', 'b'], correct: [0] }]));
    expect(refused.statusCode).toBe(422);
    expect(refused.body).toContain('role="alert"');
  });
});
