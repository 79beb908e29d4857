import { isMessageKey, type Translate } from '../../../../../shared/http/i18n/index.ts';
import type { SettingsParams } from '../../../domain/settings.ts';
import {
  SETTINGS_FIELDS,
  type SettingsField,
  type SettingsValue,
  settingsValue,
} from '../../../domain/settings-fields.ts';

/** The form name of a settings field: `levelExam.passPercent`. */
export const fieldKey = (field: SettingsField) => `${field.group}.${field.name}`;

export function groupLabel(t: Translate, group: string): string {
  const key = `catalog.settings.group.${group}`;
  return isMessageKey(key) ? t(key) : group;
}

export function fieldLabel(t: Translate, field: SettingsField): string {
  const key = `catalog.settings.field.${fieldKey(field)}`;
  return isMessageKey(key) ? t(key) : fieldKey(field);
}

/** A field named by a JSON pointer (`/levelExam/passPercent`), for the diff. */
export function pathLabel(t: Translate, path: string): string {
  const field = SETTINGS_FIELDS.find((candidate) => `/${candidate.group}/${candidate.name}` === path);
  return field ? `${groupLabel(t, field.group)} · ${fieldLabel(t, field)}` : path;
}

export function valueText(t: Translate, value: SettingsValue): string {
  return typeof value === 'boolean' ? t(value ? 'catalog.settings.yes' : 'catalog.settings.no') : String(value);
}

/** Complete settings as the new-version form shows them. */
export function formValues(params: SettingsParams): Record<string, string> {
  return Object.fromEntries(
    SETTINGS_FIELDS.map((field) => {
      const value = settingsValue(params, field);
      return [fieldKey(field), typeof value === 'boolean' ? (value ? 'true' : '') : String(value)];
    }),
  );
}

/** The form's fields as the settings the use case checks: integers where they parse, the raw text otherwise. */
export function paramsFromForm(
  body: Readonly<Record<string, string | undefined>>,
): Record<string, Record<string, unknown>> {
  const params: Record<string, Record<string, unknown>> = {};
  for (const field of SETTINGS_FIELDS) {
    const raw = body[fieldKey(field)];
    const group = (params[field.group] ??= {});
    if (field.kind === 'boolean') group[field.name] = raw === 'true';
    else if (raw !== undefined) group[field.name] = /^\s*-?\d{1,9}\s*$/.test(raw) ? Number(raw) : raw.trim();
  }
  return params;
}
