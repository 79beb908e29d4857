export const MAX_COMMENT_LENGTH = 2000;

/** Who decides approval requests and reads their dossiers: admins and the owner (not moderators). */
export function canDecide(role: string): boolean {
  return role === 'admin' || role === 'owner';
}

export type CommentCheck =
  Readonly<{ ok: true; comment: string | null }> | Readonly<{ ok: false; reason: 'required' | 'too_long' }>;

/**
 * A decision's comment, trimmed; blank is no comment. A rejection must explain itself to the
 * student; any comment has at most MAX_COMMENT_LENGTH characters.
 */
export function checkComment(raw: string | null | undefined, required: boolean): CommentCheck {
  const comment = (raw ?? '').trim();
  if (comment === '') return required ? { ok: false, reason: 'required' } : { ok: true, comment: null };
  if ([...comment].length > MAX_COMMENT_LENGTH) return { ok: false, reason: 'too_long' };
  return { ok: true, comment };
}

/** The outbox events of this module (delivered to the mail handlers). */
export const APPROVAL_REQUESTED = 'approval.requested';
export const APPROVAL_DECIDED = 'approval.decided';
/** Written by progress when a graduation is approved. */
export const ENROLLMENT_GRADUATED = 'enrollment.graduated';
