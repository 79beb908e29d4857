import type { PlanSummary, TableScan } from './plan-analysis.ts';

export type Rules = {
  /** A table with at least this many rows (pg_class.reltuples) is large. */
  largeTableRows: number;
  /** An index or bitmap scan reading at least this share of a large table fails like a seq scan. */
  mostOfTableShare: number;
};

export type Budget = {
  rows: number;
  buffers: number;
  /**
   * The operation may read most of a large table through an index (a deep offset, a total):
   * the "most of the table" rule is waived for index scans, never for a Seq Scan.
   */
  wholeIndexReads?: boolean;
};

export type ViolationRule =
  'no-plan' | 'seq-scan-on-large-table' | 'scan-reads-most-of-table' | 'row-budget' | 'buffer-budget';

export type Violation = { rule: ViolationRule; message: string };

/** Estimated rows of a table by name, undefined when unknown (a CTE, a view, a dropped table). */
export type TableSizes = (relation: string) => number | undefined;

/** Every rule the statement breaks, each with a sentence naming the offending node or number. */
export function violationsOf(summary: PlanSummary, rules: Rules, budget: Budget, sizes: TableSizes): Violation[] {
  const violations: Violation[] = [];
  for (const scan of summary.scans) {
    const tableRows = sizes(scan.relation) ?? 0;
    if (tableRows < rules.largeTableRows) continue;
    if (scan.nodeType === 'Seq Scan') {
      violations.push({
        rule: 'seq-scan-on-large-table',
        message: `Seq Scan on ${scan.relation} (${formatRows(tableRows)} rows) read ${formatRows(scan.rowsRead)} rows`,
      });
    } else if (!budget.wholeIndexReads && scan.rowsRead >= rules.mostOfTableShare * tableRows) {
      violations.push({
        rule: 'scan-reads-most-of-table',
        message: `${describeScan(scan)} read ${formatRows(scan.rowsRead)} of ${formatRows(tableRows)} rows`,
      });
    }
  }
  const charged = chargedRows(summary, rules, sizes);
  if (charged > budget.rows) {
    violations.push({
      rule: 'row-budget',
      message: `scans read ${formatRows(charged)} rows, budget ${formatRows(budget.rows)} (${heaviest(summary)})`,
    });
  }
  if (summary.buffers.total > budget.buffers) {
    violations.push({
      rule: 'buffer-budget',
      message: `touched ${summary.buffers.total} buffers (hit ${summary.buffers.hit}, read ${summary.buffers.read}), budget ${budget.buffers}`,
    });
  }
  return violations;
}

/**
 * Rows charged to the row budget: every row a scan of a large table reads, but for a small table
 * only what goes beyond one pass over it. The planner reads a small table whole when that is
 * cheaper than its index; that is not the query's doing, while a small table read in a loop is.
 */
export function chargedRows(summary: PlanSummary, rules: Rules, sizes: TableSizes): number {
  return summary.scans.reduce((sum, scan) => {
    const tableRows = sizes(scan.relation) ?? 0;
    if (tableRows >= rules.largeTableRows) return sum + scan.rowsRead;
    return sum + Math.max(0, scan.rowsRead - tableRows);
  }, 0);
}

export function describeScan(scan: TableScan): string {
  const using = scan.indexes.length > 0 ? ` using ${scan.indexes.join(', ')}` : '';
  return `${scan.nodeType} on ${scan.relation}${using}`;
}

function heaviest(summary: PlanSummary): string {
  const top = [...summary.scans].sort((a, b) => b.rowsRead - a.rowsRead)[0];
  return top ? `most by ${describeScan(top)}: ${formatRows(top.rowsRead)}` : 'no table scans';
}

function formatRows(rows: number): string {
  return Math.round(rows).toLocaleString('en-US');
}
