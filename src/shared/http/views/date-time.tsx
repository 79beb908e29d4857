import type { PageContext } from './page-context.ts';

/** A moment in the page's language (UTC: the server knows no time zone of the reader). */
export function DateTime({ ctx, date }: { ctx: PageContext; date: Date }) {
  const text = new Intl.DateTimeFormat(ctx.locale, {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'UTC',
    timeZoneName: 'short',
  }).format(date);
  return <time dateTime={date.toISOString()}>{text}</time>;
}
