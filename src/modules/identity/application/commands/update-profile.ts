import type { RequestOrigin } from '../../domain/audit.ts';
import { normalizeDisplayName, type UserLocale } from '../../domain/user.ts';
import type { IdentityDeps } from '../deps.ts';

export type UpdateProfileInput = {
  actorId: string;
  displayName?: string | undefined;
  locale?: UserLocale | undefined;
  origin: RequestOrigin;
  now: Date;
};

/** Only the display name and the locale: role, status and email are never taken from here. */
export function makeUpdateProfile(deps: Pick<IdentityDeps, 'uow'>) {
  return async function updateProfile(input: UpdateProfileInput): Promise<void> {
    const profile = {
      ...(input.displayName !== undefined ? { displayName: normalizeDisplayName(input.displayName) } : {}),
      ...(input.locale !== undefined ? { locale: input.locale } : {}),
    };
    if (Object.keys(profile).length === 0) return;
    await deps.uow.run(async (tx) => {
      await tx.users.updateProfile(input.actorId, profile, input.now);
      await tx.audit.record({
        at: input.now,
        actorId: input.actorId,
        action: 'user.profile_updated',
        subjectId: input.actorId,
        origin: input.origin,
        details: { fields: Object.keys(profile).join(',') },
      });
    });
  };
}
