import type { DomainError } from '../../domain/errors.ts';

const INTEGRITY_VIOLATIONS = new Set([
  '23505', // unique_violation
  '23514', // check_violation
  '23503', // foreign_key_violation
  '23P01', // exclusion_violation
  '23502', // not_null_violation
  '23000', // integrity_constraint_violation: raised by our triggers (settings_versions_immutable, questions_used_is_*)
]);

type PgError = { code?: unknown; constraint?: unknown };

/** The name of the violated constraint, when `error` is an integrity violation from PostgreSQL. */
export function violatedConstraint(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { code, constraint } = error as PgError;
  if (typeof code !== 'string' || !INTEGRITY_VIOLATIONS.has(code)) return undefined;
  return typeof constraint === 'string' ? constraint : undefined;
}

/**
 * Runs a write and turns a violation of a named constraint into the domain error mapped to it;
 * anything else is rethrown unchanged.
 *
 *   await translateConstraintErrors(insert, { attempts_one_diagnostic: () => new DiagnosticAlreadyTakenError() })
 */
export async function translateConstraintErrors<T>(
  write: Promise<T> | (() => Promise<T>),
  errors: Readonly<Record<string, () => DomainError>>,
): Promise<T> {
  try {
    return await (typeof write === 'function' ? write() : write);
  } catch (error) {
    const constraint = violatedConstraint(error);
    const toDomainError = constraint ? errors[constraint] : undefined;
    throw toDomainError ? toDomainError() : error;
  }
}
