import type { approvalsRu } from './approvals-ru.ts';

export const approvalsEn: Record<keyof typeof approvalsRu, string> = {};
