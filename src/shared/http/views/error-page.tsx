import type { MessageKey } from '../i18n/index.ts';
import { Layout } from './layout.tsx';
import type { PageContext } from './page-context.ts';

export function ErrorPage(props: { ctx: PageContext; status: number; title: string; text: string }) {
  const { ctx } = props;
  return (
    <Layout ctx={ctx} title={props.title}>
      <ErrorContent {...props} />
    </Layout>
  );
}

/** The same message as a fragment, for htmx requests. */
export function ErrorContent(props: { ctx: PageContext; status: number; title: string; text: string }) {
  const { ctx } = props;
  return (
    <section class="py-5 text-center" aria-labelledby="error-title">
      <p class="display-1 fw-bold text-body-secondary" aria-hidden="true">
        {props.status}
      </p>
      <h1 id="error-title" class="h2">
        {props.title}
      </h1>
      <p class="lead">{props.text}</p>
      {props.status >= 500 ? (
        <p class="small text-body-secondary">{ctx.t('error.requestId', { requestId: ctx.requestId })}</p>
      ) : null}
      <a class="btn btn-primary mt-2" href="/">
        {ctx.t('error.backHome')}
      </a>
    </section>
  );
}

export function errorTexts(status: number): { title: MessageKey; text: MessageKey } | undefined {
  if (status === 404) return { title: 'error.notFound.title', text: 'error.notFound.text' };
  if (status >= 500) return { title: 'error.server.title', text: 'error.server.text' };
  return undefined;
}
