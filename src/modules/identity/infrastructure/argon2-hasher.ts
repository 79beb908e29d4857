import { randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';

export type Argon2Params = Readonly<{ memoryKib: number; iterations: number; parallelism: number }>;

export type PasswordHasher = {
  hash(password: string): Promise<string>;
  verify(hash: string, password: string): Promise<boolean>;
  /** As slow as a real `verify`, always false: answers for unknown accounts without revealing them. */
  verifyDummy(password: string): Promise<false>;
};

// @node-rs/argon2's `Algorithm` is a const enum, which verbatimModuleSyntax cannot import.
const ARGON2ID = 2;

/**
 * argon2id, encoded as a PHC string. Passwords are NFKC-normalized (NIST SP 800-63B) and hashed
 * whole as UTF-8: argon2 has no length cut-off, unlike bcrypt's 72 bytes.
 */
export function createArgon2Hasher(params: Argon2Params): PasswordHasher {
  const options = {
    algorithm: ARGON2ID,
    memoryCost: params.memoryKib,
    timeCost: params.iterations,
    parallelism: params.parallelism,
  } as const;
  let dummyHash: Promise<string> | undefined;

  async function verifyPassword(encoded: string, password: string): Promise<boolean> {
    try {
      return await verify(encoded, encode(password));
    } catch {
      return false; // a malformed or unsupported hash string
    }
  }

  return {
    hash: (password) => hash(encode(password), options),
    verify: verifyPassword,
    async verifyDummy(password) {
      dummyHash ??= hash(randomBytes(32), options);
      await verifyPassword(await dummyHash, password);
      return false;
    },
  };
}

function encode(password: string): Buffer {
  return Buffer.from(password.normalize('NFKC'), 'utf8');
}
