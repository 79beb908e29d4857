import { renderInlineMarkdown, renderMarkdown } from '../../../../shared/http/markdown.ts';
import type { PageContext } from '../../../../shared/http/views/page-context.ts';

export type PreviewContent = Readonly<{
  text: string;
  options: readonly Readonly<{ text: string; correct: boolean }>[];
  explanation: string;
}>;

/**
 * The question as a student will read it (Markdown rendered by `renderMarkdown`, which is safe to
 * insert), with the correct options marked for the editor. With `live`, htmx refreshes it from
 * the form as the editor types; without JavaScript the form's Preview button does.
 */
export function QuestionPreview(props: { ctx: PageContext; content: PreviewContent; live?: boolean }) {
  const { ctx, content } = props;
  const { t } = ctx;
  const options = content.options.filter((option) => option.text.trim() !== '');
  const live = props.live
    ? {
        'hx-post': '/admin/questions/preview',
        'hx-trigger': 'input changed delay:700ms from:#question-form',
        'hx-include': '#question-form',
        'hx-swap': 'outerHTML',
      }
    : {};
  return (
    <section
      id="question-preview"
      class="card mb-4"
      aria-labelledby="question-preview-title"
      aria-live="polite"
      {...live}
    >
      <div class="card-body">
        <h2 id="question-preview-title" class="h5 card-title">
          {t('questionsAdmin.preview.title')}
        </h2>
        {content.text.trim() === '' ? (
          <p class="text-body-secondary mb-0">{t('questionsAdmin.preview.empty')}</p>
        ) : (
          <>
            <div class="question-text" dangerouslySetInnerHTML={{ __html: renderMarkdown(content.text) }} />
            <ul class="list-group mb-3">
              {options.map((option) => (
                <li class={`list-group-item d-flex gap-2${option.correct ? ' list-group-item-success' : ''}`}>
                  <span dangerouslySetInnerHTML={{ __html: renderInlineMarkdown(option.text) }} />
                  {option.correct ? (
                    <span class="ms-auto badge text-bg-success">{t('questionsAdmin.preview.correct')}</span>
                  ) : null}
                </li>
              ))}
            </ul>
            {content.explanation.trim() !== '' ? (
              <div class="border-start border-3 ps-3">
                <h3 class="h6">{t('questionsAdmin.field.explanation')}</h3>
                <div dangerouslySetInnerHTML={{ __html: renderMarkdown(content.explanation) }} />
              </div>
            ) : null}
          </>
        )}
      </div>
    </section>
  );
}
