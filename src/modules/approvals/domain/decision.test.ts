import { describe, expect, it } from 'vitest';
import { canDecide, checkComment, MAX_COMMENT_LENGTH } from './decision.ts';

describe('who decides', () => {
  it('is admins and the owner, never moderators or students', () => {
    expect(['student', 'moderator', 'admin', 'owner'].filter(canDecide)).toEqual(['admin', 'owner']);
  });
});

describe('a decision’s comment', () => {
  it('is trimmed; blank is no comment for an approval and refused for a rejection', () => {
    expect(checkComment('  Well done.\n', false)).toEqual({ ok: true, comment: 'Well done.' });
    expect(checkComment(' \n\t ', false)).toEqual({ ok: true, comment: null });
    expect(checkComment(null, false)).toEqual({ ok: true, comment: null });
    expect(checkComment(' \n\t ', true)).toEqual({ ok: false, reason: 'required' });
    expect(checkComment(undefined, true)).toEqual({ ok: false, reason: 'required' });
    expect(checkComment('Try again.', true)).toEqual({ ok: true, comment: 'Try again.' });
  });

  it('counts characters as PostgreSQL does (code points), up to the limit', () => {
    const emoji = '😀'.repeat(MAX_COMMENT_LENGTH);
    expect(checkComment(emoji, true)).toEqual({ ok: true, comment: emoji });
    expect(checkComment(`${emoji}x`, true)).toEqual({ ok: false, reason: 'too_long' });
  });
});
