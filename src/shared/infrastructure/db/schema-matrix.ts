/** The matrix module's tables as Kysely sees them (camelCase). */

export type MatrixTables = Record<never, never>;
