import type { Db } from '../../../shared/infrastructure/db/database.ts';

export type UserCard = Readonly<{
  id: string;
  email: string;
  displayName: string;
  locale: 'ru' | 'en';
  role: 'student' | 'moderator' | 'admin' | 'owner';
  status: 'pending_verification' | 'active' | 'blocked';
}>;

/** Read-only facts about users for other modules (names on dossiers, certificate holders, mail recipients). */
export function createUserDirectory(db: Db) {
  const columns = ['id', 'email', 'displayName', 'locale', 'role', 'status'] as const;
  return {
    async byId(id: string): Promise<UserCard | undefined> {
      return db.selectFrom('users').select(columns).where('id', '=', id).executeTakeFirst();
    },
    async byIds(ids: readonly string[]): Promise<ReadonlyMap<string, UserCard>> {
      if (ids.length === 0) return new Map();
      const rows = await db
        .selectFrom('users')
        .select(columns)
        .where('id', 'in', [...new Set(ids)])
        .execute();
      return new Map(rows.map((row) => [row.id, row]));
    },
  };
}

export type UserDirectory = ReturnType<typeof createUserDirectory>;
