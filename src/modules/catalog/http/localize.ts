import type { FastifyRequest } from 'fastify';
import type { FieldIssue } from '../../../shared/domain/errors.ts';
import { isMessageKey } from '../../../shared/http/i18n/index.ts';
import { fieldError } from '../../../shared/http/problem.ts';
import type { TrackOverview } from '../application/queries/admin-tracks.ts';
import { blockerError } from '../domain/readiness.ts';

export type LocalizedBlocker = { code: string; message: string; errors: { path: string; message: string }[] };

/** What keeps a track from being published, in the reader's language (the same texts as the errors). */
export function localizedBlockers(track: TrackOverview, request: FastifyRequest): LocalizedBlocker[] {
  return track.blockers.map((blocker) => {
    const error = blockerError(track, blocker);
    return {
      code: blocker.code,
      message: errorMessage(error.code, error.params, request),
      errors: localizedIssues(error.code, error.issues, request),
    };
  });
}

export function errorMessage(code: string, params: Readonly<Record<string, string | number>>, request: FastifyRequest) {
  const key = `errors.${code}`;
  return isMessageKey(key) ? request.t(key, params) : code;
}

export function localizedIssues(code: string, issues: readonly FieldIssue[], request: FastifyRequest) {
  return issues.map((issue) => fieldError(code, issue, request));
}
