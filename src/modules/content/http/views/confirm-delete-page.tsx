import { CsrfInput, ErrorSummary } from '../../../../shared/http/views/form-fields.tsx';
import type { PageContext } from '../../../../shared/http/views/page-context.ts';
import type { ArticleView } from '../../application/contract.ts';
import { ArticlesLayout, StatusBadge } from './admin-layout.tsx';

/** The second step of deleting an article (works without JavaScript). */
export function ConfirmDeletePage(props: { ctx: PageContext; article: ArticleView; message?: string | undefined }) {
  const { ctx, article } = props;
  const { t } = ctx;
  return (
    <ArticlesLayout ctx={ctx} title={t('articlesAdmin.delete.title')}>
      <ErrorSummary ctx={ctx} message={props.message} />
      <p class="fs-5">
        {article.title} <StatusBadge ctx={ctx} status={article.status} />
      </p>
      <p>{t('articlesAdmin.delete.text', { questions: article.minitestSize })}</p>
      <form method="post" action={`/admin/articles/${article.id}/delete`} class="d-flex flex-wrap gap-2">
        <CsrfInput ctx={ctx} />
        <button type="submit" class="btn btn-danger">
          {t('articlesAdmin.delete.confirm')}
        </button>
        <a class="btn btn-link" href={`/admin/articles/${article.id}`}>
          {t('articlesAdmin.form.cancel')}
        </a>
      </form>
    </ArticlesLayout>
  );
}
