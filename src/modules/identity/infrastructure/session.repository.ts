import type { Tx } from '../../../shared/infrastructure/db/unit-of-work.ts';
import type { SessionRepository } from '../application/ports.ts';
import type { Session } from '../domain/session.ts';

const SESSION_COLUMNS = [
  'sessions.id',
  'sessions.userId',
  'sessions.createdAt',
  'sessions.lastUsedAt',
  'sessions.idleExpiresAt',
  'sessions.absoluteExpiresAt',
  'sessions.revokedAt',
] as const;

export function createSessionRepository(tx: Tx) {
  return {
    async create(session, refreshTokenHash) {
      await tx
        .insertInto('sessions')
        .values({
          id: session.id,
          userId: session.userId,
          createdAt: session.now,
          lastUsedAt: session.now,
          idleExpiresAt: session.idleExpiresAt,
          absoluteExpiresAt: session.absoluteExpiresAt,
          ip: session.ip,
          userAgent: session.userAgent,
        })
        .execute();
      await tx
        .insertInto('refreshTokens')
        .values({ tokenHash: refreshTokenHash, sessionId: session.id, createdAt: session.now })
        .execute();
    },
    async lockRefreshToken(tokenHash) {
      const row = await tx
        .selectFrom('refreshTokens')
        .innerJoin('sessions', 'sessions.id', 'refreshTokens.sessionId')
        .select(['refreshTokens.rotatedAt', ...SESSION_COLUMNS])
        .where('refreshTokens.tokenHash', '=', tokenHash)
        .forUpdate()
        .executeTakeFirst();
      if (!row) return undefined;
      const { rotatedAt, ...session } = row;
      return { sessionId: session.id, rotatedAt, session };
    },
    async rotate({ sessionId, oldHash, newHash, idleExpiresAt, origin }, now) {
      await tx.updateTable('refreshTokens').set({ rotatedAt: now }).where('tokenHash', '=', oldHash).execute();
      await tx.insertInto('refreshTokens').values({ tokenHash: newHash, sessionId, createdAt: now }).execute();
      await tx
        .updateTable('sessions')
        .set({ lastUsedAt: now, idleExpiresAt, ip: origin.ip, userAgent: origin.userAgent?.slice(0, 512) ?? null })
        .where('id', '=', sessionId)
        .execute();
    },
    async byIdForUser(sessionId, userId) {
      const row: Session | undefined = await tx
        .selectFrom('sessions')
        .select(SESSION_COLUMNS)
        .where('id', '=', sessionId)
        .where('userId', '=', userId)
        .executeTakeFirst();
      return row;
    },
    async revoke(sessionId, reason, now) {
      const result = await tx
        .updateTable('sessions')
        .set({ revokedAt: now, revokedReason: reason })
        .where('id', '=', sessionId)
        .where('revokedAt', 'is', null)
        .executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },
    async revokeAllOfUser(userId, reason, now, exceptId) {
      let query = tx
        .updateTable('sessions')
        .set({ revokedAt: now, revokedReason: reason })
        .where('userId', '=', userId)
        .where('revokedAt', 'is', null);
      if (exceptId) query = query.where('id', '<>', exceptId);
      const result = await query.executeTakeFirst();
      return Number(result.numUpdatedRows);
    },
  } satisfies SessionRepository;
}
