import { describe, expect, it } from 'vitest';
import { createArgon2Hasher } from './argon2-hasher.ts';

const hasher = createArgon2Hasher({ memoryKib: 19_456, iterations: 2, parallelism: 1 });

describe('argon2 hasher', () => {
  it('verifies the password it hashed, at the configured argon2id parameters', async () => {
    const hash = await hasher.hash('correct horse battery staple');
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await hasher.verify(hash, 'correct horse battery staple')).toBe(true);
    expect(await hasher.verify(hash, 'correct horse battery stapler')).toBe(false);
  });

  it('salts every hash', async () => {
    expect(await hasher.hash('same password')).not.toBe(await hasher.hash('same password'));
  });

  it('answers false, without throwing, for a malformed hash', async () => {
    expect(await hasher.verify('not a hash', 'password')).toBe(false);
    expect(await hasher.verify('$argon2id$v=19$m=19456,t=2,p=1$broken', 'password')).toBe(false);
    expect(await hasher.verify('', 'password')).toBe(false);
  });

  it('hashes long Unicode passwords whole', async () => {
    const password = 'Пароль-🔐-密码-'.repeat(10).slice(0, 128);
    expect(password).toHaveLength(128);
    const changedAt100 = password.slice(0, 99) + (password[99] === 'x' ? 'y' : 'x') + password.slice(100);
    const hash = await hasher.hash(password);
    expect(await hasher.verify(hash, password)).toBe(true);
    expect(await hasher.verify(hash, changedAt100)).toBe(false);
    expect(await hasher.verify(await hasher.hash(changedAt100), password)).toBe(false);
  });

  it('treats canonically equivalent spellings as the same password', async () => {
    const composed = 'caf\u00e9 au lait';
    const decomposed = 'cafe\u0301 au lait';
    expect(await hasher.verify(await hasher.hash(composed), decomposed)).toBe(true);
  });

  it('answers false for unknown accounts, whatever the password', async () => {
    await expect(hasher.verifyDummy('correct horse battery staple')).resolves.toBe(false);
    await expect(hasher.verifyDummy('')).resolves.toBe(false);
  });
});
