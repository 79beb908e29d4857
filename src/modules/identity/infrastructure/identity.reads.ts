import { sql } from 'kysely';
import type { Db } from '../../../shared/infrastructure/db/database.ts';
import type { AuditEventView, IdentityReads } from '../application/reads.ts';
import type { AuditAction } from '../domain/audit.ts';

const PROFILE_COLUMNS = [
  'users.id',
  'users.email',
  'users.displayName',
  'users.locale',
  'users.role',
  'users.status',
  'users.emailVerifiedAt',
  'users.createdAt',
] as const;

/** The files module serves every file at this address (API.md, files). */
const avatarUrlOf = (fileId: string | null) => (fileId ? `/api/v1/files/${fileId}` : null);

export function createIdentityReads(db: Db) {
  return {
    async principal(sessionId, userId, now) {
      const row = await db
        .selectFrom('sessions')
        .innerJoin('users', 'users.id', 'sessions.userId')
        .select([
          'users.id',
          'users.email',
          'users.displayName',
          'users.locale',
          'users.role',
          'users.totpEnabledAt',
          'users.avatarFileId',
        ])
        .where('sessions.id', '=', sessionId)
        .where('sessions.userId', '=', userId)
        .where('sessions.revokedAt', 'is', null)
        .where('sessions.absoluteExpiresAt', '>', now)
        .where('users.status', '=', 'active')
        .executeTakeFirst();
      if (!row) return undefined;
      const { id, totpEnabledAt, avatarFileId, ...rest } = row;
      return {
        userId: id,
        sessionId,
        mfaEnabled: totpEnabledAt !== null,
        avatarUrl: avatarUrlOf(avatarFileId),
        ...rest,
      };
    },
    async profile(userId) {
      const row = await db
        .selectFrom('users')
        .select([...PROFILE_COLUMNS, 'users.totpEnabledAt', 'users.avatarFileId'])
        .where('id', '=', userId)
        .executeTakeFirst();
      if (!row) return undefined;
      const { totpEnabledAt, avatarFileId, ...profile } = row;
      return { ...profile, mfaEnabled: totpEnabledAt !== null, avatarUrl: avatarUrlOf(avatarFileId) };
    },
    async liveSessions(userId, now) {
      const rows = await db
        .selectFrom('sessions')
        .select(['id', 'createdAt', 'lastUsedAt', 'idleExpiresAt', 'ip', 'userAgent'])
        .where('userId', '=', userId)
        .where('revokedAt', 'is', null)
        .where('idleExpiresAt', '>', now)
        .where('absoluteExpiresAt', '>', now)
        .orderBy('lastUsedAt', 'desc')
        .limit(100)
        .execute();
      return rows.map(({ idleExpiresAt, ...session }) => ({ ...session, expiresAt: idleExpiresAt }));
    },
    async users(filter) {
      let query = db.selectFrom('users');
      if (filter.role) query = query.where('role', '=', filter.role);
      if (filter.status) query = query.where('status', '=', filter.status);
      if (filter.q) {
        const pattern = `%${filter.q.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
        query = query.where((eb) => eb.or([eb('email', 'ilike', pattern), eb('displayName', 'ilike', pattern)]));
      }
      const [rows, count] = await Promise.all([
        query
          .select([...PROFILE_COLUMNS, 'users.totpEnabledAt'])
          .orderBy('createdAt', 'desc')
          .orderBy('id', 'desc')
          .limit(filter.limit)
          .offset(filter.offset)
          .execute(),
        query.select((eb) => eb.fn.countAll<string>().as('total')).executeTakeFirstOrThrow(),
      ]);
      return {
        items: rows.map(({ totpEnabledAt, ...user }) => ({ ...user, mfaEnabled: totpEnabledAt !== null })),
        total: Number(count.total),
      };
    },
    async auditEvents(filter) {
      let query = db
        .selectFrom('auditEvents as e')
        .leftJoin('users as actor', 'actor.id', 'e.actorId')
        .leftJoin('users as subject', 'subject.id', 'e.subjectId');
      if (filter.actorId) query = query.where('e.actorId', '=', filter.actorId);
      if (filter.subjectId) query = query.where('e.subjectId', '=', filter.subjectId);
      if (filter.action) query = query.where('e.action', '=', filter.action);
      if (filter.from) query = query.where('e.at', '>=', filter.from);
      if (filter.to) query = query.where('e.at', '<', filter.to);
      const [rows, count] = await Promise.all([
        query
          .select([
            'e.id',
            'e.at',
            'e.actorId',
            'actor.email as actorEmail',
            'e.action',
            'e.subjectId',
            'subject.email as subjectEmail',
            'e.ip',
            'e.requestId',
            'e.details',
          ])
          .orderBy('e.at', 'desc')
          .orderBy('e.id', 'desc')
          .limit(filter.limit)
          .offset(filter.offset)
          .execute(),
        query.select(sql<string>`count(*)`.as('total')).executeTakeFirstOrThrow(),
      ]);
      return {
        items: rows.map((row): AuditEventView => ({ ...row, action: row.action as AuditAction })),
        total: Number(count.total),
      };
    },
  } satisfies IdentityReads;
}
