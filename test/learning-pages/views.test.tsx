import { renderToString } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import type { AttemptView } from '../../src/modules/assessment/index.ts';
import type { ModuleMastery, TrackProgress } from '../../src/modules/progress/index.ts';
import { AttemptPage } from '../../src/modules/progress/http/views/attempt-page.tsx';
import { MasteryChart } from '../../src/modules/progress/http/views/mastery-chart.tsx';
import { ResultPage } from '../../src/modules/progress/http/views/result-page.tsx';
import { TrackProgressPage } from '../../src/modules/progress/http/views/track-progress-page.tsx';
import type { Locale } from '../../src/shared/http/i18n/index.ts';
import { textOf } from '../identity/page-browser.ts';
import { pageContext } from '../support/page-context.ts';

const NOW = new Date('2026-03-02T10:00:00Z');

const context = (locale: Locale = 'en') => pageContext('/learn', locale);

const mastery = (title: string, position: number, value: number, weak: boolean): ModuleMastery => ({
  moduleId: `00000000-0000-4000-8000-00000000000${position}`,
  slug: title.toLowerCase(),
  title,
  position,
  answered: 4,
  correct: 2,
  mastery: value,
  weak,
});

const MODULE_A = '00000000-0000-4000-8000-00000000000a';
const MODULE_B = '00000000-0000-4000-8000-00000000000b';

function attempt(overrides: Partial<AttemptView> = {}): AttemptView {
  return {
    id: '11111111-1111-4111-8111-111111111111',
    kind: 'level_exam',
    status: 'in_progress',
    number: 2,
    track: { id: 'track-id', slug: 'sql', title: 'SQL' },
    stage: { id: 'stage-id', position: 1, title: 'Basics' },
    articleId: null,
    annulReason: null,
    startedAt: new Date('2026-03-02T09:50:00Z'),
    deadlineAt: new Date('2026-03-02T10:20:00Z'),
    finishedAt: null,
    questions: [
      {
        id: '22222222-2222-4222-8222-222222222222',
        position: 1,
        moduleId: MODULE_A,
        kind: 'single',
        text: 'Which join?',
        html: '<p>Which join?</p>',
        options: ['Inner', 'Outer <b>'],
        optionsHtml: ['Inner', 'Outer &lt;b&gt;'],
        selected: [1],
      },
      {
        id: '33333333-3333-4333-8333-333333333333',
        position: 2,
        moduleId: MODULE_B,
        kind: 'multiple',
        text: 'Which keys?',
        html: '<p>Which keys?</p>',
        options: ['Primary', 'Foreign', 'Skeleton'],
        optionsHtml: ['Primary', 'Foreign', 'Skeleton'],
        selected: null,
      },
    ],
    result: null,
    ...overrides,
  };
}

