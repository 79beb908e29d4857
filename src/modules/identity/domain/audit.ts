import type { AuditEntry as SharedAuditEntry } from '../../../shared/domain/audit.ts';

export type AuditAction =
  | 'auth.login_succeeded'
  | 'auth.login_failed'
  | 'auth.mfa_failed'
  | 'auth.recovery_code_used'
  | 'auth.logout'
  | 'auth.refresh_reuse_detected'
  | 'user.registered'
  | 'user.email_verified'
  | 'user.password_changed'
  | 'user.password_reset'
  | 'user.profile_updated'
  | 'user.mfa_enabled'
  | 'user.mfa_disabled'
  | 'user.role_changed'
  | 'user.status_changed'
  | 'user.owner_created'
  | 'session.revoked'
  | 'track.published'
  | 'track.unpublished'
  | 'track.deleted'
  | 'settings.version_created'
  | 'settings.activated'
  | 'questions.imported'
  | 'article.published'
  | 'article.unpublished'
  | 'article.deleted'
  | 'attempt.annulled'
  | 'enrollment.extra_time_set'
  | 'approval.approved'
  | 'approval.rejected';

export const AUDIT_ACTIONS: readonly AuditAction[] = [
  'auth.login_succeeded',
  'auth.login_failed',
  'auth.mfa_failed',
  'auth.recovery_code_used',
  'auth.logout',
  'auth.refresh_reuse_detected',
  'user.registered',
  'user.email_verified',
  'user.password_changed',
  'user.password_reset',
  'user.profile_updated',
  'user.mfa_enabled',
  'user.mfa_disabled',
  'user.role_changed',
  'user.status_changed',
  'user.owner_created',
  'session.revoked',
  'track.published',
  'track.unpublished',
  'track.deleted',
  'settings.version_created',
  'settings.activated',
  'questions.imported',
  'article.published',
  'article.unpublished',
  'article.deleted',
  'attempt.annulled',
  'enrollment.extra_time_set',
  'approval.approved',
  'approval.rejected',
];

export type { RequestOrigin } from '../../../shared/domain/audit.ts';

export type AuditEntry = SharedAuditEntry<AuditAction>;
