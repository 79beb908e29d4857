import type { ComponentChildren } from 'preact';
import { type Section, SectionLayout } from '../../../../shared/http/views/section-layout.tsx';
import type { PageContext } from '../../../../shared/http/views/page-context.ts';
import type { ArticleStatus, ArticleVisibility } from '../../application/contract.ts';

const NEW_PATH = '/admin/articles/new';
const SECTIONS: readonly Section[] = [
  ['/admin/articles', 'articlesAdmin.nav.list'],
  [NEW_PATH, 'articlesAdmin.nav.new'],
];

/** The article admin pages: the title as the heading, then tabs to the list and a new article. */
export function ArticlesLayout(props: { ctx: PageContext; title: string; children: ComponentChildren }) {
  const inNew = props.ctx.path === NEW_PATH;
  return (
    <SectionLayout
      ctx={props.ctx}
      title={props.title}
      navLabel="articlesAdmin.nav.label"
      sections={SECTIONS}
      isCurrent={(href) => (href === NEW_PATH) === inNew}
    >
      {props.children}
    </SectionLayout>
  );
}

export function StatusBadge(props: { ctx: PageContext; status: ArticleStatus }) {
  const published = props.status === 'published';
  return (
    <span class={`badge ${published ? 'text-bg-success' : 'text-bg-secondary'}`}>
      {props.ctx.t(published ? 'articlesAdmin.status.published' : 'articlesAdmin.status.draft')}
    </span>
  );
}

export function VisibilityLabel(props: { ctx: PageContext; visibility: ArticleVisibility }) {
  return (
    <>
      {props.ctx.t(
        props.visibility === 'public' ? 'articlesAdmin.visibility.public' : 'articlesAdmin.visibility.students',
      )}
    </>
  );
}

/** Every field error once more, as links to the fields (for screen-reader and keyboard users). */
export function FieldErrorLinks(props: {
  errors: Readonly<Record<string, string>>;
  /** The id of the control of a field path, or undefined when the page has none for it. */
  idOf: (path: string) => string | undefined;
  /** A prefix naming where the field is (e.g. "Question 2: "). */
  labelOf?: (path: string) => string;
}) {
  const entries = Object.entries(props.errors);
  if (entries.length === 0) return null;
  return (
    <ul class="mb-0">
      {entries.map(([path, message]) => {
        const id = props.idOf(path);
        const text = `${props.labelOf?.(path) ?? ''}${message}`;
        return <li>{id ? <a href={`#${id}`}>{text}</a> : text}</li>;
      })}
    </ul>
  );
}
