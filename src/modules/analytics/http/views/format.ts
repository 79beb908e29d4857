import type { Locale, Translate } from '../../../../shared/http/i18n/index.ts';

export function formatPercent(locale: Locale, share: number): string {
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(share);
}

export function formatNumber(locale: Locale, value: number, digits = 2): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(value);
}

/** Seconds as "2 d 3 h", "3 h 5 min", "5 min", "40 s" (two largest units). */
export function formatDuration(t: Translate, seconds: number): string {
  const total = Math.round(seconds);
  if (total < 60) return t('analytics.duration.seconds', { n: total });
  const minutes = Math.floor(total / 60) % 60;
  const hours = Math.floor(total / 3600) % 24;
  const days = Math.floor(total / 86_400);
  if (days > 0) return t('analytics.duration.daysHours', { d: days, h: hours });
  if (hours > 0) return t('analytics.duration.hoursMinutes', { h: hours, m: minutes });
  return t('analytics.duration.minutes', { m: minutes });
}
