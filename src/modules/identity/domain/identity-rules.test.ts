import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assertCanChangeRole, assertCanChangeStatus, assertCanManageUsers } from './access-rules.ts';
import { isTokenUsable, type OneTimeToken } from './one-time-token.ts';
import { assertAcceptablePassword } from './password-policy.ts';
import { extendedIdleExpiry, isSessionLive, newSessionExpiry, type Session } from './session.ts';
import { normalizeDisplayName, normalizeEmail, type Role } from './user.ts';

const party = (id: string, role: Role) => ({ id, role });
const codeOf = (work: () => void) => {
  try {
    work();
    return 'allowed';
  } catch (error) {
    return (error as { code: string }).code.replace('identity.', '');
  }
};

describe('who may change whose role', () => {
  it.each([
    // actor, target, new role, outcome
    ['owner', 'student', 'admin', 'allowed'],
    ['owner', 'admin', 'student', 'allowed'],
    ['owner', 'moderator', 'moderator', 'allowed'],
    ['admin', 'student', 'moderator', 'allowed'],
    ['admin', 'moderator', 'student', 'allowed'],
    ['admin', 'student', 'admin', 'owner_only'],
    ['admin', 'admin', 'student', 'owner_only'],
    ['owner', 'student', 'owner', 'owner_not_assignable'],
    ['admin', 'owner', 'student', 'cannot_change_owner'],
    ['moderator', 'student', 'moderator', 'forbidden'],
    ['student', 'student', 'moderator', 'forbidden'],
  ] as const)('%s changing a %s to %s: %s', (actor, target, role, outcome) => {
    expect(codeOf(() => assertCanChangeRole(party('a', actor), party('t', target), role))).toBe(outcome);
  });

  it('never lets anyone change their own role or status', () => {
    for (const role of ['owner', 'admin'] as const) {
      expect(codeOf(() => assertCanChangeRole(party('same', role), party('same', role), 'student'))).toBe(
        'cannot_change_self',
      );
      expect(codeOf(() => assertCanChangeStatus(party('same', role), party('same', role)))).toBe('cannot_change_self');
    }
  });

  it('lets only the owner block admins, and nobody block the owner', () => {
    expect(codeOf(() => assertCanChangeStatus(party('a', 'admin'), party('t', 'moderator')))).toBe('allowed');
    expect(codeOf(() => assertCanChangeStatus(party('a', 'admin'), party('t', 'admin')))).toBe('owner_only');
    expect(codeOf(() => assertCanChangeStatus(party('o', 'owner'), party('t', 'admin')))).toBe('allowed');
    expect(codeOf(() => assertCanChangeStatus(party('a', 'admin'), party('o', 'owner')))).toBe('cannot_change_owner');
    expect(codeOf(() => assertCanManageUsers({ role: 'moderator' }))).toBe('forbidden');
  });
});

describe('password policy', () => {
  const never = () => false;
  it('counts characters, not UTF-16 units: 8 to 128 of anything', () => {
    expect(codeOf(() => assertAcceptablePassword('1234567', never))).toBe('weak_password');
    expect(codeOf(() => assertAcceptablePassword('🙂'.repeat(8), never))).toBe('allowed');
    expect(codeOf(() => assertAcceptablePassword('я'.repeat(128), never))).toBe('allowed');
    expect(codeOf(() => assertAcceptablePassword('я'.repeat(129), never))).toBe('weak_password');
  });

  it('refuses common passwords, and has no composition rules', () => {
    expect(codeOf(() => assertAcceptablePassword('password123', (p) => p === 'password123'))).toBe('common_password');
    fc.assert(
      fc.property(fc.string({ minLength: 8, maxLength: 128, unit: 'grapheme-ascii' }), (password) => {
        expect(codeOf(() => assertAcceptablePassword(password, never))).toBe('allowed');
      }),
    );
  });
});

describe('one-time tokens', () => {
  const at = (minutes: number) => new Date(Date.UTC(2026, 0, 1, 12, minutes));
  const reset: OneTimeToken = {
    userId: 'u',
    purpose: 'password_reset',
    createdAt: at(0),
    expiresAt: at(60),
    usedAt: null,
  };

  it('are usable once, before they expire', () => {
    expect(isTokenUsable(reset, at(59), at(-10))).toBe(true);
    expect(isTokenUsable(reset, at(60), at(-10))).toBe(false);
    expect(isTokenUsable({ ...reset, usedAt: at(1) }, at(2), at(-10))).toBe(false);
  });

  it('die (reset ones) once the password changed after they were issued', () => {
    expect(isTokenUsable(reset, at(5), at(1))).toBe(false);
    expect(isTokenUsable({ ...reset, purpose: 'email_verification' }, at(5), at(1))).toBe(true);
  });
});

describe('sessions', () => {
  const lifetime = { idleTimeoutHours: 2, absoluteLifetimeHours: 5 };
  const hour = 3_600_000;
  it('move the idle deadline with each use, never past the absolute one', () => {
    const start = new Date(Date.UTC(2026, 0, 1));
    const { idleExpiresAt, absoluteExpiresAt } = newSessionExpiry(start, lifetime);
    expect(idleExpiresAt.getTime() - start.getTime()).toBe(2 * hour);
    expect(absoluteExpiresAt.getTime() - start.getTime()).toBe(5 * hour);
    const late = new Date(start.getTime() + 4 * hour);
    expect(extendedIdleExpiry(late, absoluteExpiresAt, lifetime)).toEqual(absoluteExpiresAt);
    const session: Session = {
      id: 's',
      userId: 'u',
      createdAt: start,
      lastUsedAt: start,
      idleExpiresAt,
      absoluteExpiresAt,
      revokedAt: null,
    };
    expect(isSessionLive(session, new Date(start.getTime() + hour))).toBe(true);
    expect(isSessionLive(session, idleExpiresAt)).toBe(false);
    expect(isSessionLive({ ...session, revokedAt: start }, new Date(start.getTime() + 1))).toBe(false);
  });
});

describe('names and emails', () => {
  it('compare emails case-insensitively and keep display names to one visible line', () => {
    expect(normalizeEmail('  Ada@School.TEST ')).toBe('ada@school.test');
    expect(normalizeDisplayName('  Нина  ')).toBe('Нина');
    for (const bad of ['', '   ', 'a\nb', 'a\u202eb', 'x'.repeat(101), 'tab\there']) {
      expect(
        codeOf(() => normalizeDisplayName(bad)),
        JSON.stringify(bad),
      ).toBe('invalid_display_name');
    }
  });
});
