import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../bench/lib/markdown.ts';
import { report, scale, scenario } from './report-fixtures.ts';

describe('Markdown report', () => {
  const scales = [
    scale(
      1000,
      [
        scenario('articles-api', { title: 'Public article list', requestsPerSecond: 1234.4 }),
        scenario('exam-start', {
          errors: 7,
          statuses: { '2xx': 93, '5xx': 7 },
          note: 'server logged 7 errors, first: pool | timeout',
        }),
      ],
      { ...scenario('control', { requestsPerSecond: 1500 }), sameJson: true },
    ),
  ];

  it('shows the machine, a row per scenario and the control, with errors and notes', () => {
    const markdown = renderMarkdown(report(scales));
    expect(markdown).toContain('# Benchmark report (quick)');
    expect(markdown).toContain('Test CPU, 2 cores, 4 GB RAM');
    expect(markdown).toContain('PostgreSQL 15.4');
    expect(markdown).toContain('## 1,000 students');
    expect(markdown).toContain(
      '| Public article list (`articles-api`) | 10 | 1,000 | 1,234 | 5.00 | 20.0 | 0 | 200 |  |',
    );
    expect(markdown).toContain('| **7** (5xx: 7) |');
    expect(markdown).toContain('pool \\| timeout');
    expect(markdown).toContain('(`control`)');
    expect(markdown).toContain('No baseline: no baseline.');
  });

  it('marks missed budgets and lists regressions', () => {
    const markdown = renderMarkdown(
      report(scales, {
        budgets: [
          {
            budget: 'exam start p99 at 32 connections',
            scale: 1000,
            scenario: 'exam-start',
            actual: '80 ms',
            limit: '< 50 ms',
            passed: false,
          },
        ],
        comparison: {
          kind: 'compared',
          baselineCommit: 'def5678',
          baselineDate: '2026-12-01',
          regressions: [
            { students: 1000, scenario: 'login', metric: 'p99', baseline: 100, current: 130, changePercent: 30 },
          ],
        },
      }),
    );
    expect(markdown).toContain(
      '| exam start p99 at 32 connections | 1,000 | exam-start | 80 ms | < 50 ms | **MISS** |',
    );
    expect(markdown).toContain('Baseline: commit def5678 of 2026-12-01');
    expect(markdown).toContain('| 1,000 | login | p99 ms | 100 | 130 | **+30 %** |');
  });

  it('says when nothing regressed', () => {
    const markdown = renderMarkdown(
      report(scales, { comparison: { kind: 'compared', baselineCommit: null, baselineDate: 'x', regressions: [] } }),
    );
    expect(markdown).toContain('No regressions.');
  });
});
