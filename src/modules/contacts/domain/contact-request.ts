import type { FieldIssue } from '../../../shared/domain/errors.ts';
import { InvalidContactRequestError } from './errors.ts';

export const CONTACT_STATUSES = ['new', 'handled'] as const;
export type ContactStatus = (typeof CONTACT_STATUSES)[number];

export const CONTACT_LOCALES = ['ru', 'en'] as const;
export type ContactLocale = (typeof CONTACT_LOCALES)[number];

export const NAME_MAX = 100;
export const EMAIL_MAX = 254;
export const MESSAGE_MIN = 10;
export const MESSAGE_MAX = 5000;

export type ContactRequest = Readonly<{
  id: string;
  name: string;
  email: string;
  message: string;
  locale: ContactLocale;
  status: ContactStatus;
  handledBy: Readonly<{ id: string; displayName: string }> | null;
  handledAt: Date | null;
  createdAt: Date;
}>;

/** What a visitor sends, as typed. */
export type ContactInput = Readonly<{ name: string; email: string; message: string }>;

/** The same, normalized and checked: what is stored. */
export type ValidContactInput = Readonly<{ name: string; email: string; message: string }>;

// A name and an address are one line of visible characters: control and format characters
// (bidi overrides, zero-width spaces, line separators) would forge how they look in a list or a mail.
const ONE_LINE_FORBIDDEN = /[\p{Cc}\p{Cf}\u2028\u2029]/u;
// A message keeps its line breaks and tabs (and emoji joiners), but no other control character
// and no bidi override or isolate that could reorder what an admin reads.
const MESSAGE_FORBIDDEN = /(?![\t\n])\p{Cc}|[\u2028\u2029\u202A-\u202E\u2066-\u2069\uFEFF]/u;
// The `email` format of the JSON API's schemas (ajv-formats), as identity accepts addresses.
const EMAIL_SHAPE =
  /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/i;

const length = (text: string) => [...text].length;

/**
 * Normalizes (NFKC, trimmed, line breaks as `\n`, the address lowercased) and checks every
 * field, reporting all the failing ones at once.
 */
export function validateContactInput(input: ContactInput): ValidContactInput {
  const issues: FieldIssue[] = [];
  const name = input.name.normalize('NFKC').trim();
  const email = input.email.normalize('NFKC').trim().toLowerCase();
  const message = input.message.normalize('NFKC').replace(/\r\n?/g, '\n').trim();

  if (name.length === 0) issues.push({ path: '/name', code: 'required' });
  else if (ONE_LINE_FORBIDDEN.test(name)) issues.push({ path: '/name', code: 'control_characters' });
  else if (length(name) > NAME_MAX) issues.push({ path: '/name', code: 'too_long', params: { max: NAME_MAX } });

  if (email.length === 0) issues.push({ path: '/email', code: 'required' });
  else if (length(email) > EMAIL_MAX) issues.push({ path: '/email', code: 'too_long', params: { max: EMAIL_MAX } });
  else if (ONE_LINE_FORBIDDEN.test(email) || !EMAIL_SHAPE.test(email))
    issues.push({ path: '/email', code: 'email_format' });

  if (message.length === 0) issues.push({ path: '/message', code: 'required' });
  else if (MESSAGE_FORBIDDEN.test(message)) issues.push({ path: '/message', code: 'control_characters' });
  else if (length(message) < MESSAGE_MIN) {
    issues.push({ path: '/message', code: 'too_short', params: { min: MESSAGE_MIN, length: length(message) } });
  } else if (length(message) > MESSAGE_MAX) {
    issues.push({ path: '/message', code: 'too_long', params: { max: MESSAGE_MAX, length: length(message) } });
  }

  if (issues.length > 0) throw new InvalidContactRequestError(issues);
  return { name, email, message };
}

/** A filled honeypot (`website`, invisible to people) marks a bot. */
export function isBot(website: string | undefined): boolean {
  return website !== undefined && website.trim() !== '';
}

/** Who reads and handles contact requests: admins and the owner (not moderators). */
export function canManageContacts(role: string): boolean {
  return role === 'admin' || role === 'owner';
}

export type RateWindow = Readonly<{ name: string; max: number; windowSeconds: number }>;

/** Stored requests per client (by IP hash) and for everyone together. */
export const CONTACT_RATE_LIMITS = {
  perClient: [
    { name: 'client_10_minutes', max: 3, windowSeconds: 10 * 60 },
    { name: 'client_day', max: 10, windowSeconds: 24 * 60 * 60 },
  ],
  global: [{ name: 'global_hour', max: 100, windowSeconds: 60 * 60 }],
} as const satisfies Record<string, readonly RateWindow[]>;
