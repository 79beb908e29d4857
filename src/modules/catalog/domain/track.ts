import type { FieldIssue } from '../../../shared/domain/errors.ts';
import { CatalogForbiddenError, InvalidCatalogInputError } from './errors.ts';

export const TRACK_STATUSES = ['draft', 'published'] as const;
export type TrackStatus = (typeof TRACK_STATUSES)[number];

export type Role = 'student' | 'moderator' | 'admin' | 'owner';
/** Who acts: the catalog is managed by admins and the owner. */
export type CatalogActor = Readonly<{ id: string; role: Role }>;

export type Track = Readonly<{
  id: string;
  slug: string;
  title: string;
  description: string;
  status: TrackStatus;
  currentSettingsVersion: number | null;
  publishedAt: Date | null;
}>;

/** A stage or a module: both are ordered within their track (positions 1..n). */
export type Stage = Readonly<{ id: string; trackId: string; position: number; title: string; description: string }>;
export type TrackModule = Stage & Readonly<{ slug: string }>;

export const SLUG_MAX = 80;
export const TITLE_MAX = 200;
export const DESCRIPTION_MAX = 20_000;
const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
/** A title is one visible line: no control or format characters (direction overrides forge how it reads). */
const TITLE_FORBIDDEN = /[\p{Cc}\p{Cf}\u2028\u2029]/u;
/** Markdown keeps its tabs and line breaks; other control characters (U+0000 cannot even be stored) are refused. */
const TEXT_FORBIDDEN = /[^\P{Cc}\t\n\r]/u;

/** Whether a multi-line text (a description, a note) holds a control character other than tab and line breaks. */
export function hasControlCharacters(text: string): boolean {
  return TEXT_FORBIDDEN.test(text);
}

export function assertCanManageCatalog(actor: Pick<CatalogActor, 'role'>): void {
  if (actor.role !== 'admin' && actor.role !== 'owner') throw new CatalogForbiddenError();
}

/** Text fields as a form or a client sent them; undefined = not being changed. */
export type CatalogFields = Readonly<{
  slug?: string | undefined;
  title?: string | undefined;
  description?: string | undefined;
}>;

/** Trims the title and checks every given field; throws with all failing fields at once. */
export function checkedFields<T extends CatalogFields>(fields: T): T {
  const issues: FieldIssue[] = [];
  const title = fields.title?.trim();
  if (title !== undefined) {
    if (title === '') issues.push({ path: '/title', code: 'required' });
    else if ([...title].length > TITLE_MAX)
      issues.push({ path: '/title', code: 'too_long', params: { max: TITLE_MAX } });
    else if (TITLE_FORBIDDEN.test(title)) issues.push({ path: '/title', code: 'control_characters' });
  }
  if (fields.slug !== undefined) {
    if (fields.slug === '') issues.push({ path: '/slug', code: 'required' });
    else if (fields.slug.length > SLUG_MAX) issues.push({ path: '/slug', code: 'too_long', params: { max: SLUG_MAX } });
    else if (!SLUG.test(fields.slug)) issues.push({ path: '/slug', code: 'slug_format' });
  }
  if (fields.description !== undefined && [...fields.description].length > DESCRIPTION_MAX) {
    issues.push({ path: '/description', code: 'too_long', params: { max: DESCRIPTION_MAX } });
  } else if (fields.description !== undefined && hasControlCharacters(fields.description)) {
    issues.push({ path: '/description', code: 'control_characters' });
  }
  if (issues.length > 0) throw new InvalidCatalogInputError(issues);
  return title === undefined ? fields : { ...fields, title };
}

/** A position to move to must be one of the track's positions 1..count. */
export function checkedPosition(position: number, count: number): number {
  if (!Number.isInteger(position) || position < 1 || position > count) {
    throw new InvalidCatalogInputError([{ path: '/position', code: 'position_range', params: { max: count } }]);
  }
  return position;
}

/** The fields that are set (undefined ones are left as they are). */
export function definedOf<T extends object>(fields: T): Partial<T> {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) as Partial<T>;
}
