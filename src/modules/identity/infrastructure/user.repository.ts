import { type Selectable, sql } from 'kysely';
import { translateConstraintErrors } from '../../../shared/infrastructure/db/constraint-errors.ts';
import type { UserTable } from '../../../shared/infrastructure/db/schema.ts';
import type { Tx } from '../../../shared/infrastructure/db/unit-of-work.ts';
import type { UserRepository } from '../application/ports.ts';
import { OwnerExistsError } from '../domain/errors.ts';
import type { User, UserStatus } from '../domain/user.ts';

export function createUserRepository(tx: Tx) {
  const select = () => tx.selectFrom('users').selectAll();
  const update = (id: string, now: Date) => tx.updateTable('users').set({ updatedAt: now }).where('id', '=', id);
  return {
    async byId(id) {
      return toUser(await select().where('id', '=', id).executeTakeFirst());
    },
    async byEmail(email) {
      return toUser(await select().where('email', '=', email).executeTakeFirst());
    },
    async lockById(id) {
      return toUser(await select().where('id', '=', id).forUpdate().executeTakeFirst());
    },
    async owner() {
      return toUser(await select().where('role', '=', 'owner').executeTakeFirst());
    },
    async ownerExists() {
      const row = await tx.selectFrom('users').select('id').where('role', '=', 'owner').executeTakeFirst();
      return row !== undefined;
    },
    async createIfAbsent(user) {
      const insert = tx
        .insertInto('users')
        .values({
          id: user.id,
          email: user.email,
          passwordHash: user.passwordHash,
          displayName: user.displayName,
          locale: user.locale,
          role: user.role,
          status: user.status,
          emailVerifiedAt: user.emailVerifiedAt,
          passwordChangedAt: user.now,
          createdAt: user.now,
          updatedAt: user.now,
        })
        .onConflict((conflict) => conflict.column('email').doNothing())
        .returningAll()
        .executeTakeFirst();
      return toUser(await translateConstraintErrors(insert, { users_single_owner: () => new OwnerExistsError() }));
    },
    async markEmailVerified(id, now) {
      await update(id, now)
        .set({
          emailVerifiedAt: now,
          // A blocked account stays blocked; verifying only records the address as proven.
          status: sql<UserStatus>`CASE WHEN status = 'pending_verification' THEN 'active' ELSE status END`,
        })
        .execute();
    },
    async changePassword(id, passwordHash, now) {
      await update(id, now).set({ passwordHash, passwordChangedAt: now }).execute();
    },
    async updateProfile(id, profile, now) {
      await update(id, now).set(profile).execute();
    },
    async changeRole(id, role, now) {
      await translateConstraintErrors(update(id, now).set({ role }).execute(), {
        users_single_owner: () => new OwnerExistsError(),
      });
    },
    async changeStatus(id, status, now) {
      await update(id, now).set({ status }).execute();
    },
    async startTotpEnrollment(id, sealedSecret, now) {
      await update(id, now).set({ totpPendingSecret: sealedSecret }).execute();
    },
    async enableTotp(id, sealedSecret, step, now) {
      await update(id, now)
        .set({ totpSecret: sealedSecret, totpPendingSecret: null, totpEnabledAt: now, totpLastStep: step })
        .execute();
    },
    async recordTotpStep(id, step) {
      await tx.updateTable('users').set({ totpLastStep: step }).where('id', '=', id).execute();
    },
    async disableTotp(id, now) {
      await update(id, now)
        .set({ totpSecret: null, totpPendingSecret: null, totpEnabledAt: null, totpLastStep: null })
        .execute();
    },
  } satisfies UserRepository;
}

function toUser(row: Selectable<UserTable> | undefined): User | undefined {
  if (!row) return undefined;
  const { updatedAt: _updatedAt, totpLastStep, ...user } = row;
  return { ...user, totpLastStep: totpLastStep === null ? null : Number(totpLastStep) };
}
