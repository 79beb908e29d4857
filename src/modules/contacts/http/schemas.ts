import { Type } from 'typebox';
import type { ContactRequest } from '../domain/contact-request.ts';
import { CONTACT_LOCALES, CONTACT_STATUSES } from '../domain/contact-request.ts';

const literals = <T extends string>(values: readonly T[]) => Type.Union(values.map((value) => Type.Literal(value)));
const DateTime = Type.String({ format: 'date-time' });

export const ContactStatusSchema = literals(CONTACT_STATUSES);
export const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });

/** PostgreSQL text cannot hold U+0000: a search with it is malformed. */
const NO_NUL = '^[^\\u0000]*$';

// Lengths and formats are the use case's rules (a 422 naming every failing field); these only bound the input.
const Text = (description: string) => Type.String({ maxLength: 100_000, description });

export const SubmitBody = Type.Object({
  name: Text('1 to 100 characters'),
  email: Text('an email address, at most 254 characters'),
  message: Text('10 to 5000 characters'),
  website: Type.Optional(Text('leave empty: a field people never see (a request that fills it is dropped)')),
});

export const Received = Type.Object({ received: Type.Literal(true) });

export const ListQuery = Type.Object({
  status: Type.Optional(ContactStatusSchema),
  q: Type.Optional(Type.String({ maxLength: 254, pattern: NO_NUL, description: 'part of the name or the email' })),
  limit: Type.Integer({ minimum: 1, maximum: 100, default: 20 }),
  offset: Type.Integer({ minimum: 0, maximum: 1_000_000, default: 0 }),
});

export const StatusBody = Type.Object({ status: ContactStatusSchema });

export const ContactRequestSchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  name: Type.String(),
  email: Type.String(),
  message: Type.String({ description: 'plain text as sent (escape it before showing it as HTML)' }),
  locale: literals(CONTACT_LOCALES),
  status: ContactStatusSchema,
  createdAt: DateTime,
  handledAt: Type.Union([DateTime, Type.Null()]),
  handledBy: Type.Union([
    Type.Object({ id: Type.String({ format: 'uuid' }), displayName: Type.String() }),
    Type.Null({ description: 'not handled, or the handler’s account was deleted' }),
  ]),
});

export const ContactListSchema = Type.Object({ items: Type.Array(ContactRequestSchema), total: Type.Integer() });

export function contactJson(request: ContactRequest) {
  return {
    id: request.id,
    name: request.name,
    email: request.email,
    message: request.message,
    locale: request.locale,
    status: request.status,
    createdAt: request.createdAt.toISOString(),
    handledAt: request.handledAt?.toISOString() ?? null,
    handledBy: request.handledBy,
  };
}
