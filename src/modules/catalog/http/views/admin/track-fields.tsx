import { TextArea, TextField } from '../../../../../shared/http/views/form-fields.tsx';
import type { PageContext } from '../../../../../shared/http/views/page-context.ts';

/** A track's title, slug and Markdown description: the fields of the new-track and edit forms. */
export function TrackFields(props: {
  ctx: PageContext;
  /** Element ids, unique on the page. */
  ids: Readonly<{ title: string; slug: string; description: string }>;
  values: Readonly<{ title?: string | undefined; slug?: string | undefined; description?: string | undefined }>;
  errors?: Readonly<Record<string, string>> | undefined;
  descriptionRows?: number;
}) {
  const { ctx, ids, values, errors } = props;
  const { t } = ctx;
  return (
    <>
      <TextField
        id={ids.title}
        name="title"
        label={t('catalog.field.title')}
        value={values.title}
        error={errors?.title}
        required
      />
      <TextField
        id={ids.slug}
        name="slug"
        label={t('catalog.field.slug')}
        value={values.slug}
        error={errors?.slug}
        hint={t('catalog.field.slugHint')}
        required
      />
      <TextArea
        id={ids.description}
        name="description"
        label={t('catalog.field.description')}
        value={values.description}
        error={errors?.description}
        hint={t('catalog.field.markdownHint')}
        {...(props.descriptionRows ? { rows: props.descriptionRows } : {})}
      />
    </>
  );
}
