import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isBot, validateContactInput } from '../../src/modules/contacts/domain/contact-request.ts';
import { InvalidContactRequestError } from '../../src/modules/contacts/domain/errors.ts';
import { createClientHasher } from '../../src/modules/contacts/infrastructure/client-hasher.ts';

const VALID = { name: 'Ada', email: 'ada@example.com', message: 'Hello there, world.' };

function issuesOf(input: { name: string; email: string; message: string }) {
  try {
    validateContactInput(input);
    return [];
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidContactRequestError);
    return (error as InvalidContactRequestError).issues.map((issue) => `${issue.path}:${issue.code}`);
  }
}

describe('validateContactInput', () => {
  it('reports every failing field at once', () => {
    expect(issuesOf({ name: '', email: '', message: '' })).toEqual([
      '/name:required',
      '/email:required',
      '/message:required',
    ]);
    expect(issuesOf({ name: 'A\u0000', email: 'x', message: 'y'.repeat(5001) })).toEqual([
      '/name:control_characters',
      '/email:email_format',
      '/message:too_long',
    ]);
  });

  it('normalizes (NFKC, trim, lowercase address, \\n line breaks)', () => {
    expect(
      validateContactInput({ name: ' ﬁnn ', email: ' FINN@Example.ORG', message: '\r\nＨｅｌｌｏ\r\nthere!!\r\n' }),
    ).toEqual({
      name: 'finn',
      email: 'finn@example.org',
      message: 'Hello\nthere!!',
    });
  });

  it('refuses bidi overrides and isolates in every field, but keeps emoji joiners in the message', () => {
    for (const mark of ['\u202E', '\u2066', '\u2028']) {
      expect(issuesOf({ ...VALID, name: `Ad${mark}a` })).toEqual(['/name:control_characters']);
      expect(issuesOf({ ...VALID, message: `Hello ${mark} there` })).toEqual(['/message:control_characters']);
    }
    expect(issuesOf({ ...VALID, message: 'A family: 👨‍👩‍👧 says hi' })).toEqual([]);
  });

  it('either accepts input within the database rules or refuses it with field issues — never anything else', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 120 }),
        fc.string({ maxLength: 60 }),
        fc.string({ maxLength: 200 }),
        (name, email, message) => {
          try {
            const valid = validateContactInput({ name, email, message });
            expect([...valid.name].length).toBeGreaterThanOrEqual(1);
            expect([...valid.name].length).toBeLessThanOrEqual(100);
            expect(valid.name).toBe(valid.name.trim());
            expect(valid.email).toMatch(/^[^@\s]+@[^@\s]+\.[^@\s]+$/);
            expect([...valid.message.trim()].length).toBeGreaterThanOrEqual(10);
            expect(valid.message).not.toContain('\u0000');
          } catch (error) {
            expect(error).toBeInstanceOf(InvalidContactRequestError);
            expect((error as InvalidContactRequestError).issues.length).toBeGreaterThan(0);
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('honeypot and client hash', () => {
  it('treats only a non-blank website as a bot', () => {
    expect(isBot(undefined)).toBe(false);
    expect(isBot('')).toBe(false);
    expect(isBot('   ')).toBe(false);
    expect(isBot('x')).toBe(true);
  });

  it('hashes an address with a key of the secret: stable, secret-dependent, never the address', () => {
    const hash = createClientHasher('secret one that is long enough');
    const other = createClientHasher('secret two that is long enough');
    expect(hash('203.0.113.7')).toMatch(/^[0-9a-f]{64}$/);
    expect(hash('203.0.113.7')).toBe(hash('203.0.113.7'));
    expect(hash('203.0.113.7')).not.toBe(hash('203.0.113.8'));
    expect(hash('203.0.113.7')).not.toBe(other('203.0.113.7'));
    expect(hash('2001:DB8::1')).toBe(hash('2001:db8::1'));
  });
});
