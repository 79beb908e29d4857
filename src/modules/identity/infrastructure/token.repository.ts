import type { Tx } from '../../../shared/infrastructure/db/unit-of-work.ts';
import type { MfaChallengeRepository, OneTimeTokenRepository, RecoveryCodeRepository } from '../application/ports.ts';

export function createOneTimeTokenRepository(tx: Tx) {
  return {
    async issue(tokenHash, userId, purpose, now, expiresAt) {
      await tx.insertInto('oneTimeTokens').values({ tokenHash, userId, purpose, createdAt: now, expiresAt }).execute();
    },
    async lockByHash(tokenHash, purpose) {
      return tx
        .selectFrom('oneTimeTokens')
        .select(['userId', 'purpose', 'createdAt', 'expiresAt', 'usedAt'])
        .where('tokenHash', '=', tokenHash)
        .where('purpose', '=', purpose)
        .forUpdate()
        .executeTakeFirst();
    },
    async markUsed(tokenHash, now) {
      await tx.updateTable('oneTimeTokens').set({ usedAt: now }).where('tokenHash', '=', tokenHash).execute();
    },
    async invalidateAll(userId, purpose, now) {
      await tx
        .updateTable('oneTimeTokens')
        .set({ usedAt: now })
        .where('userId', '=', userId)
        .where('purpose', '=', purpose)
        .where('usedAt', 'is', null)
        .execute();
    },
  } satisfies OneTimeTokenRepository;
}

export function createRecoveryCodeRepository(tx: Tx) {
  return {
    async replaceAll(userId, codeHashes) {
      await tx.deleteFrom('recoveryCodes').where('userId', '=', userId).execute();
      if (codeHashes.length === 0) return;
      await tx
        .insertInto('recoveryCodes')
        .values(codeHashes.map((codeHash) => ({ userId, codeHash })))
        .execute();
    },
    async consume(userId, codeHash, now) {
      const result = await tx
        .updateTable('recoveryCodes')
        .set({ usedAt: now })
        .where('userId', '=', userId)
        .where('codeHash', '=', codeHash)
        .where('usedAt', 'is', null)
        .executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },
    async deleteAll(userId) {
      await tx.deleteFrom('recoveryCodes').where('userId', '=', userId).execute();
    },
  } satisfies RecoveryCodeRepository;
}

export function createMfaChallengeRepository(tx: Tx) {
  return {
    async open(challenge) {
      await tx
        .insertInto('mfaChallenges')
        .values({
          id: challenge.id,
          userId: challenge.userId,
          createdAt: challenge.now,
          expiresAt: challenge.expiresAt,
        })
        .execute();
    },
    async lockUsable(id, userId, now) {
      const row = await tx
        .selectFrom('mfaChallenges')
        .select('id')
        .where('id', '=', id)
        .where('userId', '=', userId)
        .where('usedAt', 'is', null)
        .where('expiresAt', '>', now)
        .forUpdate()
        .executeTakeFirst();
      return row !== undefined;
    },
    async markUsed(id, now) {
      await tx.updateTable('mfaChallenges').set({ usedAt: now }).where('id', '=', id).execute();
    },
  } satisfies MfaChallengeRepository;
}
