import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createSecretTokens } from './secret-tokens.ts';

const tokens = createSecretTokens();

describe('secret tokens', () => {
  it('generates 256-bit base64url tokens and hashes them with SHA-256', () => {
    const token = tokens.generate();
    expect(token).toMatch(/^[\w-]{43}$/);
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    expect(tokens.generate()).not.toBe(token);
    expect(tokens.hash(token)).toBe(createHash('sha256').update(token).digest('hex'));
    expect(tokens.hash('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('makes distinct recovery codes from an unambiguous alphabet', () => {
    const codes = tokens.recoveryCodes(10);
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) {
      expect(code).toMatch(/^[0-9a-z]{4}-[0-9a-z]{4}-[0-9a-z]{2}$/);
      expect(code).not.toMatch(/[1ilo]/);
    }
  });

  it('draws on all 32 symbols (5 bits per character, 50 per code)', () => {
    const symbols = new Set(tokens.recoveryCodes(200).join('').replace(/-/g, ''));
    expect(symbols.size).toBe(32);
  });

  it('normalizes what people type to the stored form', () => {
    const [code] = tokens.recoveryCodes(1);
    expect(tokens.normalizeRecoveryCode(code!)).toBe(code!.replace(/-/g, ''));
    expect(tokens.normalizeRecoveryCode(' AB2C-d3EF - gh ')).toBe('ab2cd3efgh');
    expect(tokens.normalizeRecoveryCode('ab2c d3ef gh')).toBe('ab2cd3efgh');
    expect(tokens.normalizeRecoveryCode('O0o0-abcd-ef')).toBe('0000abcdef');
  });
});
