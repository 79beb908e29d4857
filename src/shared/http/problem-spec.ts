import type { MessageKey, MessageParams } from './i18n/index.ts';

/** What an error response says before it is localized: status, stable code, detail, field errors. */
export type ProblemSpec = {
  status: number;
  code: string;
  detail?: { key: MessageKey; params?: MessageParams } | string;
  errors?: { path: string; message: string }[];
  headers?: Record<string, string>;
  /** Seconds until a retry may succeed: sent as the problem's `retryAfter` (with a Retry-After header). */
  retryAfter?: number;
};
