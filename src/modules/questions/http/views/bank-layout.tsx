import type { ComponentChildren } from 'preact';
import { type Section, SectionLayout } from '../../../../shared/http/views/section-layout.tsx';
import type { PageContext } from '../../../../shared/http/views/page-context.ts';
import type { TrackOutline } from '../../application/track-directory.ts';
import { type Choice, SelectField, TextField } from '../../../../shared/http/views/form-fields.tsx';

const IMPORT_PATH = '/admin/questions/import';
const SECTIONS: readonly Section[] = [
  ['/admin/questions', 'questionsAdmin.nav.questions'],
  [IMPORT_PATH, 'questionsAdmin.nav.import'],
];

/** The question bank's pages: the title as the heading, then tabs to the list and the import. */
export function BankLayout(props: { ctx: PageContext; title: string; children: ComponentChildren }) {
  const inImport = props.ctx.path === IMPORT_PATH;
  return (
    <SectionLayout
      ctx={props.ctx}
      title={props.title}
      navLabel="questionsAdmin.nav.label"
      sections={SECTIONS}
      isCurrent={(href) => (href === IMPORT_PATH) === inImport}
    >
      {props.children}
    </SectionLayout>
  );
}

export type TrackChoice = Readonly<{ id: string; title: string }>;

/** The track field: a select when the tracks are known, else a text input taking an id or slug. */
export function TrackField(props: {
  ctx: PageContext;
  id: string;
  value: string | undefined;
  tracks: readonly TrackChoice[] | undefined;
  error?: string | undefined;
  /** The label of the empty choice; none means a track is required. */
  empty?: string | undefined;
}) {
  const { t } = props.ctx;
  const common = { id: props.id, name: 'trackId', label: t('questionsAdmin.field.track'), error: props.error };
  if (props.tracks) {
    const options: Choice[] = props.tracks.map((track) => ({ value: track.id, label: track.title }));
    return (
      <SelectField
        {...common}
        value={props.value}
        options={options}
        empty={props.empty ?? t('questionsAdmin.field.chooseTrack')}
        required={props.empty === undefined}
      />
    );
  }
  return (
    <TextField
      {...common}
      value={props.value}
      hint={t('questionsAdmin.field.trackHint')}
      required={props.empty === undefined}
      maxLength={100}
    />
  );
}

/** "Stage 2 · Intermediate", or "Any stage" for a question of every stage tier. */
export function stageLabel(ctx: PageContext, stage: Readonly<{ position: number; title: string }> | null | undefined) {
  return stage
    ? ctx.t('questionsAdmin.stageLabel', { position: stage.position, title: stage.title })
    : ctx.t('questionsAdmin.anyStage');
}

export function moduleChoices(outline: TrackOutline): Choice[] {
  return outline.modules.map((module) => ({ value: module.id, label: module.title }));
}

export function stageChoices(ctx: PageContext, outline: TrackOutline): Choice[] {
  return outline.stages.map((stage) => ({ value: stage.id, label: stageLabel(ctx, stage) }));
}

/** The first words of a question's Markdown as plain text, for tables. */
export function excerpt(text: string, max = 120): string {
  const plain = text
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[`*_#>]+/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  return plain.length > max ? `${plain.slice(0, max - 1).trimEnd()}…` : plain;
}
