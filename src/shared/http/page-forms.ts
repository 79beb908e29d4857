import { type TObject, type TOptional, type TString, Type } from 'typebox';

/** A url-encoded page form or query: every field optional, checked by the use case so the form comes back with its errors. */
export type FormBody = Partial<Record<string, string>>;

const FIELD = Type.Optional(Type.String({ maxLength: 100_000 }));

/** A lenient body or query schema (a schema failure would lose the user's input behind a generic 400 page). */
export function formSchema(...fields: string[]): TObject<Record<string, TOptional<TString>>> {
  return Type.Object(Object.fromEntries([...fields, '_csrf'].map((field) => [field, FIELD])));
}

/** The `page` of a list from the query string: 1 unless it is a sane page number. */
export function pageNumber(value: string | undefined): number {
  const page = Number(value?.trim() || NaN);
  return Number.isSafeInteger(page) && page >= 1 && page <= 100_000 ? page : 1;
}
