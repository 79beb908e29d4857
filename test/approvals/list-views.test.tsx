import { renderToString } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import type { ApprovalView } from '../../src/modules/approvals/application/contract.ts';
import { QueuePage } from '../../src/modules/approvals/http/views/queue-page.tsx';
import type { Locale } from '../../src/shared/http/i18n/index.ts';
import { Pagination, type Paging } from '../../src/shared/http/views/pagination.tsx';
import { textOf } from '../identity/page-browser.ts';
import { pageContext } from '../support/page-context.ts';

const NOW = new Date('2026-03-02T10:00:00Z');

const context = (locale: Locale = 'en') => pageContext('/admin/approvals', locale);

const request: ApprovalView = {
  id: '11111111-1111-4111-8111-111111111111',
  kind: 'stage_transition',
  status: 'approved',
  student: { id: '22222222-2222-4222-8222-222222222222', displayName: 'Ann', email: 'ann@school.test' },
  track: { id: '33333333-3333-4333-8333-333333333333', slug: 'sql', title: 'SQL' },
  stage: { id: '44444444-4444-4444-8444-444444444444', position: 1, title: 'Basics' },
  attemptId: '55555555-5555-4555-8555-555555555555',
  score: 90,
  requestedAt: new Date('2026-03-01T10:00:00Z'),
  decidedAt: new Date('2026-03-01T12:00:00Z'),
  decidedBy: null,
  automatic: true,
  comment: null,
};

const pager = (paging: Paging, locale: Locale = 'en') =>
  renderToString(
    <Pagination ctx={context(locale)} path="/admin/approvals" filters={{ status: 'approved' }} paging={paging} />,
  );

describe('staff lists whose total is capped', () => {
  it('page on by "next" while pages come back full, without a last page number', () => {
    const first = pager({ page: 1, pageSize: 25, total: 1000, totalIsCapped: true, shown: 25 });
    expect(first).toContain('href="/admin/approvals?status=approved&amp;page=2"');
    expect(textOf(first)).toContain('Page 1 ');
    expect(textOf(first)).not.toContain('of 40');

    // Past the cap (page 41 starts at row 1,001) a full page still links to the next one.
    const deep = pager({ page: 41, pageSize: 25, total: 1000, totalIsCapped: true, shown: 25 }, 'ru');
    expect(deep).toContain('rel="next" href="/admin/approvals?status=approved&amp;page=42"');
    expect(deep).toContain('rel="prev" href="/admin/approvals?status=approved&amp;page=40"');
    expect(textOf(deep)).toContain('Страница 41 ');

    // A short page is the last one.
    const last = pager({ page: 42, pageSize: 25, total: 1000, totalIsCapped: true, shown: 3 });
    expect(last).not.toContain('rel="next"');
    expect(last).toContain('rel="prev"');
  });

  it('keep "page N of M" and stop at the last page when the total is exact', () => {
    const last = pager({ page: 2, pageSize: 25, total: 50, totalIsCapped: false, shown: 25 });
    expect(textOf(last)).toContain('Page 2 of 2');
    expect(last).not.toContain('rel="next"');
    expect(pager({ page: 1, pageSize: 25, total: 25, totalIsCapped: false, shown: 25 })).toBe('');
  });

  it.each([
    ['en', 'Requests found: 1000 or more', 'Requests found: 999'],
    ['ru', 'Найдено заявок: 1000 и больше', 'Найдено заявок: 999'],
  ] as const)('say the capped total as a floor (%s)', (locale, capped, exact) => {
    const page = (paging: Paging) =>
      textOf(
        renderToString(
          <QueuePage ctx={context(locale)} filter={{}} tracks={[]} items={[request]} paging={paging} now={NOW} />,
        ),
      );
    expect(page({ page: 1, pageSize: 25, total: 1000, totalIsCapped: true, shown: 1 })).toContain(capped);
    expect(page({ page: 1, pageSize: 25, total: 999, totalIsCapped: false, shown: 1 })).toContain(exact);
  });
});
