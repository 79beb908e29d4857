/**
 * Pure reading of `EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON)` output: which tables were scanned and
 * how, how many rows the scans read and how many buffers the statement touched.
 */

/** One node of PostgreSQL's JSON plan (only the fields this check reads). */
export type PlanNode = {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  'Actual Rows'?: number;
  'Actual Loops'?: number;
  'Rows Removed by Filter'?: number;
  'Rows Removed by Index Recheck'?: number;
  'Shared Hit Blocks'?: number;
  'Shared Read Blocks'?: number;
  Plans?: PlanNode[];
};

export type ExplainResult = { Plan: PlanNode; 'Execution Time'?: number; 'Planning Time'?: number };

/** PostgreSQL answers EXPLAIN (FORMAT JSON) with a one-element array. */
export type ExplainOutput = readonly ExplainResult[];

export type TableScan = {
  nodeType: string;
  relation: string;
  /** The index used: the node's own, or those of a bitmap heap scan's bitmap index scans. */
  indexes: string[];
  /** Rows the node read over all its loops: returned plus removed by its filter or recheck. */
  rowsRead: number;
  loops: number;
};

export type PlanSummary = {
  rootNodeType: string;
  scans: TableScan[];
  rowsRead: number;
  buffers: { hit: number; read: number; total: number };
  executionMs: number;
  planningMs: number;
};

const TABLE_SCANS = new Set([
  'Seq Scan',
  'Index Scan',
  'Index Only Scan',
  'Bitmap Heap Scan',
  'Tid Scan',
  'Tid Range Scan',
  'Sample Scan',
]);

export function summarizePlan(output: ExplainOutput): PlanSummary {
  const result = output[0];
  if (!result) throw new Error('EXPLAIN returned no plan');
  const root = result.Plan;
  const scans: TableScan[] = [];
  walk(root, (node) => {
    if (!TABLE_SCANS.has(node['Node Type']) || node['Relation Name'] === undefined) return;
    scans.push(scanOf(node));
  });
  const hit = root['Shared Hit Blocks'] ?? 0;
  const read = root['Shared Read Blocks'] ?? 0;
  return {
    rootNodeType: root['Node Type'],
    scans,
    rowsRead: scans.reduce((sum, scan) => sum + scan.rowsRead, 0),
    buffers: { hit, read, total: hit + read },
    executionMs: result['Execution Time'] ?? 0,
    planningMs: result['Planning Time'] ?? 0,
  };
}

function scanOf(node: PlanNode): TableScan {
  // EXPLAIN shows per-loop averages for rows and removed rows; multiply back to totals.
  const loops = node['Actual Loops'] ?? 1;
  const perLoop =
    (node['Actual Rows'] ?? 0) + (node['Rows Removed by Filter'] ?? 0) + (node['Rows Removed by Index Recheck'] ?? 0);
  const indexes: string[] = [];
  if (node['Index Name'] !== undefined) indexes.push(node['Index Name']);
  if (node['Node Type'] === 'Bitmap Heap Scan') {
    for (const child of node.Plans ?? []) {
      walk(child, (inner) => {
        if (inner['Node Type'] === 'Bitmap Index Scan' && inner['Index Name'] !== undefined) {
          indexes.push(inner['Index Name']);
        }
      });
    }
  }
  return {
    nodeType: node['Node Type'],
    relation: node['Relation Name'] ?? '',
    indexes,
    rowsRead: Math.round(perLoop * loops),
    loops,
  };
}

function walk(node: PlanNode, visit: (node: PlanNode) => void): void {
  visit(node);
  for (const child of node.Plans ?? []) walk(child, visit);
}
