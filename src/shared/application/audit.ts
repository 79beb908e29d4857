import type { AuditEntry } from '../domain/audit.ts';

/** Writes audit events in the caller's transaction (a module's port narrows `Action` to its own). */
export type AuditLog<Action extends string = string> = {
  record(entry: AuditEntry<Action>): Promise<void>;
};
