/** Where a request came from: recorded with every audit event. */
export type RequestOrigin = Readonly<{ ip: string; requestId: string; userAgent?: string | undefined }>;

/** One audit event as any module records it; identity owns the log and lists the actions. */
export type AuditEntry<Action extends string = string> = Readonly<{
  at: Date;
  actorId: string | null;
  action: Action;
  subjectId: string | null;
  origin: RequestOrigin | null;
  details?: Readonly<Record<string, string | number | boolean | null>>;
}>;
