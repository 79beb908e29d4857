import { describe, expect, it } from 'vitest';
import { base32Decode, base32Encode, createTotp } from './totp.ts';

const totp = createTotp({ issuer: 'Baza' });
// RFC 6238, Appendix B: the SHA-1 seed is the ASCII string "12345678901234567890".
const rfcSecret = base32Encode(Buffer.from('12345678901234567890', 'ascii'));
const at = (seconds: number) => new Date(seconds * 1000);

describe('TOTP', () => {
  it('encodes secrets as RFC 4648 base32 without padding', () => {
    expect(rfcSecret).toBe('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ');
    expect(base32Encode(Buffer.from('foobar'))).toBe('MZXW6YTBOI');
    expect(base32Decode('mzxw 6ytb oi').toString()).toBe('foobar');
    expect(() => base32Decode('MZXW1')).toThrow();
  });

  it('generates 20-byte secrets', () => {
    const secret = totp.generateSecret();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(base32Decode(secret)).toHaveLength(20);
    expect(totp.generateSecret()).not.toBe(secret);
  });

  it.each([
    [59, '287082'],
    [1111111109, '081804'],
    [1111111111, '050471'],
    [1234567890, '005924'],
    [2000000000, '279037'],
    [20000000000, '353130'],
  ])('matches the RFC 6238 test vector at T=%i', (seconds, code) => {
    expect(totp.codeAt(rfcSecret, at(seconds))).toBe(code);
    expect(totp.verify(rfcSecret, code, at(seconds), null)).toBe(Math.floor(seconds / 30));
  });

  it('accepts one step of drift either way, not two', () => {
    const now = 1_234_567_890;
    const step = Math.floor(now / 30);
    for (const drift of [-1, 0, 1]) {
      const code = totp.codeAt(rfcSecret, at(now + drift * 30));
      expect(totp.verify(rfcSecret, code, at(now), null)).toBe(step + drift);
    }
    for (const drift of [-2, 2]) {
      const code = totp.codeAt(rfcSecret, at(now + drift * 30));
      expect(totp.verify(rfcSecret, code, at(now), null)).toBeUndefined();
    }
  });

  it('never accepts a step at or before the last one used', () => {
    const now = at(1_234_567_890);
    const code = totp.codeAt(rfcSecret, now);
    const step = totp.verify(rfcSecret, code, now, null);
    expect(step).toBeDefined();
    expect(totp.verify(rfcSecret, code, now, step!)).toBeUndefined();
    expect(totp.verify(rfcSecret, code, now, step! + 1)).toBeUndefined();
    expect(totp.verify(rfcSecret, code, now, step! - 1)).toBe(step);
    const next = totp.codeAt(rfcSecret, at(1_234_567_890 + 30));
    expect(totp.verify(rfcSecret, next, now, step!)).toBe(step! + 1);
  });

  it('tolerates spaces and refuses anything but six digits', () => {
    const now = at(59);
    expect(totp.verify(rfcSecret, ' 287 082 ', now, null)).toBe(1);
    for (const code of ['28708', '2870820', '28708a', '94287082', '', '２８７０８２', '287-082']) {
      expect(totp.verify(rfcSecret, code, now, null)).toBeUndefined();
    }
    expect(totp.verify(rfcSecret, '287083', now, null)).toBeUndefined();
  });

  it('builds the otpauth URI authenticator apps read, URI-encoded', () => {
    const uri = createTotp({ issuer: 'Школа №1: Baza' }).keyUri(rfcSecret, 'anna+test@example.org');
    expect(uri).toBe(
      'otpauth://totp/%D0%A8%D0%BA%D0%BE%D0%BB%D0%B0%20%E2%84%961%3A%20Baza:anna%2Btest%40example.org' +
        `?secret=${rfcSecret}&issuer=%D0%A8%D0%BA%D0%BE%D0%BB%D0%B0%20%E2%84%961%3A%20Baza` +
        '&algorithm=SHA1&digits=6&period=30',
    );
    const parsed = new URL(uri);
    expect(parsed.protocol).toBe('otpauth:');
    expect(parsed.searchParams.get('issuer')).toBe('Школа №1: Baza');
    expect(decodeURIComponent(parsed.pathname.split(':')[1]!)).toBe('anna+test@example.org');
  });
});
