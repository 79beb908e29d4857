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
  | 'session.revoked';

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
];

/** Where a request came from: recorded with every audit event. */
export type RequestOrigin = Readonly<{ ip: string; requestId: string; userAgent?: string | undefined }>;

export type AuditEntry = Readonly<{
  at: Date;
  actorId: string | null;
  action: AuditAction;
  subjectId: string | null;
  origin: RequestOrigin | null;
  details?: Readonly<Record<string, string | number | boolean | null>>;
}>;
