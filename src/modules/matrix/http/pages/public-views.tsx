import type { PageContext } from '../../../../shared/http/views/page-context.ts';
import { Layout } from '../../../../shared/http/views/layout.tsx';
import type { ItemView } from '../../application/ports.ts';
import type { SheetTree } from '../../application/sheets-query.ts';

export type MatrixQuery = { sheet?: string; section?: string; subsection?: string; grade?: string; q?: string };

function queryString(query: MatrixQuery): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value) params.set(key, value);
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** Items grouped by section → subsection; sections and subsections without items are left out. */
export function MatrixResults(props: { ctx: PageContext; items: readonly ItemView[]; total: number }) {
  const { ctx, items } = props;
  if (items.length === 0) {
    return (
      <div id="matrix-results" aria-live="polite">
        <p class="text-body-secondary">{ctx.t('matrix.empty')}</p>
      </div>
    );
  }
  const sections: { id: string; title: string; subsections: { id: string; title: string; items: ItemView[] }[] }[] = [];
  for (const item of items) {
    let section = sections.find((s) => s.id === item.sectionId);
    if (!section) {
      section = { id: item.sectionId, title: item.sectionTitle, subsections: [] };
      sections.push(section);
    }
    let subsection = section.subsections.find((s) => s.id === item.subsectionId);
    if (!subsection) {
      subsection = { id: item.subsectionId, title: item.subsectionTitle, items: [] };
      section.subsections.push(subsection);
    }
    subsection.items.push(item);
  }
  return (
    <div id="matrix-results" aria-live="polite">
      <p class="text-body-secondary small">{ctx.t('matrix.found', { count: props.total })}</p>
      {sections.map((section) => (
        <section class="mb-4" data-section={section.id}>
          <h2 class="h4">{section.title}</h2>
          {section.subsections.map((subsection) => (
            <div class="mb-3" data-subsection={subsection.id}>
              <h3 class="h5">{subsection.title}</h3>
              <ul class="list-unstyled">
                {subsection.items.map((item) => (
                  <li class="mb-2">
                    <details class="border rounded p-2">
                      <summary>
                        <span class="badge text-bg-info me-2">{item.gradeTitle}</span>
                        {item.question}
                      </summary>
                      <div
                        class="mt-2"
                        id={`answer-${item.id}`}
                        hx-get={`/matrix/items/${item.id}/answer`}
                        hx-trigger="toggle from:closest details once"
                        hx-swap="innerHTML"
                      >
                        <div class="matrix-answer">
                          <div dangerouslySetInnerHTML={{ __html: item.answerHtml }} />
                        </div>
                        <a href={`/matrix/items/${item.id}`}>{ctx.t('matrix.permalink')}</a>
                      </div>
                    </details>
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </section>
      ))}
    </div>
  );
}

/** The answer fragment (htmx) and the body of the item page. */
export function AnswerFragment(props: { ctx: PageContext; item: ItemView }) {
  const { ctx, item } = props;
  return (
    <div class="matrix-answer">
      <div dangerouslySetInnerHTML={{ __html: item.answerHtml }} />
      {item.resources.length > 0 ? (
        <>
          <h4 class="h6 mt-3">{ctx.t('matrix.resources')}</h4>
          <ul>
            {item.resources.map((resource) => (
              <li>
                <a href={resource.url} rel="noopener noreferrer" target="_blank">
                  {resource.title}
                </a>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <a href={`/matrix/items/${item.id}`}>{ctx.t('matrix.permalink')}</a>
    </div>
  );
}

export function MatrixPage(props: {
  ctx: PageContext;
  sheets: readonly SheetTree[];
  sheet: SheetTree | undefined;
  query: MatrixQuery;
  items: readonly ItemView[];
  total: number;
}) {
  const { ctx, sheet, query } = props;
  const sections = sheet?.sections ?? [];
  const subsections = sections.flatMap((s) => (query.section && s.id !== query.section ? [] : s.subsections));
  return (
    <Layout ctx={ctx} title={ctx.t('matrix.title')}>
      <h1 class="mb-3">{ctx.t('matrix.title')}</h1>
      {props.sheets.length > 0 ? (
        <nav aria-label={ctx.t('matrix.sheets')} class="mb-3">
          <ul class="nav nav-tabs">
            {props.sheets.map((s) => (
              <li class="nav-item">
                <a
                  class={`nav-link${s.id === sheet?.id ? ' active' : ''}`}
                  href={`/matrix${queryString({ sheet: s.slug })}`}
                  {...(s.id === sheet?.id ? { 'aria-current': 'page' } : {})}
                >
                  {s.title}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
      <form
        method="get"
        action="/matrix"
        class="row g-2 align-items-end mb-4"
        role="search"
        hx-get="/matrix"
        hx-target="#matrix-results"
        hx-select="#matrix-results"
        hx-swap="outerHTML"
        hx-push-url="true"
        hx-trigger="change, submit"
      >
        <input type="hidden" name="sheet" value={sheet?.slug ?? ''} />
        <div class="col-sm-3">
          <label class="form-label" for="matrix-section">
            {ctx.t('matrix.section')}
          </label>
          <select class="form-select" id="matrix-section" name="section">
            <option value="">{ctx.t('matrix.all')}</option>
            {sections.map((s) => (
              <option value={s.id} selected={s.id === query.section}>
                {s.title}
              </option>
            ))}
          </select>
        </div>
        <div class="col-sm-3">
          <label class="form-label" for="matrix-subsection">
            {ctx.t('matrix.subsection')}
          </label>
          <select class="form-select" id="matrix-subsection" name="subsection">
            <option value="">{ctx.t('matrix.all')}</option>
            {subsections.map((s) => (
              <option value={s.id} selected={s.id === query.subsection}>
                {s.title}
              </option>
            ))}
          </select>
        </div>
        <div class="col-sm-2">
          <label class="form-label" for="matrix-grade">
            {ctx.t('matrix.grade')}
          </label>
          <select class="form-select" id="matrix-grade" name="grade">
            <option value="">{ctx.t('matrix.all')}</option>
            {(sheet?.grades ?? []).map((g) => (
              <option value={g.slug} selected={g.slug === query.grade}>
                {g.title}
              </option>
            ))}
          </select>
        </div>
        <div class="col-sm-3">
          <label class="form-label" for="matrix-q">
            {ctx.t('matrix.search')}
          </label>
          <input class="form-control" type="search" id="matrix-q" name="q" value={query.q ?? ''} maxLength={200} />
        </div>
        <div class="col-sm-1">
          <button class="btn btn-primary w-100" type="submit">
            {ctx.t('matrix.apply')}
          </button>
        </div>
      </form>
      <MatrixResults ctx={ctx} items={props.items} total={props.total} />
    </Layout>
  );
}

export function ItemPage(props: { ctx: PageContext; item: ItemView }) {
  const { ctx, item } = props;
  return (
    <Layout ctx={ctx} title={item.question}>
      <nav aria-label={ctx.t('matrix.breadcrumbs')}>
        <ol class="breadcrumb">
          <li class="breadcrumb-item">
            <a href={`/matrix?sheet=${encodeURIComponent(item.sheetSlug)}`}>{item.sheetTitle}</a>
          </li>
          <li class="breadcrumb-item">
            <a href={`/matrix?sheet=${encodeURIComponent(item.sheetSlug)}&section=${item.sectionId}`}>
              {item.sectionTitle}
            </a>
          </li>
          <li class="breadcrumb-item active" aria-current="page">
            {item.subsectionTitle}
          </li>
        </ol>
      </nav>
      <h1 class="h3">{item.question}</h1>
      <p>
        <span class="badge text-bg-info">{item.gradeTitle}</span>
        {item.status === 'draft' ? <span class="badge text-bg-warning ms-2">{ctx.t('matrix.draft')}</span> : null}
      </p>
      {item.module ? (
        <p>
          {ctx.t('matrix.module')}:{' '}
          <a href={`/tracks/${encodeURIComponent(item.module.trackSlug)}`}>
            {item.module.trackTitle} — {item.module.title}
          </a>
        </p>
      ) : null}
      <AnswerFragment ctx={ctx} item={item} />
    </Layout>
  );
}
