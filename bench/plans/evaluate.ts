import { budgetFor, BUDGET_OVERRIDES } from './budgets.ts';
import type { CapturedStatement } from './capture.ts';
import { type PlanSummary, summarizePlan } from './plan-analysis.ts';
import { type Budget, type Rules, type TableSizes, type Violation, violationsOf } from './rules.ts';

export type StatementResult = {
  sql: string;
  params: unknown[];
  kind: 'read' | 'write';
  summary?: PlanSummary;
  violations: Violation[];
};

export type OperationResult = {
  name: string;
  budget: Budget;
  overrideReason?: string;
  statements: StatementResult[];
  /** Transaction control and lock calls the operation issued (no plan to judge). */
  machinery: number;
  /** The operation itself failed (an HTTP error): its plans are not representative. */
  error?: string;
  passed: boolean;
};

export function evaluateOperation(
  name: string,
  captured: readonly CapturedStatement[],
  rules: Rules,
  sizes: TableSizes,
  error?: string,
): OperationResult {
  const budget = budgetFor(name);
  const statements: StatementResult[] = [];
  for (const statement of captured) {
    if (statement.kind === 'machinery') continue;
    if (!statement.explain) {
      statements.push({
        sql: statement.sql,
        params: statement.params.map(reportable),
        kind: statement.kind,
        violations: [{ rule: 'no-plan', message: `EXPLAIN failed: ${statement.explainError ?? 'no plan returned'}` }],
      });
      continue;
    }
    const summary = summarizePlan(statement.explain);
    statements.push({
      sql: statement.sql,
      params: statement.params.map(reportable),
      kind: statement.kind,
      summary,
      violations: violationsOf(summary, rules, budget, sizes),
    });
  }
  const reason = BUDGET_OVERRIDES[name]?.reason;
  return {
    name,
    budget,
    ...(reason ? { overrideReason: reason } : {}),
    statements,
    machinery: captured.length - statements.length,
    ...(error ? { error } : {}),
    passed: !error && statements.every((statement) => statement.violations.length === 0),
  };
}

/** A parameter as the report shows it: long texts and binary values shortened. */
function reportable(value: unknown): unknown {
  if (typeof value === 'string') return value.length > 120 ? `${value.slice(0, 120)}… (${value.length} chars)` : value;
  if (value instanceof Date) return value.toISOString();
  if (Buffer.isBuffer(value)) return `<${value.length} bytes>`;
  if (Array.isArray(value)) return value.map(reportable);
  return value;
}
