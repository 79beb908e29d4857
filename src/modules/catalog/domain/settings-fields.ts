import type { FieldIssue } from '../../../shared/domain/errors.ts';
import { InvalidSettingsError } from './errors.ts';
import { type SettingsParams, validateSettings } from './settings.ts';
import { hasControlCharacters } from './track.ts';

export type SettingsField = Readonly<{ group: string; name: string; kind: 'integer' | 'boolean' }>;

const exam = (group: string): SettingsField[] => [
  { group, name: 'questionCount', kind: 'integer' },
  { group, name: 'minPerModule', kind: 'integer' },
  { group, name: 'maxPerModule', kind: 'integer' },
  { group, name: 'passPercent', kind: 'integer' },
  { group, name: 'timeLimitMinutes', kind: 'integer' },
  { group, name: 'cooldownMinutes', kind: 'integer' },
  { group, name: 'revealCorrectAnswers', kind: 'boolean' },
];

/** Every settings field, in the order forms and diffs show them. */
export const SETTINGS_FIELDS: readonly SettingsField[] = [
  { group: 'diagnostic', name: 'questionsPerModule', kind: 'integer' },
  { group: 'adaptivity', name: 'weakModules', kind: 'integer' },
  { group: 'content', name: 'extraArticlesPerWeakModule', kind: 'integer' },
  { group: 'content', name: 'minitestPassPercent', kind: 'integer' },
  ...exam('levelExam'),
  ...exam('rankFinal'),
  { group: 'approval', name: 'required', kind: 'boolean' },
];

export const SETTINGS_GROUPS = [...new Set(SETTINGS_FIELDS.map((field) => field.group))];

export type SettingsValue = number | boolean;

/** The value of one field of complete settings. */
export function settingsValue(params: SettingsParams, field: SettingsField): SettingsValue {
  const group = (params as unknown as Record<string, Record<string, SettingsValue>>)[field.group];
  return group?.[field.name] ?? 0;
}

export type SettingsChange = Readonly<{ path: string; before: SettingsValue; after: SettingsValue }>;

/** The fields whose values differ between two versions, in form order. */
export function diffSettings(before: SettingsParams, after: SettingsParams): SettingsChange[] {
  return SETTINGS_FIELDS.flatMap((field) => {
    const [a, b] = [settingsValue(before, field), settingsValue(after, field)];
    return a === b ? [] : [{ path: `/${field.group}/${field.name}`, before: a, after: b }];
  });
}

/** Fields the settings do not have (a typo would otherwise silently keep the default). */
export function unknownSettingsFields(input: unknown): FieldIssue[] {
  if (!isRecord(input)) return [{ path: '', code: 'not_an_object' }];
  const known = new Map(SETTINGS_GROUPS.map((group) => [group, SETTINGS_FIELDS.filter((f) => f.group === group)]));
  return Object.entries(input).flatMap(([group, value]): FieldIssue[] => {
    const fields = known.get(group);
    if (!fields) return [{ path: `/${pointerToken(group)}`, code: 'unknown_field' }];
    if (!isRecord(value)) return [{ path: `/${group}`, code: 'not_an_object' }];
    return Object.keys(value)
      .filter((name) => !fields.some((field) => field.name === name))
      .map((name) => ({ path: `/${group}/${pointerToken(name)}`, code: 'unknown_field' }));
  });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A key as a JSON pointer token (RFC 6901), cut short: it is echoed back to the client. */
function pointerToken(key: string): string {
  return key.slice(0, 100).replace(/~/g, '~0').replace(/\//g, '~1');
}

export const NOTE_MAX = 500;

/**
 * New settings as a client sent them: unknown fields, every invalid value and the exam
 * arithmetic for `moduleCount` modules, all reported at once under `/params`; the note too.
 */
export function checkedNewSettings(input: unknown, note: string, moduleCount: number) {
  const checked = validateSettings(input, moduleCount);
  const issues: FieldIssue[] = [...unknownSettingsFields(input), ...(checked.ok ? [] : checked.issues)].map(
    (issue) => ({ ...issue, path: `/params${issue.path}` }),
  );
  const trimmed = note.trim();
  if ([...trimmed].length > NOTE_MAX) issues.push({ path: '/note', code: 'too_long', params: { max: NOTE_MAX } });
  else if (hasControlCharacters(trimmed)) issues.push({ path: '/note', code: 'control_characters' });
  if (issues.length > 0 || !checked.ok) throw new InvalidSettingsError(issues);
  return { params: checked.params, note: trimmed };
}
