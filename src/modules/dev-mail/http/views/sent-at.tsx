import type { PageContext } from '../../../../shared/http/views/page-context.ts';

export function SentAt({ ctx, date }: { ctx: PageContext; date: Date }) {
  const text = new Intl.DateTimeFormat(ctx.locale, { dateStyle: 'medium', timeStyle: 'medium' }).format(date);
  return <time dateTime={date.toISOString()}>{text}</time>;
}
