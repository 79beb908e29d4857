import { fmt } from './budgets.ts';
import type { BenchReport, BudgetVerdict, ScaleResult, ScenarioResult } from './report-types.ts';

/** The Markdown twin of the JSON report: machine, per-scale table, budgets, regressions. */
export function renderMarkdown(report: BenchReport): string {
  const { machine } = report;
  const lines = [
    `# Benchmark report (${report.mode})`,
    '',
    `- Date: ${report.date}`,
    `- Commit: ${report.commit ?? 'unknown (no git)'}`,
    `- Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.ramGb} GB RAM; load average at start ${machine.loadAverage.map((load) => load.toFixed(2)).join(' / ')}`,
    `- Node ${machine.node}, PostgreSQL ${machine.postgres}`,
    `- Settings: ${report.settings.durationSeconds} s per scenario, ${report.settings.connections} connections (exam start ${report.settings.examConnections}); whole run ${Math.round(report.totalSeconds)} s`,
    '',
  ];
  for (const scale of report.scales) lines.push(...scaleSection(scale));
  lines.push(
    '## Budgets',
    '',
    '| Budget | Scale | Scenario | Measured | Limit | Verdict |',
    '|---|---:|---|---|---|---|',
  );
  for (const verdict of report.budgets) lines.push(budgetRow(verdict));
  if (report.budgets.length === 0) lines.push('| (none measured) | | | | | |');
  lines.push('', '## Compared with the baseline', '', ...comparisonLines(report), '');
  return lines.join('\n');
}

function scaleSection(scale: ScaleResult): string[] {
  const rows = [...scale.scenarios, ...(scale.control ? [scale.control] : [])];
  return [
    `## ${scale.students.toLocaleString('en-US')} students`,
    '',
    `Database ready in ${fmt(scale.databaseSeconds)} s.`,
    '',
    '| Scenario | Conn. | Requests | req/s | p50 ms | p99 ms | Errors | Server RSS MB | Note |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---|',
    ...rows.map(scenarioRow),
    '',
  ];
}

function scenarioRow(result: ScenarioResult): string {
  const errors = result.errors > 0 ? `**${result.errors}** ${statusText(result)}` : '0';
  const rss = result.serverRssMb === null ? '–' : fmt(result.serverRssMb);
  const cells = [
    `${result.title} (\`${result.name}\`)`,
    String(result.connections),
    result.requests.toLocaleString('en-US'),
    fmt(result.requestsPerSecond),
    fmt(result.latencyMs.p50),
    fmt(result.latencyMs.p99),
    errors,
    rss,
    result.note ?? '',
  ];
  return `| ${cells.map(escapeCell).join(' | ')} |`;
}

function statusText(result: ScenarioResult): string {
  const bad = Object.entries(result.statuses).filter(([status]) => status !== '2xx');
  return bad.length > 0 ? `(${bad.map(([status, count]) => `${status}: ${count}`).join(', ')})` : '';
}

function budgetRow(verdict: BudgetVerdict): string {
  const mark = verdict.passed === null ? 'n/a' : verdict.passed ? 'pass' : '**MISS**';
  const cells = [
    verdict.budget,
    verdict.scale === undefined ? '' : verdict.scale.toLocaleString('en-US'),
    verdict.scenario ?? '',
    verdict.actual,
    verdict.limit,
    mark,
  ];
  return `| ${cells.map(escapeCell).join(' | ')} |`;
}

function comparisonLines(report: BenchReport): string[] {
  const { comparison } = report;
  if (comparison.kind === 'none') return [`No baseline: ${comparison.reason}.`];
  const head = `Baseline: commit ${comparison.baselineCommit ?? 'unknown'} of ${comparison.baselineDate}; a regression is a throughput drop or a p99 rise over 15 %.`;
  if (comparison.regressions.length === 0) return [head, '', 'No regressions.'];
  return [
    head,
    '',
    '| Scale | Scenario | Metric | Baseline | Now | Change |',
    '|---:|---|---|---:|---:|---:|',
    ...comparison.regressions.map(
      (item) =>
        `| ${item.students.toLocaleString('en-US')} | ${item.scenario} | ${item.metric === 'p99' ? 'p99 ms' : 'req/s'} | ${fmt(item.baseline)} | ${fmt(item.current)} | **${item.changePercent > 0 ? '+' : ''}${item.changePercent} %** |`,
    ),
  ];
}

function escapeCell(text: string): string {
  return text.replaceAll('|', '\\|').replaceAll('\n', ' ');
}
