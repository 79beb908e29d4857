import type { Db } from '../../../shared/infrastructure/db/database.ts';

export type StaffRecipient = Readonly<{ email: string; displayName: string; locale: 'ru' | 'en' }>;

/** Read-only: the active admins and the owner, who are told about things staff must see (e.g. contact requests). */
export function createStaffRecipients(db: Db) {
  return {
    async list(): Promise<StaffRecipient[]> {
      return db
        .selectFrom('users')
        .select(['email', 'displayName', 'locale'])
        .where('role', 'in', ['admin', 'owner'])
        .where('status', '=', 'active')
        .orderBy('createdAt')
        .orderBy('id')
        .execute();
    },
  };
}
