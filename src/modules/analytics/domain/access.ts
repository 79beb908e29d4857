import { AnalyticsForbiddenError } from './errors.ts';

export type AnalyticsRole = 'student' | 'moderator' | 'admin' | 'owner';
export type AnalyticsActor = Readonly<{ id: string; role: AnalyticsRole }>;

/**
 * Track analytics show students' progress: admins and the owner only. Question statistics are
 * about the bank, which moderators edit, so they may read them too (the flags are their to-do list).
 */
export function assertCanReadTrackAnalytics(actor: AnalyticsActor): void {
  if (actor.role !== 'admin' && actor.role !== 'owner') throw new AnalyticsForbiddenError();
}

export function assertCanReadQuestionStats(actor: AnalyticsActor): void {
  if (!['moderator', 'admin', 'owner'].includes(actor.role)) throw new AnalyticsForbiddenError();
}
