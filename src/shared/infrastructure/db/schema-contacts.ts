/** The contacts module's tables as Kysely sees them (camelCase). */

export type ContactsTables = Record<never, never>;
