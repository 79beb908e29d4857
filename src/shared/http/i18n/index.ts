import { en } from './en.ts';
import { type MessageKey, ru } from './ru.ts';

export type { MessageKey };
export const LOCALES = ['ru', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

export const CATALOGS: Readonly<Record<Locale, Readonly<Record<MessageKey, string>>>> = { ru, en };

export type MessageParams = Readonly<Record<string, string | number>>;
export type Translate = (key: MessageKey, params?: MessageParams) => string;

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

export function isMessageKey(value: unknown): value is MessageKey {
  return typeof value === 'string' && Object.hasOwn(ru, value);
}

export function translator(locale: Locale): Translate {
  const catalog = CATALOGS[locale];
  return (key, params) => interpolate(catalog[key], params);
}

function interpolate(template: string, params: MessageParams | undefined): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (match, name: string) => (name in params ? String(params[name]) : match));
}

/**
 * The user's saved preference, then the locale cookie, then the best `Accept-Language` match,
 * then the deployment's default.
 */
export function resolveLocale(sources: {
  userLocale?: string | undefined;
  cookie?: string | undefined;
  acceptLanguage?: string | undefined;
  defaultLocale: Locale;
}): Locale {
  if (isLocale(sources.userLocale)) return sources.userLocale;
  if (isLocale(sources.cookie)) return sources.cookie;
  return fromAcceptLanguage(sources.acceptLanguage) ?? sources.defaultLocale;
}

function fromAcceptLanguage(header: string | undefined): Locale | undefined {
  if (!header) return undefined;
  const ranked = header
    .split(',')
    .map((part, index) => {
      const [tag = '', ...attributes] = part.trim().split(';');
      const q = attributes.map((attribute) => attribute.trim()).find((attribute) => attribute.startsWith('q='));
      return { language: tag.trim().toLowerCase().split('-')[0], quality: q ? Number(q.slice(2)) : 1, index };
    })
    .filter((entry) => Number.isFinite(entry.quality) && entry.quality > 0)
    .sort((a, b) => b.quality - a.quality || a.index - b.index);
  return ranked.map((entry) => entry.language).find(isLocale);
}