describe('the learning views', () => {
  it('draws mastery as an SVG image with a summary, weak modules highlighted, and the same numbers in a table', () => {
    const html = renderToString(
      <MasteryChart ctx={context()} mastery={[mastery('Joins', 1, 0.38, true), mastery('Indexes', 2, 0.75, false)]} />,
    );
    expect(html).toMatch(/<svg[^>]*role="img"[^>]*aria-labelledby="mastery-chart-title mastery-chart-desc"/);
    expect(textOf(html)).toContain('Mastery: Joins 38%, Indexes 75%. Weak modules: Joins.');
    expect(html.match(/class="mastery-bar mastery-bar-weak"/g)).toHaveLength(1);
    // 38% of the 360-unit bar.
    expect(html).toContain('width="136.8"');
    expect(html).toContain('<table');
    expect(textOf(html)).toMatch(/Joins 38% 2 correct of 4 weak/);
  });

  it('renders an attempt in progress: a fieldset per question, saved selections checked, autosave wired, no correct options', () => {
    const html = renderToString(<AttemptPage ctx={context()} attempt={attempt()} now={NOW} />);
    expect(html.match(/<fieldset/g)).toHaveLength(2);
    expect(html).toMatch(/type="radio" name="q-22222222-2222-4222-8222-222222222222"[^>]*value="1" checked/);
    expect(html).not.toMatch(/value="0" checked/);
    expect(html.match(/type="checkbox"/g)).toHaveLength(3);
    expect(html).toContain(
      'hx-post="/learn/attempts/11111111-1111-4111-8111-111111111111/answers/22222222-2222-4222-8222-222222222222"',
    );
    expect(html).toContain('hx-params="q-22222222-2222-4222-8222-222222222222"');
    // The option text is escaped: no markup sneaks in.
    expect(html).toContain('Outer &lt;b&gt;');
    // The countdown: the deadline as a <time>, the remaining time for the script, no inline script.
    expect(html).toContain('<time datetime="2026-03-02T10:20:00.000Z"');
    expect(html).toContain('data-remaining-ms="1200000"');
    expect(html).toContain('src="/assets/app/learning.js"');
    expect(html).not.toMatch(/<script>(?!<\/script>)/);
    expect(html).toContain('formaction="/learn/attempts/11111111-1111-4111-8111-111111111111/finish"');
    expect(textOf(html)).toContain('Level exam of stage 1, attempt 2');
  });

  it('asks to confirm finishing with unanswered questions (no JavaScript)', () => {
    const html = renderToString(
      <AttemptPage ctx={context()} attempt={attempt()} now={NOW} notice={{ kind: 'confirm_finish', unanswered: 1 }} />,
    );
    expect(textOf(html)).toContain('Unanswered questions: 1.');
    expect(html).toMatch(/<input type="hidden" name="confirm" value="yes"\/>/);
  });

  const finished = (reveal: boolean) =>
    attempt({
      status: 'failed',
      finishedAt: new Date('2026-03-02T10:05:00Z'),
      questions: attempt().questions.map((question, index) => ({
        ...question,
        correct: index === 1,
        ...(reveal
          ? { correctOptions: [0], explanation: 'Because.', explanationHtml: '<p>Because, explained.</p>' }
          : {}),
      })),
      result: {
        attemptId: '11111111-1111-4111-8111-111111111111',
        kind: 'level_exam',
        status: 'failed',
        passed: false,
        score: 50,
        correct: 1,
        total: 2,
        passPercent: 75,
        perModule: [
          { moduleId: MODULE_A, moduleTitle: 'Joins', correct: 0, total: 1 },
          { moduleId: MODULE_B, moduleTitle: 'Keys', correct: 1, total: 1 },
        ],
        finishedAt: new Date('2026-03-02T10:05:00Z'),
      },
    });

  it('shows a result: score against the pass mark, the per-module breakdown, right and wrong per question', () => {
    const html = renderToString(
      <ResultPage ctx={context()} attempt={finished(false)} next={{ action: 'take_level_exam', stagePosition: 1 }} />,
    );
    const text = textOf(html);
    expect(text).toContain('Failed');
    expect(text).toContain('Score: 50% (pass mark 75%)');
    expect(text).toContain('1 of 2 questions correct.');
    expect(text).toMatch(/Joins 0 of 1 0%/);
    expect(text).toMatch(/Keys 1 of 1 100%/);
    expect(text).toContain('Incorrect');
    expect(text).toContain('took 15 min 0 s');
    expect(text).not.toContain('correct answer');
    expect(text).toContain('only which answers were wrong is shown');
    expect(html).toContain('action="/learn/sql/stages/1/level-exam"');
  });

  it('shows correct options and explanations only when assessment returned them', () => {
    const html = renderToString(<ResultPage ctx={context()} attempt={finished(true)} next={null} />);
    expect(textOf(html)).toContain('correct answer');
    expect(html).toContain('<p>Because, explained.</p>');
  });

  it('renders the progress page in Russian with reasons and the next action', () => {
    const progress: TrackProgress = {
      enrollment: {
        id: 'e1',
        userId: 'u1',
        track: { id: 't1', slug: 'sql', title: 'SQL' },
        status: 'learning',
        extraTimePercent: 0,
        enrolledAt: NOW,
        graduatedAt: null,
      },
      stages: [
        {
          id: 's1',
          position: 1,
          title: 'Basics',
          status: 'active',
          settingsVersion: 1,
          startedAt: NOW,
          completedAt: null,
        },
        {
          id: 's2',
          position: 2,
          title: 'Joins',
          status: 'locked',
          settingsVersion: null,
          startedAt: null,
          completedAt: null,
        },
      ],
      mastery: [mastery('Joins', 1, 0.38, true)],
      weakModules: ['00000000-0000-4000-8000-000000000001'],
      assignments: [
        {
          article: { id: 'a1', slug: 'joins', title: 'Joins explained', summary: '' },
          stageId: 's1',
          reason: { kind: 'remedial', moduleId: 'm1', moduleTitle: 'Joins', mastery: 0.38 },
          position: 1,
          openedAt: null,
          done: false,
          minitestSize: 2,
        },
      ],
      attempts: [],
      diagnostic: null,
      lastDecision: { status: 'rejected', comment: 'Try the joins again.', decidedAt: NOW },
      next: { action: 'wait_cooldown', stagePosition: 1, retryAt: new Date('2026-03-02T11:00:00Z') },
      certificateCode: null,
    };
    const text = textOf(renderToString(<TrackProgressPage ctx={context('ru')} progress={progress} />));
    expect(text).toContain('Почему мне это назначено?');
    expect(text).toContain('Ваше освоение модуля «Joins» было 38');
    expect(text).toContain('Следующая попытка возможна после');
    expect(text).toContain('Try the joins again.');
    expect(text).toContain('Текущий');
  });
});
