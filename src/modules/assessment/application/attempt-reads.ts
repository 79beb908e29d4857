import { attemptReport } from './attempt-results.ts';
import type { AttemptReads } from './contract.ts';
import type { AttemptStore } from './ports.ts';

/** The read side other modules use: reports with the per-module breakdown, newest first. */
export function attemptReads(attempts: AttemptStore): AttemptReads {
  return {
    async forScope(userId, scope) {
      const records = await attempts.inScope(userId, scope);
      return Promise.all(records.map(async (record) => attemptReport(record, await attempts.moduleResults(record.id))));
    },
    async byId(attemptId) {
      const record = await attempts.find(attemptId);
      return record && attemptReport(record, await attempts.moduleResults(record.id));
    },
  };
}
