/** The content module's tables as Kysely sees them (camelCase). */

export type ContentTables = Record<never, never>;
