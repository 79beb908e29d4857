/** The files module's tables as Kysely sees them (camelCase). */

export type FilesTables = Record<never, never>;
