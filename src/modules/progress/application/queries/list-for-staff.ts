import { isUuid } from '../../../../shared/domain/ids.ts';
import type { Actor } from '../../../assessment/index.ts';
import { assertManagesEnrollments } from '../access.ts';
import type { ProgressUseCases } from '../contract.ts';
import type { ProgressDeps } from '../ports.ts';
import { summarizeAll } from '../summaries.ts';

/** Admin/owner: every enrollment, newest first, filtered by track, status and student. */
export function listForStaff(deps: ProgressDeps): ProgressUseCases['listForStaff'] {
  return async (actor: Actor, filter) => {
    assertManagesEnrollments(actor);
    // An id that cannot exist matches nothing (rather than a database error).
    if (filter.trackId !== undefined && !isUuid(filter.trackId)) return { items: [], total: 0, totalIsCapped: false };
    const page = await deps.reads.staffList({ ...filter, trackId: filter.trackId?.toLowerCase() });
    const summaries = new Map((await summarizeAll(deps, page.items)).map((summary) => [summary.id, summary]));
    const items = page.items.flatMap((row) => {
      const summary = summaries.get(row.id);
      return summary ? [{ ...summary, studentName: row.studentName, studentEmail: row.studentEmail }] : [];
    });
    return { items, total: page.total, totalIsCapped: page.totalIsCapped };
  };
}
