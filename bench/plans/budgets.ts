import type { Budget, Rules } from './rules.ts';

/** A table this large (pg_class.reltuples) must not be read whole by a hot query. */
export const RULES: Rules = { largeTableRows: 10_000, mostOfTableShare: 0.5 };

/** Per statement: rows read by its table scans, buffers touched (shared hit + read). */
export const DEFAULT_BUDGET: Budget = { rows: 1_000, buffers: 1_000 };

/**
 * Operations allowed more, each with the reason. An override applies to every statement of
 * the operation; keep them few and explain them.
 */
export const BUDGET_OVERRIDES: Readonly<Record<string, Budget & { reason: string }>> = {};

export function budgetFor(operation: string): Budget {
  const override = BUDGET_OVERRIDES[operation];
  if (!override) return DEFAULT_BUDGET;
  const { reason: _reason, ...budget } = override;
  return budget;
}
