import { DateTime } from '../../../../shared/http/views/date-time.tsx';
import { CsrfInput } from '../../../../shared/http/views/form-fields.tsx';
import type { PageContext } from '../../../../shared/http/views/page-context.ts';
import type { NextAction, TrackProgress } from '../../application/contract.ts';
import { KIND_KEYS } from './learning-format.tsx';

const slugPath = (slug: string) => `/learn/${encodeURIComponent(slug)}`;

function PostButton(props: { ctx: PageContext; action: string; label: string; small?: boolean | undefined }) {
  return (
    <form method="post" action={props.action} class="d-inline">
      <CsrfInput ctx={props.ctx} />
      <button type="submit" class={`btn btn-primary${props.small ? ' btn-sm' : ''}`}>
        {props.label}
      </button>
    </form>
  );
}

function LinkButton(props: { href: string; label: string; small?: boolean | undefined }) {
  return (
    <a class={`btn btn-primary${props.small ? ' btn-sm' : ''}`} href={props.href}>
      {props.label}
    </a>
  );
}

/** What the student should do now, as the one primary button (or the reason there is none). */
export function NextActionButton(props: { ctx: PageContext; slug: string; next: NextAction; small?: boolean }) {
  const { ctx, slug, next, small } = props;
  const { t } = ctx;
  switch (next.action) {
    case 'take_diagnostic':
      return (
        <PostButton
          ctx={ctx}
          small={small}
          action={`${slugPath(slug)}/diagnostic`}
          label={t('learn.next.diagnostic')}
        />
      );
    case 'continue_attempt':
      return (
        <LinkButton
          small={small}
          href={`/learn/attempts/${next.attemptId}`}
          label={t('learn.next.continue', { kind: t(KIND_KEYS[next.kind]) })}
        />
      );
    case 'study':
      return <LinkButton small={small} href={`/learn/articles/${next.articleId}`} label={t('learn.next.study')} />;
    case 'take_level_exam':
      return (
        <PostButton
          ctx={ctx}
          small={small}
          action={`${slugPath(slug)}/stages/${next.stagePosition}/level-exam`}
          label={t('learn.next.levelExam', { position: next.stagePosition })}
        />
      );
    case 'take_rank_final':
      return (
        <PostButton ctx={ctx} small={small} action={`${slugPath(slug)}/rank-final`} label={t('learn.next.rankFinal')} />
      );
    case 'wait_cooldown':
      return (
        <p class="mb-0">
          <span class="badge text-bg-warning me-2">{t('learn.next.cooldownBadge')}</span>
          {t('learn.next.cooldown')} <DateTime ctx={ctx} date={next.retryAt} />
        </p>
      );
    case 'wait_for_approval':
      return (
        <p class="mb-0">
          <span class="badge text-bg-warning me-2">{t('learn.next.approvalBadge')}</span>
          {t('learn.next.approval')}
        </p>
      );
    case 'graduated':
      return (
        <LinkButton
          small={small}
          href={`/certificates/${encodeURIComponent(next.certificateCode)}`}
          label={t('learn.next.certificate')}
        />
      );
  }
}

/** A rejection the student has not acted on yet: the reviewer's comment. */
export function RejectionNotice(props: { ctx: PageContext; progress: TrackProgress }) {
  const { ctx, progress } = props;
  const decision = progress.lastDecision;
  if (!decision || decision.status !== 'rejected' || progress.next.action === 'wait_for_approval') return null;
  return (
    <div class="alert alert-warning" role="note">
      <p class="mb-1 fw-semibold">
        {ctx.t('learn.rejected.title')} (<DateTime ctx={ctx} date={decision.decidedAt} />)
      </p>
      {decision.comment ? (
        <p class="mb-0 text-break">
          {ctx.t('learn.rejected.comment')} {decision.comment}
        </p>
      ) : null}
    </div>
  );
}
