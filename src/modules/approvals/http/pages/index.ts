import type { FastifyInstance } from 'fastify';
import { approvalPages } from './approval-pages.tsx';
import type { ApprovalsPagesDeps } from './deps.ts';
import { enrollmentPages } from './enrollment-pages.tsx';

export type { ApprovalsPagesDeps };

/** The staff's learning pages: the approval queue and dossiers, annulments, enrollments and extra time. */
export async function approvalsPages(app: FastifyInstance, deps: ApprovalsPagesDeps): Promise<void> {
  await approvalPages(app, deps);
  await enrollmentPages(app, deps);
}
