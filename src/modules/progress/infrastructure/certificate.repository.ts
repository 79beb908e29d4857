import { randomBytes } from 'node:crypto';
import type { Db } from '../../../shared/infrastructure/db/database.ts';
import type { CertificateRepository } from '../application/ports.ts';

/** 24 random bytes, base64url: 32 characters nobody can guess. */
export function newCertificateCode(): string {
  return randomBytes(24).toString('base64url');
}

export function createCertificateRepository(db: Db) {
  return {
    async insert(certificate) {
      await db.insertInto('certificates').values(certificate).execute();
    },
  } satisfies CertificateRepository;
}
